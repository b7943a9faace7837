package report

import (
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// At most three examples, one per theme, in content order, each whole and
// marked as vo practice; the JSON keeps them all.
func TestExamplesAtMostThreeOnePerTheme(t *testing.T) {
	s := voorbeeld(t)
	if len(s.Examples) <= maxExamples {
		t.Fatalf("the example has %d examples; pick answers with more than %d", len(s.Examples), maxExamples)
	}
	body := section(t, Summary(s), SecExamples)
	var shown []*content.Example
	for _, x := range s.Examples {
		if strings.Contains(unlink(body), esc(x.Text)) {
			shown = append(shown, x)
		}
	}
	if n := strings.Count(body, "\n- "); len(shown) != n || n == 0 || n > maxExamples {
		t.Fatalf("%d list items, %d whole examples, want 1 to %d:\n%s", n, len(shown), maxExamples, body)
	}
	themes := map[string]bool{}
	for _, x := range shown {
		if themes[x.Theme] {
			t.Errorf("two examples on %q", x.Theme)
		}
		themes[x.Theme] = true
	}
	// The first example of each theme, in order: a theme's first example
	// that applies is never passed over for a later one.
	want := examplesOf(s)
	for i := range want {
		if i >= len(shown) || shown[i] != want[i] {
			t.Fatalf("examples %v, want %v", exampleIDs(shown), exampleIDs(want))
		}
	}
	for _, x := range s.Examples {
		if themes[x.Theme] {
			continue
		}
		if len(shown) < maxExamples {
			t.Errorf("theme %q left out while there is room", x.Theme)
		}
	}
	if !strings.Contains(body, "vo") {
		t.Error("examples not marked as vo practice")
	}
}

func exampleIDs(xs []*content.Example) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.ID)
	}
	return out
}

// "Wie beslist wat" gives one short line per party: the first task that
// depends on the answers, else the party's main role, as its first
// sentence. The text is the content's own words.
func TestWhoDecidesOneLinePerParty(t *testing.T) {
	e := engine(t)
	for name, a := range map[string]Answers{
		"voorbeeld":         voorbeeld(t).Effective(),
		"urennorm-afwijkt":  with(base(), "urennorm", "ja"),
		"kaders-veranderen": with(base(), "kaders_passen", "verandert"),
	} {
		s := e.Summarize(a)
		body := unlink(section(t, Summary(s), SecWho))
		items := strings.Split(strings.TrimSpace(body), "\n")
		if len(items) != len(s.Parties) {
			t.Fatalf("%s: %d lines for %d parties:\n%s", name, len(items), len(s.Parties), body)
		}
		for i, p := range s.Parties {
			line := partyLine(p)
			if !strings.HasPrefix(items[i], "- **"+esc(p.Party.Name)+":** ") || !strings.HasSuffix(items[i], esc(line.Text)+ownMark(line.Brontype)) {
				t.Errorf("%s: %q", name, items[i])
			}
			found := false
			for _, task := range p.Tasks {
				found = found || strings.HasPrefix(oneLine(task.Text), line.Text)
			}
			if !found {
				t.Errorf("%s: %q is not the start of a task of %s", name, line.Text, p.Party.ID)
			}
		}
		if name == "kaders-veranderen" && !strings.Contains(body, "Dan kan je plan een belangrijke verandering zijn") {
			t.Errorf("a task that asks a question lost its answer:\n%s", body)
		}
		if name == "urennorm-afwijkt" && !strings.Contains(body, "**Studentenraad:** Heeft instemmingsrecht op een onderwijsprogramma dat afwijkt van de urennorm") {
			t.Errorf("the studentenraad's consent, which depends on the answers, is not shown:\n%s", body)
		}
	}
}

// Findings show their title and their key sentences, which are the
// finding's own words.
func TestFindingsShowKeySentence(t *testing.T) {
	s := voorbeeld(t)
	body := unlink(section(t, Summary(s), SecFindings))
	if len(s.Findings) == 0 {
		t.Fatal("the example shows no findings")
	}
	for _, f := range s.Findings {
		key := f.KeyText()
		if key == f.Text {
			t.Errorf("finding %s shows its whole text", f.ID)
		}
		if !strings.Contains(body, "- **"+esc(sentence(f.Title))+"** "+esc(key)) {
			t.Errorf("finding %s without its title and key sentence:\n%s", f.ID, body)
		}
		if content.KeyProblem(key, f.Text) != "" {
			t.Errorf("finding %s: key not the finding's own words", f.ID)
		}
	}
	if !strings.Contains(body, "representatief") || !strings.Contains(body, "mbo") {
		t.Errorf("the vo caveat is gone:\n%s", body)
	}
}

func TestTopicList(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"het onderwerp 'lesontwerp'"}, "het onderwerp 'lesontwerp'"},
		{[]string{"het onderwerp 'a'", "het onderwerp 'b en c'"}, "de onderwerpen 'a' en 'b en c'"},
		{[]string{"het onderwerp 'a'", "het onderwerp 'b'", "de pagina met vragen"}, "de onderwerpen 'a' en 'b', en de pagina met vragen"},
		{[]string{"de handreiking en tool", "de handreiking en praatplaat"}, "de handreiking en tool; de handreiking en praatplaat"},
	} {
		if got := topicList(c.in); got != c.want {
			t.Errorf("topicList(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Every resource keeps its URL as text; a hint that repeats the title is
// left out, an organisation "Name, ABBR" is written in full once.
func TestResourcesCompact(t *testing.T) {
	s := voorbeeld(t)
	body := section(t, Summary(s), SecSources)
	for _, r := range s.Sources {
		if !strings.Contains(body, "\n  "+r.URL+"\n") && !strings.HasSuffix(body, "\n  "+r.URL) {
			t.Errorf("%s: URL not on a line of its own", r.ID)
		}
	}
	if n := strings.Count(body, "Expertisecentrum Inclusief Onderwijs"); n != 1 {
		t.Errorf("ECIO's full name %d times, want once", n)
	}
	if !strings.Contains(body, "(ECIO)") {
		t.Error("ECIO not named by its abbreviation after the first time")
	}
	if strings.Contains(body, "Zoek daar naar: het programma Bruggen Bouwen") {
		t.Error("a hint that repeats the title")
	}
	if !repeats("het programma Bruggen Bouwen.", "Programma Bruggen Bouwen") || repeats("de webinars", "Vraagbaak Online Onderwijs") {
		t.Error("repeats")
	}
	if strings.Count(body, "https://mbo.lesopafstand.nl") != 1 || !strings.Contains(body, "de onderwerpen 'lesontwerp'") {
		t.Errorf("mbo.lesopafstand.nl not one item with its topics in one sentence:\n%s", body)
	}
}

// The answers: several to a line, none split, all in order.
func TestAnswersPacked(t *testing.T) {
	s := voorbeeld(t)
	body := section(t, Summary(s), SecSituation)
	var items []string
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(l, "- ") {
			items = append(items, strings.ReplaceAll(strings.TrimPrefix(l, "- "), "**", ""))
		}
	}
	if len(items) >= len(s.Answers) {
		t.Errorf("%d lines for %d answers: not packed", len(items), len(s.Answers))
	}
	var all []string
	for _, it := range items {
		parts := strings.Split(it, " · ")
		if len(parts) > 1 && len([]rune(it)) > answersWidth {
			t.Errorf("line of %d > %d: %q", len([]rune(it)), answersWidth, it)
		}
		all = append(all, parts...)
	}
	if len(all) != len(s.Answers) {
		t.Fatalf("%d answers shown, want %d", len(all), len(s.Answers))
	}
	for i, a := range s.Answers {
		if want := esc(a.Question.Short) + ": " + esc(a.Text()); all[i] != want {
			t.Errorf("answer %d = %q, want %q", i, all[i], want)
		}
	}
}

// Two Achteraf rules share their law: the second says so instead of
// repeating it. A background that differs is written out.
func TestBackgroundNotRepeated(t *testing.T) {
	body := section(t, Summary(voorbeeld(t)), SecAfter)
	if n := strings.Count(body, "Wet op het onderwijstoezicht"); n != 1 {
		t.Errorf("WOT background %d times, want once:\n%s", n, body)
	}
	if !strings.Contains(body, "*Achtergrond (wet):* als hierboven.") {
		t.Errorf("the second rule does not point to the background above:\n%s", body)
	}
}
