package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

type storyKeys struct {
	pager          pagerKeys
	Continue, Back key.Binding
}

// storyScreen is the first screen of an example case (`afstandswijzer
// casus NAAM`): the case's story, then enter to the teacher's answers.
// The review comes back here with esc, and esc here goes back to the
// list of cases when the case was picked there. It scrolls as a pager.
type storyScreen struct {
	off int // first line in view
	k   storyKeys
}

func newStory() *storyScreen {
	return &storyScreen{k: storyKeys{
		pager:    newPagerKeys(),
		Continue: keyhelp.Bind("enter", "naar de antwoorden", "enter"),
		Back:     keyhelp.Bind("esc", "terug naar de casussen", "esc"),
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
	p := s.k.pager
	switch {
	case key.Matches(k, s.k.Continue):
		return c.navigate(reviewMsg{})
	case key.Matches(k, s.k.Back) && c.fromPicker:
		return c.navigate(pickerMsg{})
	case key.Matches(k, p.Down):
		s.off++
	case key.Matches(k, p.Up):
		s.off--
	case key.Matches(k, p.PageDown):
		s.off += page
	case key.Matches(k, p.PageUp):
		s.off -= page
	case key.Matches(k, p.HalfDown):
		s.off += max(page/2, 1)
	case key.Matches(k, p.HalfUp):
		s.off -= max(page/2, 1)
	case key.Matches(k, p.Top):
		s.off = 0
	case key.Matches(k, p.Bottom):
		s.off = s.maxOff(c)
	}
	s.off = min(max(s.off, 0), s.maxOff(c))
	return nil
}

func (s *storyScreen) title(*common) (string, string) { return "casus", "" }

func (s *storyScreen) keys(c *common) keyMap {
	k := s.k
	act := []key.Binding{k.Continue}
	if c.fromPicker {
		act = append(act, k.Back)
	}
	if s.maxOff(c) == 0 {
		return keyMap{short: act, full: [][]key.Binding{act}}
	}
	return keyMap{
		short: append(append([]key.Binding{}, act[0], k.pager.short()), act[1:]...),
		full:  [][]key.Binding{k.pager.full(), act},
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
		out[h-1] = c.st.faint.Render("↓ meer (spatie)")
	}
	return strings.Join(out, "\n")
}
