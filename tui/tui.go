// Package tui presents the decision engine as a full-screen terminal
// program. It holds no decision logic of its own: every question, the
// progress, the verdict and the summary come from decision.Engine.
package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Options configure Run. Only Engine is required; the other fields exist so
// tests (and a future --flag) can keep the program away from the real
// clock, folders and browser.
type Options struct {
	Engine *decision.Engine

	// SessionPath is where the session is autosaved. Empty means
	// os.UserConfigDir()/afstandswijzer/sessie.toml; "-" turns autosave off.
	SessionPath string
	// Dir is the folder the summary and answers files are saved in; empty
	// means the current folder.
	Dir string
	// Now gives the date for file names; nil means time.Now.
	Now func() time.Time
	// Open opens an https URL in the browser; nil means the system opener.
	Open func(url string) error
	// NoColor forces a screen without colour. Run also sets it when the
	// NO_COLOR environment variable is non-empty.
	NoColor bool
	// Light starts with light-background styles before the terminal has
	// answered the background query (tests use it for fixed output).
	Light bool

	// Answers, when set, opens the program on the review screen with these
	// answers (a trainer's example case); Title names the case there. The
	// caller should turn autosave off, so a case never replaces someone's
	// own saved session.
	Answers decision.Answers
	Title   string

	// Input and Output replace stdin and stdout (tests).
	Input  io.Reader
	Output io.Writer
}

// Run starts the interactive program and returns when the user quits.
func Run(opt Options) error {
	if opt.Engine == nil {
		return errors.New("tui: geen engine")
	}
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		// The spec says any non-empty value; colorprofile would read
		// NO_COLOR=yes as "keep colour", so decide here.
		opt.NoColor = true
	}
	m := newModel(opt)
	p := tea.NewProgram(m, programOptions(opt)...)
	final, err := p.Run()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		return fmt.Errorf("er ging iets mis in het programma (zie de melding hierboven); %s", sessionHint(final, m))
	case errors.Is(err, tea.ErrInterrupted):
		return nil
	case err != nil:
		return fmt.Errorf("het terminalvenster werkt niet mee: %w", err)
	}
	return nil
}

func sessionHint(final tea.Model, m *model) string {
	path := m.sessionPath
	if fm, ok := final.(*model); ok && fm != nil {
		path = fm.sessionPath
	}
	if path == "" {
		return "je antwoorden zijn niet bewaard"
	}
	return "je antwoorden staan in " + path
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

// defaultSessionPath is os.UserConfigDir()/afstandswijzer/sessie.toml, or
// "" when there is no config folder (then autosave is off).
func defaultSessionPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "afstandswijzer", "sessie.toml")
}
