// Package content holds the questions, rules, parties, actions, resources
// and practice examples of afstandswijzer as TOML data, with the loader that
// parses, compiles and validates them. It knows nothing about terminals.
//
// It imports nothing of this module.
package content

import (
	"embed"
	"io/fs"
	"strings"

	"github.com/expr-lang/expr/vm"
)

//go:embed data/*.toml
var embedded embed.FS

// Default returns the embedded content as a file system rooted at the TOML
// files, so it can be loaded or written out like any other folder.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		// Only possible when the embed directive is wrong: a build bug.
		panic(err)
	}
	return sub
}

// Files lists the content files in load order. All are required except
// those in OptionalFiles, which came later: a folder an institution wrote
// out before they existed must keep loading.
var Files = []string{"meta.toml", "vragen.toml", "regels.toml", "partijen.toml", "acties.toml", "bronnen.toml", "voorbeelden.toml", "begrippen.toml", "bevindingen.toml"}

// OptionalFiles may be missing from a content folder; the content then has
// no terms or no findings.
var OptionalFiles = []string{"begrippen.toml", "bevindingen.toml"}

// Priorities of a checklist step, most important first. Empty means
// PriorityNormal.
const (
	PriorityHigh   = "hoog"
	PriorityNormal = "normaal"
	PriorityLow    = "laag"
)

// Priorities lists the valid priorities, most important first.
var Priorities = []string{PriorityHigh, PriorityNormal, PriorityLow}

// PriorityRank orders priorities: 0 is most important. An empty or
// unknown priority counts as normal.
func PriorityRank(p string) int {
	switch p {
	case PriorityHigh:
		return 0
	case PriorityLow:
		return 2
	}
	return 1
}

// Kind of a question: one choice or several.
const (
	One  = "een"
	Many = "meer"
)

// WeetNiet is the option value of "Weet ik niet".
const WeetNiet = "weet_niet"

// Parts of the handreiking that a rule comes from, in display order.
var Parts = []string{"Algemeen", "Vooraf", "Achteraf"}

// Phases of an action.
const (
	Before = "vooraf"
	After  = "achteraf"
)

// Kinds of source ("brontype") of a text the program shows: whose words or
// reading it is. A teacher, a team leader or the OR must be able to tell
// the handreiking's words from this program's own advice.
const (
	// SourceHandreiking: the handreiking's words, or a close paraphrase of
	// one sentence it quotes (the item's citaat, or a rule's).
	SourceHandreiking = "handreiking"
	// SourceLaw: legal background from shared/wetgeving.md, always with
	// "controleer de actuele tekst".
	SourceLaw = "wet"
	// SourceInspectie: the Inspectie's research in secondary education.
	SourceInspectie = "inspectie-vo"
	// SourceWijzer: this program's own advice or reading.
	SourceWijzer = "wijzer"
)

// SourceKinds lists the valid brontype values.
var SourceKinds = []string{SourceHandreiking, SourceLaw, SourceInspectie, SourceWijzer}

// CheckLawPhrase must stand in every text of brontype "wet" and in every
// "achtergrond" (lower case: it may open a sentence or not).
const CheckLawPhrase = "controleer de actuele tekst"

// Certainty levels of a resource URL (see shared/bronnen.md).
var Certainties = []string{"zeker", "waarschijnlijk", "ouder", "bron"}

// Content is a loaded, validated content set.
type Content struct {
	Meta      Meta
	Questions []*Question
	Rules     []*Rule
	Parties   []*Party
	Actions   []*Action
	Resources []*Resource
	Examples  []*Example
	// Terms is the glossary (begrippen.toml), in file order.
	Terms []*Term
	// Findings are the Inspectie's findings from its vo research
	// (bevindingen.toml), in file order.
	Findings []*Finding

	byID map[string]*Question
}

// Question returns the question with the given id, or nil.
func (c *Content) Question(id string) *Question { return c.byID[id] }

// Action returns the action with the given id, or nil.
func (c *Content) Action(id string) *Action {
	for _, a := range c.Actions {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// Term returns the glossary entry with the given id, or nil.
func (c *Content) Term(id string) *Term {
	for _, t := range c.Terms {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Meta describes the content set and its source.
type Meta struct {
	Version    string   `toml:"versie"`
	Title      string   `toml:"titel"`
	Publisher  string   `toml:"uitgever"`
	Date       string   `toml:"datum"`
	URL        string   `toml:"url"`
	Disclaimer string   `toml:"disclaimer"`
	Themes     []string `toml:"themas"`
	BOT        []string `toml:"bot_vragen"`
	// BOTNotes are extra lines under the verdict on begeleide onderwijstijd,
	// each shown when its condition holds (an exam, self-study).
	BOTNotes []*Note `toml:"bot_noot"`
	// Obsolete: the handreiking names no exception for tests and exams, so
	// the three BOT questions are asked on every path and these are no
	// longer shown. Still accepted, so a content folder written out before
	// version 2026.12 keeps loading.
	BOTNotApplicableLabel  string `toml:"bot_vervalt_label"`
	BOTNotApplicableReason string `toml:"bot_vervalt_uitleg"`
	BOTNotApplicableNote   string `toml:"bot_vervalt_noot"`
	// VOSource names the Inspectie's vo research that examples and
	// findings come from; it is their Source when they name none.
	VOSource string `toml:"vo_bron"`
	// VOCaveat is the research's own caveat: it gives no representative
	// picture. Show it wherever examples or findings are shown.
	VOCaveat string `toml:"vo_voorbehoud"`
	// VOURL is where the research is published.
	VOURL string `toml:"vo_url"`
}

// Note is a line under the verdict on begeleide onderwijstijd.
type Note struct {
	Text string `toml:"tekst"`
	// Brontype says whose the text is (SourceKinds); Quote or Rule is what
	// a "handreiking" text leans on.
	Brontype string `toml:"brontype"`
	Quote    string `toml:"citaat"`
	Rule     string `toml:"regel"`
	WhenSrc  string `toml:"when"`
	When     Cond   `toml:"-"`
	Line     int    `toml:"-"`
}

// Cond is a `when` condition: its source text and the compiled program.
// A nil Program means "always".
type Cond struct {
	Source  string
	Program *vm.Program
	// Vars are the question ids the condition reads, in order of first use.
	Vars []string
}

// Question is one decision point.
type Question struct {
	ID         string `toml:"id"`
	Short      string `toml:"kort"`
	Text       string `toml:"tekst"`
	Help       string `toml:"uitleg"`
	Quote      string `toml:"citaat"`
	Background string `toml:"achtergrond"`
	Kind       string `toml:"soort"`
	WhenSrc    string `toml:"when"`
	IfNo       string `toml:"bij_nee"`
	// Brontype says whose Help and IfNo are (SourceKinds); a "handreiking"
	// text leans on Quote. The options are the wijzer's own wording of the
	// answers; Background is always "wet".
	Brontype string `toml:"brontype"`
	// Ask is the id of the action that says whom to ask when the answer is
	// "weet_niet" (the summary's "In het kort" lists it).
	Ask     string    `toml:"navragen"`
	Options []*Option `toml:"optie"`
	When    Cond      `toml:"-"`
	File    string    `toml:"-"`
	Line    int       `toml:"-"`
}

// Option returns the option with the given value, or nil.
func (q *Question) Option(value string) *Option {
	for _, o := range q.Options {
		if o.Value == value {
			return o
		}
	}
	return nil
}

// Values lists the option values in order.
func (q *Question) Values() []string {
	vs := make([]string, len(q.Options))
	for i, o := range q.Options {
		vs[i] = o.Value
	}
	return vs
}

// Option is one possible answer.
type Option struct {
	Value string `toml:"waarde"`
	Label string `toml:"label"`
	Help  string `toml:"uitleg"`
}

// Rule is one statement of the handreiking that may apply.
type Rule struct {
	ID         string   `toml:"id"`
	Title      string   `toml:"titel"`
	Text       string   `toml:"tekst"`
	Part       string   `toml:"deel"`
	Quote      string   `toml:"citaat"`
	Background string   `toml:"achtergrond"`
	WhenSrc    string   `toml:"when"`
	Actions    []string `toml:"acties"`
	// Agree says in one line who must consent or may advise when the rule
	// applies (the summary's "In het kort"); empty for most rules.
	Agree string `toml:"akkoord"`
	// Priority of the rule's actions in the short list of next steps.
	Priority string `toml:"prioriteit"`
	// Brontype is whose Title, Text and Agree are; ActionsBrontype whose
	// Actions are (SourceKinds). A "handreiking" text leans on Quote.
	Brontype        string `toml:"brontype"`
	ActionsBrontype string `toml:"acties_brontype"`
	When            Cond   `toml:"-"`
	File            string `toml:"-"`
	Line            int    `toml:"-"`
}

// Party is a row of the "who decides what" table.
type Party struct {
	ID    string  `toml:"id"`
	Name  string  `toml:"naam"`
	Tasks []*Task `toml:"taak"`
	File  string  `toml:"-"`
	Line  int     `toml:"-"`
}

// Task is one thing a party decides or does, under a condition.
type Task struct {
	Text string `toml:"tekst"`
	// Brontype says whose the text is; a "handreiking" task leans on the
	// citaat of Rule.
	Brontype string `toml:"brontype"`
	Rule     string `toml:"regel"`
	WhenSrc  string `toml:"when"`
	When     Cond   `toml:"-"`
	Line     int    `toml:"-"`
}

// Action is a checklist item that follows from answers.
type Action struct {
	ID    string `toml:"id"`
	Text  string `toml:"tekst"`
	Phase string `toml:"fase"`
	// Priority in the short list of next steps; empty means normal.
	Priority string `toml:"prioriteit"`
	// Brontype says whose the text is (SourceKinds); a "handreiking"
	// action leans on Quote or on the citaat of Rule.
	Brontype string `toml:"brontype"`
	Quote    string `toml:"citaat"`
	Rule     string `toml:"regel"`
	WhenSrc  string `toml:"when"`
	When     Cond   `toml:"-"`
	File     string `toml:"-"`
	Line     int    `toml:"-"`
}

// Resource is a link to help.
type Resource struct {
	ID           string `toml:"id"`
	Title        string `toml:"titel"`
	URL          string `toml:"url"`
	Organisation string `toml:"organisatie"`
	Theme        string `toml:"thema"`
	Certainty    string `toml:"zekerheid"`
	LookFor      string `toml:"zoek"`
	WhenSrc      string `toml:"when"`
	When         Cond   `toml:"-"`
	File         string `toml:"-"`
	Line         int    `toml:"-"`
}

// Example is a practice example from the Inspectie's vo research.
type Example struct {
	ID    string `toml:"id"`
	Text  string `toml:"tekst"`
	Theme string `toml:"thema"`
	// Source says where the example comes from; Meta.VOSource when the
	// file names none.
	Source string `toml:"bron"`
	// Brontype is "inspectie-vo" for the Inspectie's examples.
	Brontype string `toml:"brontype"`
	WhenSrc  string `toml:"when"`
	When     Cond   `toml:"-"`
	File     string `toml:"-"`
	Line     int    `toml:"-"`
}

// Term is one entry of the glossary.
type Term struct {
	ID     string `toml:"id"`
	Name   string `toml:"naam"`
	Text   string `toml:"uitleg"`
	Source string `toml:"bron"`
	// Brontype says whose the explanation is; a "handreiking" entry leans
	// on Quote or on the citaat of Rule.
	Brontype string `toml:"brontype"`
	Quote    string `toml:"citaat"`
	Rule     string `toml:"regel"`
	File     string `toml:"-"`
	Line     int    `toml:"-"`
}

// Words are the forms of the term to look for in running text, for
// linking a term at its first use: "Begeleide onderwijstijd (BOT)" gives
// "Begeleide onderwijstijd" and "BOT". Match case-insensitively for the
// long form; an abbreviation is matched as written.
func (t *Term) Words() []string {
	name := strings.TrimSpace(t.Name)
	open := strings.LastIndex(name, " (")
	if open < 0 || !strings.HasSuffix(name, ")") {
		return []string{name}
	}
	long, short := strings.TrimSpace(name[:open]), strings.TrimSpace(name[open+2:len(name)-1])
	if short == "" {
		return []string{long}
	}
	return []string{long, short}
}

// Finding is one theme of the Inspectie's findings in its vo research
// (2020-2021), shown when the answers touch it.
type Finding struct {
	ID    string `toml:"id"`
	Theme string `toml:"thema"`
	Title string `toml:"titel"`
	Text  string `toml:"tekst"`
	// Key ("kern") is the sentence or sentences of Text that a short
	// summary shows under the title, each verbatim from Text; empty means
	// the whole text.
	Key string `toml:"kern"`
	// Source says where the finding comes from; Meta.VOSource when the
	// file names none.
	Source string `toml:"bron"`
	// Brontype is "inspectie-vo" for the Inspectie's findings.
	Brontype string `toml:"brontype"`
	WhenSrc  string `toml:"when"`
	When     Cond   `toml:"-"`
	File     string `toml:"-"`
	Line     int    `toml:"-"`
}
