package decision

import (
	"slices"

	"github.com/afstandswijzer/afstandswijzer/content"
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
	// option values ([]string, nil when not asked), the verdict's outcome
	// (string: Verdict.Outcome) or
	// whether the rule applies (bool).
	Cells   []string
	Values  []any
	Differs bool
}

// Texts for answers that are missing in a column.
const (
	NotAsked    = "(niet gevraagd)"
	NotAnswered = "(niet beantwoord)"
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
	summaries := make([]*Summary, len(loaded))
	for i, a := range loaded {
		summaries[i] = e.Summarize(a)
	}
	e.answerRows(c, loaded)
	c.add(verdictRow(summaries))
	e.ruleRows(c, summaries)
	return c
}

// answerRows adds a row per question asked in any column.
func (e *Engine) answerRows(c *Comparison, loaded []Answers) {
	effective := make([]Answers, len(loaded))
	visible := make([]map[string]bool, len(loaded))
	for i, a := range loaded {
		effective[i] = e.Effective(a)
		visible[i] = map[string]bool{}
		for _, q := range e.Visible(a) {
			visible[i][q.ID] = true
		}
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
				row.Cells = append(row.Cells, NotAnswered)
				row.Values = append(row.Values, nil)
				asked = true
			default:
				row.Cells = append(row.Cells, NotAsked)
				row.Values = append(row.Values, nil)
			}
		}
		if asked {
			c.add(row)
		}
	}
}

// verdictTexts are the verdicts as the table cells say them.
var verdictTexts = map[Outcome]string{OutcomeCan: "kan meetellen", OutcomeCannot: "telt niet mee", OutcomeUnclear: "nog niet duidelijk"}

// verdictRow is the row of the verdict on begeleide onderwijstijd; its
// values are the outcomes (Verdict.Outcome), as in the summary's JSON.
func verdictRow(summaries []*Summary) CompareRow {
	bot := CompareRow{Kind: RowVerdict, ID: "bot", Label: "Begeleide onderwijstijd"}
	for _, s := range summaries {
		o := s.Verdict.Outcome()
		bot.Cells = append(bot.Cells, verdictTexts[o])
		bot.Values = append(bot.Values, string(o))
	}
	return bot
}

// ruleRows adds a row per rule that applies in any column.
func (e *Engine) ruleRows(c *Comparison, summaries []*Summary) {
	for _, r := range e.C.Rules {
		row := CompareRow{Kind: RowRule, ID: r.ID, Label: "Regel: " + oneLine(r.Title)}
		inAny := false
		for _, s := range summaries {
			applies := slices.Contains(s.RuleIDs(), r.ID)
			inAny = inAny || applies
			row.Cells = append(row.Cells, map[bool]string{true: "ja", false: "nee"}[applies])
			row.Values = append(row.Values, applies)
		}
		if inAny {
			c.add(row)
		}
	}
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

func answerText(q *content.Question, vals []string) string { return AnswerText(q, vals) }

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
