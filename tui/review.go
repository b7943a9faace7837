package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

type reviewKeys struct {
	list                   listKeys
	Confirm, Summary, Back key.Binding
}

// reviewScreen lists the answers on the path; the last row goes on to the
// summary and is where the cursor starts, so the enter habit of the
// questions does not open the first answer.
type reviewScreen struct {
	list cursorList
	note string // what the last change did
	k    reviewKeys
}

func newReview(c *common, note string) *reviewScreen {
	s := &reviewScreen{note: note, k: reviewKeys{
		list:    newListKeys(),
		Confirm: keyhelp.Bind("enter", "wijzigen", "enter"),
		Summary: keyhelp.Bind("v", "naar de samenvatting", "v"),
		Back:    keyhelp.Bind("esc/backspace", "terug", "esc", "backspace"),
	}}
	n := len(c.eng.Visible(c.answers))
	s.list = cursorList{n: n + 1, cursor: n}
	return s
}

// changeNote says what a change in the review did (decision.ChangeNote),
// sanitized for the screen.
func changeNote(c *common, before, after decision.Answers, id string) string {
	return clean(c.eng.ChangeNote(before, after, id))
}

func (s *reviewScreen) update(c *common, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	rows := c.eng.Visible(c.answers)
	s.list.setLen(len(rows) + 1)
	// A digit moves the cursor to that numbered row; enter opens it.
	if handled, _ := s.list.update(k, s.k.list, 5); handled {
		return nil
	}
	switch {
	case key.Matches(k, s.k.Summary):
		return toSummary(c)
	case key.Matches(k, s.k.Confirm):
		return s.open(c, rows)
	case key.Matches(k, s.k.Back):
		if c.caseStory != "" {
			// A case came from its story, not from the questions.
			return c.navigate(storyMsg{})
		}
		if len(rows) > 0 {
			return c.navigate(questionMsg{q: rows[len(rows)-1]})
		}
	}
	return nil
}

// open changes the answer under the cursor, or goes to the summary.
func (s *reviewScreen) open(c *common, rows []*content.Question) tea.Cmd {
	if s.list.cursor >= len(rows) {
		return toSummary(c)
	}
	return c.navigate(editMsg{q: rows[s.list.cursor]})
}

// toSummary opens the summary, or first the questions still open.
func toSummary(c *common) tea.Cmd {
	if next := c.eng.Next(c.answers); next != nil {
		c.setStatus("Beantwoord eerst deze vraag.", true)
		return c.navigate(editMsg{q: next})
	}
	return c.navigate(summaryMsg{})
}

func (s *reviewScreen) title(c *common) (string, string) {
	if c.caseTitle != "" {
		return "casus", ""
	}
	return "je antwoorden", ""
}

func (s *reviewScreen) keys(c *common) keyMap {
	k := s.k
	confirm := k.Confirm
	if s.list.cursor >= len(c.eng.Visible(c.answers)) {
		confirm = keyhelp.WithDesc(confirm, "enter", "naar de samenvatting")
	}
	back, shortBack := k.Back, "terug"
	if c.caseStory != "" {
		back, shortBack = keyhelp.WithDesc(back, "esc/backspace", "terug naar het verhaal"), "verhaal"
	}
	return keyMap{
		short: []key.Binding{confirm, k.list.Move, keyhelp.WithDesc(back, "esc", shortBack), keyhelp.WithDesc(k.Summary, "v", "samenvatting")},
		full:  [][]key.Binding{k.list.full(s.list.n), {keyhelp.WithDesc(k.Confirm, "enter", "wijzigen of verder"), k.Summary, back}},
	}
}

func (s *reviewScreen) view(c *common, w, h int) string { return withPanel(c, w, h, s.body) }

func (s *reviewScreen) body(c *common, w, h int) string {
	var head lineBuilder
	b := &head
	if c.caseTitle != "" {
		// The story has its own screen before this one (esc).
		b.add(c.st.accent.Render(wrapText("Casus: "+c.caseTitle, w)))
		b.add("")
		b.add(c.st.heading.Render("Dit antwoordde de docent in de casus. Klopt dat?"))
		b.add(c.st.faint.Render(wrapText("Kies een antwoord en druk op enter om het te wijzigen en te zien wat er verandert. Of ga naar de samenvatting.", w)))
	} else {
		b.add(c.st.heading.Render("Kloppen je antwoorden?"))
		b.add(c.st.faint.Render(wrapText("Kies een antwoord en druk op enter om het te wijzigen. Of ga naar de samenvatting.", w)))
	}
	if s.note != "" {
		b.add("")
		b.add(c.st.accent.Render(wrapText(s.note, w)))
	}
	b.add("")
	// The heading stays in view above the scrolling rows, unless it
	// takes more than half the window (a long case story).
	var rowsB lineBuilder
	if len(head.lines) <= h/2 {
		b = &rowsB
	}
	rows := c.eng.Visible(c.answers)
	s.addRows(c, b, rows, w)
	b.add("")
	onLast := s.list.cursor >= len(rows)
	if onLast {
		b.focusStart()
		b.add(c.st.selected.Render("> Naar de samenvatting"))
	} else {
		b.add("  Naar de samenvatting")
	}
	if dropped := c.eng.Dropped(c.answers); len(dropped) > 0 {
		// One short paragraph, so it does not push the rows off a small
		// window (issue 16, point 12).
		var items []string
		for _, q := range dropped {
			items = append(items, clean(q.Short+" („"+answerText(q, c.answers[q.ID])+"”)"))
		}
		b.add("")
		b.add(c.st.faint.Render(wrapText("Tellen niet mee, omdat de vraag bij je andere antwoorden niet geldt (ze blijven bewaard: als je terugwijzigt, tellen ze weer mee): "+strings.Join(items, "; ")+".", w)))
	}
	if onLast {
		// On the last row, show what follows it too.
		b.focusEnd()
	}
	if b == &head {
		return head.window(h, c.st)
	}
	return strings.Join(head.lines, "\n") + "\n" + rowsB.window(h-len(head.lines), c.st)
}

// addRows adds a numbered row per question on the path, label and answer.
func (s *reviewScreen) addRows(c *common, b *lineBuilder, rows []*content.Question, w int) {
	labelW := 0
	for _, q := range rows {
		labelW = max(labelW, len([]rune(q.Short)))
	}
	labelW = min(labelW, w/3)
	numW := len(itoa(len(rows)))
	for i, q := range rows {
		marker := "  "
		if i == s.list.cursor {
			marker = "> "
		}
		// The rows show their numbers: a digit moves the cursor there.
		num := itoa(i + 1)
		marker += strings.Repeat(" ", numW-len(num)) + num + ". "
		ans := c.st.faint.Render("nog niet beantwoord")
		if c.answers.Has(q.ID) {
			ans = clean(answerText(q, c.answers[q.ID]))
		}
		short := clean(q.Short)
		if r := []rune(short); len(r) > labelW {
			short = string(r[:labelW-1]) + "…"
		}
		prefix := marker + short + strings.Repeat(" ", labelW-len([]rune(short))) + "  "
		line := wrapIndent(prefix, ans, w)
		if i == s.list.cursor {
			b.focusStart()
			line = c.st.selected.Render(line)
		}
		b.add(line)
		if i == s.list.cursor {
			b.focusEnd()
		}
	}
}
