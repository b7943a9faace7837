// Package decision is the interview engine of afstandswijzer: from a map of
// answers it derives which questions are asked, which one is next, the
// verdict on begeleide onderwijstijd, and the summary. It is pure: it reads
// no files and knows no terminal, so the TUI, the line mode and the
// commands all share exactly the same logic.
//
// It may import only content.
package decision

import (
	"slices"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/expr-lang/expr"
)

// Answers maps a question id to the chosen option values. A one-choice
// question has one value; a multiple-choice question any number (an empty
// slice is a valid answer: "none of these"). A question is answered when
// its id is present in the map.
//
// Everything else is derived from this map on demand (docassemble's
// "re-derive, don't track"), so back, review and resume need no extra state.
type Answers map[string][]string

// Clone returns an independent copy.
func (a Answers) Clone() Answers {
	b := make(Answers, len(a))
	for k, v := range a {
		b[k] = slices.Clone(v)
	}
	return b
}

// Has reports whether question id has been answered.
func (a Answers) Has(id string) bool {
	_, ok := a[id]
	return ok
}

// Engine evaluates answers against one content set.
type Engine struct {
	C *content.Content
}

// New returns an engine for c.
func New(c *content.Content) *Engine { return &Engine{C: c} }

// env builds the expression environment: answered, visible questions get
// their values; all others the zero value of their type.
func (e *Engine) env(a Answers) map[string]any {
	env := make(map[string]any, len(e.C.Questions))
	for _, q := range e.C.Questions {
		env[q.ID] = envValue(q, a)
	}
	return env
}

func envValue(q *content.Question, a Answers) any {
	vals, ok := a[q.ID]
	switch {
	case q.Kind == content.Many && ok:
		return vals
	case q.Kind == content.Many:
		return []string{}
	case ok && len(vals) > 0:
		return vals[0]
	default:
		return ""
	}
}

// holds evaluates a condition. A condition that fails at run time (it was
// type-checked at load, so this means a bug) counts as false rather than
// crashing a teacher's session.
func holds(c content.Cond, env map[string]any) bool {
	if c.Program == nil {
		return true
	}
	out, err := expr.Run(c.Program, env)
	if err != nil {
		return false
	}
	b, _ := out.(bool)
	return b
}

// Effective returns the answers that count: those to questions that are
// asked given the other answers. Answers to hidden questions are kept in
// the caller's map (going back never deletes) but left out here.
func (e *Engine) Effective(a Answers) Answers {
	eff, _ := e.resolve(a, e.C.Questions)
	return eff
}

// Visible returns the questions that are asked given the answers, in order.
// The list follows the current path, so its length is the progress estimate.
func (e *Engine) Visible(a Answers) []*content.Question {
	_, vis := e.resolve(a, e.C.Questions)
	return vis
}

// resolve walks qs in order and decides which are asked. Questions only
// depend on earlier ones (checked at load), so one pass with one growing
// environment is exact and linear in the number of questions.
func (e *Engine) resolve(a Answers, qs []*content.Question) (Answers, []*content.Question) {
	return e.resolveIn(a, qs, e.env(nil))
}

// resolveIn is resolve with a caller's environment, which it updates for
// the questions in qs; other entries are left as they are.
func (e *Engine) resolveIn(a Answers, qs []*content.Question, env map[string]any) (Answers, []*content.Question) {
	eff := Answers{}
	var vis []*content.Question
	for _, q := range qs {
		env[q.ID] = envValue(q, nil)
		if !holds(q.When, env) {
			continue
		}
		vis = append(vis, q)
		if v, ok := a[q.ID]; ok {
			eff[q.ID] = slices.Clone(v)
			env[q.ID] = envValue(q, eff)
		}
	}
	return eff, vis
}

// Next returns the first visible question without an answer, or nil when
// the interview is complete.
func (e *Engine) Next(a Answers) *content.Question {
	return nextIn(e.Visible(a), a)
}

func nextIn(vis []*content.Question, a Answers) *content.Question {
	for _, q := range vis {
		if !a.Has(q.ID) {
			return q
		}
	}
	return nil
}

// Complete reports whether every visible question is answered.
func (e *Engine) Complete(a Answers) bool { return e.Next(a) == nil }

// Position returns the 1-based place of question id on the current path
// and the path's length ("vraag 4 van ongeveer 11"); 0 when id is not on it.
func (e *Engine) Position(a Answers, id string) (int, int) {
	vis := e.Visible(a)
	for i, q := range vis {
		if q.ID == id {
			return i + 1, len(vis)
		}
	}
	return 0, len(vis)
}

// Previous returns the visible question before id, or nil at the start.
// Going back only moves the cursor: no answer is deleted.
func (e *Engine) Previous(a Answers, id string) *content.Question {
	vis := e.Visible(a)
	for i, q := range vis {
		if q.ID == id && i > 0 {
			return vis[i-1]
		}
	}
	return nil
}

// Dropped lists the questions that have an answer in a but are no longer
// asked, in content order: the review screen tells the reader about them.
func (e *Engine) Dropped(a Answers) []*content.Question {
	return e.dropped(a, e.Effective(a))
}

// dropped is Dropped with the effective answers already resolved.
func (e *Engine) dropped(a, eff Answers) []*content.Question {
	var out []*content.Question
	for _, q := range e.C.Questions {
		if a.Has(q.ID) && !eff.Has(q.ID) {
			out = append(out, q)
		}
	}
	return out
}

// Set returns a copy of a with question id answered by vals, after checking
// that the values are options of that question (and one value for a
// one-choice question).
func (e *Engine) Set(a Answers, id string, vals ...string) (Answers, error) {
	q := e.C.Question(id)
	if q == nil {
		return a, &AnswerError{ID: id, Msg: "onbekende vraag"}
	}
	if err := checkValues(q, vals); err != nil {
		return a, err
	}
	b := a.Clone()
	b[id] = slices.Clone(vals)
	return b, nil
}

func checkValues(q *content.Question, vals []string) error {
	if q.Kind == content.One && len(vals) != 1 {
		return &AnswerError{ID: q.ID, Msg: "kies precies één antwoord", Valid: q.Values()}
	}
	seen := map[string]bool{}
	for _, v := range vals {
		if q.Option(v) == nil {
			return &AnswerError{ID: q.ID, Msg: "\"" + v + "\" is geen antwoord op deze vraag", Valid: q.Values()}
		}
		if seen[v] {
			return &AnswerError{ID: q.ID, Msg: "\"" + v + "\" staat er twee keer", Valid: q.Values()}
		}
		seen[v] = true
	}
	return nil
}
