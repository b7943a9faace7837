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
	out := []string{v.Label(), v.Reason, s.Brief.Verdict}
	out = append(out, Texts(v.Notes)...)
	out = append(out, Texts(s.Brief.Agree)...)
	out = append(out, Texts(s.Brief.Ask)...)
	out = append(out, Texts(s.Brief.Next)...)
	for _, r := range s.Rules {
		out = append(out, r.Rule.Title, r.Rule.Text, r.Rule.Agree, r.Rule.Background)
		out = append(out, r.Rule.Actions...)
	}
	for _, p := range s.Parties {
		out = append(out, Texts(p.Tasks)...)
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
	notes := strings.Join(Texts(v.Notes), "\n")
	for _, n := range append(append(append(slices.Clone(v.Notes), b.Agree...), b.Ask...), b.Next...) {
		if !slices.Contains(content.SourceKinds, n.Brontype) {
			t.Fatalf("path %v: %q has no brontype", a, n.Text)
		}
	}
	// No invented condition (OER, planning) when it can count (issue 14,
	// point 4); the urennorm, with its law, when it does not.
	if strings.Contains(notes+v.Reason, "ingepland") {
		t.Fatalf("path %v: the invented OER condition: %q", a, notes)
	}
	if v.Counts != nil && !*v.Counts && (!strings.Contains(notes, "urennorm") || !strings.Contains(notes, "7.2.7") || !strings.Contains(notes, "jaarverslag")) {
		t.Fatalf("path %v: 'telt niet mee' without the urennorm: %q", a, notes)
	}
	var agree []string
	for _, r := range s.Rules {
		if r.Rule.Agree != "" {
			agree = append(agree, oneLine(r.Rule.Agree))
		}
	}
	if !slices.Equal(Texts(b.Agree), agree) {
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
	for _, line := range Texts(b.Ask) {
		it, ok := before[line]
		if !ok || !asks[it.From] {
			t.Fatalf("path %v: ask line %q is not a checklist step for a 'weet ik niet'", a, line)
		}
	}
	if len(b.Next) > MaxNext {
		t.Fatalf("path %v: %d next steps", a, len(b.Next))
	}
	rank := -1
	for _, line := range Texts(b.Next) {
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
		if !slices.Contains(Texts(b.Next), oneLine(it.Text)) && len(b.Next) > 0 && content.PriorityRank(it.Priority) < rank {
			t.Fatalf("path %v: step %q (priority %q) left out of %q", a, it.Text, it.Priority, b.Next)
		}
	}
	if len(b.Next) != min(left, MaxNext) {
		t.Fatalf("path %v: %d next steps out of %d", a, len(b.Next), left)
	}
	// The texts the engine writes itself; content texts are checked once,
	// in content/faithful_test.go.
	for _, text := range []string{v.Label(), v.Reason, notes, b.Verdict} {
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
	for _, text := range append([]string{v.Label(), v.Reason, s.Brief.Verdict}, Texts(v.Notes)...) {
		if strings.Contains(text, "Telt mee") || teltMee.MatchString(text) {
			t.Errorf("says it counts: %q", text)
		}
	}
	// Issue 14, point 4: "de activiteit moet deel zijn van het programma
	// in de OER en ook zo zijn ingepland" is in neither source.
	if !strings.Contains(v.Reason, "kan het meetellen") || len(v.Notes) != 0 || v.Outcome() != OutcomeCan {
		t.Errorf("reason %q / notes %q / outcome %s", v.Reason, v.Notes, v.Outcome())
	}
	checkBrief(t, base(), s)
}

// Issue 14, point 1: the handreiking names no exception for tests and
// exams. An exam asks the three BOT questions, shows the BOT rule, gives
// the verdict from the same conditions, says there is no exception, points
// to the exam tips, gives no advice to make an exam "more interactive" and
// never says "deze les". The activity "toetsen" gets the same note and tips.
func TestExamHasNoExceptionOnEveryPath(t *testing.T) {
	e := engine(t)
	exam := e.C.Question("vorm").Option("examen")
	if exam == nil || strings.Contains(exam.Help, "slaat") {
		t.Fatalf("vorm examen: %+v", exam)
	}
	n := 0
	for _, over := range assignments(e, "vorm", "activiteiten", "bot_interactie", "bot_sturen", "bot_begeleiding") {
		a := base()
		for k, v := range over {
			a[k] = v
		}
		form, tests := a["vorm"][0], slices.Contains(a["activiteiten"], "toetsen")
		if form != "examen" && !tests {
			continue
		}
		n++
		if !e.Complete(a) || len(e.Dropped(a)) != 0 {
			t.Fatalf("%v: complete %v, dropped %v", over, e.Complete(a), e.Dropped(a))
		}
		s := e.Summarize(a)
		v := s.Verdict
		if !sameVerdict(v.Counts, expectedVerdict(a)) || !slices.Contains(s.RuleIDs(), "bot-voorwaarden") {
			t.Fatalf("%v: verdict %s, rules %v", over, v.Label(), s.RuleIDs())
		}
		var noException bool
		for _, l := range v.Notes {
			noException = noException || (strings.Contains(l.Text, "geen uitzondering") && l.Brontype == content.SourceWijzer)
		}
		next := Texts(s.Brief.Next)
		if !noException || !slices.Contains(next, oneLine(e.C.Action("examen-tips").Text)) {
			t.Fatalf("%v: no-exception note %v, exam tips in next steps %q", over, noException, next)
		}
		for _, it := range s.Before {
			if form == "examen" && strings.HasSuffix(it.From, "-plannen") && strings.HasPrefix(it.From, "bot-") {
				t.Fatalf("%v: advice to make an exam more interactive: %q", over, it.Text)
			}
		}
		if form == "examen" {
			for _, text := range summaryTexts(s) {
				if strings.Contains(strings.ToLower(text), "deze les") {
					t.Fatalf("%v: exam path says 'deze les': %q", over, text)
				}
			}
		}
		checkBrief(t, a, s)
	}
	if n != 5*64*27+64*27 {
		t.Fatalf("checked %d exam or test paths", n)
	}
	// A file written when an exam skipped the BOT questions still loads;
	// it is now incomplete: the three questions are open.
	a := with(base(), "vorm", "examen", "bot_interactie", "-", "bot_sturen", "-", "bot_begeleiding", "-")
	got, err := e.ParseAnswers("oud.toml", e.FormatAnswers(a), ParseOptions{})
	if err != nil {
		t.Fatalf("old exam file: %v", err)
	}
	if s := e.Summarize(got); s.Complete || s.Verdict.Outcome() != OutcomeUnclear || len(s.Verdict.Unknown) != 3 {
		t.Fatalf("old exam file: complete %v, verdict %s", s.Complete, s.Verdict.Outcome())
	}
}

// Issue 14, point 5: self-study without a live lesson with three "ja"
// keeps "kan meetellen", and adds the source's test "op het betreffende
// moment", with the wijzer's request to check it, marked as its own.
func TestSelfStudyAddsTheMomentTest(t *testing.T) {
	e := engine(t)
	for _, form := range e.C.Question("vorm").Values() {
		s := e.Summarize(with(base(), "vorm", form))
		kinds := map[string]bool{}
		for _, l := range s.Verdict.Notes {
			if strings.Contains(l.Text, "betreffende moment") || strings.Contains(l.Text, "niet pas later") {
				kinds[l.Brontype] = true
			}
		}
		want := form == "asynchroon"
		if s.Verdict.Outcome() != OutcomeCan || kinds[content.SourceHandreiking] != want || kinds[content.SourceWijzer] != want {
			t.Errorf("%s: outcome %s, moment notes %v", form, s.Verdict.Outcome(), kinds)
		}
	}
}

// Point 4: no frameworks, or not knowing, is no blocker: the team chooses.
// The OR's consent right is shown (issue 14, point 2), as a right, not as
// a condition before anything may happen.
func TestNoFrameworksIsNoBlocker(t *testing.T) {
	e := engine(t)
	forbidden := []string{"eerst een besluit", "kan de keuze nog niet alleen maken", "moet waarschijnlijk instemmen", "zonder akkoord", "kan dus pas doorgaan"}
	for _, v := range []string{"nee", "weet_niet"} {
		a := with(base(), "beleidskaders", v, "kaders_passen", "-")
		s := e.Summarize(a)
		if ids := s.RuleIDs(); !slices.Contains(ids, "team-kiest-methode") || !slices.Contains(ids, "or-instemming") {
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
		ask := strings.Join(append(Texts(s.Brief.Ask), Texts(s.Brief.Next)...), "\n")
		if !strings.Contains(ask, "je leidinggevende") || !strings.Contains(ask, "beleidskaders") {
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
	if notes := strings.Join(Texts(cs.Verdict.Notes), " "); !strings.Contains(notes, "urennorm") || !slices.Contains(Texts(cs.Brief.Next), oneLine(e.C.Action("urennorm-bot-checken").Text)) {
		t.Errorf("notes %q, next %q", notes, cs.Brief.Next)
	}
	for _, id := range e.C.Meta.BOT {
		s := e.Summarize(with(base(), id, "nee"))
		found := false
		for _, it := range s.Before {
			found = found || it.From == "urennorm-bot-checken"
		}
		if !found || !strings.Contains(strings.Join(Texts(s.Verdict.Notes), " "), "urennorm") {
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
