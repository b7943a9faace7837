package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

// globalKeys work on every screen (except while typing a search): they
// mean the same everywhere, as in the Charm tools.
type globalKeys struct {
	Help, Quit, Glossary, SaveAnswers key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Help:        keyhelp.Bind("?", "alle toetsen", "?"),
		Quit:        keyhelp.Bind("q", "stoppen", "q", "ctrl+c"),
		Glossary:    keyhelp.Bind("b", "begrippen", "b"),
		SaveAnswers: keyhelp.Bind("a", "antwoorden opslaan", "a"),
	}
}

// listKeys move the cursor of every list (welcome menu, options, review,
// links, resources, begrippen).
type listKeys struct {
	Up, Down, Top, Bottom, PageUp, PageDown, Pick key.Binding
	// Move is the short-help entry for Up and Down together.
	Move key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       keyhelp.Bind("↑/k", "omhoog", "up", "k"),
		Down:     keyhelp.Bind("↓/j", "omlaag", "down", "j"),
		Top:      keyhelp.Bind("g", "naar het begin", "g", "home"),
		Bottom:   keyhelp.Bind("G", "naar het einde", "G", "end"),
		PageUp:   keyhelp.Bind("pgup", "pagina terug", "pgup"),
		PageDown: keyhelp.Bind("pgdn", "pagina verder", "pgdown"),
		Pick:     keyhelp.Bind("1-9", "kies", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Move:     keyhelp.Bind("↑/↓", "kiezen", "up", "down"),
	}
}

// full is the help of a list of n items.
func (k listKeys) full(n int) []key.Binding {
	return []key.Binding{k.Up, k.Down, k.pick(n, "kies"), k.Top, k.Bottom, k.PageUp, k.PageDown}
}

// pick is the number keys' help for n items: the numbers that choose
// one, "1-5" for five, at most "1-9".
func (k listKeys) pick(n int, desc string) key.Binding {
	keys := "1-" + itoa(min(n, 9))
	if n <= 1 {
		keys = "1"
	}
	return keyhelp.WithDesc(k.Pick, keys, desc)
}

// keyMap is the help of one screen: the short line and the full list.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }
