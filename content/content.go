// Package content holds the questions, rules, parties, actions, resources
// and practice examples of afstandswijzer as TOML data, with the loader that
// parses, compiles and validates them. It knows nothing about terminals.
package content

import (
	"embed"
	"io/fs"

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

// Files lists the content files in load order; all are required.
var Files = []string{"meta.toml", "vragen.toml", "regels.toml", "partijen.toml", "acties.toml", "bronnen.toml", "voorbeelden.toml"}

// Kind of a question: one choice or several.
const (
	One  = "een"
	Many = "meer"
)

// Parts of the handreiking that a rule comes from, in display order.
var Parts = []string{"Algemeen", "Vooraf", "Achteraf"}

// Phases of an action.
const (
	Before = "vooraf"
	After  = "achteraf"
)

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

	byID map[string]*Question
}

// Question returns the question with the given id, or nil.
func (c *Content) Question(id string) *Question { return c.byID[id] }

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
	ID         string    `toml:"id"`
	Short      string    `toml:"kort"`
	Text       string    `toml:"tekst"`
	Help       string    `toml:"uitleg"`
	Quote      string    `toml:"citaat"`
	Background string    `toml:"achtergrond"`
	Kind       string    `toml:"soort"`
	WhenSrc    string    `toml:"when"`
	IfNo       string    `toml:"bij_nee"`
	Options    []*Option `toml:"optie"`
	When       Cond      `toml:"-"`
	File       string    `toml:"-"`
	Line       int       `toml:"-"`
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
	When       Cond     `toml:"-"`
	File       string   `toml:"-"`
	Line       int      `toml:"-"`
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
	Text    string `toml:"tekst"`
	WhenSrc string `toml:"when"`
	When    Cond   `toml:"-"`
	Line    int    `toml:"-"`
}

// Action is a checklist item that follows from answers.
type Action struct {
	ID      string `toml:"id"`
	Text    string `toml:"tekst"`
	Phase   string `toml:"fase"`
	WhenSrc string `toml:"when"`
	When    Cond   `toml:"-"`
	File    string `toml:"-"`
	Line    int    `toml:"-"`
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
	ID      string `toml:"id"`
	Text    string `toml:"tekst"`
	Theme   string `toml:"thema"`
	WhenSrc string `toml:"when"`
	When    Cond   `toml:"-"`
	File    string `toml:"-"`
	Line    int    `toml:"-"`
}
