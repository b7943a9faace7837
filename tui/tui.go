// Package tui presents the decision engine as a full-screen terminal
// program. It holds no decision logic of its own: every question, the
// progress, the verdict and the summary come from decision.Engine.
//
// It may import linemode (TERM=dumb), store, report, decision and
// content; never room or cli.
package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/linemode"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// Options configure Run and NewModel. Only Engine is required; the other
// fields exist so tests (and a future --flag) can keep the program away
// from the real clock, folders and browser.
type Options struct {
	Engine *decision.Engine

	// SessionPath is where the session is autosaved. Empty means
	// os.UserConfigDir()/afstandswijzer/sessie.toml; "-" turns autosave off.
	SessionPath string
	// Dir is the folder the summary, hand-out and answers files are saved
	// in; empty means the current folder.
	Dir string
	// Now gives the date for file names; nil means time.Now.
	Now func() time.Time
	// Open opens an https URL in the browser; nil means the system opener.
	Open func(url string) error
	// NoColor forces a screen without colour. Run also sets it when the
	// NO_COLOR environment variable is non-empty.
	NoColor bool
	// ASCII replaces the symbols ✓ ✗ █ ░ ┃ by ASCII stand-ins. Run sets it
	// for TERM=linux and with NoColor.
	ASCII bool
	// Light starts with light-background styles before the terminal has
	// answered the background query (tests use it for fixed output).
	Light bool

	// Answers, when set, opens the program on the review screen with these
	// answers (a trainer's example case); Title and Story describe the
	// case there. The caller should turn autosave off, so a case never
	// replaces someone's own saved session.
	Answers decision.Answers
	Title   string
	Story   string
	// FromPicker says the case was chosen in PickCase: esc on its story
	// ends Run with ErrBack, and the caller shows the list again.
	FromPicker bool
	// Resume skips the welcome menu and goes on with the saved session,
	// when there is one (afstandswijzer --verder).
	Resume bool
	// Remote is a session over SSH (studiemiddag): the reader sits at
	// another computer. Files would be saved on the trainer's laptop and
	// a browser would open there, so the welcome text says where the
	// answers are kept, the save keys (s, d, a) say the trainer keeps the
	// answers instead of saving, links show their address to copy, and
	// summary renders share the machine with the rest of the room.
	Remote bool

	// extra are program options the tests add (a window size for piped
	// input, which has none).
	extra []tea.ProgramOption

	// OnAnswers, when set, receives the answers after every change
	// instead of the autosave to SessionPath (the SSH room keeps them in
	// memory and writes them behind). SessionPath is still read at start.
	OnAnswers func(decision.Answers)
	// OnCrash, when set, is told about a panic NewModel's guard caught
	// (the SSH room ends only that session and keeps a crash file).
	OnCrash func(value any, stack []byte)

	// LogDir is where a crash report is written; empty means
	// os.UserCacheDir()/afstandswijzer.
	LogDir string

	// Input and Output replace stdin and stdout (tests). The line printed
	// after quitting goes to Output too.
	Input  io.Reader
	Output io.Writer

	// otherWindow is set by Run when another running program has the
	// same session open.
	otherWindow bool
	// pager: only the summary, as a pager (PageSummary).
	pager bool
}

// ErrUnsaved is returned by Run when the reader chose to quit although
// the answers could not be saved; the caller exits with code 1.
var ErrUnsaved = errors.New("je bent gestopt zonder dat je antwoorden zijn bewaard")

// Run starts the interactive program and returns when the user quits.
// After the terminal is restored it prints one line: where the answers
// are and how to continue (nothing when nothing was answered). With
// TERM=dumb, which cannot draw a full screen, it runs the line mode.
func Run(opt Options) error {
	if opt.Engine == nil {
		return errors.New("tui: geen engine")
	}
	if os.Getenv("TERM") == "dumb" {
		return runDumb(opt)
	}
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		// The spec says any non-empty value; colorprofile would read
		// NO_COLOR=yes as "keep colour", so decide here.
		opt.NoColor = true
	}
	if wantASCII(opt.NoColor, os.Getenv("TERM")) {
		opt.ASCII = true
	}
	if opt.SessionPath == "" {
		// Still "" without a config folder; newApp then says so.
		opt.SessionPath = session.DefaultPath()
	}
	if opt.SessionPath != "-" && opt.SessionPath != "" {
		other, release := session.Claim(opt.SessionPath)
		defer release()
		opt.otherWindow = other
	}
	a := newApp(opt)
	if err := runProgram(a, a.c.sessionPath, opt, opt.extra...); err != nil {
		return err
	}
	if a.quitUnsaved {
		return ErrUnsaved
	}
	if a.back {
		return ErrBack
	}
	if msg := a.quitMessage(); msg != "" {
		out := opt.Output
		if out == nil {
			out = os.Stdout
		}
		fmt.Fprintln(out, msg)
	}
	return nil
}

// wantASCII says whether the symbols need ASCII stand-ins: the Linux
// console has no glyphs for them, and without colour the screen runs with
// the Ascii profile.
func wantASCII(noColor bool, term string) bool {
	return noColor || term == "linux"
}

// runDumb serves a terminal that cannot draw a full screen with the line
// mode: the interview, or a case from its review, where the trainer can
// change an answer as on the full screen.
func runDumb(opt Options) error {
	in, out := opt.Input, opt.Output
	if in == nil {
		in = os.Stdin
	}
	if out == nil {
		out = os.Stdout
	}
	resume := linemode.ResumeAsk
	if opt.Resume {
		resume = linemode.ResumeContinue
	}
	intr := make(chan os.Signal, 1)
	signal.Notify(intr, os.Interrupt)
	defer signal.Stop(intr)
	return linemode.Run(linemode.Options{Engine: opt.Engine, In: in, Out: out, Err: os.Stderr, Interrupt: intr,
		SessionPath: opt.SessionPath, Resume: resume, Dir: opt.Dir, Now: opt.Now,
		Answers: opt.Answers, Title: opt.Title, Story: opt.Story})
}

// NewModel returns the model Run shows, under the same panic guard, for a
// caller that runs its own tea.Program (the SSH server of studiemiddag).
// It opens on the welcome screen (or the review, with opt.Answers) and
// autosaves as Run does. It does not read NO_COLOR: the caller chooses the
// colour profile.
func NewModel(opt Options) tea.Model {
	return guard{inner: newApp(opt), crash: &crash{report: opt.OnCrash}}
}

// runProgram runs a model under the guard, with the terminal setup that
// Run and the tests share.
func runProgram(inner tea.Model, session string, opt Options, extra ...tea.ProgramOption) error {
	g := guard{inner: inner, crash: &crash{}}
	p := tea.NewProgram(g, append(append(programOptions(opt), tea.WithFilter(suspendKey)), extra...)...)
	g.crash.program = p
	// Bubble Tea handles SIGINT and SIGTERM; SIGHUP, SIGQUIT and an
	// external SIGTSTP are handled so that the terminal is restored.
	defer handleSignals(p)()
	_, err := p.Run()
	if g.crash.value != nil {
		log := writeCrashLog(opt.LogDir, g.crash)
		msg := "er ging iets mis in het programma"
		if session != "" {
			msg += ". Je antwoorden staan in " + session
		} else {
			msg += ". Je antwoorden zijn niet bewaard"
		}
		if log != "" {
			msg += ". Wat er misging staat in " + log
		}
		return errors.New(msg)
	}
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return nil
	case err != nil:
		return fmt.Errorf("het terminalvenster werkt niet mee: %w", err)
	}
	return nil
}

// crash holds a panic caught by the guard.
type crash struct {
	value   any
	stack   []byte
	program *tea.Program
	report  func(any, []byte) // Options.OnCrash
}

func (c *crash) catch(r any) {
	if c.value == nil {
		c.value, c.stack = r, debug.Stack()
		if c.report != nil {
			c.report(c.value, c.stack)
		}
	}
}

// guard catches a panic in the model, so Bubble Tea can quit normally and
// put the terminal back; the reader gets a short Dutch message and the
// stack trace goes to a log file, not the screen.
type guard struct {
	inner tea.Model
	crash *crash
}

func (g guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.crash.catch(r)
			cmd = tea.Quit
		}
	}()
	return g.inner.Init()
}

func (g guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	m = g
	defer func() {
		if r := recover(); r != nil {
			g.crash.catch(r)
			cmd = tea.Quit
		}
	}()
	if g.crash.value != nil {
		return g, tea.Quit
	}
	inner, cmd := g.inner.Update(msg)
	g.inner = inner
	return g, cmd
}

func (g guard) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			g.crash.catch(r)
			v = tea.NewView("")
			// View runs inside the event loop; quit from outside it.
			if p := g.crash.program; p != nil {
				go p.Quit()
			}
		}
	}()
	if g.crash.value != nil {
		return tea.NewView("")
	}
	return g.inner.View()
}

// writeCrashLog saves the panic and its stack trace; it returns the path,
// or "" when no file could be written.
func writeCrashLog(dir string, c *crash) string {
	if dir == "" {
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "afstandswijzer")
		} else {
			dir = os.TempDir()
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	f, err := os.CreateTemp(dir, "fout-*.log")
	if err != nil {
		return ""
	}
	defer f.Close()
	fmt.Fprintf(f, "afstandswijzer: fout in het programma\n\n%v\n\n%s", c.value, c.stack)
	return f.Name()
}

// programOptions is shared by Run and the tests, so the tests exercise the
// same terminal setup.
func programOptions(opt Options) []tea.ProgramOption {
	var po []tea.ProgramOption
	if opt.NoColor {
		// Ascii keeps bold and reverse but drops every colour, also the
		// ones Glamour emits.
		po = append(po, tea.WithColorProfile(colorprofile.Ascii))
	}
	if opt.Input != nil {
		po = append(po, tea.WithInput(opt.Input))
	}
	if opt.Output != nil {
		po = append(po, tea.WithOutput(opt.Output))
	}
	return po
}
