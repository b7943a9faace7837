package content

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
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
	env      map[string]any // the expression environment, built once
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
	"meta.toml":        "versie, titel, uitgever, datum, url, disclaimer, themas, bot_vragen, bot_vervalt_label, bot_vervalt_uitleg, bot_vervalt_noot, vo_bron, vo_voorbehoud, vo_url",
	"vragen.toml":      "[[vraag]] met id, kort, tekst, uitleg, citaat, achtergrond, soort, when, bij_nee, navragen en [[vraag.optie]] met waarde, label, uitleg",
	"regels.toml":      "[[regel]] met id, titel, tekst, deel, citaat, achtergrond, when, acties, akkoord, prioriteit",
	"partijen.toml":    "[[partij]] met id, naam en [[partij.taak]] met tekst, when",
	"acties.toml":      "[[actie]] met id, tekst, fase, prioriteit, when",
	"bronnen.toml":     "[[bron]] met id, titel, url, organisatie, thema, zekerheid, zoek, when",
	"voorbeelden.toml": "[[voorbeeld]] met id, tekst, thema, bron, when",
	"begrippen.toml":   "[[begrip]] met id, naam, uitleg, bron",
	"bevindingen.toml": "[[bevinding]] met id, thema, titel, tekst, kern, bron, when",
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

// ParseErrorLine is the line of a TOML syntax error in src. It counts the
// lines before the error's byte offset: for a line that ends too early the
// library names the next line, while the mistake is on the line that ended.
func ParseErrorLine(src string, pe toml.ParseError) int {
	if st := pe.Position.Start; st > 0 && st <= len(src) {
		return 1 + strings.Count(src[:st], "\n")
	}
	return pe.Position.Line
}

// EndOfLine says in Dutch what the library calls '\n' in its messages.
func EndOfLine(msg string) string {
	return strings.ReplaceAll(msg, `er staat '\n'`, "de regel houdt daar op")
}

// errLine finds the line of a TOML error, 0 when the library gives none.
func errLine(src string, err error) int {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return ParseErrorLine(src, pe)
	}
	if m := lineInMsg.FindStringSubmatch(err.Error()); m != nil {
		n := 0
		fmt.Sscan(m[1], &n)
		return n
	}
	return 0
}

var lineInMsg = regexp.MustCompile(`line (\d+)`)

var lastKey = regexp.MustCompile(`last key "([^"]+)"`)

// TypeErrorLine locates a TOML error. For a value of the wrong type the
// library names the last table's key position, which in an array of tables
// is the wrong item; so find the first assignment to that key whose value
// has the wrong shape.
func TypeErrorLine(src string, err error) int {
	msg := err.Error()
	m := lastKey.FindStringSubmatch(msg)
	if m == nil || !strings.Contains(msg, "incompatible types") {
		return errLine(src, err)
	}
	parts := strings.Split(m[1], ".")
	key := regexp.QuoteMeta(parts[len(parts)-1])
	var re *regexp.Regexp
	switch {
	case strings.Contains(msg, "destination has type slice"):
		re = regexp.MustCompile(`^\s*` + key + `\s*=\s*[^\s\[]`)
	case strings.Contains(msg, "destination has type string"):
		re = regexp.MustCompile(`^\s*` + key + `\s*=\s*[^\s"']`)
	case strings.Contains(msg, "destination has type int"):
		re = regexp.MustCompile(`^\s*` + key + `\s*=\s*[^\s0-9+-]`)
	default:
		return errLine(src, err)
	}
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return errLine(src, err)
}

func tomlMessage(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Message
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "toml: ")
	if i := strings.Index(msg, "): "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+3:]
	}
	if strings.Contains(msg, "incompatible types") {
		return "verkeerd type waarde (" + msg + "); tekst hoort tussen aanhalingstekens, een lijst tussen [ ]"
	}
	return msg
}

// KeyLines maps every key assigned in src ("key = ...") to the line of its
// first assignment, in one pass: files with many keys stay linear.
func KeyLines(src string) map[string]int {
	out := map[string]int{}
	for i, line := range strings.Split(src, "\n") {
		if m := assignRe.FindStringSubmatch(line); m != nil {
			if _, seen := out[m[1]]; !seen {
				out[m[1]] = i + 1
			}
		}
	}
	return out
}

var assignRe = regexp.MustCompile(`^\s*"?([A-Za-z0-9_-]+)"?\s*=`)

// KeyLine finds the first line of src that assigns key (1-based, 0 when
// none), for messages about keys whose position the TOML library does not
// expose.
func KeyLine(src, key string) int {
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for i, line := range strings.Split(src, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 0
}

// tableLines finds the lines of each [[header]] in src.
func tableLines(src, header string) []int {
	var lines []int
	want := "[[" + header + "]]"
	for i, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(stripComment(line)) == want {
			lines = append(lines, i+1)
		}
	}
	return lines
}

func stripComment(line string) string {
	if i := strings.Index(line, "#"); i >= 0 && !strings.ContainsAny(line[:i], `"'`) {
		return line[:i]
	}
	return line
}

// field finds the line of key inside the table that starts at line from:
// fields come before any sub-table, so the search stops at the next header.
// It falls back to the table's own line. The table's lines are read once,
// for all its keys: a scan per key was one more pass per field checked.
func (l *loader) field(file string, from int, key string) int {
	if from <= 0 {
		return from
	}
	k := fieldsAt{file, from}
	keys, ok := l.fields[k]
	if !ok {
		keys = l.scanFields(file, from)
		if l.fields == nil {
			l.fields = map[fieldsAt]map[string]int{}
		}
		l.fields[k] = keys
	}
	if n, ok := keys[key]; ok {
		return n
	}
	return from
}

// fieldsAt names a table by file and first line.
type fieldsAt struct {
	file string
	from int
}

// scanFields maps each bare key of the table at line from to its line.
func (l *loader) scanFields(file string, from int) map[string]int {
	if l.lines == nil {
		l.lines = map[string][]string{}
	}
	lines, ok := l.lines[file]
	if !ok {
		lines = strings.Split(l.src[file], "\n")
		l.lines[file] = lines
	}
	keys := map[string]int{}
	for i := from; i < len(lines); i++ {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "[") {
			break
		}
		if key := bareKey(lines[i]); key != "" {
			if _, dup := keys[key]; !dup {
				keys[key] = i + 1
			}
		}
	}
	return keys
}

// bareKey returns the key of a line "key = ...", or "".
func bareKey(line string) string {
	s := strings.TrimLeft(line, " \t")
	n := 0
	for n < len(s) && (s[n] == '_' || s[n] == '-' || s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
		n++
	}
	if n == 0 || !strings.HasPrefix(strings.TrimLeft(s[n:], " \t"), "=") {
		return ""
	}
	return s[:n]
}

func at(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

var identRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
var itemIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

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
	l.checkKinds(c)
	l.checkAsk(c)
	return c
}

func (l *loader) required(file string, line int, what, key, value string) {
	if strings.TrimSpace(value) == "" {
		l.add(file, line, "%s mist %q (verplicht, mag niet leeg zijn)", what, key)
	}
}

func (l *loader) checkMeta(m *Meta) {
	const f = "meta.toml"
	src := l.src[f]
	for key, v := range map[string]string{"versie": m.Version, "titel": m.Title, "uitgever": m.Publisher, "datum": m.Date, "url": m.URL, "disclaimer": m.Disclaimer} {
		if strings.TrimSpace(v) == "" {
			l.add(f, 0, "%q ontbreekt of is leeg (verplicht)", key)
		}
	}
	if m.URL != "" {
		l.checkURL(f, KeyLine(src, "url"), m.URL)
	}
	if m.VOURL != "" {
		l.checkURL(f, KeyLine(src, "vo_url"), m.VOURL)
	}
	if len(m.Themes) == 0 {
		l.add(f, KeyLine(src, "themas"), "\"themas\" is leeg; noem de thema's die bronnen en voorbeelden gebruiken")
	}
	seen := map[string]bool{}
	for _, t := range m.Themes {
		if seen[t] {
			l.add(f, KeyLine(src, "themas"), "thema %q staat dubbel in \"themas\"", t)
		}
		seen[t] = true
	}
}

func (l *loader) checkMetaBOT(c *Content) {
	const f = "meta.toml"
	line := KeyLine(l.src[f], "bot_vragen")
	if len(c.Meta.BOT) != 3 {
		l.add(f, line, "\"bot_vragen\" moet precies drie vraag-ids noemen (interactie, sturen, begeleiding); nu %d", len(c.Meta.BOT))
	}
	for _, id := range c.Meta.BOT {
		q := c.byID[id]
		if q == nil {
			l.add(f, line, "\"bot_vragen\" noemt vraag %q, maar die bestaat niet; bekende vragen: %s", id, strings.Join(questionIDs(c), ", "))
			continue
		}
		if q.Kind != One || q.Option("ja") == nil || q.Option("nee") == nil {
			l.add(q.File, q.Line, "vraag %q telt mee voor begeleide onderwijstijd en moet soort \"een\" zijn met de opties \"ja\" en \"nee\"", id)
		}
		if strings.TrimSpace(q.IfNo) == "" {
			l.add(q.File, q.Line, "vraag %q telt mee voor begeleide onderwijstijd en mist \"bij_nee\": wat er nodig is om wel mee te tellen", id)
		}
	}
}

func questionIDs(c *Content) []string {
	ids := make([]string, len(c.Questions))
	for i, q := range c.Questions {
		ids[i] = q.ID
	}
	return ids
}

func (l *loader) checkQuestions(c *Content) {
	const f = "vragen.toml"
	lines := tableLines(l.src[f], "vraag")
	if len(c.Questions) == 0 {
		l.add(f, 0, "er staan geen vragen in; voeg [[vraag]]-blokken toe")
	}
	for i, q := range c.Questions {
		q.File, q.Line = f, at(lines, i)
		what := fmt.Sprintf("vraag %d", i+1)
		if q.ID != "" {
			what = fmt.Sprintf("vraag %q", q.ID)
		}
		if !identRe.MatchString(q.ID) {
			l.add(f, l.field(f, q.Line, "id"), "%s: id %q is ongeldig; gebruik kleine letters, cijfers en _ en begin met een letter (bijvoorbeeld \"vorm\" of \"bot_sturen\")", what, q.ID)
		} else if c.byID[q.ID] != nil {
			l.add(f, l.field(f, q.Line, "id"), "vraag-id %q komt twee keer voor (ook op regel %d); elke id moet uniek zijn", q.ID, c.byID[q.ID].Line)
		} else {
			c.byID[q.ID] = q
		}
		l.required(f, q.Line, what, "tekst", q.Text)
		l.required(f, q.Line, what, "kort", q.Short)
		l.required(f, q.Line, what, "uitleg", q.Help)
		if q.Kind != One && q.Kind != Many {
			l.add(f, l.field(f, q.Line, "soort"), "%s: soort %q is ongeldig; geldig zijn \"een\" (één keuze) en \"meer\" (meerdere keuzes)", what, q.Kind)
		}
		if len(q.Options) < 2 {
			l.add(f, q.Line, "%s heeft %d opties; een vraag heeft er minstens twee ([[vraag.optie]])", what, len(q.Options))
		}
		seen := map[string]bool{}
		for _, o := range q.Options {
			if !itemIDRe.MatchString(o.Value) {
				l.add(f, q.Line, "%s: optie-waarde %q is ongeldig; gebruik kleine letters, cijfers, _ en -", what, o.Value)
			}
			if seen[o.Value] {
				l.add(f, q.Line, "%s: optie-waarde %q komt twee keer voor", what, o.Value)
			}
			seen[o.Value] = true
			l.required(f, q.Line, what+", optie "+o.Value, "label", o.Label)
		}
	}
	// Conditions are compiled after all ids are known; a question may only
	// depend on questions asked before it, so the order of asking is
	// well-defined and the walk over answers always ends.
	earlier := map[string]bool{} // grows with i: rebuilding it was quadratic
	for _, q := range c.Questions {
		q.When = l.compile(c, f, l.field(f, q.Line, "when"), q.WhenSrc)
		for _, v := range q.When.Vars {
			if !earlier[v] && c.byID[v] != nil {
				l.add(f, l.field(f, q.Line, "when"), "vraag %q hangt af van %q, maar die vraag komt later of is dezelfde; een voorwaarde mag alleen eerdere vragen gebruiken", q.ID, v)
			}
		}
		earlier[q.ID] = true
	}
}

// item is what the shared check needs of one content item: its id, where
// to record its place, the fields that must not be empty and its
// condition (when is nil for kinds without one).
type item struct {
	id       string
	file     *string
	line     *int
	required [][2]string // key, value
	whenSrc  string
	when     *Cond
}

// itemKind is one [[table]] of items in one file, for checkItems.
type itemKind struct {
	file, table, kind string
	n                 int
	at                func(i int) item
	// extra checks what is particular to the kind; field gives the line
	// of one of the item's keys.
	extra func(i int, what string, line int, field func(key string) int)
}

// checkItems is the check every kind of item shares: place, id, required
// fields, the kind's own checks, then the condition, in that order.
func (l *loader) checkItems(c *Content, k itemKind) {
	lines := tableLines(l.src[k.file], k.table)
	seen := map[string]int{}
	for i := 0; i < k.n; i++ {
		it := k.at(i)
		line := at(lines, i)
		*it.file, *it.line = k.file, line
		what := l.itemID(k.file, line, k.kind, i, it.id, seen)
		for _, kv := range it.required {
			l.required(k.file, line, what, kv[0], kv[1])
		}
		field := func(key string) int { return l.field(k.file, line, key) }
		if k.extra != nil {
			k.extra(i, what, line, field)
		}
		if it.when != nil {
			*it.when = l.compile(c, k.file, field("when"), it.whenSrc)
		}
	}
}

// checkKinds checks rules, parties, actions, resources, examples, terms
// and findings: one table instead of seven loops that differed only in
// their fields.
func (l *loader) checkKinds(c *Content) {
	taskLines := tableLines(l.src["partijen.toml"], "partij.taak")
	task := 0
	for _, k := range []itemKind{
		{file: "regels.toml", table: "regel", kind: "regel", n: len(c.Rules),
			at: func(i int) item {
				r := c.Rules[i]
				return item{r.ID, &r.File, &r.Line, [][2]string{{"titel", r.Title}, {"tekst", r.Text}, {"citaat", r.Quote}}, r.WhenSrc, &r.When}
			},
			extra: func(i int, what string, line int, field func(string) int) {
				r := c.Rules[i]
				if !slices.Contains(Parts, r.Part) {
					l.add(r.File, field("deel"), "%s: deel %q is ongeldig; geldig zijn %s", what, r.Part, quoteList(Parts))
				}
				for _, a := range r.Actions {
					if strings.TrimSpace(a) == "" {
						l.add(r.File, line, "%s: \"acties\" bevat een lege tekst", what)
					}
				}
				l.checkPriority(r.File, field("prioriteit"), what, r.Priority)
			}},
		{file: "partijen.toml", table: "partij", kind: "partij", n: len(c.Parties),
			at: func(i int) item {
				p := c.Parties[i]
				return item{id: p.ID, file: &p.File, line: &p.Line, required: [][2]string{{"naam", p.Name}}}
			},
			extra: func(i int, what string, line int, _ func(string) int) {
				p := c.Parties[i]
				if len(p.Tasks) == 0 {
					l.add(p.File, line, "%s heeft geen taken; voeg [[partij.taak]]-blokken toe", what)
				}
				for _, t := range p.Tasks {
					t.Line = at(taskLines, task)
					task++
					l.required(p.File, t.Line, what+", taak", "tekst", t.Text)
					t.When = l.compile(c, p.File, l.field(p.File, t.Line, "when"), t.WhenSrc)
				}
			}},
		{file: "acties.toml", table: "actie", kind: "actie", n: len(c.Actions),
			at: func(i int) item {
				a := c.Actions[i]
				return item{a.ID, &a.File, &a.Line, [][2]string{{"tekst", a.Text}}, a.WhenSrc, &a.When}
			},
			extra: func(i int, what string, _ int, field func(string) int) {
				a := c.Actions[i]
				if a.Phase != Before && a.Phase != After {
					l.add(a.File, field("fase"), "%s: fase %q is ongeldig; geldig zijn \"vooraf\" en \"achteraf\"", what, a.Phase)
				}
				l.checkPriority(a.File, field("prioriteit"), what, a.Priority)
			}},
		{file: "bronnen.toml", table: "bron", kind: "bron", n: len(c.Resources),
			at: func(i int) item {
				r := c.Resources[i]
				return item{r.ID, &r.File, &r.Line, [][2]string{{"titel", r.Title}, {"organisatie", r.Organisation}}, r.WhenSrc, &r.When}
			},
			extra: func(i int, what string, line int, field func(string) int) {
				r := c.Resources[i]
				if strings.TrimSpace(r.URL) == "" {
					l.add(r.File, line, "%s mist \"url\" (verplicht)", what)
				} else {
					l.checkURL(r.File, field("url"), r.URL)
				}
				l.checkTheme(c, r.File, field("thema"), what, r.Theme)
				if !slices.Contains(Certainties, r.Certainty) {
					l.add(r.File, field("zekerheid"), "%s: zekerheid %q is ongeldig; geldig zijn %s", what, r.Certainty, quoteList(Certainties))
				}
				if r.Certainty == "ouder" && strings.TrimSpace(r.LookFor) == "" {
					l.add(r.File, line, "%s verwijst naar een hogere pagina (zekerheid \"ouder\") en mist \"zoek\": wat de lezer daar moet zoeken", what)
				}
			}},
		{file: "voorbeelden.toml", table: "voorbeeld", kind: "voorbeeld", n: len(c.Examples),
			at: func(i int) item {
				e := c.Examples[i]
				return item{e.ID, &e.File, &e.Line, [][2]string{{"tekst", e.Text}}, e.WhenSrc, &e.When}
			},
			extra: func(i int, what string, _ int, field func(string) int) {
				e := c.Examples[i]
				l.checkTheme(c, e.File, field("thema"), what, e.Theme)
				if strings.TrimSpace(e.Source) == "" {
					e.Source = c.Meta.VOSource
				}
			}},
		{file: "begrippen.toml", table: "begrip", kind: "begrip", n: len(c.Terms),
			at: func(i int) item {
				t := c.Terms[i]
				return item{id: t.ID, file: &t.File, line: &t.Line, required: [][2]string{{"naam", t.Name}, {"uitleg", t.Text}, {"bron", t.Source}}}
			}},
		{file: "bevindingen.toml", table: "bevinding", kind: "bevinding", n: len(c.Findings),
			at: func(i int) item {
				x := c.Findings[i]
				return item{x.ID, &x.File, &x.Line, [][2]string{{"thema", x.Theme}, {"titel", x.Title}, {"tekst", x.Text}}, x.WhenSrc, &x.When}
			},
			extra: func(i int, what string, line int, field func(string) int) {
				x := c.Findings[i]
				if p := KeyProblem(x.Key, x.Text); p != "" {
					l.add(x.File, field("kern"), "%s: %s", what, p)
				}
				if strings.TrimSpace(x.Source) == "" {
					x.Source = c.Meta.VOSource
				}
				if strings.TrimSpace(x.Source) == "" {
					l.add(x.File, line, "%s mist \"bron\"; zet die bij de bevinding of zet \"vo_bron\" in meta.toml", what)
				}
			}},
	} {
		l.checkItems(c, k)
	}
}

func (l *loader) checkPriority(f string, line int, what, p string) {
	if p != "" && !slices.Contains(Priorities, p) {
		l.add(f, line, "%s: prioriteit %q is ongeldig; geldig zijn %s (leeg is \"normaal\")", what, p, quoteList(Priorities))
	}
}

// checkAsk checks each question's "navragen": an action that exists, for
// a question that can be answered "weet_niet".
func (l *loader) checkAsk(c *Content) {
	const f = "vragen.toml"
	for _, q := range c.Questions {
		if q.Ask == "" {
			continue
		}
		line := l.field(f, q.Line, "navragen")
		if c.Action(q.Ask) == nil {
			ids := make([]string, len(c.Actions))
			for i, a := range c.Actions {
				ids[i] = a.ID
			}
			l.add(f, line, "vraag %q: \"navragen\" noemt actie %q, maar die staat niet in acties.toml; bekende acties: %s", q.ID, q.Ask, strings.Join(ids, ", "))
		}
		if q.Option(WeetNiet) == nil {
			l.add(f, line, "vraag %q heeft \"navragen\" maar geen optie %q; navragen geldt alleen bij dat antwoord", q.ID, WeetNiet)
		}
	}
}

// itemID checks an item's id (format, uniqueness) and returns how to name
// the item in messages.
func (l *loader) itemID(f string, line int, kind string, i int, id string, seen map[string]int) string {
	what := fmt.Sprintf("%s %d", kind, i+1)
	if id == "" {
		l.add(f, line, "%s mist \"id\" (verplicht)", what)
		return what
	}
	what = fmt.Sprintf("%s %q", kind, id)
	if !itemIDRe.MatchString(id) {
		l.add(f, line, "%s: id is ongeldig; gebruik kleine letters, cijfers, - en _", what)
	}
	if prev, dup := seen[id]; dup {
		l.add(f, l.field(f, line, "id"), "%s-id %q komt twee keer voor (ook op regel %d); elke id moet uniek zijn", kind, id, l.field(f, prev, "id"))
	}
	seen[id] = line
	return what
}

func (l *loader) checkTheme(c *Content, f string, line int, what, theme string) {
	if !slices.Contains(c.Meta.Themes, theme) {
		l.add(f, line, "%s: thema %q staat niet in \"themas\" in meta.toml; geldig zijn %s", what, theme, quoteList(c.Meta.Themes))
	}
}

func (l *loader) checkURL(f string, line int, raw string) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsAny(raw, " \t\n") || needsClean(raw) {
		l.add(f, line, "url %q is ongeldig; alleen volledige https-adressen zijn toegestaan (https://...)", raw)
	}
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// Env returns a zero-valued expression environment for c: every question id
// with the type its answers have. Conditions are type-checked against it.
func Env(c *Content) map[string]any {
	env := make(map[string]any, len(c.Questions))
	for _, q := range c.Questions {
		if q.Kind == Many {
			env[q.ID] = []string{}
		} else {
			env[q.ID] = ""
		}
	}
	return env
}

// compile parses and type-checks one condition. Unknown question ids and
// option values that a question does not have are load errors, because a
// typo there would silently make a rule never (or always) apply.
func (l *loader) compile(c *Content, f string, line int, src string) Cond {
	cond := Cond{Source: strings.TrimSpace(src)}
	if cond.Source == "" {
		return cond
	}
	tree, err := parser.Parse(cond.Source)
	if err != nil {
		l.add(f, line, "voorwaarde %q is geen geldige expressie: %s", cond.Source, firstLine(err.Error()))
		return Cond{Source: cond.Source}
	}
	bad := false
	v := &condVisitor{c: c, seen: map[string]bool{}}
	ast.Walk(&tree.Node, v)
	for _, p := range v.problems {
		l.add(f, line, "voorwaarde %q: %s", cond.Source, p)
		bad = true
	}
	if bad {
		return Cond{Source: cond.Source}
	}
	// Type-check against the questions the condition reads only: expr
	// inspects the whole environment on every Compile, which made loading
	// quadratic in the number of questions.
	if l.env == nil {
		l.env = Env(c)
	}
	env := make(map[string]any, len(v.vars))
	for _, id := range v.vars {
		env[id] = l.env[id]
	}
	prog, err := expr.Compile(cond.Source, expr.Env(env), expr.AsBool())
	if err != nil {
		l.add(f, line, "voorwaarde %q klopt niet: %s (een vraag met één keuze is tekst, een vraag met meer keuzes is een lijst; de uitkomst moet waar of onwaar zijn)", cond.Source, firstLine(err.Error()))
		return Cond{Source: cond.Source}
	}
	cond.Program = prog
	cond.Vars = v.vars
	return cond
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

type condVisitor struct {
	c        *Content
	vars     []string
	seen     map[string]bool
	problems []string
}

func (v *condVisitor) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if v.c.byID[n.Value] == nil {
			v.problems = append(v.problems, fmt.Sprintf("onbekende vraag-id %q; bekende ids: %s", n.Value, strings.Join(sortedIDs(v.c), ", ")))
			return
		}
		if !v.seen[n.Value] {
			v.seen[n.Value] = true
			v.vars = append(v.vars, n.Value)
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "==", "!=":
			v.checkValue(n.Left, n.Right)
			v.checkValue(n.Right, n.Left)
		case "in", "not in":
			// "x" in meer_vraag, or een_vraag in ["x", "y"]
			v.checkValue(n.Right, n.Left)
			if arr, ok := n.Right.(*ast.ArrayNode); ok {
				for _, el := range arr.Nodes {
					v.checkValue(n.Left, el)
				}
			}
		}
	}
}

// checkValue reports a string literal compared with a question that has no
// such option.
func (v *condVisitor) checkValue(ident, lit ast.Node) {
	id, ok := ident.(*ast.IdentifierNode)
	if !ok {
		return
	}
	s, ok := lit.(*ast.StringNode)
	if !ok {
		return
	}
	q := v.c.byID[id.Value]
	if q == nil || q.Option(s.Value) != nil {
		return
	}
	v.problems = append(v.problems, fmt.Sprintf("vraag %q heeft geen optie %q; geldig zijn %s", q.ID, s.Value, quoteList(q.Values())))
}

func sortedIDs(c *Content) []string {
	ids := questionIDs(c)
	sort.Strings(ids)
	return ids
}

// Compile compiles one condition against loaded content, with the same
// checks as the loader: for tools and tests that build conditions.
func Compile(c *Content, src string) (Cond, error) {
	l := &loader{src: map[string]string{}}
	cond := l.compile(c, "", 0, src)
	if len(l.problems) > 0 {
		return cond, l.problems
	}
	return cond, nil
}
