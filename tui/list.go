package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// cursorList is the one cursor of every menu and list: up and down wrap
// around, a number picks an item, g/G go to the ends and pgup/pgdn move
// a page.
type cursorList struct {
	cursor, n int
}

// update moves the cursor for list keys and reports whether it did.
// picked is true when a number key chose an item.
func (l *cursorList) update(msg tea.KeyPressMsg, k listKeys, page int) (handled, picked bool) {
	if l.n == 0 {
		return false, false
	}
	page = max(page, 1)
	switch {
	case key.Matches(msg, k.Up):
		l.cursor = (l.cursor + l.n - 1) % l.n
	case key.Matches(msg, k.Down):
		l.cursor = (l.cursor + 1) % l.n
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = l.n - 1
	case key.Matches(msg, k.PageUp):
		l.cursor = max(l.cursor-page, 0)
	case key.Matches(msg, k.PageDown):
		l.cursor = min(l.cursor+page, l.n-1)
	case key.Matches(msg, k.Pick):
		i := int(msg.String()[0] - '1')
		if i >= l.n {
			return true, false
		}
		l.cursor = i
		return true, true
	default:
		return false, false
	}
	return true, false
}

// setLen changes the number of items and keeps the cursor inside.
func (l *cursorList) setLen(n int) {
	l.n = n
	l.cursor = min(max(l.cursor, 0), max(n-1, 0))
}
