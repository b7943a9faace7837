package room

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// path answers every question with option pick(q) until complete.
func path(e *decision.Engine, pick func(n int) int) decision.Answers {
	a := decision.Answers{}
	for q := e.Next(a); q != nil; q = e.Next(a) {
		a, _ = e.Set(a, q.ID, q.Options[pick(len(q.Options))].Value)
	}
	return a
}

// testRoom is a room with three participants: Anna (done), Bob (two
// answers, gone) and Cas (done, other answers).
func testRoom(t *testing.T) *room {
	t.Helper()
	e := testEngine(t)
	r, err := newRoom(e, t.TempDir(), 40, func() time.Time { return testDate }, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	r.cases = []caseInfo{firstCase(t, e)}
	first := path(e, func(int) int { return 0 })
	last := path(e, func(n int) int { return n - 1 })
	partial := decision.Answers{}
	for range 2 {
		q := e.Next(partial)
		partial, _ = e.Set(partial, q.ID, q.Options[0].Value)
	}
	for name, a := range map[string]decision.Answers{"Anna": first, "Bob": partial, "Cas": last} {
		p := joinDirect(t, r, name)
		if err := r.start(p, a); err != nil {
			t.Fatal(err)
		}
		if name == "Bob" {
			r.leave(p)
		}
	}
	return r
}

var testInfo = roomInfo{
	Code:        "KM7PXA",
	Joins:       []string{"ssh -p 2323 naam@192.168.1.20", "ssh -p 2323 naam@10.0.0.7"},
	Fingerprint: "SHA256:Zm9ydHlvbmUgY2hhcmFjdGVycyBvZiBhIGZpbmdlcnByaW50",
	Dir:         "/home/trainer/studiemiddag-2026-11-26",
	Max:         40,
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// runDash drives the dashboard with teatest and returns the final screen
// as plain text, and the model.
func runDash(t *testing.T, r *room, info roomInfo, w, h int, keys ...string) (string, *dashModel) {
	t.Helper()
	m := newDashboard(r, info, r.now, true)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*dashModel)
	lines := strings.Split(ansi.Strip(final.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n", final
}

func TestDashboardGolden(t *testing.T) {
	cases := []struct {
		name  string
		empty bool
		w, h  int
		keys  []string
	}{
		{"leeg", true, 80, 24, nil},
		{"zaal", false, 80, 24, nil},
		{"zaal-groot", false, 100, 32, nil},
		{"selectie", false, 80, 24, []string{"down", "down", "space", "up", "up", "space"}},
		{"stoppen", false, 80, 24, []string{"q"}},
		{"toetsen", false, 80, 24, []string{"?"}},
		{"vergelijken-toetsen", false, 80, 24, []string{"v", "?"}},
		{"verwijderen", false, 80, 24, []string{"down", "x"}},
		{"vergelijken", false, 120, 40, []string{"v"}},
		{"vergelijken-smal", false, 80, 24, []string{"v"}},
		{"te-klein", false, 39, 11, nil},
		{"ronde-kiezen", false, 80, 24, []string{"r", "down"}},
		{"ronde-toetsen", false, 80, 24, []string{"r", "?"}},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s-%dx%d", c.name, c.w, c.h), func(t *testing.T) {
			var r *room
			if c.empty {
				var err error
				r, err = newRoom(testEngine(t), t.TempDir(), 40, func() time.Time { return testDate }, caseInfo{})
				if err != nil {
					t.Fatal(err)
				}
			} else {
				r = testRoom(t)
			}
			out, _ := runDash(t, r, testInfo, c.w, c.h, c.keys...)
			golden.RequireEqual(t, out)
		})
	}
}

func TestDashboardTally(t *testing.T) {
	r := testRoom(t)
	out, _ := runDash(t, r, testInfo, 100, 40)
	// Everyone with answers has the rules without a condition.
	if !strings.Contains(out, "3 van 3: Het bestuur is verantwoordelijk voor de kwaliteit") {
		t.Errorf("tally missing:\n%s", out)
	}
	for _, want := range []string{"anna", "bob", "cas", "klaar", "vraag 3 van", "weg", "KM7PXA", "ssh -p 2323 naam@192.168.1.20", testInfo.Fingerprint} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing:\n%s", want, out)
		}
	}
}

func TestDashboardStopAsksFirst(t *testing.T) {
	r := testRoom(t)
	// n cancels: the program is still running, so Quit ends it normally.
	_, m := runDash(t, r, testInfo, 80, 24, "q", "n")
	if m.mode != modeMain {
		t.Errorf("after q, n: mode %d", m.mode)
	}
	// q, q quits by itself: FinalModel returns without our Quit being
	// needed (it is sent anyway and is harmless).
	_, m = runDash(t, r, testInfo, 80, 24, "q", "q")
	if m.mode != modeStop {
		t.Errorf("after q, q: mode %d", m.mode)
	}
	// j means down everywhere: it never answers yes.
	_, m = runDash(t, r, testInfo, 80, 24, "q", "j")
	if m.mode != modeMain {
		t.Errorf("after q, j: mode %d, want the dashboard again", m.mode)
	}
}

func TestDashboardRemove(t *testing.T) {
	r := testRoom(t)
	// Rows are sorted by file name: anna, bob, cas.
	// j (down) does not remove; x again does.
	if _, m := runDash(t, r, testInfo, 80, 24, "down", "x", "j"); len(m.rows) != 3 {
		t.Errorf("x, j removed a participant: %+v", m.rows)
	}
	_, m := runDash(t, r, testInfo, 80, 24, "down", "x", "x")
	if len(m.rows) != 2 || m.rows[1].File != "cas" {
		t.Errorf("after deleting: %+v", m.rows)
	}
	if _, err := os.Stat(filepath.Join(r.dir, "bob.toml")); !os.IsNotExist(err) {
		t.Errorf("bob.toml still in the directory: %v", err)
	}
	moved, _ := filepath.Glob(filepath.Join(r.dir, removedDir, "bob-*.toml"))
	if len(moved) != 2 {
		t.Errorf("moved files: %v", moved)
	}
	// vergelijk MAP/*.toml now sees only anna and cas.
	left, _ := filepath.Glob(filepath.Join(r.dir, "*.toml"))
	if len(left) != 2 {
		t.Errorf("in the directory: %v", left)
	}
}

func TestDashboardHandout(t *testing.T) {
	r := testRoom(t)
	_, m := runDash(t, r, testInfo, 80, 24, "h", "h")
	files, _ := filepath.Glob(filepath.Join(r.dir, "vergelijking-2026-11-26*.html"))
	if len(files) != 2 {
		t.Fatalf("hand-outs: %v (status %q)", files, m.status)
	}
	data, _ := os.ReadFile(files[0])
	for _, want := range []string{"<html", "anna", "bob", "cas", "Vergelijking van antwoorden"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("handout lacks %q", want)
		}
	}
	// Selecting two compares only those two.
	_, m = runDash(t, r, testInfo, 120, 40, "space", "down", "down", "space", "v")
	if strings.Join(m.cmpCols, ",") != "anna,cas" {
		t.Errorf("compared: %v", m.cmpCols)
	}
}

// TestRunWithDashboard runs the real Run with the dashboard on a pipe: a
// participant joins, the dashboard shows them, and q, j stops the room
// with the goodbye screen.
func TestRunWithDashboard(t *testing.T) {
	cfg := testConfig(t)
	inR, inW := io.Pipe()
	out := &syncBuffer{}
	cfg.Stdin, cfg.Stdout, cfg.IsTerminal, cfg.NoColor = inR, out, true, true
	cfg.winSize = [2]int{80, 24}
	ready := make(chan *server, 1)
	cfg.ready = func(s *server) { ready <- s }
	done := make(chan error, 1)
	go func() { done <- Run(context.Background(), cfg) }()
	var s *server
	select {
	case s = <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	}
	tm := openTerm(t, s, "dirk", true)
	tm.join(s.room, "dirk")
	waitFor(t, "dirk on the dashboard", func() bool { return strings.Contains(ansi.Strip(out.String()), "dirk") }, out.String)
	inW.Write([]byte("q"))
	waitFor(t, "the quit question", func() bool { return strings.Contains(ansi.Strip(out.String()), "Stoppen?") }, out.String)
	inW.Write([]byte("q"))
	tm.waitText("De trainer heeft de studiemiddag gestopt")
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run does not stop after q, j")
	}
	tm.waitClosed()
}
