package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

type resourceKeys struct {
	list                     listKeys
	Filter, Open, Copy, Back key.Binding
	Done, Cancel, Erase      key.Binding
}

// resourcesScreen is every resource, grouped by theme, with a search.
// bubbles/list would do, but it pulls in modules (sahilm/fuzzy,
// atotto/clipboard) that go.mod does not have.
type resourcesScreen struct {
	all       []*content.Resource // sorted by theme
	filter    string
	filtering bool // typing the filter
	list      cursorList
	k         resourceKeys
}

func newResources(c *common) *resourcesScreen {
	ct := c.eng.C
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
	s := &resourcesScreen{all: res, k: resourceKeys{
		list:   newUnnumberedKeys(),
		Filter: keyhelp.Bind("/", "zoeken", "/"),
		Open:   keyhelp.Bind("enter", "openen", "enter"),
		Copy:   keyhelp.Bind("c", "adres kopiëren", "c"),
		Back:   keyhelp.Bind("esc/backspace", "terug", "esc", "backspace"),
		Done:   keyhelp.Bind("enter", "klaar met zoeken", "enter"),
		Cancel: keyhelp.Bind("esc", "zoeken stoppen", "esc"),
		Erase:  keyhelp.Bind("backspace", "letter weg", "backspace"),
	}}
	s.list.setLen(len(res))
	return s
}

func (s *resourcesScreen) typing() bool { return s.filtering }

// visible returns the resources that contain every word of the filter in
// their title, organisation, theme, search hint or URL.
func (s *resourcesScreen) visible() []*content.Resource {
	words := strings.Fields(strings.ToLower(s.filter))
	if len(words) == 0 {
		return s.all
	}
	var out []*content.Resource
	for _, r := range s.all {
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

func (s *resourcesScreen) update(c *common, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if s.filtering {
		switch {
		case key.Matches(k, s.k.Done):
			s.filtering = false
		case key.Matches(k, s.k.Cancel):
			s.filtering, s.filter = false, ""
		case key.Matches(k, s.k.Erase):
			if r := []rune(s.filter); len(r) > 0 {
				s.filter = string(r[:len(r)-1])
			}
		default:
			if k.Text != "" {
				s.filter += clean(k.Text)
			}
		}
		s.list = cursorList{n: len(s.visible())}
		return nil
	}
	vis := s.visible()
	s.list.setLen(len(vis))
	if handled, _ := s.list.update(k, s.k.list, 5); handled {
		return nil
	}
	switch {
	case key.Matches(k, s.k.Filter):
		// A new search each time, as in a browser's find bar.
		s.filtering, s.filter = true, ""
		s.list = cursorList{n: len(s.all)}
	case key.Matches(k, s.k.Open):
		if len(vis) > 0 {
			return openURL(c, vis[s.list.cursor].URL)
		}
	case key.Matches(k, s.k.Copy):
		if len(vis) > 0 {
			return copyURL(c, vis[s.list.cursor].URL)
		}
	case key.Matches(k, s.k.Back):
		if s.filter != "" {
			s.filter = ""
			s.list = cursorList{n: len(s.all)}
			return nil
		}
		return c.navigate(closeMsg{})
	}
	return nil
}

func (s *resourcesScreen) title(*common) (string, string) { return "alle bronnen", "" }

func (s *resourcesScreen) keys(c *common) keyMap {
	k := s.k
	if s.filtering {
		return keyMap{short: []key.Binding{k.Done, k.Cancel}, full: [][]key.Binding{{k.Done, k.Cancel, k.Erase}}}
	}
	return keyMap{
		short: []key.Binding{k.list.Move, k.Filter, openBinding(c, k.Open), keyhelp.WithDesc(k.Copy, "c", "kopiëren"), keyhelp.WithDesc(k.Back, "esc", "terug")},
		full:  [][]key.Binding{k.list.full(s.list.n), {k.Filter, openBinding(c, k.Open), k.Copy, k.Back}},
	}
}

func (s *resourcesScreen) view(c *common, _, h int) string {
	w := c.textWidth()
	// The search line stands above the list and never scrolls away.
	var head string
	switch {
	case s.filtering:
		head = c.st.accent.Render("Zoek: " + s.filter + "▏")
	case s.filter != "":
		head = c.st.faint.Render(wrapText("Gezocht op „"+s.filter+"”. Esc toont weer alles.", w))
	default:
		head = c.st.faint.Render(wrapText(resourcesIntro(c), w))
	}
	headH := strings.Count(head, "\n") + 1
	vis := s.visible()
	if len(vis) == 0 {
		return head + "\n\n" + c.st.warn.Render("Niets gevonden. Probeer een ander woord.")
	}
	var b lineBuilder
	theme := ""
	for i, r := range vis {
		if r.Theme != theme {
			theme = r.Theme
			b.add("")
			b.add(c.st.heading.Render(clean(theme)))
		}
		marker := "  "
		if i == s.list.cursor {
			marker = "> "
			b.focusStart()
		}
		title := wrapIndent(marker, clean(r.Title+" ("+r.Organisation+")"), w)
		if i == s.list.cursor {
			title = c.st.selected.Render(title)
		}
		b.add(title)
		b.add(c.st.accent.Render(urlText("  ", r.URL, w)))
		if look := strings.TrimSpace(r.LookFor); look != "" && i == s.list.cursor {
			b.add(c.st.faint.Render(wrapIndent("  Zoek daar naar: ", clean(look), w)))
		}
		if i == s.list.cursor {
			b.focusEnd()
		}
	}
	// Keep the theme heading above the selected item in view.
	if b.fs > 0 && strings.TrimSpace(b.lines[b.fs-1]) != "" {
		b.fs--
	}
	return head + "\n" + b.window(max(h-headH, 1), c.st)
}

// resourcesIntro explains the list; over SSH enter shows the address.
func resourcesIntro(c *common) string {
	if c.remote {
		return "Hulp bij afstandsonderwijs, per thema. Druk op / om te zoeken, op enter om het adres van een bron te zien."
	}
	return "Hulp bij afstandsonderwijs, per thema. Druk op / om te zoeken, op enter om een bron te openen."
}
