package room

import (
	"charm.land/bubbles/v2/key"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

// Keys mean what they mean in the participant's TUI and the Charm tools:
// ? help, q stop, esc back.

type dashKeys struct {
	Up, Down, Move, Select, All, Compare, Handout, Remove, Code, Round, Beamer key.Binding
	// In the choice of a round.
	Start key.Binding
	// In the comparison.
	Scroll, ScrollUp, ScrollDown, Page, Back key.Binding
	Help, Quit                               key.Binding
	// The answers to the stop and remove questions.
	StopYes, RemoveYes, Stay key.Binding
}

func newDashKeys() dashKeys {
	return dashKeys{
		Up:         keyhelp.Bind("↑/k", "omhoog", "up", "k"),
		Down:       keyhelp.Bind("↓/j", "omlaag", "down", "j"),
		Move:       keyhelp.Bind("↑/↓", "kiezen", "up", "down"),
		Select:     keyhelp.Bind("spatie", "selecteren", "space", " "),
		All:        keyhelp.Bind("a", "alles of niets", "a"),
		Compare:    keyhelp.Bind("v", "vergelijken", "v", "enter"),
		Handout:    keyhelp.Bind("h", "hand-out", "h"),
		Remove:     keyhelp.Bind("x", "verwijderen", "x", "delete"),
		Code:       keyhelp.Bind("c", "grote code aan/uit", "c"),
		Beamer:     keyhelp.Bind("p", "beamer: de zaal per vraag", "p"),
		Round:      keyhelp.Bind("r", "nieuwe ronde", "r"),
		Start:      keyhelp.Bind("enter", "ronde starten", "enter"),
		Scroll:     keyhelp.Bind("↑/↓", "bladeren", "up", "down"),
		ScrollUp:   keyhelp.Bind("↑/k", "omhoog", "up", "k"),
		ScrollDown: keyhelp.Bind("↓/j", "omlaag", "down", "j"),
		Page:       keyhelp.Bind("pgup/pgdn", "pagina terug/verder", "pgup", "pgdown"),
		Back:       keyhelp.Bind("esc", "terug", "esc", "backspace", "v"),
		StopYes:    keyhelp.Bind("q", "stoppen", "q", "ctrl+c"),
		RemoveYes:  keyhelp.Bind("x", "verwijderen", "x", "delete"),
		Stay:       keyhelp.Bind("esc", "niet doen", "esc"),
		Help:       keyhelp.Bind("?", "toetsen", "?"),
		Quit:       keyhelp.Bind("q", "stoppen", "q", "ctrl+c"),
	}
}

// shortHelp is the help line of a mode: the mode's keys in the order
// shown, and the order in which they are left out when the line does
// not fit (least important first).
func (k dashKeys) shortHelp(mode dashMode) (keys []key.Binding, drop []int) {
	switch mode {
	case modeCompare:
		return []key.Binding{k.Scroll, keyhelp.WithDesc(k.Handout, "h", "hand-out opslaan"), k.Back}, []int{0, 1, 2}
	case modeRound:
		return []key.Binding{k.Move, k.Start, keyhelp.WithDesc(k.Back, "esc", "terug")}, []int{0, 1, 2}
	}
	// Move, Select, All, Compare, Handout, Remove, Code, Round, Beamer
	return []key.Binding{k.Move, k.Select, keyhelp.WithDesc(k.All, "a", "alles"), k.Compare, k.Handout, k.Remove, keyhelp.WithDesc(k.Code, "c", "code"), keyhelp.WithDesc(k.Round, "r", "ronde"), keyhelp.WithDesc(k.Beamer, "p", "beamer")},
		[]int{6, 2, 0, 5, 4, 8, 7, 3, 1}
}

func (k dashKeys) fullHelp(mode dashMode) [][]key.Binding {
	last := []key.Binding{keyhelp.WithDesc(k.Help, "?", "minder toetsen"), k.Quit}
	switch mode {
	case modeCompare:
		return [][]key.Binding{{k.ScrollUp, k.ScrollDown, k.Page}, {keyhelp.WithDesc(k.Handout, "h", "hand-out opslaan"), keyhelp.WithDesc(k.Back, "esc/v", "terug")}, last}
	case modeRound:
		return [][]key.Binding{{k.Up, k.Down}, {k.Start, keyhelp.WithDesc(k.Back, "esc", "terug")}, last}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Select, k.All},
		{keyhelp.WithDesc(k.Compare, "v/enter", "vergelijken"), keyhelp.WithDesc(k.Handout, "h", "hand-out (html) opslaan"), keyhelp.WithDesc(k.Remove, "x/del", "verwijderen"), k.Code, k.Round, k.Beamer},
		last,
	}
}
