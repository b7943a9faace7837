package decision

import (
	"flag"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/decision/decisiontest"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Registered so that `go test ./... -update` (the golden files of other
// packages) also runs here; this package has no golden files of its own.
var _ = flag.Bool("update", false, "rewrite golden files")

func engine(t testing.TB) *Engine {
	t.Helper()
	c, err := content.Load(content.Default())
	if err != nil {
		t.Fatalf("content: %v", err)
	}
	return New(c)
}

// base and with are the shared fixtures (decisiontest).
func base() Answers { return decisiontest.Base() }

func with(a Answers, kv ...string) Answers { return decisiontest.With(a, kv...) }

var alwaysRules = []string{"bevoegd-gezag-kwaliteit", "raden-gesprek", "raden-standpunt", "beleidskaders",
	"programma-evenwichtig", "kwaliteitszorg", "inspectie-toezicht", "inspectie-risicomonitoring"}

// expectedRules is the rule contract of the issue, written independently
// of the content's conditions so a wrong `when` in regels.toml is caught.
func expectedRules(a Answers) []string {
	one := func(id string) string {
		if v := a[id]; len(v) == 1 {
			return v[0]
		}
		return ""
	}
	in := func(v string, set ...string) bool { return slices.Contains(set, v) }
	want := slices.Clone(alwaysRules)
	kaders := one("beleidskaders")
	passen := ""
	if kaders == "ja" {
		passen = one("kaders_passen")
	}
	// The OR's consent right on decisions about distance education holds
	// unconditionally; it is shown whenever the plan is not known to fit
	// frameworks the OR already agreed to (issue 14, point 2).
	if in(kaders, "nee", "weet_niet") || in(passen, "verandert", "weet_niet") {
		want = append(want, "or-instemming")
	}
	if passen == "past" || in(kaders, "nee", "weet_niet") {
		want = append(want, "team-kiest-methode")
	}
	// The BOT conditions hold for every form: the handreiking names no
	// exception for exams (issue 14, point 1).
	want = append(want, "bot-voorwaarden")
	if in(one("urennorm"), "ja", "weet_niet") {
		want = append(want, "studentenraad-instemming-urennorm")
	}
	if in(one("urennorm"), "nee", "weet_niet") {
		want = append(want, "studenten-geen-instemming")
	}
	if in(one("voorzieningen"), "ja", "weet_niet") {
		want = append(want, "studentenraad-advies-voorzieningen")
	}
	if one("input_studenten") == "nee" || in(one("samenhang"), "nee", "deels") {
		want = append(want, "studenten-betrekken-samenhang")
	}
	slices.Sort(want)
	return want
}

// expectedVerdict is the BOT contract, the same for every form: can count
// only when all three are "ja", not when any is "nee", unknown otherwise.
func expectedVerdict(a Answers) *bool {
	no, all := false, true
	for _, id := range []string{"bot_interactie", "bot_sturen", "bot_begeleiding"} {
		v := a[id]
		if len(v) == 1 && v[0] == "nee" {
			no = true
		}
		if len(v) != 1 || v[0] != "ja" {
			all = false
		}
	}
	switch {
	case no:
		f := false
		return &f
	case all:
		t := true
		return &t
	}
	return nil
}

func sortedRuleIDs(s *Summary) []string {
	ids := s.RuleIDs()
	slices.Sort(ids)
	return ids
}

func sameVerdict(a, b *bool) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// Scenarios from the handreiking, each as a teacher would describe it.
func TestScenarios(t *testing.T) {
	e := engine(t)
	yes, no := true, false
	cases := []struct {
		name       string
		answers    Answers
		has, lacks []string
		verdict    *bool
	}{
		{"asynchronous module without interaction does not count as BOT",
			with(base(), "vorm", "asynchroon", "activiteiten", "zelfstandig", "bot_interactie", "nee", "bot_sturen", "nee", "bot_begeleiding", "nee"),
			nil, nil, &no},
		{"live online lesson with interaction, steering and guidance counts",
			base(), []string{"team-kiest-methode"}, []string{"or-instemming"}, &yes},
		{"one condition missing is enough to not count",
			with(base(), "bot_sturen", "nee"), nil, nil, &no},
		{"a condition still open means: not yet known",
			with(base(), "bot_begeleiding", "weet_niet"), nil, nil, nil},
		{"deviating from the urennorm needs the studentenraad's consent",
			with(base(), "urennorm", "ja"), []string{"studentenraad-instemming-urennorm"}, []string{"studenten-geen-instemming"}, &yes},
		{"keeping to the urennorm: students have no consent right",
			base(), []string{"studenten-geen-instemming"}, []string{"studentenraad-instemming-urennorm"}, &yes},
		{"urennorm unknown explains both",
			with(base(), "urennorm", "weet_niet"), []string{"studenten-geen-instemming", "studentenraad-instemming-urennorm"}, nil, &yes},
		{"no frameworks: the team chooses, and the OR's consent right is shown",
			with(base(), "beleidskaders", "nee", "kaders_passen", "-"), []string{"team-kiest-methode", "or-instemming"}, nil, &yes},
		{"not sure about frameworks: the team chooses, and the OR's consent right is shown",
			with(base(), "beleidskaders", "weet_niet", "kaders_passen", "-"), []string{"team-kiest-methode", "or-instemming"}, nil, &yes},
		{"not sure the plan fits: the OR's consent may be needed",
			with(base(), "kaders_passen", "weet_niet"), []string{"or-instemming"}, []string{"team-kiest-methode"}, &yes},
		{"an exam: the same three BOT questions and the BOT rule",
			with(base(), "vorm", "examen", "activiteiten", "toetsen"), []string{"bot-voorwaarden"}, nil, &yes},
		{"an exam without interaction does not count either",
			with(base(), "vorm", "examen", "activiteiten", "toetsen", "bot_interactie", "nee"), []string{"bot-voorwaarden"}, nil, &no},
		{"changing the didactic model: the OR has a consent right",
			with(base(), "kaders_passen", "verandert"), []string{"or-instemming"}, []string{"team-kiest-methode"}, &yes},
		{"inside the frameworks the team chooses",
			base(), []string{"team-kiest-methode"}, []string{"or-instemming"}, &yes},
		{"students need facilities: the studentenraad advises",
			with(base(), "voorzieningen", "ja"), []string{"studentenraad-advies-voorzieningen"}, nil, &yes},
		{"no student input asked: involve students",
			with(base(), "input_studenten", "nee"), []string{"studenten-betrekken-samenhang"}, nil, &yes},
		{"lesson not aligned with other lessons",
			with(base(), "samenhang", "deels"), []string{"studenten-betrekken-samenhang"}, nil, &yes},
		{"input asked and aligned: no extra rule",
			base(), nil, []string{"studenten-betrekken-samenhang", "studentenraad-advies-voorzieningen"}, &yes},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !e.Complete(tc.answers) {
				t.Fatalf("scenario is incomplete: next question %q", e.Next(tc.answers).ID)
			}
			s := e.Summarize(tc.answers)
			got := s.RuleIDs()
			for _, id := range append(slices.Clone(alwaysRules), tc.has...) {
				if !slices.Contains(got, id) {
					t.Errorf("rule %q missing; got %v", id, got)
				}
			}
			for _, id := range tc.lacks {
				if slices.Contains(got, id) {
					t.Errorf("rule %q applies but should not", id)
				}
			}
			if !sameVerdict(s.Verdict.Counts, tc.verdict) {
				t.Errorf("verdict %s, want %v", s.Verdict.Label(), tc.verdict)
			}
			if strings.TrimSpace(s.Verdict.Reason) == "" {
				t.Error("verdict has no reason")
			}
		})
	}
}

func TestVerdictNamesWhatIsMissingAndHowToFix(t *testing.T) {
	e := engine(t)
	s := e.Summarize(with(base(), "bot_interactie", "nee"))
	q := e.C.Question("bot_interactie")
	if len(s.Verdict.No) != 1 || s.Verdict.No[0] != q {
		t.Fatalf("No = %v, want [bot_interactie]", s.Verdict.No)
	}
	if !strings.Contains(s.Verdict.Reason, ShortList([]*content.Question{q})) || !strings.Contains(s.Verdict.Reason, strings.TrimSpace(q.IfNo)) {
		t.Errorf("reason does not name the condition and what would make it count:\n%s", s.Verdict.Reason)
	}
}

// Every combination of the three BOT answers, for every form: the same
// verdict for an exam as for any other form, and no answer dropped.
func TestVerdictAllCombinations(t *testing.T) {
	e := engine(t)
	vals := []string{"ja", "nee", "weet_niet"}
	n := 0
	for _, form := range e.C.Question("vorm").Values() {
		for _, x := range vals {
			for _, y := range vals {
				for _, z := range vals {
					a := with(base(), "vorm", form, "bot_interactie", x, "bot_sturen", y, "bot_begeleiding", z)
					eff := e.Effective(a)
					v := e.Verdict(a)
					if want := expectedVerdict(eff); !sameVerdict(v.Counts, want) {
						t.Errorf("%s %s/%s/%s: got %s, want %v", form, x, y, z, v.Label(), want)
					}
					s := e.Summarize(a)
					if len(s.Dropped) != 0 {
						t.Errorf("%s: dropped %v", form, s.Dropped)
					}
					checkBrief(t, a, s)
					n++
				}
			}
		}
	}
	if n != 27*len(e.C.Question("vorm").Options) {
		t.Fatalf("walked %d combinations", n)
	}
}

// assignments lists every combination of answers to the given questions.
func assignments(e *Engine, ids ...string) []Answers {
	out := []Answers{{}}
	for _, id := range ids {
		var next []Answers
		for _, a := range out {
			for _, vals := range choices(e.C.Question(id)) {
				b := a.Clone()
				b[id] = vals
				next = append(next, b)
			}
		}
		out = next
	}
	return out
}

// For each conditional rule, every combination of the answers its contract
// reads, on top of a complete path.
func TestRuleContractExhaustive(t *testing.T) {
	e := engine(t)
	groups := [][]string{
		{"beleidskaders", "kaders_passen"},
		{"urennorm"},
		{"voorzieningen"},
		{"input_studenten", "samenhang"},
		{"urennorm", "voorzieningen", "input_studenten", "samenhang", "beleidskaders", "kaders_passen"},
		{"vorm", "beleidskaders", "kaders_passen", "urennorm"},
	}
	for _, g := range groups {
		for _, over := range assignments(e, g...) {
			a := base()
			for k, v := range over {
				a[k] = v
			}
			eff := e.Effective(a)
			got := sortedRuleIDs(e.Summarize(a))
			if want := expectedRules(eff); !slices.Equal(got, want) {
				t.Fatalf("answers %v:\n got %v\nwant %v", over, got, want)
			}
		}
	}
}

// Random complete paths, drawn with a fixed seed: every invariant of a
// summary holds, whatever the other answers are.
func TestRandomCompletePaths(t *testing.T) {
	e := engine(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		a := Answers{}
		for q := e.Next(a); q != nil; q = e.Next(a) {
			opts := choices(q)
			a[q.ID] = opts[r.IntN(len(opts))]
		}
		s := e.Summarize(a)
		if !s.Complete || len(s.Dropped) != 0 {
			t.Fatalf("path %v: complete=%v dropped=%v", a, s.Complete, s.Dropped)
		}
		if got, want := sortedRuleIDs(s), expectedRules(a); !slices.Equal(got, want) {
			t.Fatalf("path %v:\n got %v\nwant %v", a, got, want)
		}
		if !sameVerdict(s.Verdict.Counts, expectedVerdict(a)) {
			t.Fatalf("path %v: verdict %s", a, s.Verdict.Label())
		}
		checkBrief(t, a, s)
	}
}

// The walk covers every path of the interview: its count must equal the
// number of complete answer combinations computed independently here.
func TestCheckWalksEveryPath(t *testing.T) {
	e := engine(t)
	rep := e.Check()
	if len(rep.Problems) > 0 {
		t.Fatalf("default content has problems:\n%v", rep.Problems)
	}
	// kaders_passen is asked only after beleidskaders "ja": 1 + 1 + 3 ways.
	want := big.NewInt(int64(1 + 1 + len(e.C.Question("kaders_passen").Options)))
	// Every other question, the three BOT questions included, is asked
	// on every path: for an exam too.
	for _, q := range e.C.Questions {
		if q.ID == "beleidskaders" || q.ID == "kaders_passen" {
			continue
		}
		want.Mul(want, big.NewInt(int64(len(choices(q)))))
	}
	if rep.Paths.Cmp(want) != 0 {
		t.Fatalf("walk counted %s paths, want %s", rep.Paths, want)
	}
	if rep.States == 0 || rep.States > 1000 {
		t.Fatalf("walk visited %d states; expected a small state space", rep.States)
	}
}

func TestCheckFindsUnreachableItems(t *testing.T) {
	e := engine(t)
	c := *e.C
	// A rule that needs two different forms at once can never apply.
	broken := *c.Rules[0]
	prog := mustCompile(t, e.C, `vorm == "hybride" && vorm == "examen"`)
	broken.When = prog
	broken.ID = "onmogelijk"
	c.Rules = append(slices.Clone(c.Rules), &broken)
	rep := New(&c).Check()
	found := false
	for _, p := range rep.Problems {
		if strings.Contains(p.Msg, `regel "onmogelijk" wordt nooit bereikt`) {
			found = true
		}
	}
	if !found {
		t.Fatalf("unreachable rule not reported: %v", rep.Problems)
	}
}

// A question's navragen action must hold whenever the answer is
// "weet_niet": Check finds one that does not.
func TestCheckFindsAskActionThatDoesNotHold(t *testing.T) {
	e := engine(t)
	c := *e.C
	c.Actions = slices.Clone(c.Actions)
	for i, a := range c.Actions {
		if a.ID == "urennorm-navragen" {
			b := *a
			b.When = mustCompile(t, e.C, `urennorm == "weet_niet" && rol == "docent"`)
			c.Actions[i] = &b
		}
	}
	rep := New(&c).Check()
	found := false
	for _, p := range rep.Problems {
		found = found || strings.Contains(p.Msg, `vraag "urennorm": de actie "urennorm-navragen"`)
	}
	if !found {
		t.Fatalf("not reported: %v", rep.Problems)
	}
}

func TestReachableSeesVisibility(t *testing.T) {
	e := engine(t)
	// kaders_passen is only asked when there are frameworks.
	if r, _ := e.Reachable(mustCompile(t, e.C, `beleidskaders == "nee" && kaders_passen == "past"`)); r {
		t.Fatal("a hidden question's answer must not make a condition reachable")
	}
	if r, _ := e.Reachable(mustCompile(t, e.C, `beleidskaders == "ja" && kaders_passen == "past"`)); !r {
		t.Fatal("reachable condition reported unreachable")
	}
}

func mustCompile(t *testing.T, c *content.Content, src string) content.Cond {
	t.Helper()
	cond, err := content.Compile(c, src)
	if err != nil {
		t.Fatal(err)
	}
	return cond
}

func TestNavigation(t *testing.T) {
	e := engine(t)
	a := Answers{}
	var order []string
	for q := e.Next(a); q != nil; q = e.Next(a) {
		order = append(order, q.ID)
		vals := choices(q)[0]
		if q.ID == "beleidskaders" {
			vals = []string{"ja"}
		}
		var err error
		if a, err = e.Set(a, q.ID, vals...); err != nil {
			t.Fatal(err)
		}
	}
	if order[0] != "rol" || !slices.Contains(order, "kaders_passen") {
		t.Fatalf("order %v", order)
	}
	if i, n := e.Position(a, "vorm"); i != slices.Index(order, "vorm")+1 || n != len(order) {
		t.Fatalf("position of vorm: %d of %d, order %v", i, n, order)
	}
	// Back only moves the cursor.
	if p := e.Previous(a, "vorm"); p == nil || p.ID != "kaders_passen" {
		t.Fatalf("previous of vorm = %v", p)
	}
	if e.Previous(a, "rol") != nil {
		t.Fatal("nothing comes before the first question")
	}
	// Changing beleidskaders hides kaders_passen; its answer is kept but
	// no longer counts, and the path gets shorter.
	b, _ := e.Set(a, "beleidskaders", "nee")
	if !b.Has("kaders_passen") {
		t.Fatal("changing an answer deleted a later answer")
	}
	if d := e.Dropped(b); len(d) != 1 || d[0].ID != "kaders_passen" {
		t.Fatalf("dropped = %v", d)
	}
	if e.Effective(b).Has("kaders_passen") {
		t.Fatal("hidden answer still counts")
	}
	if _, n := e.Position(b, "vorm"); n != len(order)-1 {
		t.Fatalf("path length %d after hiding a question, want %d", n, len(order)-1)
	}
	// Switching back restores it without asking again.
	c, _ := e.Set(b, "beleidskaders", "ja")
	if !e.Complete(c) || len(e.Dropped(c)) != 0 {
		t.Fatal("restored answer not used")
	}
	if _, err := e.Set(a, "vorm", "anders"); err == nil {
		t.Fatal("invalid option accepted")
	}
	if _, err := e.Set(a, "vorm", "hybride", "examen"); err == nil {
		t.Fatal("two answers to a one-choice question accepted")
	}
	if _, err := e.Set(a, "activiteiten"); err != nil {
		t.Fatalf("an empty multiple choice is a valid answer: %v", err)
	}
}

// The examples of resources chosen by the answers: each appears
// when its answer is given and not on an ordinary path without it.
func TestResourcesFollowAnswers(t *testing.T) {
	e := engine(t)
	sources := func(a Answers) []string {
		var ids []string
		for _, r := range e.Summarize(a).Sources {
			ids = append(ids, r.ID)
		}
		return ids
	}
	plain := sources(base())
	cases := []struct {
		name    string
		answers Answers
		want    []string
	}{
		{"support needs → ECIO", with(base(), "ondersteuning", "ja"), []string{"ecio-aanbevelingen", "ecio-ondersteuningsvraag"}},
		{"personal data → privacy", with(base(), "nieuwe_tools", "ja"), []string{"lesopafstand-privacy"}},
		{"exam at a distance → examens op afstand", with(base(), "vorm", "examen"), []string{"lesopafstand-examens"}},
		{"testing as an activity → examens op afstand", with(base(), "activiteiten", "toetsen"), []string{"lesopafstand-examens"}},
		{"little experience → ict-bekwaamheid and Bruggen Bouwen", with(base(), "ervaring", "weinig"), []string{"kennisnet-ict-bekwaamheid", "doorpakken-docentondersteuning", "bruggen-bouwen"}},
		{"blended → EMBED and SURF", with(base(), "vorm", "blended"), []string{"embed-surf", "embed-eadtu", "surf-blended-artikelen"}},
		{"hybrid → ECIO on hybrid education", with(base(), "vorm", "hybride"), []string{"ecio-hybride"}},
	}
	for _, tc := range cases {
		got := sources(tc.answers)
		for _, id := range tc.want {
			if !slices.Contains(got, id) {
				t.Errorf("%s: %s missing", tc.name, id)
			}
			if slices.Contains(plain, id) {
				t.Errorf("%s: %s is shown without the answer that selects it", tc.name, id)
			}
		}
	}
	// The general ones are always there.
	for _, id := range []string{"kamerbrief-handreiking", "ruimte-in-regels", "lesopafstand-lesontwerp"} {
		if !slices.Contains(plain, id) {
			t.Errorf("%s missing on an ordinary path", id)
		}
	}
}

// The brief's verdict sentence is correct Dutch: one is "voldaan aan" a
// condition ("aan de voorwaarde bijsturen is niet voldaan"), never "de
// voorwaarde is niet voldaan".
func TestVerdictSentenceDutch(t *testing.T) {
	e := engine(t)
	cases := []struct {
		a    Answers
		want string
	}{
		{with(base(), "bot_sturen", "nee"), LabelCannot + " (BOT): aan de voorwaarde bijsturen is niet voldaan."},
		{with(base(), "bot_sturen", "nee", "bot_begeleiding", "nee"), LabelCannot + " (BOT): aan de voorwaarden bijsturen en begeleiding is niet voldaan."},
		{with(base(), "bot_sturen", "weet_niet"), "Nog niet duidelijk of het als begeleide onderwijstijd (BOT) kan meetellen: de voorwaarde bijsturen staat nog open."},
	}
	for _, tc := range cases {
		if got := e.Summarize(tc.a).Verdict.Sentence(); got != tc.want {
			t.Errorf("Sentence() = %q\nwant %q", got, tc.want)
		}
	}
}

// A rule's reasons are the answers the reader gave: a question the
// condition reads but that was not asked on this path is no reason.
func TestWhyLeavesOutQuestionsNotAsked(t *testing.T) {
	e := engine(t)
	// Beleidskaders "weet niet": "Past in kaders" is not asked.
	a := with(base(), "beleidskaders", "weet_niet")
	delete(a, "kaders_passen")
	s := e.Summarize(a)
	found := false
	for _, r := range s.Rules {
		for _, w := range r.Why {
			if strings.Contains(w, "niet gevraagd") || strings.HasPrefix(w, e.C.Question("kaders_passen").Short+":") {
				t.Errorf("rule %s: reason %q", r.Rule.ID, w)
			}
		}
		if slices.Contains(r.Rule.When.Vars, "kaders_passen") && slices.Contains(r.Rule.When.Vars, "beleidskaders") {
			found = true
			if want := []string{"Beleidskaders: Weet ik niet"}; !slices.Equal(r.Why, want) {
				t.Errorf("rule %s: why %q, want %q", r.Rule.ID, r.Why, want)
			}
		}
	}
	if !found {
		t.Fatal("no applying rule reads both beleidskaders and kaders_passen")
	}
}
