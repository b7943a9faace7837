package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

type storyKeys struct {
	Continue, Down, Up, PageDown, PageUp, Top, Bottom key.Binding
}

// storyScreen is the first screen of an example case (`afstandswijzer
// casus NAAM`): the case's story, then enter to the teacher's answers.
// The review comes back here with esc.
type storyScreen struct {
	off int // first line in view
	k   storyKeys
}

func newStory() *storyScreen {
	return &storyScreen{k: storyKeys{
		Continue: keyhelp.Bind("enter", "naar de antwoorden", "enter"),
		Down:     keyhelp.Bind("↓/j", "omlaag", "down", "j"),
		Up:       keyhelp.Bind("↑/k", "omhoog", "up", "k"),
		PageDown: keyhelp.Bind("pgdn/spatie", "pagina verder", "pgdown", "space"),
		PageUp:   keyhelp.Bind("pgup", "pagina terug", "pgup"),
		Top:      keyhelp.Bind("g", "naar het begin", "g", "home"),
		Bottom:   keyhelp.Bind("G", "naar het einde", "G", "end"),
	}}
}

func (s *storyScreen) lines(c *common) []string {
	w := c.textWidth()
	var b lineBuilder
	b.add(c.st.heading.Render(wrapText("Casus: "+c.caseTitle, w)))
	b.add("")
	b.add(wrapText(c.caseStory, w))
	b.add("")
	b.add(c.st.faint.Render(wrapText("Hierna zie je wat de docent in deze casus antwoordde. Je kunt elk antwoord wijzigen en zien wat er dan verandert in de samenvatting.", w)))
	b.add("")
	b.add(c.st.selected.Render("> Druk op enter voor de antwoorden"))
	return b.lines
}

// maxOff is the last offset: the end of the story at the bottom.
func (s *storyScreen) maxOff(c *common) int { return max(len(s.lines(c))-c.bodyH, 0) }

func (s *storyScreen) update(c *common, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		s.off = min(s.off, s.maxOff(c))
		return nil
	}
	// A page leaves out the two "meer" lines, so no line is skipped.
	page := max(c.bodyH-2, 1)
	switch {
	case key.Matches(k, s.k.Continue):
		return c.navigate(reviewMsg{})
	case key.Matches(k, s.k.Down):
		s.off++
	case key.Matches(k, s.k.Up):
		s.off--
	case key.Matches(k, s.k.PageDown):
		s.off += page
	case key.Matches(k, s.k.PageUp):
		s.off -= page
	case key.Matches(k, s.k.Top):
		s.off = 0
	case key.Matches(k, s.k.Bottom):
		s.off = s.maxOff(c)
	}
	s.off = min(max(s.off, 0), s.maxOff(c))
	return nil
}

func (s *storyScreen) title(*common) (string, string) { return "casus", "" }

func (s *storyScreen) keys(c *common) keyMap {
	k := s.k
	if s.maxOff(c) == 0 {
		return keyMap{short: []key.Binding{k.Continue}, full: [][]key.Binding{{k.Continue}}}
	}
	return keyMap{
		short: []key.Binding{k.Continue, keyhelp.WithDesc(k.PageDown, "pgdn/pgup", "lezen")},
		full: [][]key.Binding{
			{keyhelp.WithDesc(k.Down, "↓/↑", "scrollen"), keyhelp.WithDesc(k.PageDown, "pgdn/pgup", "pagina"), keyhelp.WithDesc(k.Top, "g/G", "begin/einde")},
			{k.Continue},
		},
	}
}

func (s *storyScreen) view(c *common, _, h int) string {
	lines := s.lines(c)
	if len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	off := min(max(s.off, 0), len(lines)-h)
	out := append([]string(nil), lines[off:off+h]...)
	if off > 0 {
		out[0] = c.st.faint.Render("↑ meer")
	}
	if off+h < len(lines) {
		out[h-1] = c.st.faint.Render("↓ meer (pgdn)")
	}
	return strings.Join(out, "\n")
}
