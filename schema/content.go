package schema

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/afstandswijzer/afstandswijzer/content"
)

// contentFile is one content file: the TOML key of its table array and the
// Go type of one entry. meta.toml has no array: its keys are content.Meta.
type contentFile struct {
	file, table string
	item        any
	title       string
}

// contentFiles mirrors the loader's file types (content/load.go). A key
// renamed there makes the built-in files fail these schemas, which the
// package test shows.
var contentFiles = []contentFile{
	{"meta.toml", "", content.Meta{}, "Gegevens over de inhoud en de handreiking"},
	{"vragen.toml", "vraag", content.Question{}, "De vragen, in volgorde, met opties"},
	{"regels.toml", "regel", content.Rule{}, "De regels uit de handreiking"},
	{"partijen.toml", "partij", content.Party{}, "Wie beslist wat"},
	{"acties.toml", "actie", content.Action{}, "Wat je vooraf en achteraf regelt"},
	{"bronnen.toml", "bron", content.Resource{}, "Links naar hulp, per thema"},
	{"voorbeelden.toml", "voorbeeld", content.Example{}, "Voorbeelden uit de praktijk (vo-onderzoek van de Inspectie)"},
	{"begrippen.toml", "begrip", content.Term{}, "De woorden uit de regels uitgelegd"},
	{"bevindingen.toml", "bevinding", content.Finding{}, "Wat de Inspectie zag, per thema"},
}

// Patterns the loader checks (content/lines.go, content/checks.go).
const (
	questionIDPattern = `^[a-z][a-z0-9_]*$`
	itemIDPattern     = `^[a-z0-9][a-z0-9_-]*$`
	// An address may be left empty where the loader allows that; when it
	// is there it must be a whole https address.
	urlPattern         = `^(https://\S+)?$`
	requiredURLPattern = `^https://\S+$`
	// notBlank is the loader's "verplicht, mag niet leeg zijn".
	notBlank = `\S`
)

// contentField adds what the loader accepts for a field beyond its Go
// type: fixed values and patterns. Values an institution chooses itself
// (themes, ids of other items) are not fixed here.
func contentField(owner reflect.Type, f reflect.StructField, d Doc) {
	withEmpty := append([]string{""}, content.Priorities...) // empty means "normaal"
	enums := map[string][]string{
		"Question.Kind":      {content.One, content.Many},
		"Rule.Part":          content.Parts,
		"Rule.Priority":      withEmpty,
		"Action.Priority":    withEmpty,
		"Action.Phase":       {content.Before, content.After},
		"Resource.Certainty": content.Certainties,
	}
	// brontype may be missing or empty in an older folder (controleer
	// refuses that, loading does not).
	kinds := append([]string{""}, content.SourceKinds...)
	for _, k := range []string{"Rule.Brontype", "Rule.ActionsBrontype", "Question.Brontype", "Task.Brontype", "Action.Brontype",
		"Example.Brontype", "Term.Brontype", "Finding.Brontype", "Note.Brontype"} {
		enums[k] = kinds
	}
	patterns := map[string]string{
		"Question.ID":  questionIDPattern,
		"Option.Value": itemIDPattern,
		"Meta.URL":     urlPattern,
		"Meta.VOURL":   urlPattern,
		"Resource.URL": urlPattern,
	}
	key := owner.Name() + "." + f.Name
	if f.Name == "ID" && owner.Name() != "Question" {
		patterns[key] = itemIDPattern
	}
	if e, ok := enums[key]; ok {
		d["enum"] = slices.Clone(e)
	}
	if p, ok := patterns[key]; ok {
		d["pattern"] = p
	}
}

// Content returns the schemas of the content files, one per file, each
// naming its file in x-bestanden (a glob relative to content/data).
func Content() ([]File, error) {
	g := &gen{tag: "toml", field: contentField}
	var out []File
	for _, cf := range contentFiles {
		item := g.typ(reflect.TypeOf(cf.item))
		root := item
		if cf.table != "" {
			root = Doc{
				"type":                 "object",
				"additionalProperties": false,
				"properties":           Doc{cf.table: Doc{"type": "array", "items": item}},
			}
		}
		required, err := requiredKeys(cf)
		if err != nil {
			return nil, err
		}
		for path, keys := range required {
			part := at(root, strings.Split(path, ".")...)
			if path == "" {
				part = root
			}
			for _, k := range keys {
				p, _ := part["properties"].(Doc)[k].(Doc)
				switch {
				case p["pattern"] == urlPattern:
					p["pattern"] = requiredURLPattern
				case p["type"] == "string" && p["enum"] == nil && p["pattern"] == nil:
					p["pattern"] = notBlank
				}
			}
			part["required"] = keys
		}
		root["$schema"] = Draft
		root["title"] = "afstandswijzer: " + cf.file + ": " + cf.title
		root["x-bestanden"] = cf.file
		out = append(out, File{"inhoud-" + strings.TrimSuffix(cf.file, ".toml") + ".schema.json", root})
	}
	return out, nil
}

// requiredKeys finds the keys the loader requires, by asking it: for each
// key the built-in file uses, it takes the key out of the first entry
// that has it and loads the content. A key is required when the loader
// then names it in a problem. Keyed by the dotted path of the table
// ("" for meta.toml's top level, "vraag", "vraag.optie"), sorted.
func requiredKeys(cf contentFile) (map[string][]string, error) {
	base := content.Default()
	src, err := fs.ReadFile(base, cf.file)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", cf.file, err)
	}
	out := map[string][]string{}
	var walk func(path []string, table map[string]any) error
	walk = func(path []string, table map[string]any) error {
		for _, key := range slices.Sorted(maps.Keys(table)) {
			if sub, ok := table[key].([]map[string]any); ok && len(sub) > 0 {
				if err := walk(append(slices.Clone(path), key), sub[0]); err != nil {
					return err
				}
				continue
			}
			v := table[key]
			delete(table, key)
			named, err := loaderNames(base, cf.file, doc, key)
			table[key] = v
			if err != nil {
				return err
			}
			if named {
				p := strings.Join(path, ".")
				out[p] = append(out[p], key)
			}
		}
		return nil
	}
	return out, walk(nil, doc)
}

// missing are the loader's ways of saying that key K is missing or empty
// (content/checks.go); a problem that merely mentions K does not count.
var missing = []string{`mist "K"`, `"K" ontbreekt`, `"K" is leeg`, `"K" moet`, `K "" is ongeldig`, `K "" staat niet`}

// loaderNames loads the built-in content with file replaced by doc and
// says whether a problem says that key is missing.
func loaderNames(base fs.FS, file string, doc map[string]any, key string) (bool, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(doc); err != nil {
		return false, fmt.Errorf("%s: %w", file, err)
	}
	fsys := fstest.MapFS{}
	for _, name := range content.Files {
		data, err := fs.ReadFile(base, name)
		if err != nil {
			return false, err
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys[file] = &fstest.MapFile{Data: b.Bytes()}
	_, err := content.Load(fsys)
	if err == nil {
		return false, nil
	}
	ps, ok := err.(content.Problems)
	if !ok {
		return false, err
	}
	for _, p := range ps {
		for _, m := range missing {
			if strings.Contains(p.Msg, strings.ReplaceAll(m, "K", key)) {
				return true, nil
			}
		}
	}
	return false, nil
}
