package decision

import (
	"slices"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Reveal is what the trainer shows after the room answered a question:
// the handreiking's sentence behind it, the rules it feeds, and what the
// summary concludes for each answer.
type Reveal struct {
	Question *content.Question
	// Rules are the rules whose condition reads the question, in content
	// order.
	Rules []*content.Rule
	// BOT is the place (1-based) of the question among the conditions
	// for begeleide onderwijstijd, 0 when it is not one of them; BOTOf is
	// how many conditions there are.
	BOT, BOTOf int
	// Options has one entry per option, in the question's order.
	Options []OptionReveal
	// Seen is how many participants got the question: the rule counts
	// in Options are out of Seen.
	Seen int
}

// OptionReveal is what the summary concludes when a participant gives
// one answer.
type OptionReveal struct {
	Value, Label string
	// Outcome, for a BOT condition only, is the verdict with this answer
	// when every other condition is "ja".
	Outcome Outcome
	// Rules say for each rule in Reveal.Rules for how many of the Seen
	// participants it would apply with this answer and their own other
	// answers.
	Rules []RuleEffect
}

// RuleEffect is one rule under one answer.
type RuleEffect struct {
	Rule    *content.Rule
	Applies int
}

// Always and Never report whether the rule applies for all (or none) of
// the seen participants with this answer; otherwise it depends on their
// other answers.
func (r RuleEffect) Always(seen int) bool { return seen > 0 && r.Applies == seen }
func (r RuleEffect) Never() bool          { return r.Applies == 0 }

// Feeds lists the rules whose condition reads question id, in content
// order.
func (e *Engine) Feeds(id string) []*content.Rule {
	var out []*content.Rule
	for _, r := range e.C.Rules {
		if slices.Contains(r.When.Vars, id) {
			out = append(out, r)
		}
	}
	return out
}

// Reveal computes the reveal of question q for a room. For each option it
// replaces each participant's answer to q by that option (a multiple
// choice: that option alone), keeps their other answers, and evaluates the
// summary's rules: the count is exact for this room, not a guess. Only
// participants who got q count; questions after q that the new answer
// hides or shows are resolved as the engine does.
func (e *Engine) Reveal(q *content.Question, ps []Participant) Reveal {
	rv := Reveal{Question: q, Rules: e.Feeds(q.ID), BOTOf: len(e.C.Meta.BOT)}
	if i := slices.Index(e.C.Meta.BOT, q.ID); i >= 0 {
		rv.BOT = i + 1
	}
	var seen []Answers
	for _, p := range ps {
		if slices.Contains(e.Visible(p.Answers), q) {
			seen = append(seen, p.Answers)
		}
	}
	rv.Seen = len(seen)
	for _, o := range q.Options {
		or := OptionReveal{Value: o.Value, Label: o.Label}
		if rv.BOT > 0 {
			or.Outcome = e.botOutcome(q, o.Value)
		}
		for _, r := range rv.Rules {
			or.Rules = append(or.Rules, RuleEffect{Rule: r})
		}
		for _, a := range seen {
			if len(rv.Rules) == 0 {
				break
			}
			b := a.Clone()
			b[q.ID] = []string{o.Value}
			env := e.env(e.Effective(b))
			for i, r := range rv.Rules {
				if holds(r.When, env) {
					or.Rules[i].Applies++
				}
			}
		}
		rv.Options = append(rv.Options, or)
	}
	return rv
}

// botOutcome is the verdict when every BOT condition is "ja" except q,
// which is value: what this one answer decides on its own.
func (e *Engine) botOutcome(q *content.Question, value string) Outcome {
	a := Answers{}
	for _, id := range e.C.Meta.BOT {
		a[id] = []string{"ja"}
	}
	a[q.ID] = []string{value}
	// Only the conditions themselves: the verdict reads nothing else,
	// and without other answers every condition is on the path unless a
	// condition's own `when` hides it.
	vis := []*content.Question{}
	for _, id := range e.C.Meta.BOT {
		if c := e.C.Question(id); c != nil {
			vis = append(vis, c)
		}
	}
	return e.outcome(e.verdict(a), a, vis)
}
