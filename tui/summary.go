package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

type summaryKeys struct {
	pager                        pagerKeys
	NextSec, PrevSec             key.Binding
	Save, Handout, Links, Review key.Binding
}

// summaryScreen shows the summary rendered by Glamour in a viewport and
// pages through its sections (report.Document). Rendering happens in a
// command; until it is back the previous text (or a short note) shows.
type summaryScreen struct {
	sum    *decision.Summary
	doc    report.Document
	vp     viewport.Model
	want   renderKey // the rendering the window needs
	have   renderKey // the rendering in the viewport
	starts []int     // first line of each section in the viewport
	// anchor is the place to return to after the next rendering: a
	// section and how far into it, so a resize keeps the reader's place.
	anchor *anchor
	// tail is the section n or p chose at the bottom of the text, where
	// the last sections start too low to reach the top line; -1 when
	// the reader scrolled there (then the last section is current).
	tail int
	k    summaryKeys
}

type anchor struct {
	section int
	frac    float64
}

func newSummary(c *common) *summaryScreen {
	s := &summaryScreen{
		sum:  c.eng.Summarize(c.answers),
		tail: -1,
		k:    newSummaryKeys(),
	}
	s.doc = report.Summary(s.sum)
	s.vp = viewport.New()
	s.vp.MouseWheelEnabled = true
	s.k.pager.apply(&s.vp)
	if c.pager {
		s.k.Review.SetEnabled(false)
	}
	s.vp.SetContent("De samenvatting wordt opgemaakt…")
	s.layout(c)
	return s
}

// newSummaryKeys: the pager keys of less and glow, and for what only the
// summary does keys that no pager uses (o, x, l).
func newSummaryKeys() summaryKeys {
	return summaryKeys{
		pager:   newPagerKeys(),
		NextSec: keyhelp.Bind("n/tab", "volgend deel", "n", "tab"),
		PrevSec: keyhelp.Bind("p/shift+tab", "vorig deel", "p", "shift+tab"),
		Save:    keyhelp.Bind("o", "samenvatting opslaan (.md)", "o"),
		Handout: keyhelp.Bind("x", "hand-out opslaan om af te drukken (.html)", "x"),
		Links:   keyhelp.Bind("l", "links openen", "l"),
		Review:  keyhelp.Bind("r/esc", "antwoorden wijzigen", "r", "esc", "backspace"),
	}
}

// layout sizes the viewport to the body and says which rendering the
// window needs.
func (s *summaryScreen) layout(c *common) {
	s.vp.SetWidth(max(c.width, 1))
	s.vp.SetHeight(max(c.bodyH, 1))
	s.want = renderKey{width: c.width, light: !c.dark, noColor: c.noColor}
}

// render returns the command that renders for the current window, or
// nil when the viewport already holds that rendering.
func (s *summaryScreen) render(c *common) tea.Cmd {
	s.layout(c)
	if s.want == s.have || c.width == 0 {
		return nil
	}
	k, doc, pool, slots := s.want, s.doc, c.renderers, c.renderSlots
	return func() tea.Msg { return renderDocIn(pool, k, doc, slots) }
}

// atEnd is true when the text is longer than the window and scrolled to
// its bottom.
func (s *summaryScreen) atEnd() bool {
	return len(s.starts) > 0 && s.vp.TotalLineCount() > s.vp.Height() && s.vp.AtBottom()
}

// current is the section the reader is in: the one at the top line, or
// at the bottom of the text the one n or p chose there, else the last:
// the last sections may start too low to ever reach the top line.
func (s *summaryScreen) current() anchor {
	switch {
	case !s.atEnd():
		return s.section(s.vp.YOffset())
	case s.tail >= 0 && s.tail < len(s.starts):
		return anchor{section: s.tail}
	default:
		// frac 1: after a resize, back to the bottom.
		return anchor{section: len(s.starts) - 1, frac: 1}
	}
}

// section returns the section at line y and how far into it y is.
func (s *summaryScreen) section(y int) anchor {
	a := anchor{section: -1}
	for i, st := range s.starts {
		if st <= y {
			a.section = i
		}
	}
	if a.section < 0 {
		return a
	}
	end := s.vp.TotalLineCount()
	if a.section+1 < len(s.starts) {
		end = s.starts[a.section+1]
	}
	if n := end - s.starts[a.section]; n > 0 {
		a.frac = float64(y-s.starts[a.section]) / float64(n)
	}
	return a
}

func (s *summaryScreen) update(c *common, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg, tea.BackgroundColorMsg:
		if s.have.width != 0 && s.anchor == nil {
			a := s.current()
			s.anchor = &a
		}
		return s.render(c)
	case renderedMsg:
		if msg.key != s.want {
			return nil // an older window size
		}
		s.layout(c)
		s.vp.SetContent(msg.text)
		s.starts = msg.starts
		s.have = msg.key
		if a := s.anchor; a != nil && a.section >= 0 && a.section < len(s.starts) {
			end := s.vp.TotalLineCount()
			if a.section+1 < len(s.starts) {
				end = s.starts[a.section+1]
			}
			start := s.starts[a.section]
			s.vp.SetYOffset(start + int(a.frac*float64(end-start)))
			s.tail = -1
			if s.atEnd() && a.section < len(s.starts)-1 && s.section(s.vp.YOffset()).section <= a.section {
				// In view at the bottom: it stays the current one.
				s.tail = a.section
			}
		} else if s.anchor == nil {
			s.vp.GotoTop()
		}
		s.anchor = nil
		return nil
	case tea.MouseWheelMsg:
		s.tail = -1
		var cmd tea.Cmd
		s.vp, cmd = s.vp.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		return s.key(c, msg)
	}
	return nil
}

func (s *summaryScreen) key(c *common, msg tea.KeyPressMsg) tea.Cmd {
	s.layout(c)
	k := s.k
	if !key.Matches(msg, k.NextSec, k.PrevSec) {
		s.tail = -1
	}
	switch {
	case c.remote && (key.Matches(msg, k.Handout) || key.Matches(msg, k.Save)):
		c.setStatus(remoteSaveText(c, true), c.saveErr != "")
	case key.Matches(msg, k.Handout):
		page, err := report.HTML(s.sum, c.now())
		path := ""
		if err == nil {
			path, err = session.SaveNew(c.dir, "afstandswijzer-hand-out", ".html", c.now(), page)
		}
		reportSave(c, "De hand-out om af te drukken", false, path, err)
	case key.Matches(msg, k.Save):
		path, err := session.SaveNew(c.dir, "afstandswijzer-samenvatting", ".md", c.now(), []byte(s.doc.Markdown()))
		reportSave(c, "De samenvatting", false, path, err)
	case key.Matches(msg, k.Review):
		return c.navigate(reviewMsg{})
	case key.Matches(msg, k.NextSec):
		s.nextSection()
	case key.Matches(msg, k.PrevSec):
		s.prevSection()
	case key.Matches(msg, k.pager.Top):
		s.vp.GotoTop()
	case key.Matches(msg, k.pager.Bottom):
		s.vp.GotoBottom()
	case key.Matches(msg, k.Links):
		if len(s.sum.Sources) == 0 {
			c.setStatus("Er staan geen links in deze samenvatting.", false)
			return nil
		}
		return c.navigate(linksMsg{sum: s.sum})
	default:
		var cmd tea.Cmd
		s.vp, cmd = s.vp.Update(msg)
		return cmd
	}
	return nil
}

// nextSection puts the next section at the top line. At the bottom of
// the text, where the last sections cannot reach the top line, it counts
// on through them (they are all in view), so n reaches every section.
func (s *summaryScreen) nextSection() {
	if s.atEnd() {
		s.tail = min(s.current().section+1, len(s.starts)-1)
		return
	}
	s.tail = -1
	y := s.vp.YOffset()
	for i, st := range s.starts {
		if st > y {
			s.vp.SetYOffset(st)
			if s.atEnd() {
				s.tail = i
			}
			return
		}
	}
}

// prevSection goes to the start of the current section, or of the one
// before when the reader is at its start; at the bottom it counts back
// through the sections that cannot reach the top line.
func (s *summaryScreen) prevSection() {
	y := s.vp.YOffset()
	if s.atEnd() {
		cur, top := s.current().section, s.section(y).section
		switch {
		case cur-1 > top:
			s.tail = cur - 1
			return
		case cur-1 == top && s.starts[top] == y:
			// Its start is the top line already, at the bottom.
			s.tail = top
			return
		case cur-1 == top:
			s.tail = -1
			s.vp.SetYOffset(s.starts[top])
			return
		}
	}
	s.tail = -1
	target := 0
	for _, st := range s.starts {
		if st < y {
			target = st
		}
	}
	s.vp.SetYOffset(target)
}

// reportSave tells where a file went; plural picks "staan" over "staat".
func reportSave(c *common, what string, plural bool, path string, err error) {
	if err != nil {
		verb := " kon"
		if plural {
			verb = " konden"
		}
		c.setStatus(what+verb+" niet worden opgeslagen: "+session.FileError(err)+".", true)
		return
	}
	verb := " staat in "
	if plural {
		verb = " staan in "
	}
	c.setStatus(what+verb+path, false)
}

func (s *summaryScreen) title(c *common) (string, string) {
	right := ""
	if s.have.width != 0 {
		right = c.st.faint.Render(s.place())
	}
	return "samenvatting", right
}

// place says where the reader is: the section and how much is read.
func (s *summaryScreen) place() string {
	if s.vp.TotalLineCount() <= s.vp.Height() {
		return "alles in beeld"
	}
	out := strconv.Itoa(int(s.vp.ScrollPercent()*100+0.5)) + "% gelezen"
	if a := s.current(); a.section >= 0 {
		out = "deel " + itoa(a.section+1) + " van " + itoa(len(s.starts)) + " · " + out
	}
	return out
}

func (s *summaryScreen) keys(c *common) keyMap {
	k := s.k
	// Most needed first: FitShort drops from the end on a narrow window.
	short := []key.Binding{k.pager.short(), keyhelp.WithDesc(k.NextSec, "n/p", "deel"),
		keyhelp.WithDesc(k.Review, "r", "wijzigen"), keyhelp.WithDesc(k.Links, "l", "links")}
	act := []key.Binding{k.NextSec, k.PrevSec, k.Links, keyhelp.WithDesc(k.Review, "r/esc/backspace", "antwoorden wijzigen")}
	full := [][]key.Binding{append(k.pager.full(), k.pager.Wheel), act, {k.Save, k.Handout}}
	// Over SSH o and x keep their meaning but only explain that files
	// would land on the trainer's laptop: in the full list, as they work,
	// saying so.
	if c.remote {
		full[2] = []key.Binding{keyhelp.WithDesc(k.Save, "o", "opslaan (kan hier niet)"), keyhelp.WithDesc(k.Handout, "x", "hand-out (kan hier niet)")}
	} else {
		short = append(short, keyhelp.WithDesc(k.Save, "o", "opslaan"), keyhelp.WithDesc(k.Handout, "x", "hand-out"))
	}
	return keyMap{short: short, full: full}
}

func (s *summaryScreen) view(*common, int, int) string { return s.vp.View() }
