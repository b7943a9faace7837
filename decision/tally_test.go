package decision

import (
	"os"
	"slices"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// tallyEngine loads testdata/tally: a small content set whose shape the
// tests below depend on (a hidden question, two BOT conditions hidden at
// an exam, a multiple-choice question, a rule reading two questions), so
// they do not change when the real content does.
func tallyEngine(t testing.TB) *Engine {
	t.Helper()
	c, err := content.Load(os.DirFS("testdata/tally"))
	if err != nil {
		t.Fatalf("content: %v", err)
	}
	return New(c)
}

func ans(kv ...string) Answers { return with(Answers{}, kv...) }

func TestTallyCounts(t *testing.T) {
	e := tallyEngine(t)
	room := []Participant{
		{"an", ans("vorm", "live", "b1", "ja", "b2", "ja", "b3", "ja", "tools", "a,b")},
		{"bo", ans("vorm", "live", "b1", "nee", "b2", "ja", "b3", "ja", "tools", "b")},
		// extra is kept in the file but not asked after "live".
		{"cees", ans("vorm", "live", "extra", "y", "b1", "weet_niet", "b2", "ja", "b3", "ja")},
		{"dirk", ans("vorm", "zelf", "extra", "x", "b1", "ja")},
		{"els", Answers{"vorm": {"examen"}, "tools": {}}},
		{"fay", ans()},
	}
	tl := e.Tally(room)
	if tl.Participants != 6 {
		t.Fatalf("participants = %d, want 6", tl.Participants)
	}
	var ids []string
	for _, q := range tl.Questions {
		ids = append(ids, q.Question.ID)
	}
	if want := []string{"vorm", "extra", "b1", "b2", "b3", "tools"}; !slices.Equal(ids, want) {
		t.Fatalf("questions = %v, want %v", ids, want)
	}
	type row struct {
		id                       string
		counts                   []int
		names                    [][]string
		answered, open, notAsked int
	}
	for _, c := range []row{
		{"vorm", []int{3, 1, 1}, [][]string{{"an", "bo", "cees"}, {"dirk"}, {"els"}}, 5, 1, 0},
		{"extra", []int{1, 0}, [][]string{{"dirk"}, nil}, 1, 0, 5},
		{"b1", []int{2, 1, 1}, [][]string{{"an", "dirk"}, {"bo"}, {"cees"}}, 4, 1, 1},
		{"b2", []int{3, 0, 0}, [][]string{{"an", "bo", "cees"}, nil, nil}, 3, 2, 1},
		{"b3", []int{3, 0, 0}, [][]string{{"an", "bo", "cees"}, nil, nil}, 3, 2, 1},
		// The last row of a multiple choice is "geen van deze".
		{"tools", []int{1, 2, 1}, [][]string{{"an"}, {"an", "bo"}, {"els"}}, 3, 3, 0},
	} {
		q := tl.Question(c.id)
		if q == nil {
			t.Fatalf("%s: missing", c.id)
		}
		var counts []int
		var names [][]string
		for _, o := range q.Options {
			counts = append(counts, o.Count)
			names = append(names, o.Names)
		}
		if !slices.Equal(counts, c.counts) {
			t.Errorf("%s: counts %v, want %v", c.id, counts, c.counts)
		}
		if !slices.EqualFunc(names, c.names, slices.Equal) {
			t.Errorf("%s: names %v, want %v", c.id, names, c.names)
		}
		if q.Answered != c.answered || q.Open != c.open || q.NotAsked != c.notAsked {
			t.Errorf("%s: answered/open/not asked = %d/%d/%d, want %d/%d/%d", c.id, q.Answered, q.Open, q.NotAsked, c.answered, c.open, c.notAsked)
		}
		if q.Answered+q.Open+q.NotAsked != len(room) {
			t.Errorf("%s: %d+%d+%d is not everyone", c.id, q.Answered, q.Open, q.NotAsked)
		}
	}
	if last := tl.Question("tools").Options[2]; last.Value != "" || last.Label != NoneLabel {
		t.Errorf("last tools row = %+v, want geen van deze", last)
	}
	want := map[Outcome][]string{
		OutcomeCan:     {"an"},
		OutcomeCannot:  {"bo"},
		OutcomeUnclear: {"cees"},
		OutcomeNA:      {"els"},
		OutcomePending: {"dirk", "fay"},
	}
	if len(tl.Outcomes) != len(Outcomes) {
		t.Fatalf("%d outcomes, want %d", len(tl.Outcomes), len(Outcomes))
	}
	for i, oc := range tl.Outcomes {
		if oc.Outcome != Outcomes[i] {
			t.Errorf("outcome %d is %s, want %s", i, oc.Outcome, Outcomes[i])
		}
		if oc.Count != len(want[oc.Outcome]) || !slices.Equal(oc.Names, want[oc.Outcome]) {
			t.Errorf("%s: %d %v, want %v", oc.Outcome, oc.Count, oc.Names, want[oc.Outcome])
		}
	}
}

// A "nee" decides the verdict before the other condition is answered.
func TestTallyOutcomeNoBeforeComplete(t *testing.T) {
	e := tallyEngine(t)
	for _, c := range []struct {
		a    Answers
		want Outcome
	}{
		{ans("vorm", "live", "b1", "nee"), OutcomeCannot},
		{ans("vorm", "live", "b2", "nee"), OutcomeCannot},
		{ans("vorm", "live", "b1", "ja"), OutcomePending},
		{ans("vorm", "live", "b1", "weet_niet"), OutcomePending},
		{ans("vorm", "live", "b1", "weet_niet", "b2", "ja"), OutcomePending},
		{ans("vorm", "live", "b1", "weet_niet", "b2", "ja", "b3", "ja"), OutcomeUnclear},
		{ans("vorm", "live", "b1", "ja", "b2", "ja", "b3", "weet_niet"), OutcomeUnclear},
		{ans("vorm", "live", "b1", "ja", "b2", "ja", "b3", "ja"), OutcomeCan},
		{ans("vorm", "examen"), OutcomeNA},
		// Answers kept from before the exam do not count.
		{ans("vorm", "examen", "b1", "ja", "b2", "ja", "b3", "ja"), OutcomeNA},
		{ans(), OutcomePending},
	} {
		tl := e.Tally([]Participant{{"x", c.a}})
		got := Outcome("")
		for _, oc := range tl.Outcomes {
			if oc.Count == 1 {
				got = oc.Outcome
			}
		}
		if got != c.want {
			t.Errorf("%v: outcome %s, want %s", c.a, got, c.want)
		}
	}
}

// Answers from outside the program are counted only where they are
// options; nothing panics.
func TestTallyHostileAnswers(t *testing.T) {
	e := tallyEngine(t)
	room := []Participant{
		{"two", ans("vorm", "zelf,live")},
		{"bad", ans("vorm", "raket", "tools", "a,a,zz")},
		{"nil", nil},
		{"\x1b[31mrood", ans("onbekend", "x")},
	}
	tl := e.Tally(room)
	vorm := tl.Question("vorm")
	if got := []int{vorm.Options[0].Count, vorm.Options[1].Count, vorm.Options[2].Count}; !slices.Equal(got, []int{0, 1, 0}) {
		t.Errorf("vorm counts %v: a one-choice answer is its first value only", got)
	}
	if vorm.Answered != 2 || vorm.Open != 2 {
		t.Errorf("vorm answered/open = %d/%d, want 2/2", vorm.Answered, vorm.Open)
	}
	tools := tl.Question("tools")
	if tools.Options[0].Count != 1 || tools.Options[1].Count != 0 || tools.Options[2].Count != 0 {
		t.Errorf("tools %+v: a value twice counts once, unknown values not at all", tools.Options)
	}
}

func TestTallyEmptyRoom(t *testing.T) {
	e := tallyEngine(t)
	tl := e.Tally(nil)
	var ids []string
	for _, q := range tl.Questions {
		ids = append(ids, q.Question.ID)
		for _, o := range q.Options {
			if o.Count != 0 {
				t.Errorf("%s: count %d in an empty room", q.Question.ID, o.Count)
			}
		}
	}
	// Before any answer, the questions asked at the start.
	if want := []string{"vorm", "b1", "b2", "b3", "tools"}; !slices.Equal(ids, want) {
		t.Errorf("questions %v, want %v", ids, want)
	}
	for _, oc := range tl.Outcomes {
		if oc.Count != 0 {
			t.Errorf("%s: %d in an empty room", oc.Outcome, oc.Count)
		}
	}
}

func TestOutcomeLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range Outcomes {
		l := o.Label()
		if l == "" || seen[l] {
			t.Errorf("%s: label %q", o, l)
		}
		seen[l] = true
	}
	// The three verdicts are the values of bot.uitkomst (issue 14).
	if OutcomeCan != "kan_meetellen" || OutcomeCannot != "telt_niet" || OutcomeUnclear != "onduidelijk" {
		t.Error("verdict values changed")
	}
}
