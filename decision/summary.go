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
	Tasks []string
}

// ActionItem is one checklist item, with where it comes from (a rule id or
// an action id), so a trainer can trace it.
type ActionItem struct {
	Text  string
	Phase string
	From  string
	// Priority orders the short list of next steps (content.Priorities).
	Priority string
}

// Brief is "In het kort": what a teacher needs on the first screen.
type Brief struct {
	// Verdict is the BOT verdict in one sentence.
	Verdict string
	// Agree says who must consent or may advise, one line per applying
	// rule that says so (OR, studentenraad, the team's own choice).
	Agree []string
	// Ask says whom to ask, one line per "Weet ik niet" (answers that lead
	// to the same person share a line).
	Ask []string
	// Next are at most MaxNext steps from the checklist, most important
	// first, without the ones already in Ask.
	Next []string
}

// MaxNext is the most next steps the brief lists.
const MaxNext = 5

// Verdict is the answer to "kan dit meetellen als begeleide onderwijstijd?".
// The three conditions are necessary ("Dit kan alleen als…"), not
// sufficient: with all three met it can count, never "it counts".
type Verdict struct {
	// Counts is nil when it cannot be said yet, or when the conditions do
	// not apply (NotApplicable).
	Counts *bool
	// NotApplicable is true when none of the three questions is asked on
	// this path: in the default content, a toets or examen.
	NotApplicable bool
	Reason        string
	// Note is the one extra line: what else decides it when all three are
	// met (OER and planning), the urennorm when it does not count, the
	// content's note when the conditions do not apply; empty otherwise.
	Note string
	// No and Unknown list the conditions (questions) answered "nee" and
	// those not (yet) answered "ja" or "nee".
	No      []*content.Question
	Unknown []*content.Question

	label string
}

// Verdict labels. The one for "not applicable" comes from the content.
const (
	LabelCan     = "Kan meetellen als begeleide onderwijstijd"
	LabelCannot  = "Telt niet mee als begeleide onderwijstijd"
	LabelUnknown = "Nog niet duidelijk"
	labelNA      = "Niet van toepassing"
)

// Label is the verdict in a few words.
func (v Verdict) Label() string {
	switch {
	case v.NotApplicable && v.label != "":
		return v.label
	case v.NotApplicable:
		return labelNA
	case v.Counts == nil:
		return LabelUnknown
	case *v.Counts:
		return LabelCan
	default:
		return LabelCannot
	}
}

// Texts of the verdict, checked against the handreiking's sentence "Dit kan
// alleen als…" (necessary conditions) and shared/wetgeving.md.
const (
	reasonCan = "Aan alle drie de voorwaarden is voldaan: er is interactie met de student, je kunt op dat moment bijsturen, en er is directe, actieve begeleiding. Daarmee kan het meetellen als begeleide onderwijstijd."
	noteCan   = "Of het ook echt meetelt, hangt ook af van het onderwijsprogramma: de activiteit moet deel zijn van het programma in de onderwijs- en examenregeling (OER) en ook zo zijn ingepland."
	noteNo    = "Uren die niet als begeleide onderwijstijd meetellen, tellen ook niet mee voor het minimum aan begeleide onderwijstijd in de urennorm (achtergrond: WEB art. 7.2.7; controleer de actuele tekst op wetten.overheid.nl). Ga na of het programma dan nog aan de urennorm voldoet. Zo niet, dan moet de studentenraad instemmen."
	reasonIf  = "Het kan alleen meetellen als aan alle drie de voorwaarden is voldaan."
	reasonNA  = "Bij je antwoorden worden de vragen over begeleide onderwijstijd niet gesteld."
)

// Verdict decides on begeleide onderwijstijd from the three conditions:
// it can count only when all three are "ja", does not count when any is
// "nee", is unknown otherwise, and does not apply when none is asked.
func (e *Engine) Verdict(a Answers) Verdict {
	eff, vis := e.resolve(a, e.C.Questions)
	return e.verdict(eff, vis)
}

// verdict is Verdict on answers that are already effective, with the
// questions visible on their path.
func (e *Engine) verdict(eff Answers, vis []*content.Question) Verdict {
	var v Verdict
	asked := 0
	for _, id := range e.C.Meta.BOT {
		q := e.C.Question(id)
		if q == nil {
			continue
		}
		if slices.Contains(vis, q) {
			asked++
		}
	}
	if asked == 0 && len(e.C.Meta.BOT) > 0 {
		m := e.C.Meta
		v.NotApplicable = true
		v.label = strings.TrimSpace(m.BOTNotApplicableLabel)
		v.Reason = strings.TrimSpace(m.BOTNotApplicableReason)
		if v.Reason == "" {
			v.Reason = reasonNA
		}
		v.Note = oneLine(m.BOTNotApplicableNote)
		return v
	}
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
		v.Note = noteNo
	case len(v.Unknown) > 0:
		v.Reason = reasonIf + " Nog niet duidelijk: " +
			ShortList(v.Unknown) + ". Ga na of je lesontwerp dat wel biedt. Twijfel je? Bespreek het met je onderwijsteam of je opleidingsmanager."
	default:
		t := true
		v.Counts = &t
		v.Reason = reasonCan
		v.Note = noteCan
	}
	return v
}

// Sentence is the verdict in one sentence, for "In het kort".
func (v Verdict) Sentence() string {
	switch {
	case v.NotApplicable:
		return "Begeleide onderwijstijd: " + lowerFirst(v.Label()) + "."
	case v.Counts == nil:
		return "Nog niet duidelijk of het als begeleide onderwijstijd kan meetellen: " + conditions(v.Unknown, "staat nog open", "staan nog open") + "."
	case *v.Counts:
		return LabelCan + ": aan alle drie de voorwaarden is voldaan."
	default:
		// One is "voldaan aan" a condition: the sentence is impersonal,
		// so "is" also for more than one.
		return LabelCannot + ": aan " + conditions(v.No, "is niet voldaan", "is niet voldaan") + "."
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

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToLower(string(r[0])) + string(r[1:])
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
		Verdict:   e.verdict(eff, vis),
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
			s.addAction(ActionItem{Text: t, Phase: phase, From: r.ID, Priority: r.Priority})
		}
	}
	for _, act := range e.C.Actions {
		if holds(act.When, env) {
			s.addAction(ActionItem{Text: act.Text, Phase: act.Phase, From: act.ID, Priority: act.Priority})
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
			b.Agree = append(b.Agree, t)
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
			b.Ask = append(b.Ask, oneLine(act.Text))
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
			b.Next = append(b.Next, oneLine(it.Text))
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
