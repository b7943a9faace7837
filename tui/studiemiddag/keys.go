package studiemiddag

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// Keys mean what they mean in the participant's TUI and the Charm tools:
// ? help, q stop, esc back.

func bind(helpKey, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

func withDesc(b key.Binding, helpKey, desc string) key.Binding {
	b.SetHelp(helpKey, desc)
	return b
}

type dashKeys struct {
	Up, Down, Move, Select, All, Compare, Handout, Remove, Code key.Binding
	// In the comparison.
	Scroll, ScrollUp, ScrollDown, Page, Back key.Binding
	Help, Quit                               key.Binding
}

func newDashKeys() dashKeys {
	return dashKeys{
		Up:         bind("↑/k", "omhoog", "up", "k"),
		Down:       bind("↓/j", "omlaag", "down", "j"),
		Move:       bind("↑/↓", "kiezen", "up", "down"),
		Select:     bind("spatie", "selecteren", "space", " "),
		All:        bind("a", "alles of niets", "a"),
		Compare:    bind("v", "vergelijken", "v", "enter"),
		Handout:    bind("h", "hand-out", "h"),
		Remove:     bind("x", "verwijderen", "x", "delete"),
		Code:       bind("c", "grote code aan/uit", "c"),
		Scroll:     bind("↑/↓", "bladeren", "up", "down"),
		ScrollUp:   bind("↑/k", "omhoog", "up", "k"),
		ScrollDown: bind("↓/j", "omlaag", "down", "j"),
		Page:       bind("pgup/pgdn", "pagina terug/verder", "pgup", "pgdown"),
		Back:       bind("esc", "terug", "esc", "backspace", "v"),
		Help:       bind("?", "toetsen", "?"),
		Quit:       bind("q", "stoppen", "q", "ctrl+c"),
	}
}

// shortHelp is the help line of a mode: the mode's keys in the order
// shown, and the order in which they are left out when the line does
// not fit (least important first).
func (k dashKeys) shortHelp(mode dashMode) (keys []key.Binding, drop []int) {
	if mode == modeCompare {
		return []key.Binding{k.Scroll, withDesc(k.Handout, "h", "hand-out opslaan"), k.Back}, []int{0, 1, 2}
	}
	// Move, Select, All, Compare, Handout, Remove, Code
	return []key.Binding{k.Move, k.Select, withDesc(k.All, "a", "alles"), k.Compare, k.Handout, k.Remove, withDesc(k.Code, "c", "code")},
		[]int{6, 2, 0, 5, 4, 3, 1}
}

func (k dashKeys) fullHelp(mode dashMode) [][]key.Binding {
	last := []key.Binding{withDesc(k.Help, "?", "minder toetsen"), k.Quit}
	if mode == modeCompare {
		return [][]key.Binding{{k.ScrollUp, k.ScrollDown, k.Page}, {withDesc(k.Handout, "h", "hand-out opslaan"), withDesc(k.Back, "esc/v", "terug")}, last}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Select, k.All},
		{withDesc(k.Compare, "v/enter", "vergelijken"), withDesc(k.Handout, "h", "hand-out (html) opslaan"), withDesc(k.Remove, "x/del", "verwijderen"), k.Code},
		last,
	}
}

// fitShort leaves keys out, in drop order, until the line with ? and q
// fits width; ? and q always stay, so the way to all keys and out is
// never cut off.
func fitShort(h help.Model, keys []key.Binding, drop []int, always []key.Binding, width int) string {
	h.SetWidth(0) // measured here; help would cut the line with "…"
	left := map[int]bool{}
	for n := 0; ; n++ {
		var line []key.Binding
		for i, b := range keys {
			if !left[i] {
				line = append(line, b)
			}
		}
		out := h.ShortHelpView(append(line, always...))
		if lipgloss.Width(out) <= width || n == len(drop) {
			return out
		}
		left[drop[n]] = true
	}
}

// fitFull lays out the full help in columns; when they do not fit,
// the columns go over more rows, so nothing is cut off.
func fitFull(h help.Model, cols [][]key.Binding, width int) string {
	h.SetWidth(0)
	out := h.FullHelpView(cols)
	if lipgloss.Width(out) <= width || len(cols) == 1 {
		return out
	}
	half := (len(cols) + 1) / 2
	return fitFull(h, cols[:half], width) + "\n" + fitFull(h, cols[half:], width)
}
