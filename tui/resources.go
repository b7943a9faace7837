package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// resList is a small filterable list of every resource, grouped by theme.
// bubbles/list would do, but it pulls in modules (sahilm/fuzzy,
// atotto/clipboard) that go.mod does not have yet.
type resList struct {
	all       []*content.Resource // sorted by theme
	filter    string
	filtering bool // typing the filter
	cursor    int  // index into visible()
}

func newResList(ct *content.Content) resList {
	res := slices.Clone(ct.Resources)
	// Grouped by theme in the order of meta.toml; within a theme the
	// content order is kept.
	order := func(theme string) int {
		if i := slices.Index(ct.Meta.Themes, theme); i >= 0 {
			return i
		}
		return len(ct.Meta.Themes)
	}
	slices.SortStableFunc(res, func(a, b *content.Resource) int { return order(a.Theme) - order(b.Theme) })
	return resList{all: res}
}

// visible returns the resources that contain every word of the filter in
// their title, organisation, theme or search hint.
func (l *resList) visible() []*content.Resource {
	words := strings.Fields(strings.ToLower(l.filter))
	if len(words) == 0 {
		return l.all
	}
	var out []*content.Resource
	for _, r := range l.all {
		hay := strings.ToLower(r.Title + " " + r.Organisation + " " + r.Theme + " " + r.LookFor + " " + r.URL)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

func (l *resList) selected() *content.Resource {
	vis := l.visible()
	if l.cursor < 0 || l.cursor >= len(vis) {
		return nil
	}
	return vis[l.cursor]
}

func (m *model) openResources(from screen) {
	m.resReturn = from
	m.scr = scrResources
	m.res.filter, m.res.filtering, m.res.cursor = "", false, 0
}

func (m *model) updateResources(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	l := &m.res
	if l.filtering {
		switch msg.String() {
		case "enter":
			l.filtering = false
		case "esc":
			l.filtering, l.filter = false, ""
		case "backspace":
			if r := []rune(l.filter); len(r) > 0 {
				l.filter = string(r[:len(r)-1])
			}
		default:
			if msg.Text != "" {
				l.filter += msg.Text
			}
		}
		l.cursor = 0
		return nil
	}
	n := len(l.visible())
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showKeys = !m.showKeys
	case key.Matches(msg, k.Filter):
		// A new search each time, as in a browser's find bar.
		l.filtering, l.filter = true, ""
	case key.Matches(msg, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, k.Down):
		l.cursor = min(l.cursor+1, max(n-1, 0))
	case msg.String() == "pgup" || msg.String() == "left":
		l.cursor = max(l.cursor-5, 0)
	case msg.String() == "pgdown" || msg.String() == "right":
		l.cursor = min(l.cursor+5, max(n-1, 0))
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = max(n-1, 0)
	case key.Matches(msg, k.Open):
		if r := l.selected(); r != nil {
			return m.openURL(r.URL)
		}
	case key.Matches(msg, k.Copy):
		if r := l.selected(); r != nil {
			return m.copyURL(r.URL)
		}
	case key.Matches(msg, k.Back):
		if l.filter != "" {
			l.filter, l.cursor = "", 0
			return nil
		}
		m.scr = m.resReturn
	}
	return nil
}

func (m *model) viewResources(h int) string {
	l := &m.res
	w := min(m.width, textMax)
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	switch {
	case l.filtering:
		add(m.st.accent.Render("Zoek: " + l.filter + "▏"))
	case l.filter != "":
		add(m.st.faint.Render("Gezocht op „" + l.filter + "”. Esc toont weer alles."))
	default:
		add(m.st.faint.Render(wrap("Hulp bij afstandsonderwijs, per thema. Druk op / om te zoeken, op enter om een bron te openen.", w)))
	}
	vis := l.visible()
	if len(vis) == 0 {
		add("")
		add(m.st.warn.Render("Niets gevonden. Probeer een ander woord."))
		return strings.Join(lines, "\n")
	}
	fs, fe := 0, 0
	theme := ""
	for i, r := range vis {
		if r.Theme != theme {
			theme = r.Theme
			add("")
			add(m.st.heading.Render(theme))
		}
		marker := "  "
		if i == l.cursor {
			marker = "> "
			fs = len(lines)
		}
		title := wrapIndent(marker, r.Title+" ("+r.Organisation+")", w)
		if i == l.cursor {
			title = m.st.selected.Render(title)
		}
		add(title)
		add(m.st.accent.Render(wrapIndent("  ", r.URL, w)))
		if look := strings.TrimSpace(r.LookFor); look != "" && i == l.cursor {
			add(m.st.faint.Render(wrapIndent("  Zoek daar naar: ", look, w)))
		}
		if i == l.cursor {
			fe = len(lines)
		}
	}
	// Keep the theme heading above the selected item in view.
	if fs > 0 && strings.TrimSpace(lines[fs-1]) != "" {
		fs--
	}
	return window(lines, fs, fe, h, m.st)
}
