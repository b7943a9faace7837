package decision

import (
	"fmt"
	"slices"
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
	// Findings are the Inspectie's vo findings whose condition holds.
	Findings []*content.Finding
	// Terms is the whole glossary, for linking terms at first use.
	Terms []*content.Term
	// Brief is "In het kort": the answer first.
	Brief Brief
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
	// Why lists "Kort: antwoord" for each question the condition reads
	// that was asked on this path; empty for rules that always apply.
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
	Tasks []Line
}

// Line is one text the reader sees, with whose it is: its brontype
// (content.SourceKinds).
type Line struct {
	Text     string
	Brontype string
}

// Texts returns the texts of lines, without their brontype.
func Texts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}

// ActionItem is one checklist item, with where it comes from (a rule id or
// an action id), so a trainer can trace it.
type ActionItem struct {
	Text  string
	Phase string
	From  string
	// Priority orders the short list of next steps (content.Priorities).
	Priority string
	// Brontype says whose advice it is (content.SourceKinds).
	Brontype string
}

// Brief is "In het kort": what a teacher needs on the first screen.
type Brief struct {
	// Verdict is the BOT verdict in one sentence: the handreiking's three
	// conditions applied to the answers.
	Verdict string
	// Agree says who must consent or may advise, one line per applying
	// rule that says so (OR, studentenraad, the team's own choice).
	Agree []Line
	// Ask says whom to ask, one line per "Weet ik niet" (answers that lead
	// to the same person share a line).
	Ask []Line
	// Next are at most MaxNext steps from the checklist, most important
	// first, without the ones already in Ask.
	Next []Line
}

// MaxNext is the most next steps the brief lists.
const MaxNext = 5

// Verdict is the answer to "kan dit meetellen als begeleide onderwijstijd?".
// The three conditions are necessary ("Dit kan alleen als…"), not
// sufficient: with all three met it can count, never "it counts".
type Verdict struct {
	// Counts is nil when it cannot be said yet.
	Counts *bool
	// Reason applies the handreiking's three conditions to the answers
	// (brontype ReasonBrontype).
	Reason string
	// Notes are the content's notes under the verdict whose condition
	// holds (meta.toml, bot_noot), each with its brontype: no exception
	// for exams, "op het betreffende moment", the urennorm.
	Notes []Line
	// No and Unknown list the conditions (questions) answered "nee" and
	// those not (yet) answered "ja" or "nee".
	No      []*content.Question
	Unknown []*content.Question
}

// ReasonBrontype is whose the verdict's reason is: the handreiking's
// three conditions, in its words.
const ReasonBrontype = content.SourceHandreiking

// Verdict labels.
const (
	LabelCan     = "Kan meetellen als begeleide onderwijstijd"
	LabelCannot  = "Telt niet mee als begeleide onderwijstijd"
	LabelUnknown = "Nog niet duidelijk"
)

// Outcome is the verdict as one of OutcomeCan, OutcomeCannot and
// OutcomeUnclear (tally.go), for scripts: the three conditions are
// necessary, not sufficient, so there is "can count", never "counts".
func (v Verdict) Outcome() Outcome {
	switch {
	case v.Counts == nil:
		return OutcomeUnclear
	case *v.Counts:
		return OutcomeCan
	default:
		return OutcomeCannot
	}
}

// Label is the verdict in a few words.
func (v Verdict) Label() string {
	switch v.Outcome() {
	case OutcomeCan:
		return LabelCan
	case OutcomeCannot:
		return LabelCannot
	default:
		return LabelUnknown
	}
}

// Texts of the verdict, checked against the handreiking's sentence "Dit kan
// alleen als…" (necessary conditions, not sufficient).
const (
	reasonCan = "Aan alle drie de voorwaarden is voldaan: er is interactie met de student, je kunt op dat moment bijsturen, en er is directe, actieve begeleiding. Daarmee kan het meetellen als begeleide onderwijstijd."
	reasonIf  = "Het kan alleen meetellen als aan alle drie de voorwaarden is voldaan."
)

// Verdict decides on begeleide onderwijstijd from the three conditions,
// for every form (the handreiking names no exception, not for exams
// either): it can count only when all three are "ja", does not count when
// any is "nee", and is unknown otherwise, also when a condition is not
// asked.
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
		b.WriteString(reasonIf + " Niet voldaan: ")
		b.WriteString(ShortList(v.No))
		b.WriteString(".")
		for _, q := range v.No {
			b.WriteString(" ")
			b.WriteString(strings.TrimSpace(q.IfNo))
		}
		v.Reason = b.String()
	case len(v.Unknown) > 0:
		v.Reason = reasonIf + " Nog niet duidelijk: " + ShortList(v.Unknown) + "."
	default:
		t := true
		v.Counts = &t
		v.Reason = reasonCan
	}
	env := e.env(eff)
	for _, n := range e.C.Meta.BOTNotes {
		if holds(n.When, env) {
			v.Notes = append(v.Notes, Line{Text: oneLine(n.Text), Brontype: n.Brontype})
		}
	}
	return v
}

// Sentence is the verdict in one sentence, for "In het kort".
func (v Verdict) Sentence() string {
	// "(BOT)" here: the first line of "In het kort" introduces the
	// abbreviation that the lines after it use.
	switch {
	case v.Counts == nil:
		return "Nog niet duidelijk of het als begeleide onderwijstijd (BOT) kan meetellen: " + conditions(v.Unknown, "staat nog open", "staan nog open") + "."
	case *v.Counts:
		return LabelCan + " (BOT): aan alle drie de voorwaarden is voldaan."
	default:
		// One is "voldaan aan" a condition: the sentence is impersonal,
		// so "is" also for more than one.
		return LabelCannot + " (BOT): aan " + conditions(v.No, "is niet voldaan", "is niet voldaan") + "."
	}
}

// conditions names conditions in a sentence: "de voorwaarde bijsturen
// staat nog open", "de voorwaarden interactie en bijsturen staan nog open".
func conditions(qs []*content.Question, one, many string) string {
	names := strings.Split(ShortList(qs), ", ")
	if len(names) == 1 {
		return "de voorwaarde " + names[0] + " " + one
	}
	return "de voorwaarden " + strings.Join(names[:len(names)-1], ", ") + " en " + names[len(names)-1] + " " + many
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
		Terms:     e.C.Terms,
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
			s.addAction(ActionItem{Text: t, Phase: phase, From: r.ID, Priority: r.Priority, Brontype: r.ActionsBrontype})
		}
	}
	for _, act := range e.C.Actions {
		if holds(act.When, env) {
			s.addAction(ActionItem{Text: act.Text, Phase: act.Phase, From: act.ID, Priority: act.Priority, Brontype: act.Brontype})
		}
	}
	for _, p := range e.C.Parties {
		row := PartyRow{Party: p}
		for _, t := range p.Tasks {
			if holds(t.When, env) {
				row.Tasks = append(row.Tasks, Line{Text: t.Text, Brontype: t.Brontype})
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
	for _, x := range e.C.Findings {
		if holds(x.When, env) {
			s.Findings = append(s.Findings, x)
		}
	}
	s.Brief = e.brief(s, eff)
	return s
}

// brief puts the answer first: the verdict, who must agree, whom to ask
// and the most important next steps, all taken from the summary itself so
// "In het kort" never says something the rest does not.
func (e *Engine) brief(s *Summary, eff Answers) Brief {
	b := Brief{Verdict: s.Verdict.Sentence()}
	for _, r := range s.Rules {
		if t := oneLine(r.Rule.Agree); t != "" {
			b.Agree = append(b.Agree, Line{Text: t, Brontype: r.Rule.Brontype})
		}
	}
	asked := map[string]bool{}
	for _, q := range e.C.Questions {
		vals := eff[q.ID]
		if q.Ask == "" || len(vals) != 1 || vals[0] != content.WeetNiet || asked[q.Ask] {
			continue
		}
		if act := e.C.Action(q.Ask); act != nil {
			asked[q.Ask] = true
			b.Ask = append(b.Ask, Line{Text: oneLine(act.Text), Brontype: act.Brontype})
		}
	}
	steps := slices.Clone(s.Before)
	slices.SortStableFunc(steps, func(x, y ActionItem) int {
		return content.PriorityRank(x.Priority) - content.PriorityRank(y.Priority)
	})
	for _, it := range steps {
		if len(b.Next) == MaxNext {
			break
		}
		if !asked[it.From] {
			b.Next = append(b.Next, Line{Text: oneLine(it.Text), Brontype: it.Brontype})
		}
	}
	return b
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

// why names the answers a condition reads, as "Kort: label"; questions
// not asked on this path are left out.
func (e *Engine) why(c content.Cond, eff Answers) []string {
	var out []string
	for _, id := range c.Vars {
		q := e.C.Question(id)
		vals, ok := eff[id]
		if q == nil {
			continue
		}
		if !ok {
			// Not asked on this path: no answer of the reader's made
			// the rule apply, so it is no reason.
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
