package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

// glossTerm is one entry of the begrippenlijst, as the screen needs it.
type glossTerm struct {
	name, text, source string
}

// termsOf reads the begrippen from the content.
func termsOf(ct *content.Content) []glossTerm {
	return contentTerms(ct)
}

type glossaryKeys struct {
	list listKeys
	Back key.Binding
}

// glossaryScreen explains the words of the handreiking (BOT,
// onderwijsteam, …); it opens with i from every screen and esc closes it.
type glossaryScreen struct {
	list cursorList
	k    glossaryKeys
}

func newGlossary(c *common) *glossaryScreen {
	// i closes it again (the app routes it): listed here, since the
	// screen does not offer itself.
	s := &glossaryScreen{k: glossaryKeys{list: newUnnumberedKeys(), Back: keyhelp.Bind("esc/backspace/i", "terug", "esc", "backspace", "i")}}
	s.list.setLen(len(c.terms))
	return s
}

func (s *glossaryScreen) update(c *common, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	s.list.setLen(len(c.terms))
	if handled, _ := s.list.update(k, s.k.list, 5); handled {
		return nil
	}
	if key.Matches(k, s.k.Back) {
		return c.navigate(closeMsg{})
	}
	return nil
}

func (s *glossaryScreen) title(*common) (string, string) { return "begrippen", "" }

func (s *glossaryScreen) keys(c *common) keyMap {
	k := s.k
	return keyMap{
		short: []key.Binding{k.list.Move, keyhelp.WithDesc(k.Back, "esc", "terug")},
		full:  [][]key.Binding{k.list.full(len(c.terms)), {k.Back}},
	}
}

func (s *glossaryScreen) view(c *common, _, h int) string {
	w := c.textWidth()
	if len(c.terms) == 0 {
		return wrapText("Er staan geen begrippen in de inhoud.", w)
	}
	// The list of names on top, the explanation of the chosen one below.
	var names lineBuilder
	for i, t := range c.terms {
		line := "  " + clean(t.name)
		if i == s.list.cursor {
			names.focusStart()
			line = c.st.selected.Render("> " + clean(t.name))
		}
		names.add(line)
		if i == s.list.cursor {
			names.focusEnd()
		}
	}
	t := c.terms[s.list.cursor]
	var text []string
	text = append(text, c.st.heading.Render(clean(t.name)), wrapText(clean(t.text), w))
	if t.source != "" {
		text = append(text, c.st.faint.Render(wrapIndent("Bron: ", clean(t.source), w)))
	}
	body := strings.Split(strings.Join(text, "\n"), "\n")
	listH := min(len(names.lines), max(h-len(body)-1, 3))
	out := names.window(listH, c.st) + "\n\n" + strings.Join(body, "\n")
	return out
}
