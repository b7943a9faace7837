package decision

import (
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
