package decision

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Tests that pin issue 8, section 1: the summary says what the handreiking
// says, no more. Content-only checks (quotes, URLs, wording) live in
// content/faithful_test.go; these need the engine.

// teltMee matches a claim that something counts ("telt mee", "telt als"):
// the three conditions are necessary, so the program may only say "kan
// meetellen" or "telt niet mee".
var teltMee = regexp.MustCompile(`(?i)\btelt\s+(mee|als)\b`)

// summaryTexts is every text a summary carries to the reader.
func summaryTexts(s *Summary) []string {
	v := s.Verdict
	out := []string{v.Label(), v.Reason, v.Note, s.Brief.Verdict}
	out = append(out, s.Brief.Agree...)
	out = append(out, s.Brief.Ask...)
	out = append(out, s.Brief.Next...)
	for _, r := range s.Rules {
		out = append(out, r.Rule.Title, r.Rule.Text, r.Rule.Agree, r.Rule.Background)
		out = append(out, r.Rule.Actions...)
	}
	for _, p := range s.Parties {
		out = append(out, p.Tasks...)
	}
	for _, a := range append(slices.Clone(s.Before), s.After...) {
		out = append(out, a.Text)
	}
	for _, x := range s.Examples {
		out = append(out, x.Text)
	}
	for _, x := range s.Findings {
		out = append(out, x.Title, x.Text)
	}
	return out
}

// checkBrief holds for every summary: "In het kort" only repeats what the
// rest of the summary says, and says it in the right order.
func checkBrief(t *testing.T, a Answers, s *Summary) {
	t.Helper()
	b, v := s.Brief, s.Verdict
	if b.Verdict == "" || strings.Contains(b.Verdict, "\n") || strings.Count(strings.TrimSuffix(b.Verdict, "."), ". ") > 0 {
		t.Fatalf("path %v: verdict is not one sentence: %q", a, b.Verdict)
	}
	if !strings.Contains(strings.ToLower(b.Verdict), strings.ToLower(v.Label())) {
		t.Fatalf("path %v: brief %q does not say the verdict %q", a, b.Verdict, v.Label())
	}
	switch {
	case v.NotApplicable:
		if !strings.Contains(v.Note, "mbo.lesopafstand.nl") || !strings.Contains(v.Note, "examinering") {
			t.Fatalf("path %v: exam note %q", a, v.Note)
		}
	case v.Counts == nil:
		if v.Note != "" {
			t.Fatalf("path %v: unknown verdict has a note %q", a, v.Note)
		}
	case *v.Counts:
		if !strings.Contains(v.Note, "OER") || !strings.Contains(v.Note, "ingepland") {
			t.Fatalf("path %v: 'kan meetellen' without what else decides it: %q", a, v.Note)
		}
	default:
		if !strings.Contains(v.Note, "urennorm") || !strings.Contains(v.Note, "7.2.7") || !strings.Contains(v.Note, "studentenraad") {
			t.Fatalf("path %v: 'telt niet mee' without the urennorm: %q", a, v.Note)
		}
	}
	var agree []string
	for _, r := range s.Rules {
		if r.Rule.Agree != "" {
			agree = append(agree, oneLine(r.Rule.Agree))
		}
	}
	if !slices.Equal(b.Agree, agree) {
		t.Fatalf("path %v: agree %q, want the applying rules' lines %q", a, b.Agree, agree)
	}
	before := map[string]ActionItem{}
	for _, it := range s.Before {
		before[oneLine(it.Text)] = it
	}
	eff := s.Effective()
	asks := map[string]bool{}
	for id, vals := range eff {
		q := s.questions(id)
		if q == nil || q.Ask == "" || len(vals) != 1 || vals[0] != content.WeetNiet {
			continue
		}
		asks[q.Ask] = true
	}
	if len(b.Ask) != len(asks) {
		t.Fatalf("path %v: %d ask lines for %d people to ask: %q", a, len(b.Ask), len(asks), b.Ask)
	}
	for _, line := range b.Ask {
		it, ok := before[line]
		if !ok || !asks[it.From] {
			t.Fatalf("path %v: ask line %q is not a checklist step for a 'weet ik niet'", a, line)
		}
	}
	if len(b.Next) > MaxNext {
		t.Fatalf("path %v: %d next steps", a, len(b.Next))
	}
	rank := -1
	for _, line := range b.Next {
		it, ok := before[line]
		if !ok {
			t.Fatalf("path %v: next step %q is not in the checklist", a, line)
		}
		if asks[it.From] {
			t.Fatalf("path %v: next step %q repeats an ask line", a, line)
		}
		r := content.PriorityRank(it.Priority)
		if r < rank {
			t.Fatalf("path %v: next steps not most important first: %q", a, b.Next)
		}
		rank = r
	}
	// Nothing more important was left out.
	left := 0
	for _, it := range s.Before {
		if asks[it.From] {
			continue
		}
		left++
		if !slices.Contains(b.Next, oneLine(it.Text)) && len(b.Next) > 0 && content.PriorityRank(it.Priority) < rank {
			t.Fatalf("path %v: step %q (priority %q) left out of %q", a, it.Text, it.Priority, b.Next)
		}
	}
	if len(b.Next) != min(left, MaxNext) {
		t.Fatalf("path %v: %d next steps out of %d", a, len(b.Next), left)
	}
	// The texts the engine writes itself; content texts are checked once,
	// in content/faithful_test.go.
	for _, text := range []string{v.Label(), v.Reason, v.Note, b.Verdict} {
		if teltMee.MatchString(text) {
			t.Fatalf("path %v: %q claims it counts", a, text)
		}
	}
}

// questions finds a question of the summary's content by id (the summary
// has no content pointer; the answers' questions do).
func (s *Summary) questions(id string) *content.Question {
	for _, l := range s.Answers {
		if l.Question.ID == id {
			return l.Question
		}
	}
	return nil
}

// Point 1: all three "ja" is "kan meetellen", with what else decides it.
func TestAllThreeYesCanCountNeverCounts(t *testing.T) {
	e := engine(t)
	s := e.Summarize(base())
	v := s.Verdict
	if v.Counts == nil || !*v.Counts {
		t.Fatalf("verdict %s", v.Label())
	}
	if v.Label() != "Kan meetellen als begeleide onderwijstijd" {
		t.Errorf("label %q", v.Label())
	}
	for _, text := range []string{v.Label(), v.Reason, v.Note, s.Brief.Verdict} {
		if strings.Contains(text, "Telt mee") || teltMee.MatchString(text) {
			t.Errorf("says it counts: %q", text)
		}
	}
	if !strings.Contains(v.Reason, "kan het meetellen") || !strings.Contains(v.Note, "onderwijs- en examenregeling (OER)") || !strings.Contains(v.Note, "ingepland") {
		t.Errorf("reason %q / note %q", v.Reason, v.Note)
	}
	checkBrief(t, base(), s)
}

// Point 3: an exam asks no BOT question, is complete without them, gives
// no BOT fix, and points to the exam tips and the Inspectie's supervision
// of examination.
func TestExamAsksNoBOTQuestion(t *testing.T) {
	e := engine(t)
	a := Answers{}
	for q := e.Next(a); q != nil; q = e.Next(a) {
		if slices.Contains(e.C.Meta.BOT, q.ID) {
			t.Fatalf("exam path asks %q", q.ID)
		}
		vals := choices(q)[0]
		if q.ID == "vorm" {
			vals = []string{"examen"}
		}
		a[q.ID] = vals
	}
	if !e.Complete(a) {
		t.Fatal("exam path not complete")
	}
	s := e.Summarize(a)
	v := s.Verdict
	if !v.NotApplicable || v.Counts != nil || len(v.No)+len(v.Unknown) != 0 {
		t.Fatalf("verdict %+v", v)
	}
	if !strings.Contains(v.Label(), "examen") || !strings.Contains(v.Reason, "examen") {
		t.Errorf("label %q, reason %q do not say it is about an exam", v.Label(), v.Reason)
	}
	if !strings.Contains(v.Note, "mbo.lesopafstand.nl") || !strings.Contains(v.Note, "kwaliteitsborging van het onderwijs en de examinering") {
		t.Errorf("note %q", v.Note)
	}
	for _, it := range s.Before {
		if strings.HasPrefix(it.From, "bot-") || it.From == "urennorm-bot-checken" {
			t.Errorf("BOT fix on an exam path: %s %q", it.From, it.Text)
		}
	}
	if slices.Contains(s.RuleIDs(), "bot-voorwaarden") {
		t.Error("the BOT rule applies to an exam")
	}
	var tips, res bool
	for _, it := range s.Before {
		tips = tips || it.From == "examen-tips"
	}
	for _, r := range s.Sources {
		res = res || r.ID == "lesopafstand-examens"
	}
	if !tips || !res || !slices.Contains(s.Brief.Next, oneLine(e.C.Action("examen-tips").Text)) {
		t.Errorf("exam tips: in checklist %v, resource %v, in next steps %q", tips, res, s.Brief.Next)
	}
	checkBrief(t, a, s)

	// A file written before the exam rule, with BOT answers, still loads;
	// the answers are kept and reported as dropped.
	src := string(e.FormatAnswers(with(a, "bot_interactie", "ja", "bot_sturen", "nee", "bot_begeleiding", "nee")))
	got, err := e.ParseAnswers("oud.toml", []byte(src), ParseOptions{})
	if err != nil {
		t.Fatalf("old exam file: %v", err)
	}
	s = e.Summarize(got)
	if len(s.Dropped) != 3 || !s.Verdict.NotApplicable || !s.Complete {
		t.Fatalf("dropped %v, verdict %s, complete %v", s.Dropped, s.Verdict.Label(), s.Complete)
	}
}

// Point 4: no frameworks, or not knowing, is no blocker.
func TestNoFrameworksIsNoBlocker(t *testing.T) {
	e := engine(t)
	forbidden := []string{"eerst een besluit", "kan de keuze nog niet alleen maken", "moet waarschijnlijk instemmen", "zonder akkoord", "kan dus pas doorgaan"}
	for _, v := range []string{"nee", "weet_niet"} {
		a := with(base(), "beleidskaders", v, "kaders_passen", "-")
		s := e.Summarize(a)
		if ids := s.RuleIDs(); !slices.Contains(ids, "team-kiest-methode") || slices.Contains(ids, "or-instemming") {
			t.Errorf("%s: rules %v", v, ids)
		}
		for _, text := range summaryTexts(s) {
			for _, f := range forbidden {
				if strings.Contains(strings.ToLower(text), f) {
					t.Errorf("%s: %q says %q", v, text, f)
				}
			}
		}
		// Whom to ask whether there are frameworks.
		ask := strings.Join(append(s.Brief.Ask, s.Brief.Next...), "\n")
		if !strings.Contains(ask, "teamleider of opleidingsmanager") || !strings.Contains(ask, "beleidskaders") {
			t.Errorf("%s: does not say whom to ask about frameworks: %q", v, ask)
		}
		checkBrief(t, a, s)
	}
}

// Point 2: being available is not guidance. The BOT fixes restate the
// condition; the vo example of staying online is never selected by a BOT
// answer.
func TestAvailabilityIsNoFix(t *testing.T) {
	e := engine(t)
	for _, id := range e.C.Meta.BOT {
		q := e.C.Question(id)
		for _, text := range []string{q.IfNo, e.C.Action(strings.ReplaceAll(id, "_", "-") + "-plannen").Text} {
			low := strings.ToLower(text)
			if strings.Contains(low, "blijf") || strings.Contains(low, "na de instructie") || strings.Contains(low, "bijvoorbeeld") {
				t.Errorf("%s: fix gives a practice example instead of the condition: %q", id, text)
			}
		}
	}
	for _, x := range e.C.Examples {
		if x.ID != "beschikbaar-na-instructie" {
			continue
		}
		for _, v := range x.When.Vars {
			if slices.Contains(e.C.Meta.BOT, v) {
				t.Errorf("example %q is offered for BOT answer %q", x.ID, v)
			}
		}
	}
	// All three "nee": the fixes are there, the example is not.
	s := e.Summarize(with(base(), "activiteiten", "samenwerken", "bot_interactie", "nee", "bot_sturen", "nee", "bot_begeleiding", "nee"))
	for _, x := range s.Examples {
		if x.ID == "beschikbaar-na-instructie" {
			t.Error("'beschikbaar na de instructie' shown for a 'nee' on begeleiding")
		}
	}
}

// Point 6: "telt niet" links to the urennorm, in the verdict and the
// checklist; the asynchrone-module case shows it.
func TestNotCountingLinksToUrennorm(t *testing.T) {
	e := engine(t)
	cs := caseSummary(t, e, "asynchrone-module")
	if cs.Verdict.Counts == nil || *cs.Verdict.Counts {
		t.Fatalf("asynchrone-module: verdict %s", cs.Verdict.Label())
	}
	if !strings.Contains(cs.Verdict.Note, "urennorm") || !slices.Contains(cs.Brief.Next, oneLine(e.C.Action("urennorm-bot-checken").Text)) {
		t.Errorf("note %q, next %q", cs.Verdict.Note, cs.Brief.Next)
	}
	for _, id := range e.C.Meta.BOT {
		s := e.Summarize(with(base(), id, "nee"))
		found := false
		for _, it := range s.Before {
			found = found || it.From == "urennorm-bot-checken"
		}
		if !found || !strings.Contains(s.Verdict.Note, "urennorm") {
			t.Errorf("%s nee: no link to the urennorm", id)
		}
	}
}

// Point 7: working at home and asking questions digitally is not steering
// at that moment.
func TestFewerContactHoursCase(t *testing.T) {
	e := engine(t)
	s := caseSummary(t, e, "minder-contacturen")
	if v := s.Effective()["bot_sturen"]; len(v) != 1 || v[0] == "ja" {
		t.Fatalf("minder-contacturen: bot_sturen = %v", v)
	}
	if s.Verdict.Counts == nil || *s.Verdict.Counts {
		t.Fatalf("verdict %s", s.Verdict.Label())
	}
}

// Point 9: a support need points to student support and ECIO, never to
// asking students about a functiebeperking.
func TestSupportNeedsPointToStudentSupport(t *testing.T) {
	e := engine(t)
	for _, v := range []string{"ja", "weet_niet"} {
		s := e.Summarize(with(base(), "ondersteuning", v))
		all := strings.Join(summaryTexts(s), "\n")
		if !strings.Contains(all, "studentondersteuning") || !strings.Contains(all, "ECIO") {
			t.Errorf("%s: no pointer to student support and ECIO", v)
		}
		for _, text := range summaryTexts(s) {
			low := strings.ToLower(text)
			if strings.Contains(low, "vraag het je studenten zelf") || (strings.Contains(low, "functiebeperking") && strings.Contains(low, "vraag") && strings.Contains(low, "student")) {
				t.Errorf("%s: advises asking students: %q", v, text)
			}
		}
	}
}

// Point 10: the Inspectie's findings follow the answers, e.g. a hybrid
// lesson brings "hybrid lessons take much effort".
func TestFindingsFollowAnswers(t *testing.T) {
	e := engine(t)
	ids := func(a Answers) []string {
		var out []string
		for _, x := range e.Summarize(a).Findings {
			out = append(out, x.ID)
		}
		return out
	}
	plain := ids(base())
	cases := []struct {
		name string
		a    Answers
		want string
	}{
		{"hybrid → much effort", with(base(), "vorm", "hybride"), "professionalisering"},
		{"independent work", with(base(), "activiteiten", "zelfstandig"), "zelfstandig-werken"},
		{"support needs → extra attention", with(base(), "ondersteuning", "ja"), "extra-aandacht"},
		{"testing → progress hard to see", with(base(), "activiteiten", "toetsen"), "inhaalmogelijkheden"},
	}
	for _, tc := range cases {
		got := ids(tc.a)
		if !slices.Contains(got, tc.want) {
			t.Errorf("%s: %s missing from %v", tc.name, tc.want, got)
		}
	}
	if slices.Contains(plain, "professionalisering") {
		t.Errorf("professionalisering shown on a path that does not touch it: %v", plain)
	}
	for _, x := range e.Summarize(with(base(), "vorm", "hybride")).Findings {
		if x.Source != e.C.Meta.VOSource || !strings.Contains(x.Source, "voortgezet onderwijs") {
			t.Errorf("finding %s not marked as vo research: %q", x.ID, x.Source)
		}
	}
}

func caseSummary(t *testing.T, e *Engine, name string) *Summary {
	t.Helper()
	cs, err := content.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			a, err := e.ParseAnswers(c.File, c.Answers, ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return e.Summarize(a)
		}
	}
	t.Fatalf("no case %q", name)
	return nil
}
