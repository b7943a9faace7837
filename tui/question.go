package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

type questionKeys struct {
	list                  listKeys
	Toggle, Confirm, Back key.Binding
	// Next and Prev are tab and shift+tab, as in huh's forms.
	Next, Prev          key.Binding
	Why, WhyDown, WhyUp key.Binding
}

// questionScreen asks one question. fromReview means an answer is being
// changed from the review: afterwards the questions that now apply and
// have no answer follow, then the review again, with a note on what the
// change did.
type questionScreen struct {
	q          *content.Question
	list       cursorList
	picked     map[string]bool
	showWhy    bool
	whyOff     int // first line of the explanation in view
	fromReview bool
	before     decision.Answers // answers before the change (fromReview)
	editID     string
	pos, total int
	k          questionKeys
}

func newQuestion(c *common, q *content.Question, fromReview bool) *questionScreen {
	s := &questionScreen{
		q:          q,
		picked:     map[string]bool{},
		fromReview: fromReview,
		k: questionKeys{
			list:    newListKeys(),
			Toggle:  keyhelp.Bind("spatie", "aan/uit", "space"),
			Confirm: keyhelp.Bind("enter", "verder", "enter"),
			Back:    keyhelp.Bind("esc", "terug", "esc"),
			Next:    keyhelp.Bind("tab", "verder", "tab"),
			Prev:    keyhelp.Bind("shift+tab/backspace", "terug", "shift+tab", "backspace"),
			Why:     keyhelp.Bind("w", "waarom we dit vragen", "w"),
			WhyDown: keyhelp.Bind("pgdn", "uitleg verder", "pgdown"),
			WhyUp:   keyhelp.Bind("pgup", "uitleg terug", "pgup"),
		},
	}
	if fromReview {
		s.before = c.answers.Clone()
		s.editID = q.ID
	}
	s.enter(c, q)
	return s
}

// enter shows q with the earlier answer preselected: going back or
// changing an answer never starts from an empty screen.
func (s *questionScreen) enter(c *common, q *content.Question) {
	s.q = q
	s.showWhy, s.whyOff = false, 0
	s.list = cursorList{n: len(q.Options)}
	s.picked = map[string]bool{}
	for i, o := range q.Options {
		for _, v := range c.answers[q.ID] {
			if v == o.Value {
				s.picked[v] = true
				if q.Kind == content.One {
					s.list.cursor = i
				}
			}
		}
	}
	s.pos, s.total = c.eng.Position(c.answers, q.ID)
}

func (s *questionScreen) update(c *common, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if s.showWhy {
		// With the explanation open, pgup/pgdn scroll it.
		switch {
		// A page is the height minus the two "meer" lines, so no line of
		// the explanation is skipped.
		case key.Matches(k, s.k.WhyDown):
			s.whyOff = min(s.whyOff+max(s.whyHeight(c)-2, 1), s.maxWhyOff(c))
			return nil
		case key.Matches(k, s.k.WhyUp):
			s.whyOff = max(s.whyOff-max(s.whyHeight(c)-2, 1), 0)
			return nil
		}
	}
	// A digit moves the cursor to that option, as everywhere; space
	// (multiple choice) and enter act.
	if handled, _ := s.list.update(k, s.k.list, 3); handled {
		return nil
	}
	switch {
	case key.Matches(k, s.k.Back) && s.showWhy:
		// Esc closes what is open first: the explanation.
		s.showWhy, s.whyOff = false, 0
	case key.Matches(k, s.k.Why):
		s.showWhy, s.whyOff = !s.showWhy, 0
	case key.Matches(k, s.k.Toggle) && s.q.Kind == content.Many:
		s.toggle(s.list.cursor)
	case key.Matches(k, s.k.Confirm, s.k.Next):
		return s.confirm(c)
	case key.Matches(k, s.k.Back, s.k.Prev):
		return s.back(c)
	}
	return nil
}

func (s *questionScreen) toggle(i int) {
	v := s.q.Options[i].Value
	s.picked[v] = !s.picked[v]
}

// confirm stores the answer and moves on along the path the engine
// derives from the new answers.
func (s *questionScreen) confirm(c *common) tea.Cmd {
	q := s.q
	var vals []string
	if q.Kind == content.Many {
		vals = []string{} // an empty set is a valid answer: "none of these"
		for _, o := range q.Options {
			if s.picked[o.Value] {
				vals = append(vals, o.Value)
			}
		}
	} else {
		vals = []string{q.Options[s.list.cursor].Value}
	}
	a, err := c.eng.Set(c.answers, q.ID, vals...)
	if err != nil {
		c.setStatus(err.Error(), true)
		return nil
	}
	c.setAnswers(a)
	if s.fromReview {
		if next := c.eng.Next(c.answers); next != nil {
			s.enter(c, next)
			return nil
		}
		return c.navigate(reviewMsg{note: changeNote(c, s.before, c.answers, s.editID)})
	}
	if next := c.eng.After(c.answers, q.ID); next != nil {
		s.enter(c, next)
		return nil
	}
	return c.navigate(reviewMsg{})
}

// back moves the cursor only; no answer is deleted.
func (s *questionScreen) back(c *common) tea.Cmd {
	if s.fromReview {
		return c.navigate(reviewMsg{note: changeNote(c, s.before, c.answers, s.editID)})
	}
	if prev := c.eng.Previous(c.answers, s.q.ID); prev != nil {
		s.enter(c, prev)
		return nil
	}
	return c.navigate(welcomeMsg{})
}

func (s *questionScreen) title(c *common) (string, string) {
	// Keep the content's own capitals: "BOT" must not read as "bot".
	return clean(s.q.Short), s.progress(c)
}

func (s *questionScreen) progress(c *common) string {
	text := "vraag " + itoa(s.pos) + " van ongeveer " + itoa(s.total)
	const barW = 16
	full := 0
	if s.total > 0 {
		full = min(barW*s.pos/s.total, barW)
	}
	if c.width < 80 {
		return c.st.faint.Render(text)
	}
	bar := c.st.barFull.Render(strings.Repeat(c.st.sym.full, full)) + c.st.barEmpty.Render(strings.Repeat(c.st.sym.empty, barW-full))
	return bar + " " + c.st.faint.Render(text)
}

func (s *questionScreen) keys(c *common) keyMap {
	k := s.k
	many := s.q.Kind == content.Many
	why := keyhelp.WithDesc(k.Why, "w", "waarom")
	back := k.Back
	if s.showWhy {
		why = keyhelp.WithDesc(k.Why, "w", "uitleg dicht")
		back = keyhelp.WithDesc(k.Back, "esc", "uitleg dicht")
	}
	// Most needed first: FitShort drops from the end on a narrow window,
	// so enter, space (multiple choice) and the way to close the
	// explanation stay.
	short := []key.Binding{k.Confirm}
	if many {
		short = append(short, k.Toggle)
	}
	if s.showWhy {
		short = append(short, back, keyhelp.WithDesc(k.WhyDown, "pgdn/pgup", "uitleg lezen"))
		if s.maxWhyOff(c) == 0 {
			short[len(short)-1].SetEnabled(false) // nothing to scroll
		}
	} else {
		short = append(short, why, back)
	}
	short = append(short, k.list.Move)
	act := []key.Binding{k.Confirm, k.Next}
	if many {
		act = append(act, k.Toggle)
	}
	act = append(act, back, k.Prev)
	whyCol := []key.Binding{why}
	if s.showWhy {
		whyCol = append(whyCol, k.WhyDown, k.WhyUp)
	}
	list := k.list.full(len(s.q.Options))
	var drop []int
	if s.showWhy {
		// pgup/pgdn scroll the explanation then, not the options.
		list = list[:len(list)-2]
		// On a narrow window enter goes before space and esc: with the
		// explanation open, closing it comes first. (Move is last.)
		drop = dropOrder(len(short), len(short)-1, len(short)-2, 0)
	}
	return keyMap{short: short, full: [][]key.Binding{list, act, whyCol}, drop: drop}
}

func (s *questionScreen) view(c *common, w, h int) string {
	return withPanel(c, w, h, s.body)
}

// top is the question and its options.
func (s *questionScreen) top(c *common, w int) lineBuilder {
	q := s.q
	var b lineBuilder
	b.add(c.st.heading.Render(wrapText(clean(strings.TrimSpace(q.Text)), w)))
	if q.Kind == content.Many {
		b.add(c.st.faint.Render(wrapText("Spatie zet de keuze onder de cursor aan of uit. Niets kiezen mag ook. Enter gaat verder.", w)))
	}
	b.add("")
	for i, o := range q.Options {
		marker := "  "
		if i == s.list.cursor {
			marker = "> "
		}
		box := ""
		if q.Kind == content.Many {
			box = "[ ] "
			if s.picked[o.Value] {
				box = "[x] "
			}
		}
		prefix := marker + box + itoa(i+1) + ". "
		title := wrapIndent(prefix, clean(o.Label), w)
		if i == s.list.cursor {
			b.focusStart()
			title = c.st.selected.Render(title)
		} else if s.picked[o.Value] && q.Kind == content.One {
			// The earlier answer stays visible when the cursor moves.
			title = c.st.accent.Render(title)
		}
		b.add(title)
		// With the explanation open, options take one line each, so on a
		// small window the choices and the explanation fit together.
		if help := strings.TrimSpace(o.Help); help != "" && !s.showWhy {
			b.add(c.st.faint.Render(wrapIndent(strings.Repeat(" ", len(prefix)), clean(help), w)))
		}
		if i == s.list.cursor {
			b.focusEnd()
		}
	}
	return b
}

func (s *questionScreen) body(c *common, w, h int) string {
	b := s.top(c, w)
	if !s.showWhy {
		b.add("")
		b.add(c.st.faint.Render("Druk op w om te lezen waarom we dit vragen."))
		return b.window(h, c.st)
	}
	// The explanation gets the lines under the options and scrolls there.
	top := b.window(min(len(b.lines), max(h-5, 3)), c.st)
	whyH := h - strings.Count(top, "\n") - 2
	if whyH < 1 {
		// No room under the options (a short window with the key list
		// open): the explanation shows when the list closes.
		return top
	}
	lines := s.whyLines(c, w)
	off := min(s.whyOff, max(len(lines)-whyH, 0))
	end := min(off+whyH, len(lines))
	shown := append([]string(nil), lines[off:end]...)
	if off > 0 && len(shown) > 0 {
		shown[0] = c.st.faint.Render("↑ meer (pgup)")
	}
	if end < len(lines) && len(shown) > 0 {
		shown[len(shown)-1] = c.st.faint.Render("↓ meer (pgdn)")
	}
	return top + "\n\n" + c.st.why.Render(strings.Join(shown, "\n"))
}

// whyHeight and maxWhyOff repeat the layout of body for the keys.
func (s *questionScreen) whyHeight(c *common) int {
	w, h := questionSize(c)
	b := s.top(c, w)
	return h - min(len(b.lines), max(h-5, 3)) - 1
}

func (s *questionScreen) maxWhyOff(c *common) int {
	w, _ := questionSize(c)
	return max(len(s.whyLines(c, w))-s.whyHeight(c), 0)
}

// questionSize is the text width and body height of a question screen.
func questionSize(c *common) (int, int) {
	w, _ := panelSplit(c.width)
	return w, c.bodyH
}

// whyLines is the explanation, wrapped inside its bar.
func (s *questionScreen) whyLines(c *common, w int) []string {
	q := s.q
	inner := w - 2
	var parts []string
	parts = append(parts, c.st.heading.Render("Waarom we dit vragen"))
	if t := strings.TrimSpace(q.Help); t != "" {
		parts = append(parts, wrapText(clean(t), inner))
	}
	if t := strings.TrimSpace(q.Quote); t != "" {
		parts = append(parts, "", c.st.faint.Render("Uit de handreiking:"), wrapText("“"+clean(t)+"”", inner))
	}
	if t := strings.TrimSpace(q.Background); t != "" {
		parts = append(parts, "", c.st.faint.Render("Achtergrond:"), wrapText(clean(t), inner))
	}
	return strings.Split(strings.Join(parts, "\n"), "\n")
}
