package decision

import (
	"fmt"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Summary is everything the program tells the reader, computed once from
// the answers and rendered as Markdown, JSON or HTML from the same value.
type Summary struct {
	Meta     content.Meta
	Answers  []AnswerLine
	Verdict  Verdict
	Rules    []AppliedRule
	Parties  []PartyRow
	Before   []ActionItem
	After    []ActionItem
	Sources  []*content.Resource
	Examples []*content.Example
	// Dropped are answered questions that no longer apply; their answers
	// were left out of everything above.
	Dropped []*content.Question
	// Complete is false while visible questions are unanswered (live
	// results during the interview).
	Complete bool

	effective Answers
}

// AnswerLine is one answered question as the reader sees it.
type AnswerLine struct {
	Question *content.Question
	Values   []string
	Labels   []string
}

// Text is the answer as one readable string.
func (l AnswerLine) Text() string {
	if len(l.Labels) == 0 {
		return "geen van deze"
	}
	return strings.Join(l.Labels, ", ")
}

// AppliedRule is a rule that applies, with the answers that made it apply.
type AppliedRule struct {
	Rule *content.Rule
	// Why lists "Kort: antwoord" for each question the condition reads;
	// empty for rules that always apply.
	Why []string
}

// WhyText is the reason in one line.
func (r AppliedRule) WhyText() string {
	if len(r.Why) == 0 {
		return "geldt altijd"
	}
	return "omdat je antwoordde: " + strings.Join(r.Why, "; ")
}

// PartyRow is one row of the "who decides what" table.
type PartyRow struct {
	Party *content.Party
	Tasks []string
}

// ActionItem is one checklist item, with where it comes from (a rule id or
// an action id), so a trainer can trace it.
type ActionItem struct {
	Text  string
	Phase string
	From  string
}

// Verdict is the answer to "telt dit als begeleide onderwijstijd?".
type Verdict struct {
	// Counts is nil when it cannot be said yet.
	Counts *bool
	Reason string
	// No and Unknown list the conditions (questions) answered "nee" and
	// those not (yet) answered "ja" or "nee".
	No      []*content.Question
	Unknown []*content.Question
}

// Label is the verdict in a few words.
func (v Verdict) Label() string {
	switch {
	case v.Counts == nil:
		return "Nog niet te zeggen"
	case *v.Counts:
		return "Telt mee als begeleide onderwijstijd"
	default:
		return "Telt niet mee als begeleide onderwijstijd"
	}
}

// Verdict decides on begeleide onderwijstijd from the three conditions:
// it counts only when all three are "ja", does not count when any is "nee",
// and is unknown otherwise.
func (e *Engine) Verdict(a Answers) Verdict {
	return e.verdict(e.Effective(a))
}

// verdict is Verdict on answers that are already effective.
func (e *Engine) verdict(eff Answers) Verdict {
	var v Verdict
	for _, id := range e.C.Meta.BOT {
		q := e.C.Question(id)
		if q == nil {
			continue
		}
		vals := eff[id]
		switch {
		case len(vals) == 1 && vals[0] == "ja":
		case len(vals) == 1 && vals[0] == "nee":
			v.No = append(v.No, q)
		default:
			v.Unknown = append(v.Unknown, q)
		}
	}
	switch {
	case len(v.No) > 0:
		f := false
		v.Counts = &f
		var b strings.Builder
		b.WriteString("Het telt alleen mee als aan alle drie de voorwaarden is voldaan. Niet voldaan: ")
		b.WriteString(ShortList(v.No))
		b.WriteString(".")
		for _, q := range v.No {
			b.WriteString(" ")
			b.WriteString(strings.TrimSpace(q.IfNo))
		}
		v.Reason = b.String()
	case len(v.Unknown) > 0:
		v.Reason = "Het telt alleen mee als aan alle drie de voorwaarden is voldaan. Nog niet duidelijk: " +
			ShortList(v.Unknown) + ". Ga na of je lesontwerp dat wel biedt, en vraag het je teamleider of opleidingsmanager als je twijfelt."
	default:
		t := true
		v.Counts = &t
		v.Reason = "Aan alle drie de voorwaarden is voldaan: er is interactie met de student, je kunt op dat moment bijsturen, en er is directe, actieve begeleiding."
	}
	return v
}

func ShortList(qs []*content.Question) string {
	names := make([]string, len(qs))
	for i, q := range qs {
		// "BOT: bijsturen" reads as "bijsturen" inside a sentence.
		name := q.Short
		if j := strings.LastIndex(name, ": "); j >= 0 {
			name = name[j+2:]
		}
		names[i] = strings.ToLower(name)
	}
	return strings.Join(names, ", ")
}

// Summarize computes the summary for a (partial or complete) set of answers.
func (e *Engine) Summarize(a Answers) *Summary {
	// Resolve the path once; verdict, dropped answers and completeness all
	// follow from it.
	eff, vis := e.resolve(a, e.C.Questions)
	env := e.env(eff)
	s := &Summary{
		Meta:      e.C.Meta,
		Verdict:   e.verdict(eff),
		Dropped:   e.dropped(a, eff),
		Complete:  nextIn(vis, a) == nil,
		effective: eff,
	}
	for _, q := range e.C.Questions {
		vals, ok := eff[q.ID]
		if !ok {
			continue
		}
		line := AnswerLine{Question: q, Values: vals}
		for _, v := range vals {
			if o := q.Option(v); o != nil {
				line.Labels = append(line.Labels, o.Label)
			}
		}
		s.Answers = append(s.Answers, line)
	}
	for _, r := range e.C.Rules {
		if !holds(r.When, env) {
			continue
		}
		s.Rules = append(s.Rules, AppliedRule{Rule: r, Why: e.why(r.When, eff)})
		phase := content.Before
		if r.Part == "Achteraf" {
			phase = content.After
		}
		for _, t := range r.Actions {
			s.addAction(ActionItem{Text: t, Phase: phase, From: r.ID})
		}
	}
	for _, act := range e.C.Actions {
		if holds(act.When, env) {
			s.addAction(ActionItem{Text: act.Text, Phase: act.Phase, From: act.ID})
		}
	}
	for _, p := range e.C.Parties {
		row := PartyRow{Party: p}
		for _, t := range p.Tasks {
			if holds(t.When, env) {
				row.Tasks = append(row.Tasks, t.Text)
			}
		}
		if len(row.Tasks) > 0 {
			s.Parties = append(s.Parties, row)
		}
	}
	for _, r := range e.C.Resources {
		if holds(r.When, env) {
			s.Sources = append(s.Sources, r)
		}
	}
	for _, x := range e.C.Examples {
		if holds(x.When, env) {
			s.Examples = append(s.Examples, x)
		}
	}
	return s
}

// addAction appends an item unless the same text is already on the list:
// two rules may ask for the same step.
func (s *Summary) addAction(it ActionItem) {
	for _, have := range append(s.Before, s.After...) {
		if have.Text == it.Text {
			return
		}
	}
	if it.Phase == content.After {
		s.After = append(s.After, it)
	} else {
		s.Before = append(s.Before, it)
	}
}

// why names the answers a condition reads, as "Kort: label".
func (e *Engine) why(c content.Cond, eff Answers) []string {
	var out []string
	for _, id := range c.Vars {
		q := e.C.Question(id)
		vals, ok := eff[id]
		if q == nil {
			continue
		}
		if !ok {
			out = append(out, fmt.Sprintf("%s: (niet gevraagd)", q.Short))
			continue
		}
		line := AnswerLine{Question: q, Values: vals}
		for _, v := range vals {
			if o := q.Option(v); o != nil {
				line.Labels = append(line.Labels, o.Label)
			}
		}
		out = append(out, fmt.Sprintf("%s: %s", q.Short, line.Text()))
	}
	return out
}

// RuleIDs lists the ids of the applying rules, in content order.
func (s *Summary) RuleIDs() []string {
	ids := make([]string, len(s.Rules))
	for i, r := range s.Rules {
		ids[i] = r.Rule.ID
	}
	return ids
}

// Effective returns the answers the summary was computed from.
func (s *Summary) Effective() Answers { return s.effective.Clone() }
