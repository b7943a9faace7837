package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	"charm.land/lipgloss/v2"

	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

// The keys, one meaning each on every screen, as users of less, glow and
// huh expect:
//   - pager keys (summary, a case's story): j/k, b/f/space, d/u, g/G;
//   - keys no pager uses for what works everywhere: i begrippen,
//     a antwoorden opslaan, ? all keys, q stop; on the summary o saves
//     it and x writes the hand-out;
//   - esc closes what is open (the key list, an explanation, a search),
//     then goes back; on a first screen there is nothing to go back to;
//   - a digit moves the cursor to that numbered row, and never acts;
//     enter (and space on multiple choice) acts.

// globalKeys work on every screen (except while typing a search).
type globalKeys struct {
	Help, Quit, Glossary, SaveAnswers key.Binding
	// Less is ? or esc with the full key list open: it closes the list.
	Less key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Help:        keyhelp.Bind("?", "alle toetsen", "?"),
		Quit:        keyhelp.Bind("q", "stoppen", "q", "ctrl+c"),
		Glossary:    keyhelp.Bind("i", "begrippen", "i"),
		SaveAnswers: keyhelp.Bind("a", "antwoorden opslaan", "a"),
		Less:        keyhelp.Bind("?/esc", "minder toetsen", "?", "esc"),
	}
}

// confirmKeys answer the question whether to quit with unsaved answers.
// q confirms, as pressing q twice; no movement key (j) says yes.
type confirmKeys struct {
	Stop, SaveFirst, Stay key.Binding
}

func newConfirmKeys() confirmKeys {
	return confirmKeys{
		Stop:      keyhelp.Bind("q", "toch stoppen", "q", "ctrl+c"),
		SaveFirst: keyhelp.Bind("a", "eerst ergens anders opslaan", "a"),
		Stay:      keyhelp.Bind("esc", "blijven", "esc"),
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
		Top:      keyhelp.Bind("g/home", "naar het begin", "g", "home"),
		Bottom:   keyhelp.Bind("G/end", "naar het einde", "G", "end"),
		PageUp:   keyhelp.Bind("pgup", "pagina terug", "pgup"),
		PageDown: keyhelp.Bind("pgdn", "pagina verder", "pgdown"),
		Pick:     keyhelp.Bind("1-9", "naar dat nummer", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Move:     keyhelp.Bind("↑/↓", "kiezen", "up", "down"),
	}
}

// newUnnumberedKeys are the keys of a list whose rows have no numbers
// (resources, begrippen): there a digit would jump to a row the reader
// cannot count, so digits do nothing.
func newUnnumberedKeys() listKeys {
	k := newListKeys()
	k.Pick.SetEnabled(false)
	return k
}

// full is the help of a list of n items.
func (k listKeys) full(n int) []key.Binding {
	out := []key.Binding{k.Up, k.Down}
	if k.Pick.Enabled() {
		out = append(out, k.pick(n))
	}
	return append(out, k.Top, k.Bottom, k.PageUp, k.PageDown)
}

// pick is the number keys' help for n items: the numbers that exist,
// "1-5" for five, at most "1-9".
func (k listKeys) pick(n int) key.Binding {
	keys := "1-" + itoa(min(n, 9))
	if n <= 1 {
		keys = "1"
	}
	return keyhelp.WithDesc(k.Pick, keys, "naar dat nummer")
}

// pagerKeys scroll a text as less and glow do.
type pagerKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	// Wheel documents the mouse wheel; it is no key.
	Wheel key.Binding
}

func newPagerKeys() pagerKeys {
	return pagerKeys{
		Up:       keyhelp.Bind("↑/k", "regel terug", "up", "k"),
		Down:     keyhelp.Bind("↓/j", "regel verder", "down", "j"),
		PageUp:   keyhelp.Bind("b/pgup", "pagina terug", "b", "pgup"),
		PageDown: keyhelp.Bind("f/spatie/pgdn", "pagina verder", "f", "space", "pgdown"),
		HalfUp:   keyhelp.Bind("u", "halve pagina terug", "u", "ctrl+u"),
		HalfDown: keyhelp.Bind("d", "halve pagina verder", "d", "ctrl+d"),
		Top:      keyhelp.Bind("g/home", "naar het begin", "g", "home"),
		Bottom:   keyhelp.Bind("G/end", "naar het einde", "G", "end"),
		Wheel:    keyhelp.Bind("muiswiel", "scrollen"),
	}
}

func (k pagerKeys) full() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom}
}

// short is the pager's entry in the short help.
func (k pagerKeys) short() key.Binding { return keyhelp.WithDesc(k.PageDown, "spatie/b", "bladeren") }

// apply gives a viewport the pager keys (its defaults differ: h/l move
// sideways, and g/G are not in its KeyMap).
func (k pagerKeys) apply(vp *viewport.Model) {
	km := &vp.KeyMap
	km.Left.SetEnabled(false)
	km.Right.SetEnabled(false)
	km.Up, km.Down = k.Up, k.Down
	km.PageUp, km.PageDown = k.PageUp, k.PageDown
	km.HalfPageUp, km.HalfPageDown = k.HalfUp, k.HalfDown
}

// keyMap is the help of one screen: the short line and the full list.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
	// drop is the order in which short keys are left out on a narrow
	// window (indexes into short); nil drops from the end.
	drop []int
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// fitFullHelp is the full key list in columns, or, when those are taller
// than maxH lines (a small window), every key in flowing lines, so the
// list never pushes the screen out of the window.
func fitFullHelp(h help.Model, cols [][]key.Binding, w, maxH int) string {
	out := keyhelp.FitFull(h, cols, w)
	if lipgloss.Height(out) <= maxH {
		return out
	}
	h.SetWidth(0)
	var lines []string
	var line []key.Binding
	for _, col := range cols {
		for _, b := range col {
			if !b.Enabled() {
				continue
			}
			if len(line) > 0 && lipgloss.Width(h.ShortHelpView(append(line, b))) > w {
				lines = append(lines, h.ShortHelpView(line))
				line = nil
			}
			line = append(line, b)
		}
	}
	if len(line) > 0 {
		lines = append(lines, h.ShortHelpView(line))
	}
	return strings.Join(lines, "\n")
}

// dropOrder is the order in which FitShort leaves out the n short keys:
// first the given indexes, then the others from the end.
func dropOrder(n int, first ...int) []int {
	out := append([]int(nil), first...)
	for i := n - 1; i >= 0; i-- {
		if !slices.Contains(first, i) {
			out = append(out, i)
		}
	}
	return out
}
