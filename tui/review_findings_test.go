package tui

// Tests for the findings of the fresh-eyes review of the full-screen
// program; each failed before its fix.

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// visibleLines is what a terminal of the model's width shows: each line
// of the view cut at the width, as the terminal cuts it.
func visibleLines(m *app) []string {
	lines := strings.Split(screenText(m), "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.c.width, "")
	}
	return lines
}

// joinedText joins lines without any white space, so a URL broken at the
// window width reads as one word again.
func joinedText(lines []string) string {
	return strings.Join(strings.Fields(strings.Join(lines, "")), "")
}

// mustShow fails unless every want is visible on the screen, also when
// a long URL or path is broken at the window width.
func mustShow(t *testing.T, m *app, want ...string) {
	t.Helper()
	got := joinedText(visibleLines(m))
	for _, w := range want {
		if !strings.Contains(got, joinedText([]string{w})) {
			t.Fatalf("screen does not show %q whole:\n%s", w, strings.Join(visibleLines(m), "\n"))
		}
	}
}

// Finding 1: a URL longer than the window was cut off in the summary
// (the viewport clipped the line) and in the status line.
func TestLongURLsAreShownInFullInTheSummary(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 80, 24)
	s := sumOf(t, m)
	press(m, "g")
	// Page through the summary and keep every line of the body as the
	// terminal shows it, by its line number in the summary.
	seen := map[int]string{}
	for range s.vp.TotalLineCount() {
		body := visibleLines(m)[headerLines : headerLines+s.vp.Height()]
		for i, l := range body {
			seen[s.vp.YOffset()+i] = l
		}
		if s.vp.AtBottom() {
			break
		}
		press(m, "pgdown")
	}
	var all []string
	for i := range s.vp.TotalLineCount() {
		l, ok := seen[i]
		if !ok {
			t.Fatalf("line %d never in view", i)
		}
		all = append(all, l)
	}
	text := joinedText(all)
	long := false
	for _, r := range s.sum.Sources {
		if len(r.URL) > 80 {
			long = true
		} else if len(r.URL) <= 76 && !strings.Contains(strings.Join(all, "\n"), r.URL) {
			// A URL that fits on a line is never broken inside.
			t.Fatalf("%s is not whole on one line", r.URL)
		}
		if !strings.Contains(text, r.URL) {
			t.Fatalf("%s is not whole in the summary:\n%s", r.URL, strings.Join(all, "\n"))
		}
	}
	if !long {
		t.Fatal("the test needs an address longer than 80 characters")
	}
}

func TestLongURLsAreShownInFullInTheStatusLine(t *testing.T) {
	opt, op := testOptions(t)
	op.err = errors.New("geen browser")
	m := openSummary(t, opt, 80, 24)
	press(m, "l")
	links := m.top().(*linksScreen).links
	for i, r := range links {
		press(m, "g")
		for range i {
			press(m, "down")
		}
		press(m, "enter")
		lines := visibleLines(m)
		start := -1
		for j, l := range lines {
			if strings.Contains(l, "Kopieer dit adres:") {
				start = j
			}
		}
		if start < 0 {
			t.Fatalf("no message:\n%s", strings.Join(lines, "\n"))
		}
		if !strings.Contains(joinedText(lines[start:]), r.URL) {
			t.Fatalf("%s is not whole in the status line:\n%s", r.URL, strings.Join(lines, "\n"))
		}
		// The list itself shows the whole address too.
		if !strings.Contains(joinedText(lines[:start]), r.URL) {
			t.Fatalf("%s is not whole in the list:\n%s", r.URL, strings.Join(lines, "\n"))
		}
	}
}

// The break keeps the colour and the hyperlink of a long URL on every
// line it spans, and loses no character.
func TestHardwrapKeepsStyleAndLink(t *testing.T) {
	url := "https://www.onderwijsinspectie.nl/documenten/brochures/2017/11/13/brochure-ruimte-in-regels-mbo"
	in := "  • Brochure: \x1b[4;38;5;33m" + ansi.SetHyperlink(url) + url + ansi.ResetHyperlink() + "\x1b[0m"
	out := hardwrap(in+"\nkort", 40)
	lines := strings.Split(out, "\n")
	if len(lines) < 4 || lines[len(lines)-1] != "kort" {
		t.Fatalf("lines: %q", lines)
	}
	// Continuation lines are indented two more than the line (issue 16,
	// point 9: one way of breaking addresses); nothing else is added.
	plain := strings.Split(ansi.Strip(out), "\n")
	got := plain[0]
	for _, l := range plain[1:] {
		if l != "kort" && !strings.HasPrefix(l, "    ") {
			t.Fatalf("vervolgregel niet ingesprongen: %q", l)
		}
		got += strings.TrimLeft(l, " ")
	}
	if got != ansi.Strip(in)+"kort" {
		t.Fatalf("tekst veranderd: %q", got)
	}
	for _, l := range lines[1 : len(lines)-1] {
		if ansi.StringWidth(l) > 40 {
			t.Fatalf("line too wide: %q", l)
		}
		if !strings.Contains(l, "38;5;33") || !strings.Contains(l, ansi.SetHyperlink(url)) {
			t.Fatalf("color or link lost on %q", l)
		}
	}
}

// Finding 2: while "Maak het venster groter" was shown, keys still
// worked: at 50x14, 3 enter answered a question unseen and saved it.
func TestTooSmallWindowIgnoresKeys(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "enter") // the first question
	mustContain(t, m, "vraag 1 van")
	send(m, keyMsgSize(50, 14))
	mustContain(t, m, "Maak het venster groter")
	press(m, "3", "enter", "esc", "i", "a", "?")
	if len(m.c.answers) != 0 {
		t.Fatalf("answer given in a too small window: %v", m.c.answers)
	}
	if _, err := os.Stat(opt.SessionPath); err == nil {
		t.Fatal("session saved in a too small window")
	}
	send(m, keyMsgSize(80, 24))
	mustContain(t, m, "vraag 1 van", "> 1. ")
	mustNotContain(t, m, "Begrippen", "alle toetsen", "minder toetsen")
	send(m, keyMsgSize(50, 14))
	press(m, "q")
	if !m.quitting {
		t.Fatal("q does not quit in a too small window")
	}
}

// ctrl+c quits too, and when the answers are not saved the question
// whether to quit is shown on the small screen, where j answers it.
func TestTooSmallWindowQuitAsksWhenUnsaved(t *testing.T) {
	opt, _ := testOptions(t)
	blocker := filepath.Join(t.TempDir(), "bestand")
	os.WriteFile(blocker, nil, 0o644)
	opt.SessionPath = filepath.Join(blocker, "sessie.toml") // autosave fails
	m := newSized(opt, 80, 24)
	press(m, "enter", "enter")
	send(m, keyMsgSize(50, 14))
	press(m, "ctrl+c")
	mustContain(t, m, "Maak het venster groter", "Toch stoppen?")
	press(m, "q")
	if !m.quitting || !m.quitUnsaved {
		t.Fatal("q stopt niet")
	}
}

// Finding 3: --verder skipped the warning that the program is open in
// another window (the welcome screen shows it).
func TestResumeWarnsAboutAnotherWindow(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, decision.Answers{"rol": {"docent"}})
	opt.Resume, opt.otherWindow = true, true
	m := newSized(opt, 80, 24)
	mustContain(t, m, "Heeft je instelling beleidskaders", "Dit programma is al open in een ander venster.")
	// Without another window, nothing is said.
	opt2, _ := testOptions(t)
	writeSession(t, opt2, decision.Answers{"rol": {"docent"}})
	opt2.Resume = true
	m = newSized(opt2, 80, 24)
	mustContain(t, m, "Heeft je instelling beleidskaders")
	mustNotContain(t, m, "ander venster")
}

// Finding 4: `afstandswijzer casus NAAM` opened on the review with the
// story scrolled out of view; it opens on the story, enter goes on to
// the answers and esc from there comes back to the story.
func TestCaseOpensOnItsStory(t *testing.T) {
	opt, _ := testOptions(t)
	opt.SessionPath = "-"
	opt.Answers = fullPath(opt.Engine, decision.Answers{"vorm": {"hybride"}})
	opt.Title = "Hybride les Nederlands: een deel van de klas volgt thuis"
	// As long as the stories of the real cases, which did not fit.
	opt.Story = strings.Repeat("Sanne geeft Nederlands bij de opleiding Verzorgende IG, niveau 3. ", 5) + "Ze loopt langs de groepjes."
	m := newSized(opt, 80, 24)
	mustContain(t, m, "Casus: Hybride les Nederlands", opt.Story, "enter")
	mustNotContain(t, m, "> Naar de samenvatting")
	press(m, "enter")
	mustContain(t, m, "Dit antwoordde de docent in de casus", "> Naar de samenvatting")
	press(m, "esc")
	mustContain(t, m, opt.Story)
	// A story longer than the window scrolls; its end is reachable.
	opt.Story = strings.Repeat("Sanne geeft Nederlands bij de opleiding Verzorgende IG, niveau 3. ", 30) + "Dit is het einde."
	m = newSized(opt, 80, 24)
	mustContain(t, m, "Casus: Hybride les Nederlands", "↓ meer")
	mustNotContain(t, m, "Dit is het einde.")
	press(m, "pgdown", "pgdown", "pgdown", "pgdown")
	mustContain(t, m, "Dit is het einde.")
	press(m, "enter")
	mustContain(t, m, "> Naar de samenvatting")
}

// Finding 5: n stuck at "deel 10 van 11" while the last part was on
// screen: at the bottom the last part counts as the current one.
func TestNextSectionReachesTheLastPart(t *testing.T) {
	// At 80x24 the last part starts too low to reach the top line, at
	// 120x40 the last two.
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 15}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			testNextSection(t, size[0], size[1])
		})
	}
}

func testNextSection(t *testing.T, w, h int) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, w, h)
	s := sumOf(t, m)
	n := len(s.starts)
	if n < 3 {
		t.Fatalf("too few parts: %d", n)
	}
	last := "deel " + itoa(n) + " van " + itoa(n)
	for range n + 1 {
		press(m, "n")
	}
	mustContain(t, m, last+" · ", s.doc.Sections[n-1].Title)
	// Counting up one part at a time reaches every part.
	press(m, "g")
	seen := map[string]bool{}
	for range n + 1 {
		for i := 1; i <= n; i++ {
			if strings.Contains(screenText(m), "deel "+itoa(i)+" van "+itoa(n)+" ") {
				seen[itoa(i)] = true
			}
		}
		press(m, "n")
	}
	if len(seen) != n {
		t.Fatalf("n reaches %d of the %d parts: %v", len(seen), n, seen)
	}
	// And p counts back through every part.
	seen = map[string]bool{}
	for range n + 1 {
		for i := 1; i <= n; i++ {
			if strings.Contains(screenText(m), "deel "+itoa(i)+" van "+itoa(n)+" ") {
				seen[itoa(i)] = true
			}
		}
		press(m, "p")
	}
	if len(seen) != n {
		t.Fatalf("p reaches %d of the %d parts: %v", len(seen), n, seen)
	}
	// G counts as the last part too, and p goes back from there.
	press(m, "G")
	mustContain(t, m, last)
	press(m, "p")
	if strings.Contains(screenText(m), last) {
		// The last part's start was reachable: p went there first.
		mustContain(t, m, s.doc.Sections[n-1].Title)
		press(m, "p")
	}
	mustContain(t, m, "deel "+itoa(n-1)+" van "+itoa(n))
}

// Finding 6 and issue 16, point 10: the line printed after quitting
// broke mid-word; now the session path stands on a line of its own,
// whole, also when it is wider than the window, and the command too.
func TestQuitMessageWrapsAtTheWidth(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		opt, _ := testOptions(t)
		m := newSized(opt, w, 24)
		press(m, "enter", "enter") // one answer, saved
		want := "Je antwoorden staan in:\n  " + opt.SessionPath + "\nGa verder met: afstandswijzer --verder"
		if msg := m.quitMessage(); msg != want {
			t.Fatalf("%d kolommen: melding\n%s\nwant\n%s", w, msg, want)
		}
	}
}

// Issue 16, point 10: a path with a space is quoted, and one with an
// escape sequence in a folder name reaches the terminal harmless.
func TestQuitMessageQuotesAndSanitizesThePath(t *testing.T) {
	opt, _ := testOptions(t)
	opt.SessionPath = filepath.Join(t.TempDir(), "mijn map\x1b]0;gehackt\a", "sessie.toml")
	m := newSized(opt, 80, 24)
	press(m, "enter", "enter")
	msg := m.quitMessage()
	if strings.ContainsAny(msg, "\x1b\a") {
		t.Fatalf("escape in de melding: %q", msg)
	}
	lines := strings.Split(msg, "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "  '") || !strings.HasSuffix(lines[1], "sessie.toml'") {
		t.Fatalf("pad niet gequote op een eigen regel: %q", msg)
	}
}

// Finding 8: the help named 1-3 on the welcome screen with two choices
// and 1-9 on a question with five: it names the real range.
func TestHelpNamesTheRealNumberRange(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "?")
	mustContain(t, m, "1-2 naar dat nummer")
	mustNotContain(t, m, "1-3", "1-9")
	press(m, "?", "enter", "?") // the first question: five roles
	n := len(opt.Engine.C.Question("rol").Options)
	mustContain(t, m, "1-"+itoa(n)+" naar dat nummer")
	mustNotContain(t, m, "1-9")
	// With a saved session the welcome menu has three choices.
	writeSession(t, opt, decision.Answers{"rol": {"docent"}})
	m = newSized(opt, 80, 24)
	press(m, "?")
	mustContain(t, m, "1-3 naar dat nummer")
	// The begrippen have no numbers: no number keys there.
	press(m, "?", "i", "?")
	mustNotContain(t, m, "1-9")
}

// Finding 7: the case picker's help said "q/esc stoppen" and ? did
// nothing there; ? shows the full help as on every screen, q stops.
func TestCasePickerHelpAsEverywhere(t *testing.T) {
	cases := []*content.Case{
		{Name: "een", Title: "Hybride les Nederlands", Story: "Een docent Nederlands geeft een hybride les."},
		{Name: "twee", Title: "Examen op afstand", Story: "Een mondeling examen via video."},
	}
	m := newCasePicker(cases, true)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	view := func() string { return ansi.Strip(m.View().Content) }
	for _, want := range []string{"enter openen", "? toetsen", "q stoppen"} {
		if !strings.Contains(view(), want) {
			t.Fatalf("picker lacks %q:\n%s", want, view())
		}
	}
	if strings.Contains(view(), "q/esc") {
		t.Fatalf("q/esc in the short help:\n%s", view())
	}
	if _, cmd := m.Update(keyMsg("?")); cmd != nil || m.chosen != nil {
		t.Fatal("? quits or picks")
	}
	for _, want := range []string{"↑/k omhoog", "1-2 naar dat nummer", "g/home naar het begin", "enter openen", "?/esc minder toetsen", "q stoppen"} {
		if !strings.Contains(flat(view()), want) {
			t.Fatalf("full help lacks %q:\n%s", want, view())
		}
	}
	m.Update(keyMsg("?"))
	if strings.Contains(view(), "minder toetsen") {
		t.Fatalf("? does not close the help:\n%s", view())
	}
	// Issue 16, point 2: esc never quits. This is the first screen, there
	// is nothing to go back to; esc closes the key list, that is all.
	m.Update(keyMsg("?"))
	if _, cmd := m.Update(keyMsg("esc")); cmd != nil || m.chosen != nil || strings.Contains(view(), "minder toetsen") {
		t.Fatalf("esc stopt, of sluit de toetsen niet:\n%s", view())
	}
	if _, cmd := m.Update(keyMsg("esc")); cmd != nil {
		t.Fatal("esc stopt op het eerste scherm")
	}
}
