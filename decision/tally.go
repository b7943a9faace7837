package decision

import (
	"slices"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Participant is one person's answers in a round of a study afternoon,
// with the name the trainer may show.
type Participant struct {
	Name    string
	Answers Answers
}

// Outcome is the verdict on begeleide onderwijstijd as the room counts it.
type Outcome string

// Outcomes. The first three are the verdicts (bot.uitkomst in the JSON);
// the last two say why a participant has none of them yet.
const (
	OutcomeCan     Outcome = "kan_meetellen"
	OutcomeCannot  Outcome = "telt_niet"
	OutcomeUnclear Outcome = "onduidelijk"
	// OutcomeNA: none of the three questions is asked on this path.
	OutcomeNA Outcome = "niet_van_toepassing"
	// OutcomePending: a condition is still to be answered.
	OutcomePending Outcome = "nog_bezig"
)

// Outcomes lists the outcomes in the order the room shows them.
var Outcomes = []Outcome{OutcomeCan, OutcomeCannot, OutcomeUnclear, OutcomeNA, OutcomePending}

// Label is the outcome in a few words, for bars and tables.
func (o Outcome) Label() string {
	switch o {
	case OutcomeCan:
		return "kan meetellen"
	case OutcomeCannot:
		return "telt niet mee"
	case OutcomeUnclear:
		return "onduidelijk"
	case OutcomeNA:
		return "niet van toepassing"
	case OutcomePending:
		return "nog niet beantwoord"
	}
	return string(o)
}

// outcome maps the engine's verdict on one path to an Outcome: the one
// place that knows how a Verdict reads in the room. Whether the conditions
// apply at all is read from the path (are the BOT questions asked), not
// from the verdict's wording, so the mapping does not depend on it.
func (e *Engine) outcome(v Verdict, eff Answers, vis []*content.Question) Outcome {
	if v.Counts != nil {
		if *v.Counts {
			return OutcomeCan
		}
		return OutcomeCannot
	}
	asked := false
	for _, id := range e.C.Meta.BOT {
		q := e.C.Question(id)
		if q == nil || !slices.Contains(vis, q) {
			continue
		}
		asked = true
		if !eff.Has(id) {
			return OutcomePending
		}
	}
	if !asked && len(e.C.Meta.BOT) > 0 {
		return OutcomeNA
	}
	return OutcomeUnclear
}

// Tally is how a room answered: per question the count of each option,
// and the verdicts. Plain data, computed once and shown by the beamer and
// the round's hand-out.
type Tally struct {
	Participants int
	Questions    []QuestionTally
	// Outcomes has one entry per Outcomes, in that order.
	Outcomes []OutcomeCount
}

// QuestionTally is the room's answers to one question.
type QuestionTally struct {
	Question *content.Question
	// Options are in the question's order; a multiple-choice question
	// ends with "geen van deze" (Value "").
	Options []OptionCount
	// Answered counts who answered; Open who got the question but did not
	// answer it yet; NotAsked who did not get it on their path.
	Answered, Open, NotAsked int
}

// OptionCount is how many chose one option, and who.
type OptionCount struct {
	Value, Label string
	Count        int
	Names        []string
}

// OutcomeCount is how many participants have one outcome, and who.
type OutcomeCount struct {
	Outcome Outcome
	Count   int
	Names   []string
}

// NoneLabel is the extra row of a multiple-choice question: answered,
// but chose none of the options.
const NoneLabel = "geen van deze"

// Tally counts the answers of a room. Only answers that count are
// counted (Effective): an answer to a question that is no longer asked on
// a participant's path is left out, as in their summary. The questions
// are those asked to anyone, in content order; with nobody in the room,
// those asked at the start.
func (e *Engine) Tally(ps []Participant) *Tally {
	t := &Tally{Participants: len(ps)}
	type path struct {
		eff Answers
		vis map[string]bool
	}
	paths := make([]path, len(ps))
	shown := map[string]bool{}
	for _, o := range Outcomes {
		t.Outcomes = append(t.Outcomes, OutcomeCount{Outcome: o})
	}
	for i, p := range ps {
		eff, vis := e.resolve(p.Answers, e.C.Questions)
		paths[i] = path{eff: eff, vis: make(map[string]bool, len(vis))}
		for _, q := range vis {
			paths[i].vis[q.ID] = true
			shown[q.ID] = true
		}
		o := e.outcome(e.verdict(eff), eff, vis)
		oc := &t.Outcomes[slices.Index(Outcomes, o)]
		oc.Count++
		oc.Names = append(oc.Names, p.Name)
	}
	if len(ps) == 0 {
		for _, q := range e.Visible(nil) {
			shown[q.ID] = true
		}
	}
	for _, q := range e.C.Questions {
		if !shown[q.ID] {
			continue
		}
		qt := QuestionTally{Question: q}
		for _, o := range q.Options {
			qt.Options = append(qt.Options, OptionCount{Value: o.Value, Label: o.Label})
		}
		if q.Kind == content.Many {
			qt.Options = append(qt.Options, OptionCount{Label: NoneLabel})
		}
		for i, p := range ps {
			vals, ok := paths[i].eff[q.ID]
			switch {
			case ok:
				qt.Answered++
				qt.count(q, vals, p.Name)
			case paths[i].vis[q.ID]:
				qt.Open++
			default:
				qt.NotAsked++
			}
		}
		t.Questions = append(t.Questions, qt)
	}
	return t
}

// count adds one participant's values. Values that are not options (a
// file from other content) are not counted; a value given twice counts
// once.
func (qt *QuestionTally) count(q *content.Question, vals []string, name string) {
	if q.Kind == content.Many && len(vals) == 0 {
		none := &qt.Options[len(qt.Options)-1]
		none.Count++
		none.Names = append(none.Names, name)
		return
	}
	if q.Kind == content.One {
		// One choice: the first value is the answer, as in envValue.
		vals = vals[:min(len(vals), 1)]
	}
	for i, o := range q.Options {
		if slices.Contains(vals, o.Value) {
			qt.Options[i].Count++
			qt.Options[i].Names = append(qt.Options[i].Names, name)
		}
	}
}

// Question returns the tally of question id, or nil.
func (t *Tally) Question(id string) *QuestionTally {
	for i := range t.Questions {
		if t.Questions[i].Question.ID == id {
			return &t.Questions[i]
		}
	}
	return nil
}
