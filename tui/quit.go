package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// ErrBack is returned by Run when the reader went back from a case's
// story to the list of cases (Options.FromPicker): the caller shows the
// list again.
var ErrBack = errors.New("terug naar de casussen")

// pickerMsg: back from a case's story to the case picker.
type pickerMsg struct{}

// tryQuit quits, or first asks when answers would be lost.
func (a *app) tryQuit() tea.Cmd {
	if a.c.unsaved() {
		a.confirmQuit = true
		return nil
	}
	return a.quit()
}

func (a *app) quit() tea.Cmd {
	a.quitting = true
	return tea.Quit
}

// confirmKey answers the quit question: q (again) or ctrl+c stops, a
// saves elsewhere first, any other key (esc) stays.
func (a *app) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.confirm
	a.confirmQuit = false
	switch {
	case key.Matches(msg, k.Stop):
		a.quitUnsaved = true
		return a.quit()
	case key.Matches(msg, k.SaveFirst) && !a.c.remote:
		a.c.saveAnswersElsewhere()
	}
	return nil
}

// confirmBindings are the keys of the quit question; over SSH there is
// no file to save on the trainer's laptop: no a.
func (a *app) confirmBindings() []key.Binding {
	k := a.confirm
	if a.c.remote {
		return []key.Binding{k.Stop, k.Stay}
	}
	return []key.Binding{k.Stop, k.SaveFirst, k.Stay}
}

// confirmText asks whether to quit with unsaved answers; the keys are in
// the help line under it.
func (a *app) confirmText() string {
	return "Je antwoorden zijn niet bewaard. Toch stoppen?"
}

// quitMessage is what is printed after the terminal is restored: where
// the answers are and how to continue; "" when nothing was answered. The
// session path stands on a line of its own, sanitized, quoted when it
// has a space and never broken, so it can be copied whole.
func (a *app) quitMessage() string {
	c := a.c
	if a.quitUnsaved || c.sessionPath == "" || c.autosaveOff || c.dirty || len(c.answers) == 0 {
		return ""
	}
	return strings.Join([]string{
		"Je antwoorden staan in:",
		"  " + session.ShownPath(c.sessionPath),
		"Ga verder met: afstandswijzer --verder",
	}, "\n")
}
