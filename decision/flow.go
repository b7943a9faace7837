package decision

import (
	"slices"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// After is the question that follows id on the path of a: the next
// visible question, answered or not (after going back, the reader walks
// forward through the answers, each shown, so nothing is skipped
// unseen), or else the first open question; nil when none is left. Both
// presenters (tui, linemode) ask it, so their order cannot differ.
func (e *Engine) After(a Answers, id string) *content.Question {
	vis := e.Visible(a)
	for i, q := range vis {
		if q.ID == id && i+1 < len(vis) {
			return vis[i+1]
		}
	}
	return e.Next(a)
}

// AnswerText is an answer as one line: the labels of its values, or
// "geen van deze" for an empty set. Every presenter and report builds
// answer lines with it.
func AnswerText(q *content.Question, vals []string) string {
	line := AnswerLine{Question: q, Values: vals}
	for _, v := range vals {
		if o := q.Option(v); o != nil {
			line.Labels = append(line.Labels, strings.Join(strings.Fields(o.Label), " "))
		}
	}
	return line.Text()
}

// ChangeNote says in Dutch what changing the answer to question id did
// between before and after: the questions that now apply too (all of
// them) and the answers that no longer count; "" when that answer did not
// change. Both presenters show it on the review after the change.
func (e *Engine) ChangeNote(before, after Answers, id string) string {
	q := e.C.Question(id)
	if q == nil || before == nil || slices.Equal(before[id], after[id]) {
		return ""
	}
	note := "Je antwoord op „" + q.Short + "” is aangepast."
	if added := newShorts(e.Visible(before), e.Visible(after)); len(added) > 0 {
		note += " Daardoor gelden nu ook: " + strings.Join(added, ", ") + "."
	}
	if gone := newShorts(e.Dropped(before), e.Dropped(after)); len(gone) > 0 {
		note += " Niet meer van toepassing: " + strings.Join(gone, ", ") + "."
	}
	return note
}

// newShorts names the questions in after that were not in before.
func newShorts(before, after []*content.Question) []string {
	var out []string
	for _, q := range after {
		if !slices.Contains(before, q) {
			out = append(out, q.Short)
		}
	}
	return out
}
