package tui

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// TestGolden drives the real program loop with teatest for every screen at
// 80x24 and 120x40 and compares the final screen text with
// testdata/TestGolden/*.golden. `go test ./tui/ -update` rewrites them.
func TestGolden(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	partial := decision.Answers{"rol": {"docent"}, "beleidskaders": {"nee"}, "vorm": {"synchroon"}}
	full := fullPath(e, decision.Answers{"beleidskaders": {"ja"}, "kaders_passen": {"verandert"}})
	// Everything but urennorm, which has the longest explanation.
	beforeNorm := fullPath(e, nil)
	delete(beforeNorm, "urennorm")
	cases := []struct {
		name    string
		session decision.Answers
		keys    []string
	}{
		{"welkom", nil, nil},
		{"welkom-verder", partial, nil},
		{"vraag", nil, []string{"enter", "down"}},
		{"vraag-waarom", nil, []string{"enter", "w"}},
		{"vraag-waarom-lang", beforeNorm, []string{"enter", "w"}},
		{"vraag-waarom-verder", beforeNorm, []string{"enter", "w", "pgdown"}},
		{"vraag-toetsen", nil, []string{"enter", "?"}},
		{"meerkeuze", partial, []string{"enter", "1", "down", "down", "space"}},
		{"controle", full, []string{"enter"}},
		{"controle-gewijzigd", full, []string{"enter", "g", "down", "enter", "2", "enter", "G"}},
		{"samenvatting", full, []string{"enter", "v", "wacht"}},
		{"samenvatting-deel", full, []string{"enter", "v", "wacht", "n", "n"}},
		{"samenvatting-toetsen", full, []string{"enter", "v", "wacht", "?"}},
		{"samenvatting-opgeslagen", full, []string{"enter", "v", "wacht", "o"}},
		{"links", full, []string{"enter", "v", "wacht", "l", "down"}},
		{"links-einde", full, []string{"enter", "v", "wacht", "l", "G"}},
		{"begrippen", nil, []string{"i"}},
		{"stoppen-vragen", nil, []string{"enter", "enter", "q"}},
		{"casus", nil, nil},
		{"casus-antwoorden", nil, []string{"enter"}},
		{"bronnen", nil, []string{"down", "enter"}},
		{"bronnen-zoeken", nil, []string{"down", "enter", "/", "p", "r", "i"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s-%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				opt, _ := testOptions(t)
				if c.session != nil {
					writeSession(t, opt, c.session)
				}
				// Paths on screen must be the same on every run: a fixed
				// folder instead of t.TempDir().
				fixed := filepath.Join(goldenTmp(), "afstandswijzer-golden", fmt.Sprintf("%s-%dx%d", c.name, size[0], size[1]))
				os.RemoveAll(fixed)
				os.MkdirAll(fixed, 0o755)
				t.Cleanup(func() { os.RemoveAll(fixed) })
				opt.Dir = fixed
				if strings.HasPrefix(c.name, "casus") {
					opt.Answers = fullPath(e, decision.Answers{"vorm": {"hybride"}})
					opt.Title = "Hybride les Nederlands"
					opt.Story = "Een docent Nederlands geeft een les aan een klas waarvan de helft in het lokaal zit en de helft thuis meedoet via een videoverbinding."
					opt.SessionPath = "-"
				}
				if strings.HasPrefix(c.name, "stoppen") {
					// A file where the folder should be: the autosave fails.
					blocker := filepath.Join(fixed, "bestand")
					os.WriteFile(blocker, nil, 0o644)
					opt.SessionPath = filepath.Join(blocker, "sessie.toml")
				}
				golden.RequireEqual(t, runKeys(t, opt, size[0], size[1], c.keys))
			})
		}
	}
	t.Run("casus-kiezen-80x24", func(t *testing.T) {
		t.Parallel()
		// Cases of its own: the golden must not change with the content.
		cases := []*content.Case{
			{Name: "hybride", Title: "Hybride les Nederlands", Story: "Een docent Nederlands geeft een les aan een klas waarvan de helft in het lokaal zit en de helft thuis meedoet via een videoverbinding."},
			{Name: "examen", Title: "Een mondeling examen op afstand", Story: "Een student doet een mondeling examen via video, omdat ze in het buitenland stage loopt."},
		}
		tm := teatest.NewTestModel(t, newCasePicker(cases, false), teatest.WithInitialTermSize(80, 24),
			teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
		tm.Send(keyMsg("down"))
		if err := tm.Quit(); err != nil {
			t.Fatal(err)
		}
		final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*casePicker)
		lines := strings.Split(ansi.Strip(final.View().Content), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		golden.RequireEqual(t, strings.Join(lines, "\n")+"\n")
	})
	t.Run("te-klein-59x14", func(t *testing.T) {
		opt, _ := testOptions(t)
		golden.RequireEqual(t, runKeys(t, opt, 59, 14, nil))
	})
}

// runKeys runs the program with teatest, sends keys, quits and returns the
// final screen as plain text (colours are fixed to Ascii and stripped; the
// clock never reaches the screen).
func runKeys(t *testing.T, opt Options, w, h int, keys []string) string {
	t.Helper()
	m := newApp(opt)
	po := append(programOptions(opt), tea.WithColorProfile(colorprofile.Ascii))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h), teatest.WithProgramOptions(po...))
	for _, k := range keys {
		if k == "wacht" {
			// The summary renders in a command: wait until it is shown.
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
				return bytes.Contains(b, []byte("gelezen")) || bytes.Contains(b, []byte("alles in beeld"))
			}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
			continue
		}
		tm.Send(keyMsg(k))
	}
	// Messages are handled in order, so every key is done before Quit.
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*app)
	final.quitting = false // the last frame, as before the quit
	out := ansi.Strip(final.View().Content)
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// panicky wraps the real model and panics on "!" in Update, or on "?" in
// the next View, to check that a crash leaves the terminal usable.
type panicky struct {
	*app
	viewPanic *bool
}

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "!" {
		panic("test")
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "?" {
		*p.viewPanic = true
	}
	_, cmd := p.app.Update(msg)
	return p, cmd
}

func (p panicky) View() tea.View {
	if *p.viewPanic {
		panic("test in view")
	}
	return p.app.View()
}

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestPanicRestoresTerminal(t *testing.T) {
	for _, key := range []string{"!", "?"} {
		t.Run("key "+key, func(t *testing.T) {
			// Bubble Tea would print the panic to stderr; the guard must not
			// let it get that far.
			r, w, _ := os.Pipe()
			oldErr := os.Stderr
			os.Stderr = w
			defer func() { os.Stderr = oldErr }()

			opt, _ := testOptions(t)
			opt.LogDir = t.TempDir()
			in, inW := io.Pipe()
			out := &syncBuf{}
			opt.Input, opt.Output = in, out
			opt2 := opt
			done := make(chan error, 1)
			flag := false
			go func() {
				done <- runProgram(panicky{newApp(opt2), &flag}, opt.SessionPath, opt, tea.WithWindowSize(80, 24))
			}()
			deadline := time.Now().Add(5 * time.Second)
			for !strings.Contains(out.String(), "Begin met de vragen") {
				if time.Now().After(deadline) {
					t.Fatal("no first screen")
				}
				time.Sleep(10 * time.Millisecond)
			}
			inW.Write([]byte(key))
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("program does not stop after a panic")
			}
			w.Close()
			stderr, _ := io.ReadAll(r)
			if err == nil || !strings.Contains(err.Error(), "er ging iets mis") || !strings.Contains(err.Error(), opt.SessionPath) {
				t.Fatalf("message: %v", err)
			}
			if strings.Contains(err.Error(), "goroutine") || strings.Contains(string(stderr), "goroutine") {
				t.Fatalf("stack trace on screen: %v\n%s", err, stderr)
			}
			logs, _ := filepath.Glob(filepath.Join(opt.LogDir, "fout-*.log"))
			if len(logs) != 1 || !strings.Contains(err.Error(), logs[0]) {
				t.Fatalf("log file %v not named in %v", logs, err)
			}
			if data, _ := os.ReadFile(logs[0]); !strings.Contains(string(data), "goroutine") {
				t.Fatalf("log has no stack trace:\n%s", data)
			}
			s := out.String()
			enter := strings.LastIndex(s, "\x1b[?1049h")
			leave := strings.LastIndex(s, "\x1b[?1049l")
			if enter < 0 || leave < enter {
				t.Fatalf("alternate screen not left (entered %d, left %d)", enter, leave)
			}
			if !strings.Contains(s[enter:], "\x1b[?25h") {
				t.Fatal("cursor not restored")
			}
		})
	}
}

// goldenTmp is /tmp where it exists, whatever TMPDIR says, so paths on
// screen (and their wrapping) are the same on every machine.
func goldenTmp() string {
	if fi, err := os.Stat("/tmp"); err == nil && fi.IsDir() {
		return "/tmp"
	}
	return os.TempDir()
}
