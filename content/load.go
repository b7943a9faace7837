package content

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Problem is one thing wrong with a content file, located so a person can
// fix it: file, line (0 when unknown) and a Dutch message that says what is
// valid.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	msg := ShortMessage(p.Msg) // a quoted 60 KB key must not fill the screen
	if p.Line > 0 {
		return fmt.Sprintf("%s, regel %d: %s", p.File, p.Line, msg)
	}
	return fmt.Sprintf("%s: %s", p.File, msg)
}

// Problems is the error returned by Load: every problem found, not just the
// first, so an editor can fix a file in one go.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return JoinCapped(lines)
}

// Load reads, compiles and validates the content in fsys (the embedded set
// from Default, or an institution's own folder via os.DirFS). On failure
// the error is a Problems value.
func Load(fsys fs.FS) (*Content, error) {
	l := &loader{fsys: fsys, src: map[string]string{}}
	c := l.load()
	if len(l.problems) > 0 {
		return nil, l.problems
	}
	return c, nil
}

type loader struct {
	fsys     fs.FS
	src      map[string]string
	lines    map[string][]string // src split in lines, on first use
	fields   map[fieldsAt]map[string]int
	env      map[string]any  // the expression environment, built once
	conds    map[string]Cond // compiled conditions by source
	problems Problems
}

func (l *loader) add(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

type metaFile struct {
	Meta
}
type questionsFile struct {
	Questions []*Question `toml:"vraag"`
}
type rulesFile struct {
	Rules []*Rule `toml:"regel"`
}
type partiesFile struct {
	Parties []*Party `toml:"partij"`
}
type actionsFile struct {
	Actions []*Action `toml:"actie"`
}
type resourcesFile struct {
	Resources []*Resource `toml:"bron"`
}
type examplesFile struct {
	Examples []*Example `toml:"voorbeeld"`
}
type termsFile struct {
	Terms []*Term `toml:"begrip"`
}
type findingsFile struct {
	Findings []*Finding `toml:"bevinding"`
}

// allowed lists the keys each file accepts, for the "unknown key" message.
var allowed = map[string]string{
	"meta.toml":        "versie, titel, uitgever, datum, url, disclaimer, themas, bot_vragen, vo_bron, vo_voorbehoud, vo_url en [[bot_noot]] met tekst, brontype, citaat, regel, when (bot_vervalt_label, bot_vervalt_uitleg en bot_vervalt_noot worden niet meer gebruikt)",
	"vragen.toml":      "[[vraag]] met id, kort, tekst, uitleg, citaat, achtergrond, soort, when, bij_nee, navragen, brontype en [[vraag.optie]] met waarde, label, uitleg",
	"regels.toml":      "[[regel]] met id, titel, tekst, deel, citaat, achtergrond, when, acties, akkoord, prioriteit, brontype, acties_brontype",
	"partijen.toml":    "[[partij]] met id, naam en [[partij.taak]] met tekst, brontype, regel, when",
	"acties.toml":      "[[actie]] met id, tekst, fase, prioriteit, brontype, citaat, regel, when",
	"bronnen.toml":     "[[bron]] met id, titel, url, organisatie, thema, zekerheid, zoek, when",
	"voorbeelden.toml": "[[voorbeeld]] met id, tekst, thema, bron, brontype, when",
	"begrippen.toml":   "[[begrip]] met id, naam, uitleg, bron, brontype, citaat, regel",
	"bevindingen.toml": "[[bevinding]] met id, thema, titel, tekst, kern, bron, brontype, when",
}

// decode parses one file into v, reporting syntax errors and unknown keys.
func (l *loader) decode(file string, v any) bool {
	data, err := readFileLimited(l.fsys, file, MaxContentSize)
	if err == nil {
		if lerr := CheckShape(data); lerr != nil {
			err = lerr
		}
	}
	var lerr *LimitError
	if errors.As(err, &lerr) {
		l.add(file, lerr.Line, "%s", lerr.Msg)
		return false
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && slices.Contains(OptionalFiles, file) {
			return true
		}
		if errors.Is(err, fs.ErrNotExist) {
			l.add(file, 0, "dit bestand ontbreekt; een inhoudsmap heeft deze bestanden nodig: %s", strings.Join(requiredFiles(), ", "))
		} else {
			l.add(file, 0, "kan het bestand niet lezen: %v", err)
		}
		return false
	}
	src := string(data)
	l.src[file] = src
	md, err := toml.Decode(src, v)
	if err != nil {
		l.add(file, TypeErrorLine(src, err), "geen geldige TOML: %s", tomlMessage(err))
		return false
	}
	var lines map[string]int
	for _, k := range md.Undecoded() {
		if lines == nil {
			lines = KeyLines(src)
		}
		name := k[len(k)-1]
		l.add(file, lines[name], "onbekende sleutel %q; geldig zijn: %s", k.String(), allowed[file])
	}
	return true
}

func requiredFiles() []string {
	var out []string
	for _, f := range Files {
		if !slices.Contains(OptionalFiles, f) {
			out = append(out, f)
		}
	}
	return out
}

func (l *loader) load() *Content {
	c := &Content{byID: map[string]*Question{}}
	var (
		mf metaFile
		qf questionsFile
		rf rulesFile
		pf partiesFile
		af actionsFile
		bf resourcesFile
		ef examplesFile
		tf termsFile
		ff findingsFile
	)
	ok := l.decode("meta.toml", &mf)
	ok = l.decode("vragen.toml", &qf) && ok
	ok = l.decode("regels.toml", &rf) && ok
	ok = l.decode("partijen.toml", &pf) && ok
	ok = l.decode("acties.toml", &af) && ok
	ok = l.decode("bronnen.toml", &bf) && ok
	ok = l.decode("voorbeelden.toml", &ef) && ok
	ok = l.decode("begrippen.toml", &tf) && ok
	ok = l.decode("bevindingen.toml", &ff) && ok
	if !ok {
		return nil
	}
	c.Meta, c.Questions, c.Rules, c.Parties = mf.Meta, qf.Questions, rf.Rules, pf.Parties
	c.Actions, c.Resources, c.Examples = af.Actions, bf.Resources, ef.Examples
	c.Terms, c.Findings = tf.Terms, ff.Findings
	cleanAll(c)

	l.checkMeta(&c.Meta)
	l.checkQuestions(c)
	l.checkMetaBOT(c)
	l.checkBOTNotes(c)
	l.checkKinds(c)
	l.checkAsk(c)
	return c
}
