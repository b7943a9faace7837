package decision

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/afstandswijzer/afstandswijzer/content"
)

// FileVersion is the only answers-file version this program reads.
const FileVersion = 1

// AnswerError is a problem with one answer, in Dutch, naming the valid
// values so the reader can fix the file.
type AnswerError struct {
	File  string
	Line  int
	ID    string
	Msg   string
	Valid []string
}

func (e *AnswerError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ", regel %d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.ID != "" {
		fmt.Fprintf(&b, "vraag %q: ", e.ID)
	}
	b.WriteString(content.ShortMessage(e.Msg))
	if len(e.Valid) > 0 {
		b.WriteString("; geldig zijn: ")
		q := make([]string, len(e.Valid))
		for i, v := range e.Valid {
			q[i] = fmt.Sprintf("%q", v)
		}
		b.WriteString(content.ShortMessage(strings.Join(q, ", ")))
	}
	return b.String()
}

// AnswerErrors collects every problem in an answers file.
type AnswerErrors []*AnswerError

func (es AnswerErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return content.JoinCapped(lines)
}

type answersFile struct {
	Version int            `toml:"versie"`
	Answers map[string]any `toml:"antwoorden"`
}

// ParseOptions tunes ParseAnswers.
type ParseOptions struct {
	// KeepHidden is the default now and has no effect; it stays so
	// existing callers compile. Answers to questions that do not apply
	// given the other answers are kept: the engine leaves them out, and
	// Summary.Dropped (JSON "vervallen") names them. A file this program
	// wrote (a session after going back, a case written before a question
	// became conditional) must never fail to load because of them.
	KeepHidden bool
	// RejectHidden makes such answers an error instead, for a tool that
	// wants a file without answers that no longer apply.
	RejectHidden bool
	// SkipInvalid drops answers to unknown questions and values that are
	// no option, instead of rejecting the file. A saved session needs this
	// after a content update: one renamed question must not cost a teacher
	// all other answers.
	SkipInvalid bool
}

// ParseAnswers reads an answers file (TOML: versie = 1 and a table
// [antwoorden] of question id → value). name is used in messages only.
func (e *Engine) ParseAnswers(name string, data []byte, opt ParseOptions) (Answers, error) {
	if lerr := content.CheckInput(data, content.MaxAnswersSize); lerr != nil {
		return nil, AnswerErrors{{File: name, Line: lerr.Line, Msg: lerr.Msg}}
	}
	src := string(data)
	var f answersFile
	md, err := toml.Decode(src, &f)
	if err != nil {
		return nil, AnswerErrors{decodeError(name, src, err)}
	}
	lines := content.KeyLines(src)
	errs := fileErrors(name, src, md, f, lines)
	a := Answers{}
	ids := make([]string, 0, len(f.Answers))
	for id := range f.Answers {
		ids = append(ids, id)
	}
	// Report in file order, not map order, so messages are stable.
	slices.SortFunc(ids, func(x, y string) int {
		if d := lines[x] - lines[y]; d != 0 {
			return d
		}
		return strings.Compare(x, y)
	})
	for _, id := range ids {
		q := e.C.Question(id)
		if q == nil {
			if !opt.SkipInvalid {
				errs = append(errs, &AnswerError{File: name, Line: lines[id], Msg: fmt.Sprintf("onbekende vraag %q", id), Valid: questionIDs(e.C)})
			}
			continue
		}
		vals, ae, option := answerValues(q, f.Answers[id])
		if ae != nil && option && opt.SkipInvalid {
			// A value that is no option (after a content update): dropped.
			continue
		}
		if ae != nil {
			ae.File, ae.Line = name, lines[id]
			errs = append(errs, ae)
			continue
		}
		a[id] = vals
	}
	if len(errs) == 0 && opt.RejectHidden {
		for _, q := range e.Dropped(a) {
			errs = append(errs, &AnswerError{File: name, Line: lines[q.ID], ID: q.ID,
				Msg: "deze vraag geldt niet bij je andere antwoorden (" + strings.TrimSpace(q.WhenSrc) + "); haal dit antwoord weg of pas de andere antwoorden aan"})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return a, nil
}

// decodeError is the Dutch message for a file the TOML library refused.
func decodeError(name, src string, err error) *AnswerError {
	line := 0
	var pe toml.ParseError
	msg := err.Error()
	if errors.As(err, &pe) {
		line, msg = content.ParseErrorLine(src, pe), content.EndOfLine(dutchTOML(pe.Message))
	} else if strings.Contains(msg, "incompatible types") {
		line = content.TypeErrorLine(src, err)
		msg = "verkeerd type: \"versie\" is een getal (versie = 1) en [antwoorden] een tabel met per vraag tekst of een lijst"
	}
	return &AnswerError{File: name, Line: line, Msg: "geen geldige TOML: " + msg}
}

// fileErrors checks the file around the answers: a misspelt or missing
// [antwoorden], unknown keys, and the version.
func fileErrors(name, src string, md toml.MetaData, f answersFile, lines map[string]int) AnswerErrors {
	var errs AnswerErrors
	// A misspelt [antwoorden] makes every answer an unknown key: say it
	// once, at the table, instead of once per answer.
	misspelt := ""
	if !md.IsDefined("antwoorden") {
		for _, k := range md.Keys() {
			if len(k) == 1 && md.Type(k[0]) == "Hash" && closeTo(k[0], "antwoorden") {
				misspelt = k[0]
				errs = append(errs, &AnswerError{File: name, Line: tableLine(src, misspelt),
					Msg: fmt.Sprintf("onbekende tabel [%s]; bedoel je [antwoorden]?", misspelt)})
				break
			}
		}
	}
	for _, k := range md.Undecoded() {
		if len(k) > 0 && (k[0] == "antwoorden" || k[0] == misspelt) {
			continue
		}
		errs = append(errs, &AnswerError{File: name, Line: lines[k[len(k)-1]],
			Msg: fmt.Sprintf("onbekende sleutel %q; een antwoordenbestand heeft alleen \"versie\" en de tabel [antwoorden]", k.String())})
	}
	if !md.IsDefined("versie") {
		errs = append(errs, &AnswerError{File: name, Line: 1, Msg: "\"versie\" ontbreekt; zet bovenaan: versie = 1"})
	} else if f.Version != FileVersion {
		errs = append(errs, &AnswerError{File: name, Line: lines["versie"], Msg: fmt.Sprintf("versie %d wordt niet ondersteund; dit programma leest versie = %d", f.Version, FileVersion)})
	}
	if !md.IsDefined("antwoorden") {
		if misspelt == "" {
			errs = append(errs, &AnswerError{File: name, Msg: "de tabel [antwoorden] ontbreekt"})
		}
	} else if md.Type("antwoorden") != "Hash" {
		errs = append(errs, &AnswerError{File: name, Line: lines["antwoorden"], Msg: "verkeerd type: antwoorden moet een tabel zijn: zet [antwoorden] op een eigen regel en daaronder per vraag een antwoord"})
	}
	return errs
}

// answerValues checks one answer's TOML value against question q: text
// for a one-choice question, a list of text for a many-choice one, and
// options that exist. option is true when the form is right but a value
// is no option (what a content update causes; SkipInvalid drops those).
func answerValues(q *content.Question, v any) (vals []string, err *AnswerError, option bool) {
	form := func(msg string) ([]string, *AnswerError, bool) {
		return nil, &AnswerError{ID: q.ID, Msg: msg, Valid: q.Values()}, false
	}
	_, isList := v.([]any)
	switch x := v.(type) {
	case string:
		vals = []string{x}
	case []any:
		vals = []string{}
		for _, el := range x {
			s, ok := el.(string)
			if !ok {
				return form("een lijst mag alleen tekst tussen aanhalingstekens bevatten")
			}
			vals = append(vals, s)
		}
	default:
		return form("het antwoord moet tekst tussen aanhalingstekens zijn (of een lijst bij meer keuzes)")
	}
	if q.Kind == content.One && isList {
		return form("bij deze vraag kies je één antwoord; schrijf het zonder [ ]")
	}
	if q.Kind != content.One && !isList {
		return form("bij deze vraag kun je meer antwoorden kiezen; schrijf ze als lijst, bijvoorbeeld [\"" + q.Options[0].Value + "\"]")
	}
	if err := checkValues(q, vals); err != nil {
		return nil, err.(*AnswerError), true
	}
	return vals, nil, false
}

// tomlMessages are the TOML parser's messages a teacher editing an answers
// file is likely to meet, in Dutch. %s is the parser's quoted character.
// Order matters: the first match wins. Compiled on first use, not in
// package init: every start of the program would pay for them.
var tomlMessages = sync.OnceValue(func() []struct {
	re   *regexp.Regexp
	text string
} {
	return []struct {
		re   *regexp.Regexp
		text string
	}{
		{regexp.MustCompile(`^expected value but found (.+) instead$`), "na = verwacht ik een waarde, maar er staat %s; zet tekst tussen aanhalingstekens, bijvoorbeeld rol = \"docent\""},
		{regexp.MustCompile(`^unexpected EOF; expected value$`), "na = ontbreekt de waarde; zet tekst tussen aanhalingstekens, bijvoorbeeld rol = \"docent\""},
		{regexp.MustCompile(`^invalid UTF-8 byte`), "het bestand bevat tekens die geen UTF-8 zijn; sla het op met de codering UTF-8"},
		{regexp.MustCompile(`^TOML files cannot contain control characters`), "het bestand bevat een onzichtbaar stuurteken; haal het weg of typ de regel opnieuw"},
		{regexp.MustCompile(`^strings cannot contain newlines$`), "een tekst tussen aanhalingstekens moet op één regel staan; staat er een \" te weinig?"},
		{regexp.MustCompile(`^unexpected EOF; expected ['"]`), "een tekst heeft geen aanhalingsteken aan het eind"},
		{regexp.MustCompile(`^Key '(?:antwoorden\.)?(.+)' has already been defined\.$`), "%s staat er twee keer in; laat één antwoord staan"},
		{regexp.MustCompile(`^expected '\.' or '=', but got (.+) instead$`), "na de naam van een vraag verwacht ik =, maar er staat %s"},
		{regexp.MustCompile(`^unexpected EOF; expected key separator '='$`), "na de naam van een vraag ontbreekt = en een antwoord"},
		{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.+)$`), "in een lijst verwacht ik een komma of ], maar er staat %s; bijvoorbeeld activiteiten = [\"uitleg\", \"samenwerken\"]"},
		{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`), "na het antwoord verwacht ik het einde van de regel, maar er staat %s; zet één antwoord per regel"},
		{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.+) instead$`), "een tabelnaam eindigt met ], maar er staat %s; schrijf [antwoorden]"},
		{regexp.MustCompile(`^unexpected EOF$`), "het bestand houdt midden in een regel op; staat er ergens een \" of ] te weinig?"},
	}
})

// dutchTOML translates a TOML parse message; an unknown one is kept, so
// nothing is lost, after the Dutch "geen geldige TOML" lead-in.
func dutchTOML(msg string) string {
	for _, t := range tomlMessages() {
		m := t.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		if len(m) > 1 {
			return fmt.Sprintf(t.text, m[1])
		}
		return t.text
	}
	return msg
}

// closeTo reports a likely misspelling of want: a prefix of at least 6
// letters either way (antwoord, antwoord-en) or at most two edits.
func closeTo(got, want string) bool {
	if got == want {
		return false
	}
	got = strings.ToLower(got)
	if len(got) >= 6 && (strings.HasPrefix(want, got) || strings.HasPrefix(got, want)) {
		return true
	}
	return editDistance(got, want) <= 2
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// tableLine is the line of the header [name], or 0 when not found.
func tableLine(src, name string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.TrimSpace(l) == "["+name+"]" {
			return i + 1
		}
	}
	return 0
}

func questionIDs(c *content.Content) []string {
	ids := make([]string, len(c.Questions))
	for i, q := range c.Questions {
		ids[i] = q.ID
	}
	return ids
}

// FormatAnswers writes answers as an answers file, in question order, each
// with the question as a comment so the file explains itself.
func (e *Engine) FormatAnswers(a Answers) []byte {
	var b strings.Builder
	b.WriteString("# Antwoorden voor afstandswijzer. Maak er een samenvatting van met:\n")
	b.WriteString("#   afstandswijzer samenvatting --antwoorden DIT-BESTAND\n")
	fmt.Fprintf(&b, "versie = %d\n\n[antwoorden]\n", FileVersion)
	for _, q := range e.C.Questions {
		vals, ok := a[q.ID]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "# %s\n", oneLine(q.Text))
		if q.Kind == content.Many {
			quoted := make([]string, len(vals))
			for i, v := range vals {
				quoted[i] = fmt.Sprintf("%q", v)
			}
			fmt.Fprintf(&b, "%s = [%s]\n", q.ID, strings.Join(quoted, ", "))
		} else if len(vals) > 0 {
			fmt.Fprintf(&b, "%s = %q\n", q.ID, vals[0])
		}
	}
	return []byte(b.String())
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
