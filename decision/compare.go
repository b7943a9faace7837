package decision

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/charmbracelet/x/ansi"
)

// CompareFile is one answers file to compare, e.g. one per team.
type CompareFile struct {
	// Name is the column header (usually the file's base name).
	Name    string
	Answers Answers
	// Err says why the file did not load; such a file is named under the
	// table instead of getting a column.
	Err string
}

// Comparison puts answers files side by side: every answer, the verdict on
// begeleide onderwijstijd, and each rule that applies in any file.
type Comparison struct {
	Columns []string
	Rows    []CompareRow
	// Failed are the files that did not load, with the reason.
	Failed []CompareFile
	// Incomplete names loaded files with unanswered questions.
	Incomplete []string
	Version    string
}

// Kinds of comparison rows.
const (
	RowAnswer  = "antwoord"
	RowVerdict = "bot"
	RowRule    = "regel"
)

// CompareRow is one line of the comparison table.
type CompareRow struct {
	Kind  string
	ID    string
	Label string
	// Cells are the texts per column; Values the same for scripts: the
	// option values ([]string, nil when not asked), the verdict (*bool) or
	// whether the rule applies (bool).
	Cells   []string
	Values  []any
	Differs bool
}

// Texts for answers that are missing in a column.
const (
	notAsked    = "(niet gevraagd)"
	notAnswered = "(niet beantwoord)"
)

// Compare builds the comparison of files. It is pure: loading the files
// and naming them is the caller's job.
func (e *Engine) Compare(files []CompareFile) *Comparison {
	c := &Comparison{Version: e.C.Meta.Version}
	var loaded []Answers
	for _, f := range files {
		if f.Err != "" || f.Answers == nil {
			c.Failed = append(c.Failed, f)
			continue
		}
		c.Columns = append(c.Columns, f.Name)
		loaded = append(loaded, f.Answers)
		if !e.Complete(f.Answers) {
			c.Incomplete = append(c.Incomplete, f.Name)
		}
	}
	if len(loaded) == 0 {
		return c
	}
	effective := make([]Answers, len(loaded))
	visible := make([]map[string]bool, len(loaded))
	summaries := make([]*Summary, len(loaded))
	for i, a := range loaded {
		effective[i] = e.Effective(a)
		visible[i] = map[string]bool{}
		for _, q := range e.Visible(a) {
			visible[i][q.ID] = true
		}
		summaries[i] = e.Summarize(a)
	}

	for _, q := range e.C.Questions {
		row := CompareRow{Kind: RowAnswer, ID: q.ID, Label: q.Short}
		asked := false
		for i := range loaded {
			vals, ok := effective[i][q.ID]
			switch {
			case ok:
				vals = inOptionOrder(q, vals)
				row.Cells = append(row.Cells, answerText(q, vals))
				row.Values = append(row.Values, vals)
				asked = true
			case visible[i][q.ID]:
				row.Cells = append(row.Cells, notAnswered)
				row.Values = append(row.Values, nil)
				asked = true
			default:
				row.Cells = append(row.Cells, notAsked)
				row.Values = append(row.Values, nil)
			}
		}
		if asked {
			c.add(row)
		}
	}

	bot := CompareRow{Kind: RowVerdict, ID: "bot", Label: "Begeleide onderwijstijd"}
	for _, s := range summaries {
		text := "nog niet te zeggen"
		if v := s.Verdict.Counts; v != nil && *v {
			text = "telt mee"
		} else if v != nil {
			text = "telt niet mee"
		}
		bot.Cells = append(bot.Cells, text)
		bot.Values = append(bot.Values, s.Verdict.Counts)
	}
	c.add(bot)

	for _, r := range e.C.Rules {
		row := CompareRow{Kind: RowRule, ID: r.ID, Label: "Regel: " + oneLine(r.Title)}
		inAny := false
		for _, s := range summaries {
			applies := false
			for _, ar := range s.Rules {
				if ar.Rule.ID == r.ID {
					applies = true
				}
			}
			inAny = inAny || applies
			row.Cells = append(row.Cells, map[bool]string{true: "ja", false: "nee"}[applies])
			row.Values = append(row.Values, applies)
		}
		if inAny {
			c.add(row)
		}
	}
	return c
}

func (c *Comparison) add(r CompareRow) {
	for _, cell := range r.Cells[1:] {
		if cell != r.Cells[0] {
			r.Differs = true
		}
	}
	c.Rows = append(c.Rows, r)
}

// inOptionOrder sorts values as the options are listed, so the same
// choices typed in another order do not count as a difference.
func inOptionOrder(q *content.Question, vals []string) []string {
	out := make([]string, 0, len(vals))
	for _, o := range q.Options {
		for _, v := range vals {
			if v == o.Value {
				out = append(out, v)
			}
		}
	}
	return out
}

func answerText(q *content.Question, vals []string) string {
	line := AnswerLine{Question: q, Values: vals}
	for _, v := range vals {
		if o := q.Option(v); o != nil {
			line.Labels = append(line.Labels, o.Label)
		}
	}
	return line.Text()
}

// Differences counts the rows where the files differ.
func (c *Comparison) Differences() int {
	n := 0
	for _, r := range c.Rows {
		if r.Differs {
			n++
		}
	}
	return n
}

const compareTitle = "Vergelijking van antwoorden"

// Markdown renders the comparison as one table with a ≠ column, and the
// files that did not load as a note under it.
func (c *Comparison) Markdown() string {
	return c.render("", c.writeTable)
}

// StackedMarkdown renders the same comparison without a table, for a
// terminal too narrow for one: per row the label (with ≠ when the files
// differ), then one line per file, "name: value". note, if set, is shown
// under the introduction (e.g. how to get the table instead).
func (c *Comparison) StackedMarkdown(note string) string {
	return c.render(note, c.writeStacked)
}

// TableWidth estimates how many terminal columns the table needs when
// rendered without wrapping: the longest cell per column, one space either
// side, a separator between columns and Glamour's margin of 2 either side.
func (c *Comparison) TableWidth() int {
	if len(c.Columns) == 0 {
		return 0
	}
	widths := []int{ansi.StringWidth("≠"), ansi.StringWidth("Vraag of uitkomst")}
	for _, col := range c.Columns {
		widths = append(widths, ansi.StringWidth(cell(col)))
	}
	for _, r := range c.Rows {
		widths[1] = max(widths[1], ansi.StringWidth(cell(r.Label)))
		for i, x := range r.Cells {
			widths[i+2] = max(widths[i+2], ansi.StringWidth(cell(x)))
		}
	}
	total := 2 + 2 + len(widths) - 1 // margins and separators
	for _, w := range widths {
		total += w + 2
	}
	return total
}

// FitsWidth reports whether the table can be read in width columns;
// otherwise Glamour squeezes it until the columns run together.
func (c *Comparison) FitsWidth(width int) bool { return c.TableWidth() <= width }

// render writes the parts every layout shares around body.
func (c *Comparison) render(note string, body func(*strings.Builder)) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %s\n\n", compareTitle)
	if len(c.Columns) == 0 {
		w("Er is geen bestand om te vergelijken.\n\n")
	} else {
		w("Vergeleken: %s. De bestanden verschillen op %d van de %d rijen; die rijen hebben een ≠ %s.\n\n",
			strings.Join(c.Columns, ", "), c.Differences(), len(c.Rows), map[bool]string{true: "in de eerste kolom", false: "achter de naam"}[note == ""])
		if note != "" {
			w("*%s*\n\n", note)
		}
		body(&b)
	}
	if len(c.Incomplete) > 0 {
		w("*Let op: nog niet alle vragen zijn beantwoord in %s. Daar is de uitkomst voorlopig.*\n\n", strings.Join(c.Incomplete, ", "))
	}
	if len(c.Failed) > 0 {
		w("**Niet vergeleken:**\n\n")
		for _, f := range c.Failed {
			w("- %s: %s\n", f.Name, oneLine(strings.ReplaceAll(f.Err, "\n", "; ")))
		}
		w("\n")
	}
	w("---\n\n*Inhoudsversie %s. Dit is geen juridisch advies.*\n", c.Version)
	return b.String()
}

func (c *Comparison) writeTable(b *strings.Builder) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("| ≠ | Vraag of uitkomst |")
	for _, col := range c.Columns {
		w(" %s |", cell(col))
	}
	w("\n|---|---|%s\n", strings.Repeat("---|", len(c.Columns)))
	for _, r := range c.Rows {
		mark := " "
		if r.Differs {
			mark = "≠"
		}
		w("| %s | %s |", mark, cell(r.Label))
		for _, x := range r.Cells {
			w(" %s |", cell(x))
		}
		w("\n")
	}
	w("\n")
}

// writeStacked writes each row as a bold label and a list, so nothing is
// cut or broken mid-word however narrow the terminal is.
func (c *Comparison) writeStacked(b *strings.Builder) {
	for _, r := range c.Rows {
		mark := ""
		if r.Differs {
			mark = " ≠"
		}
		fmt.Fprintf(b, "**%s**%s\n\n", mdEscape(oneLine(r.Label)), mark)
		for i, x := range r.Cells {
			fmt.Fprintf(b, "- %s: %s\n", mdEscape(c.Columns[i]), mdEscape(oneLine(x)))
		}
		b.WriteString("\n")
	}
}

// mdEscape keeps file names and answers literal: a name like team_a_b.toml
// or *concept*.toml must not turn into emphasis.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

type jsonComparison struct {
	Version    string        `json:"inhoudsversie"`
	Files      []string      `json:"bestanden"`
	Rows       []jsonRow     `json:"rijen"`
	Failed     []jsonFailure `json:"niet_geladen"`
	Incomplete []string      `json:"niet_compleet"`
}

type jsonRow struct {
	Kind    string   `json:"soort"`
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Cells   []string `json:"tekst"`
	Values  []any    `json:"waarden"`
	Differs bool     `json:"verschilt"`
}

type jsonFailure struct {
	File   string `json:"bestand"`
	Reason string `json:"reden"`
}

// JSON renders the comparison for scripts.
func (c *Comparison) JSON() ([]byte, error) {
	j := jsonComparison{Version: c.Version, Files: append([]string{}, c.Columns...), Rows: []jsonRow{},
		Failed: []jsonFailure{}, Incomplete: append([]string{}, c.Incomplete...)}
	for _, r := range c.Rows {
		j.Rows = append(j.Rows, jsonRow(r))
	}
	for _, f := range c.Failed {
		j.Failed = append(j.Failed, jsonFailure{File: f.Name, Reason: f.Err})
	}
	out, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// HTML renders the comparison as a printable handout.
func (c *Comparison) HTML(date time.Time) ([]byte, error) {
	return HTMLPage(Page{Title: compareTitle, Markdown: c.Markdown(), Version: c.Version, Date: date})
}
