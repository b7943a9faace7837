package tui

// One test per bug of issue 9 §3 that lives in the full-screen program
// (the line-mode bugs 7, 8 and 11 are tested in tui/plain). Each failed on
// the code before the issue was fixed.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

// Bug 1: "Begin opnieuw", esc back to the welcome screen and "Ga verder"
// brought the old answers back.
func TestBug1StartOverReallyStartsOver(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, decision.Answers{"rol": {"trainer"}, "beleidskaders": {"nee"}})
	m := newSized(opt, 80, 24)
	press(m, "2", "enter", "3", "enter", "esc", "esc")
	mustContain(t, m, "Ga verder waar je was", "Je hebt al 1 vraag beantwoord.")
	press(m, "enter")
	mustContain(t, m, "Heeft je instelling beleidskaders")
	mustNotContain(t, m, "> 2. Nee") // the old answer is gone
	if got := m.c.answers; len(got) != 1 || !slices.Equal(got["rol"], []string{"teamleider"}) {
		t.Fatalf("answers after starting over and resuming: %v", got)
	}
}

// Starting over and going back before answering anything: the old
// session is still on disk, so it is still offered, with its own count.
func TestStartOverThenBackOffersTheOldSession(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, decision.Answers{"rol": {"trainer"}, "beleidskaders": {"nee"}})
	m := newSized(opt, 80, 24)
	press(m, "2", "enter", "esc")
	mustContain(t, m, "Ga verder waar je was", "Je hebt al 2 vragen beantwoord.")
	press(m, "enter")
	if !slices.Equal(m.c.answers["rol"], []string{"trainer"}) {
		t.Fatalf("answers: %v", m.c.answers)
	}
}

// Bug 2: the explanation was cut off on small windows with no way to
// scroll; now pgdn scrolls it and the help line says so.
func TestBug2ExplanationScrolls(t *testing.T) {
	opt, _ := testOptions(t)
	a := fullPath(opt.Engine, nil)
	delete(a, "urennorm") // the longest explanation
	writeSession(t, opt, a)
	m := newSized(opt, 80, 24)
	press(m, "enter", "w")
	mustContain(t, m, "Waarom we dit vragen", "↓ meer", "pgdn/pgup uitleg lezen")
	words := strings.Fields(opt.Engine.C.Question("urennorm").Background)
	last := strings.Join(words[len(words)-4:], " ")
	mustNotContain(t, m, last)
	press(m, "pgdown", "pgdown", "pgdown")
	mustContain(t, m, last, "↑ meer")
	mustContain(t, m, "> 1. Nee") // the choices stay in view
	press(m, "pgup", "pgup", "pgup")
	mustContain(t, m, "Waarom we dit vragen")
}

// Bug 3: the search field was hidden under "↑ meer" until you typed.
func TestBug3SearchFieldAlwaysVisible(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "down", "enter", "G", "/")
	mustContain(t, m, "Zoek: ▏")
}

// Bug 4: Glamour wrapped a word of a quote outside its frame ("wordt" at
// 80 columns, "moet" at 120). A block quote rendered as the summary is
// rendered keeps every line inside the quote's indent.
func TestBug4QuotesKeepTheirFrame(t *testing.T) {
	quote := "Studenten hebben geen instemmingsrecht op de keuze voor afstandsonderwijs, tenzij het een onderwijsprogramma betreft waarin wordt afgeweken van de urennorm. Het bevoegd gezag moet de kwaliteit van het onderwijs bewaken, ook als het op afstand wordt gegeven en moet daarover verantwoording afleggen."
	doc := report.Document{Title: "Citaat", Sections: []report.Section{{Title: "Regel", Body: "Tekst ervoor.\n\n> " + quote + "\n\nTekst erna.\n"}}}
	for _, width := range []int{80, 120} {
		out := renderDoc(newRendererPool(), renderKey{width: width}, doc)
		lines := strings.Split(ansi.Strip(out.text), "\n")
		first := -1
		for i, l := range lines {
			if strings.Contains(l, "Studenten hebben") {
				first = i
			}
		}
		if first < 0 {
			t.Fatalf("quote not found:\n%s", out.text)
		}
		indent := len(lines[first]) - len(strings.TrimLeft(lines[first], " │┃"))
		got := ""
		for _, l := range lines[first:] {
			if strings.TrimSpace(l) == "" {
				break
			}
			if in := len(l) - len(strings.TrimLeft(l, " │┃")); in != indent {
				t.Fatalf("%d columns: %q is outside the quote (indent %d, not %d)", width, l, in, indent)
			}
			if ansi.StringWidth(l) > width {
				t.Fatalf("%d columns: line too wide: %q", width, l)
			}
			got += " " + strings.TrimSpace(strings.TrimLeft(l, " │┃"))
		}
		if flat(got) != quote {
			t.Fatalf("%d columns: quote not whole:\n%q", width, got)
		}
	}
}

// Bug 6: status lines broke paths and URLs at hyphens. A path that fits
// stands whole on a line; a longer one is broken at the window width
// only, so all of it is visible.
func TestBug6PathsAreNotBroken(t *testing.T) {
	opt, _ := testOptions(t)
	opt.Dir = filepath.Join(opt.Dir, "een-map-met-streepjes-erin", "nog-een-map-met-streepjes")
	os.MkdirAll(opt.Dir, 0o755)
	want := filepath.Join(opt.Dir, "afstandswijzer-samenvatting-2026-11-22.md")
	if len(want) <= 80 {
		t.Fatalf("the path must be longer than 80 characters: %s", want)
	}
	wide := len(want) + 2
	m := openSummary(t, opt, wide, 24)
	press(m, "o")
	found := false
	for _, l := range strings.Split(screenText(m), "\n") {
		if strings.TrimSpace(l) == want {
			found = true
		}
	}
	if !found {
		t.Fatalf("the path is not whole on a line of its own:\n%s", screenText(m))
	}
	send(m, keyMsgSize(80, 24))
	mustShow(t, m, want)
	for _, l := range visibleLines(m) {
		if i := strings.Index(want, strings.TrimSpace(l)); i >= 0 && strings.TrimSpace(l) != "" && i+len(strings.TrimSpace(l)) < len(want) && ansi.StringWidth(l) != 80 {
			t.Fatalf("the path is not broken at the window width: %q\n%s", l, screenText(m))
		}
	}
}

// Bug 9: a resize on the summary kept the percentage, not the section.
func TestBug9ResizeKeepsTheSection(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 120, 40)
	s := sumOf(t, m)
	press(m, "n", "n", "n", "n")
	sec := s.doc.Sections[3].Title
	mustContain(t, m, sec)
	press(m, "down", "down")
	for _, size := range [][2]int{{80, 24}, {60, 20}, {140, 50}, {120, 40}} {
		send(m, keyMsgSize(size[0], size[1]))
		if a := s.section(s.vp.YOffset()); a.section != 3 {
			t.Fatalf("after %dx%d in part %d, not in part 4 (%s)", size[0], size[1], a.section+1, sec)
		}
		mustContain(t, m, "deel 4 van")
	}
}

// Bug 10: the links list did not follow the summary, and g/G/pgup/pgdn
// did nothing there.
func TestBug10LinksFollowTheSummary(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 80, 40)
	// Without white space: Glamour may break a long URL over two lines.
	text := strings.Join(strings.Fields(ansi.Strip(sumOf(t, m).vp.GetContent())), "")

	press(m, "l")
	links := m.top().(*linksScreen).links
	// From the sources section on, each link comes after the one before.
	pos := strings.Index(text, "Hulpenbronnen")
	if pos < 0 {
		t.Fatal("no part with sources")
	}
	for _, r := range links {
		i := strings.Index(text[pos:], r.URL)
		if i < 0 {
			t.Fatalf("links not in the order of the summary: %s", r.URL)
		}
		pos += i
	}
	press(m, "G")
	mustContain(t, m, "> "+itoa(len(links))+". ")
	press(m, "g")
	mustContain(t, m, "> 1. ")
	press(m, "pgdown")
	if c := m.top().(*linksScreen).list.cursor; c == 0 {
		t.Fatal("pgdn does not move")
	}
}

// runWithInput runs the program on piped keys and returns what it wrote,
// or fails when it does not end.
func runWithInput(t *testing.T, opt Options, keys string) (string, error) {
	t.Helper()
	out := &syncBuf{}
	in, inW := io.Pipe()
	opt.Input, opt.Output = in, out
	opt.extra = []tea.ProgramOption{tea.WithWindowSize(200, 40)} // wide: the message stays on one line
	done := make(chan error, 1)
	go func() { done <- Run(opt) }()
	// Wait for the first screen before typing: keys sent earlier can
	// arrive before the terminal is set up. Then each key is sent once
	// the screen has answered the one before (every key in these tests
	// changes the screen or ends the program), so no sleep paces them.
	waitFor := func(what string, ok func(string) bool) {
		deadline := time.Now().Add(30 * time.Second)
		for !ok(out.String()) {
			select {
			case err := <-done:
				done <- err // the program ended: the caller reads it below
				return
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %s within 30 s:\n%q", what, out.String())
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	waitFor("first screen", func(s string) bool { return strings.Contains(s, "\x1b[?1049h") })
	for _, k := range keys {
		before := len(out.String())
		// A pipe write waits for a reader; after the program ends there
		// is none, so write aside and let waitFor notice the end.
		go inW.Write([]byte(string(k)))
		waitFor(fmt.Sprintf("answer to key %q", k), func(s string) bool { return len(s) > before })
	}
	select {
	case err := <-done:
		inW.Close()
		return out.String(), err
	case <-time.After(10 * time.Second):
		t.Fatalf("the program does not stop:\n%q", out.String())
	}
	return "", nil
}

// Bug 12: quitting printed nothing; now one line after the terminal is
// restored says where the answers are and how to continue.
func TestBug12QuitSaysWhereAnswersAre(t *testing.T) {
	opt, _ := testOptions(t)
	out, err := runWithInput(t, opt, "\r\rq")
	if err != nil {
		t.Fatal(err)
	}
	leave := strings.LastIndex(out, "\x1b[?1049l")
	want := "Je antwoorden staan in:\n  " + opt.SessionPath + "\nGa verder met: afstandswijzer --verder"
	if leave < 0 || !strings.Contains(out[leave:], want) {
		t.Fatalf("no message after restoring the terminal:\n%q", out)
	}
	// Nothing answered: nothing said.
	opt2, _ := testOptions(t)
	out, _ = runWithInput(t, opt2, "q")
	if strings.Contains(out, "Je antwoorden staan in") {
		t.Fatalf("message without answers:\n%q", out)
	}
}

// Quitting with answers that could not be saved asks first and ends with
// ErrUnsaved (exit code 1).
func TestQuitUnsavedIsAnError(t *testing.T) {
	opt, _ := testOptions(t)
	blocker := filepath.Join(t.TempDir(), "bestand")
	os.WriteFile(blocker, nil, 0o644)
	opt.SessionPath = filepath.Join(blocker, "sessie.toml")
	_, err := runWithInput(t, opt, "\r\rqq")
	if err != ErrUnsaved {
		t.Fatalf("err = %v, want ErrUnsaved", err)
	}
}

// Bug 5: TERM=dumb started the full-screen program; it gets the line mode.
func TestBug5DumbTerminalGetsLineMode(t *testing.T) {
	t.Setenv("TERM", "dumb")
	opt, _ := testOptions(t)
	var out bytes.Buffer
	opt.Input, opt.Output = strings.NewReader("stop\n"), &out
	done := make(chan error, 1)
	go func() { done <- Run(opt) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the program does not stop")
	}
	if s := out.String(); strings.Contains(s, "\x1b[") || !strings.Contains(s, "eenvoudige weergave") {
		t.Fatalf("no line mode with TERM=dumb:\n%q", s)
	}
}

// Bug 11 in the full-screen program: the session after a change that
// drops an answer, and the answers saved with a, load with the options
// samenvatting --antwoorden uses, the dropped answer listed as such.
func TestBug11FilesLoadInEveryCommand(t *testing.T) {
	opt, _ := testOptions(t)
	e := opt.Engine
	writeSession(t, opt, fullPath(e, decision.Answers{"beleidskaders": {"ja"}, "kaders_passen": {"past"}}))
	m := newSized(opt, 80, 24)
	press(m, "enter", "g", "down", "enter", "2", "enter", "a") // beleidskaders: nee
	saved := filepath.Join(opt.Dir, "afstandswijzer-antwoorden-2026-11-22.toml")
	for _, path := range []string{opt.SessionPath, saved} {
		a, err := e.ParseAnswers(path, mustRead(t, path), decision.ParseOptions{})
		if err != nil {
			t.Fatalf("%s does not load: %v", path, err)
		}
		if d := e.Summarize(a).Dropped; len(d) != 1 || d[0].ID != "kaders_passen" {
			t.Fatalf("%s: dropped = %v", path, d)
		}
	}
}

// A session path with terminal control characters (from the environment)
// reaches the screen without them.
func TestHostilePathIsCleaned(t *testing.T) {
	opt, _ := testOptions(t)
	opt.SessionPath = filepath.Join(t.TempDir(), "map\x1b]0;pwned\x07", "bestand")
	os.MkdirAll(filepath.Dir(opt.SessionPath), 0o755)
	os.WriteFile(opt.SessionPath, nil, 0o644)
	opt.SessionPath = filepath.Join(opt.SessionPath, "sessie.toml") // a file as folder
	m := newSized(opt, 120, 40)
	press(m, "enter", "enter")
	if s := m.View().Content; strings.Contains(s, "\x1b]0;") || strings.Contains(s, "\x07") {
		t.Fatalf("control characters from the path on the screen: %q", s)
	}
	mustContain(t, m, "Je antwoorden worden niet bewaard")
}

// TERM=dumb with a case: the line mode opens the case's review, so the
// trainer can still change an answer (it printed the summary at once).
func TestDumbTerminalCaseStartsOnReview(t *testing.T) {
	t.Setenv("TERM", "dumb")
	opt, _ := testOptions(t)
	opt.SessionPath = "-"
	opt.Answers = fullPath(opt.Engine, nil)
	opt.Title, opt.Story = "Een testcasus", "Een docent probeert iets uit."
	var out bytes.Buffer
	opt.Input, opt.Output = strings.NewReader("\n"), &out
	_ = Run(opt) // input ends at the save question; only the text counts here
	for _, want := range []string{"Een testcasus", "Dit antwoordde de docent in de casus:", "Klopt dit?"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("line mode lacks %q:\n%s", want, out.String())
		}
	}
}
