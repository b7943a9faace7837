package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// The tests use a frozen copy of the content (testdata/inhoud), so golden
// files change only when the screens change, not when the texts do.
var (
	fixtureOnce sync.Once
	fixture     *content.Content
	fixtureErr  error
)

func testEngine(tb testing.TB) *decision.Engine {
	tb.Helper()
	fixtureOnce.Do(func() {
		fixture, fixtureErr = content.Load(os.DirFS(filepath.Join("testdata", "inhoud")))
	})
	if fixtureErr != nil {
		tb.Fatalf("test content does not load: %v", fixtureErr)
	}
	return decision.New(fixture)
}

var testDate = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// fakeOpener records the URLs it was asked to open.
type fakeOpener struct {
	mu   sync.Mutex
	urls []string
	err  error
}

func (f *fakeOpener) open(u string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.urls = append(f.urls, u)
	return f.err
}

func testOptions(tb testing.TB) (Options, *fakeOpener) {
	tb.Helper()
	dir := tb.TempDir()
	op := &fakeOpener{}
	return Options{
		Engine:      testEngine(tb),
		SessionPath: filepath.Join(dir, "config", "afstandswijzer", "sessie.toml"),
		Dir:         filepath.Join(dir),
		Now:         func() time.Time { return testDate },
		Open:        op.open,
	}, op
}

// newSized returns a program that has seen a window size, as after start.
func newSized(opt Options, w, h int) *app {
	m := newApp(opt)
	send(m, m.Init())
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// send delivers msg and then, like the program loop, the messages of the
// commands that come back (navigation, a rendered summary, an opened
// link), until none are left. Quit, clipboard and terminal queries are
// left out: they only talk to the terminal.
//
// What send cannot see, because it is not Bubble Tea's loop: messages of
// other packages that commands return (it keeps only tui.* messages, so a
// tea.Sequence, a tea.WindowSizeMsg or a clipboard reply from a command
// is dropped), the order in which the real loop runs concurrent batch
// commands, the renderer (what reaches the terminal), and timing. Those
// are covered through the real program: the teatest goldens
// (golden_test.go, a real tea.Program), runWithInput (Run on a pipe) and
// the tmux end-to-end tests (e2e_test.go, the real binary in a terminal).
func send(m *app, msg tea.Msg) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		msg, queue = queue[0], queue[1:]
		var cmd tea.Cmd
		switch msg := msg.(type) {
		case nil:
			continue
		case tea.Cmd:
			cmd = msg
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					queue = append(queue, c)
				}
			}
			continue
		default:
			_, cmd = m.Update(msg)
		}
		if cmd == nil {
			continue
		}
		switch out := cmd().(type) {
		case tea.QuitMsg:
			m.quitting = true
		case tea.BatchMsg:
			for _, c := range out {
				if c != nil {
					queue = append(queue, c)
				}
			}
		default:
			if strings.HasPrefix(fmt.Sprintf("%T", out), "tui.") {
				queue = append(queue, out)
			}
		}
	}
}

// keyMsg turns a key name ("enter", "esc", "space", "up", "x") into the
// message Bubble Tea sends for it.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// press sends keys through Update and handles the commands that come
// back, like the program would.
func press(m *app, keys ...string) {
	for _, k := range keys {
		send(m, keyMsg(k))
	}
}

func screenText(m *app) string { return ansi.Strip(m.View().Content) }

// flat joins wrapped lines, so a test does not depend on where text wraps.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func mustContain(t *testing.T, m *app, want ...string) {
	t.Helper()
	s := screenText(m)
	for _, w := range want {
		if !strings.Contains(s, w) && !strings.Contains(flat(s), flat(w)) {
			t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func mustNotContain(t *testing.T, m *app, bad ...string) {
	t.Helper()
	s := screenText(m)
	for _, w := range bad {
		if strings.Contains(s, w) {
			t.Fatalf("screen contains %q, but should not:\n%s", w, s)
		}
	}
}

// writeSession saves answers as the autosaved session.
func writeSession(t *testing.T, opt Options, a decision.Answers) {
	t.Helper()
	if err := session.Save(opt.SessionPath, opt.Engine.FormatAnswers(a)); err != nil {
		t.Fatal(err)
	}
}

// fullPath answers every question with its first option, following the
// path the engine derives; multiple choice gets the first option.
func fullPath(e *decision.Engine, override decision.Answers) decision.Answers {
	a := decision.Answers{}
	for k, v := range override {
		a[k] = v
	}
	for q := e.Next(a); q != nil; q = e.Next(a) {
		a[q.ID] = []string{q.Options[0].Value}
	}
	return a
}

func keyMsgSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
