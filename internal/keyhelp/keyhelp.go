// Package keyhelp is the key help shared by the full-screen program (tui)
// and the trainer's dashboard (room): bindings with Dutch help texts, and
// help lines that fit the window without cutting off "?" and "q". Keys
// mean the same in both, as in the Charm tools.
//
// It imports nothing of this module.
package keyhelp

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// Bind makes a binding with its Dutch help text.
func Bind(helpKey, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// WithDesc returns a copy of b with another help text.
func WithDesc(b key.Binding, helpKey, desc string) key.Binding {
	b.SetHelp(helpKey, desc)
	return b
}

// Map is the help of one screen: the short line and the full list.
type Map struct {
	Short []key.Binding
	Full  [][]key.Binding
}

func (k Map) ShortHelp() []key.Binding  { return k.Short }
func (k Map) FullHelp() [][]key.Binding { return k.Full }

// FitShort leaves keys out until the line with always (? and q) fits
// width, so the way to all keys and out is never cut off. drop gives the
// indexes of keys in the order they are left out (least important
// first); nil drops from the end.
func FitShort(h help.Model, keys []key.Binding, drop []int, always []key.Binding, width int) string {
	h.SetWidth(0) // measured here; help would cut the line with "…"
	if drop == nil {
		drop = make([]int, len(keys))
		for i := range drop {
			drop[i] = len(keys) - 1 - i
		}
	}
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

// FitFull lays out the full help in columns; when they do not fit the
// width, the columns go over more rows, so nothing is cut off.
func FitFull(h help.Model, cols [][]key.Binding, width int) string {
	h.SetWidth(0)
	out := h.FullHelpView(cols)
	if lipgloss.Width(out) <= width || len(cols) == 1 {
		return out
	}
	half := (len(cols) + 1) / 2
	return FitFull(h, cols[:half], width) + "\n" + FitFull(h, cols[half:], width)
}
