package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// bind makes a binding with its Dutch help text.
func bind(helpKey, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// globalKeys work on every screen (except while typing a search): they
// mean the same everywhere, as in the Charm tools.
type globalKeys struct {
	Help, Quit, Glossary, SaveAnswers key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Help:        bind("?", "alle toetsen", "?"),
		Quit:        bind("q", "stoppen", "q", "ctrl+c"),
		Glossary:    bind("b", "begrippen", "b"),
		SaveAnswers: bind("a", "antwoorden opslaan", "a"),
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
		Up:       bind("↑/k", "omhoog", "up", "k"),
		Down:     bind("↓/j", "omlaag", "down", "j"),
		Top:      bind("g", "naar het begin", "g", "home"),
		Bottom:   bind("G", "naar het einde", "G", "end"),
		PageUp:   bind("pgup", "pagina terug", "pgup"),
		PageDown: bind("pgdn", "pagina verder", "pgdown"),
		Pick:     bind("1-9", "kies", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Move:     bind("↑/↓", "kiezen", "up", "down"),
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
	return withDesc(k.Pick, keys, desc)
}

// keyMap is the help of one screen: the short line and the full list.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// withDesc returns a copy of b with another help text.
func withDesc(b key.Binding, helpKey, desc string) key.Binding {
	b.SetHelp(helpKey, desc)
	return b
}

// fitShort drops the screen's own bindings from the end until the line
// fits the width; "?" and "q" always stay, so the way to the full list
// and out is never cut off.
func fitShort(h help.Model, own []key.Binding, always []key.Binding, width int) string {
	h.SetWidth(0) // measure here; help would cut the line with "…"
	for n := len(own); n >= 0; n-- {
		line := h.ShortHelpView(append(append([]key.Binding{}, own[:n]...), always...))
		if lipgloss.Width(line) <= width {
			return line
		}
	}
	return h.ShortHelpView(always)
}

// fitFull lays out the full help in columns; when they do not fit the
// width, the columns are split over more rows, so nothing is cut off.
func fitFull(h help.Model, cols [][]key.Binding, width int) string {
	h.SetWidth(0)
	out := h.FullHelpView(cols)
	if lipgloss.Width(out) <= width || len(cols) == 1 {
		return out
	}
	half := (len(cols) + 1) / 2
	return fitFull(h, cols[:half], width) + "\n" + fitFull(h, cols[half:], width)
}
