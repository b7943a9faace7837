package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func builtin(t *testing.T) *content.Content {
	t.Helper()
	c, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The files in schema/ are what the code derives now; a change to a Go
// type, a content key or an answer option must come with new files.
func TestSchemasUpToDate(t *testing.T) {
	files, err := All(builtin(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		want, err := Marshal(f.Doc)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(f.Name)
		if err != nil {
			t.Errorf("%s: %v; run go run ./schema/gen", f.Name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the code derives; run go run ./schema/gen and review the diff", f.Name)
		}
	}
	onDisk, _ := filepath.Glob("*.schema.json")
	if len(onDisk) != len(files) {
		t.Errorf("schema/ holds %d schema files, the code derives %d: remove the stale ones", len(onDisk), len(files))
	}
}

// compile reads a schema file from schema/ and compiles it.
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	url := "file:///schema/" + name
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// asJSON turns a decoded TOML or Go value into what a JSON reader sees.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func tomlData(t *testing.T, name string, src []byte) any {
	t.Helper()
	var v map[string]any
	if _, err := toml.Decode(string(src), &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return asJSON(t, v)
}

// schemaFor picks the content schema whose x-bestanden matches file.
func schemaFor(t *testing.T, file string) string {
	t.Helper()
	var found []string
	names, _ := filepath.Glob("inhoud-*.schema.json")
	for _, n := range names {
		var d struct {
			Files string `json:"x-bestanden"`
		}
		data, _ := os.ReadFile(n)
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		if ok, _ := path.Match(d.Files, file); ok {
			found = append(found, n)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s: want exactly one schema naming it in x-bestanden, found %v", file, found)
	}
	return found[0]
}

// Every built-in content file, read as data, meets its schema.
func TestBuiltinContentValidates(t *testing.T) {
	fsys := content.Default()
	for _, file := range content.Files {
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			t.Fatal(err)
		}
		if err := compile(t, schemaFor(t, file)).Validate(tomlData(t, file, src)); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}

// The example answers file and every case file meet the answers schema.
func TestAnswersFilesValidate(t *testing.T) {
	s := compile(t, "antwoorden.schema.json")
	files, _ := filepath.Glob("../content/casussen/*.toml")
	files = append(files, "../testdata/voorbeeld.toml")
	if len(files) < 2 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(tomlData(t, f, src)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// The JSON summary of the example and of every case meets its schema.
func TestSummaryValidates(t *testing.T) {
	s := compile(t, "samenvatting.schema.json")
	c := builtin(t)
	e := decision.New(c)
	inputs := map[string][]byte{}
	cases, err := content.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, cs := range cases {
		inputs[cs.File] = cs.Answers
	}
	example, err := os.ReadFile("../testdata/voorbeeld.toml")
	if err != nil {
		t.Fatal(err)
	}
	inputs["voorbeeld.toml"] = example
	inputs["leeg.toml"] = []byte("versie = 1\n[antwoorden]\n") // an unfinished summary
	for name, data := range inputs {
		a, err := e.ParseAnswers(name, data, decision.ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out, err := report.JSON(e.Summarize(a))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A wrong value fails the schema, and the program rejects it too: the
// schema says no more than the program.
func TestWrongValuesFail(t *testing.T) {
	e := decision.New(builtin(t))
	answers := compile(t, "antwoorden.schema.json")
	for _, tc := range []struct{ name, body string }{
		{"number", `rol = 42`},
		{"unknown option", `rol = "piloot"`},
		{"text for several", `activiteiten = "uitleg"`},
		{"list for one", `rol = ["docent"]`},
		{"twice in a list", `activiteiten = ["uitleg", "uitleg"]`},
		{"unknown question", `kleur = "blauw"`},
	} {
		src := "versie = 1\n[antwoorden]\n" + tc.body + "\n"
		if err := answers.Validate(tomlData(t, tc.name, []byte(src))); err == nil {
			t.Errorf("%s: the answers schema accepts %s", tc.name, tc.body)
		}
		if _, err := e.ParseAnswers(tc.name, []byte(src), decision.ParseOptions{}); err == nil {
			t.Errorf("%s: the program accepts %s, the schema does not", tc.name, tc.body)
		}
	}
	if err := answers.Validate(tomlData(t, "versie 2", []byte("versie = 2\n[antwoorden]\n"))); err == nil {
		t.Error("the answers schema accepts versie = 2")
	}

	// Content: one wrong value in a built-in file, which the loader also
	// refuses.
	for _, tc := range []struct{ file, from, to string }{
		{"vragen.toml", `soort = "een"`, `soort = "veel"`},
		{"acties.toml", `fase = "vooraf"`, `fase = "tijdens"`},
		{"bronnen.toml", `url = "https://`, `url = "http://`},
		{"meta.toml", `versie = `, "kleur = \"blauw\"\nversie = "},
	} {
		src, err := fs.ReadFile(content.Default(), tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), tc.from) {
			t.Fatalf("%s has no %q to change", tc.file, tc.from)
		}
		bad := strings.Replace(string(src), tc.from, tc.to, 1)
		fsys := fstest.MapFS{}
		for _, name := range content.Files {
			data, _ := fs.ReadFile(content.Default(), name)
			fsys[name] = &fstest.MapFile{Data: data}
		}
		fsys[tc.file] = &fstest.MapFile{Data: []byte(bad)}
		if _, err := content.Load(fsys); err == nil {
			t.Errorf("%s: the loader accepts %s, the schema does not", tc.file, tc.to)
		}
		if err := compile(t, schemaFor(t, tc.file)).Validate(tomlData(t, tc.file, []byte(bad))); err == nil {
			t.Errorf("%s: the schema accepts %s", tc.file, tc.to)
		}
	}

	// The summary: a verdict must be true, false or null.
	var sum map[string]any
	out, err := report.JSON(e.Summarize(decision.Answers{}))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &sum); err != nil {
		t.Fatal(err)
	}
	sum["bot"].(map[string]any)["telt"] = "ja"
	if err := compile(t, "samenvatting.schema.json").Validate(asJSON(t, sum)); err == nil {
		t.Error("the summary schema accepts bot.telt = \"ja\"")
	}
}

// taplo is the part of Taplo's configuration that .taplo.toml uses; Taplo
// refuses unknown keys, and so does this test.
type taplo struct {
	Include []string `toml:"include"`
	Rule    []struct {
		Include []string `toml:"include"`
		Schema  struct {
			Path string `toml:"path"`
		} `toml:"schema"`
	} `toml:"rule"`
}

// .taplo.toml gives every content file the schema that names it in
// x-bestanden, and answers files the answers schema.
func TestTaploConfig(t *testing.T) {
	var cfg taplo
	md, err := toml.DecodeFile("../.taplo.toml", &cfg)
	if err != nil {
		t.Fatal(err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Errorf(".taplo.toml has keys Taplo does not know: %v", u)
	}
	schemaOf := func(file string) []string {
		var out []string
		for _, r := range cfg.Rule {
			for _, inc := range r.Include {
				if ok, _ := path.Match(inc, file); ok {
					out = append(out, strings.TrimPrefix(r.Schema.Path, "schema/"))
				}
			}
		}
		return out
	}
	included := func(file string) bool {
		for _, inc := range cfg.Include {
			if ok, _ := path.Match(inc, file); ok {
				return true
			}
		}
		return false
	}
	want := map[string]string{"testdata/voorbeeld.toml": "antwoorden.schema.json"}
	for _, f := range content.Files {
		want["content/data/"+f] = schemaFor(t, f)
	}
	cases, _ := filepath.Glob("../content/casussen/*.toml")
	for _, c := range cases {
		want[strings.TrimPrefix(c, "../")] = "antwoorden.schema.json"
	}
	for file, schema := range want {
		if got := schemaOf(file); len(got) != 1 || got[0] != schema || !included(file) {
			t.Errorf("%s: .taplo.toml gives schemas %v (included: %v), want %s", file, got, included(file), schema)
		}
	}
	for _, r := range cfg.Rule {
		if _, err := os.Stat("../" + r.Schema.Path); err != nil {
			t.Errorf(".taplo.toml: %v", err)
		}
	}
}
