package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// enterReview shows all answers. When it follows a change, it says what
// the change did: which answer changed, which questions were added and
// which answers no longer count.
func (m *model) enterReview() {
	m.scr = scrReview
	m.rNote = ""
	if m.beforeEdit != nil {
		m.rNote = m.changeNote(m.beforeEdit, m.answers, m.editID)
		m.beforeEdit = nil
	}
	m.fromReview = false
	if rows := m.reviewRows(); m.rCursor >= len(rows)+1 {
		m.rCursor = len(rows)
	}
}

func (m *model) changeNote(before, after decision.Answers, id string) string {
	q := m.eng.C.Question(id)
	if q == nil || slices.Equal(before[id], after[id]) {
		return ""
	}
	note := "Je antwoord op „" + q.Short + "” is aangepast."
	if added := newShorts(m.eng.Visible(before), m.eng.Visible(after)); len(added) > 0 {
		note += " Daardoor gelden nu ook: " + strings.Join(added, ", ") + "."
	}
	if gone := newShorts(m.eng.Dropped(before), m.eng.Dropped(after)); len(gone) > 0 {
		note += " Niet meer van toepassing: " + strings.Join(gone, ", ") + "."
	}
	return note
}

// newShorts names the questions in after that were not in before.
func newShorts(before, after []*content.Question) []string {
	var out []string
	for _, q := range after {
		if !slices.Contains(before, q) {
			out = append(out, q.Short)
		}
	}
	return out
}

// reviewRows are the questions on the current path.
func (m *model) reviewRows() []*content.Question { return m.eng.Visible(m.answers) }

func (m *model) updateReview(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	rows := m.reviewRows()
	n := len(rows) + 1 // the last row goes to the summary
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showKeys = !m.showKeys
	case key.Matches(msg, k.Up):
		m.rCursor = (m.rCursor + n - 1) % n
	case key.Matches(msg, k.Down):
		m.rCursor = (m.rCursor + 1) % n
	case key.Matches(msg, k.Top):
		m.rCursor = 0
	case key.Matches(msg, k.Bottom):
		m.rCursor = n - 1
	case key.Matches(msg, k.Summary):
		m.toSummary()
	case key.Matches(msg, k.Confirm):
		if m.rCursor == len(rows) {
			m.toSummary()
			return nil
		}
		q := rows[m.rCursor]
		m.beforeEdit = m.answers.Clone()
		m.editID = q.ID
		m.enterQuestion(q)
		m.fromReview = true
	case key.Matches(msg, k.Back):
		m.rNote = ""
		if len(rows) > 0 {
			m.enterQuestion(rows[len(rows)-1])
		}
	}
	return nil
}

// toSummary opens the summary, or first the questions still open.
func (m *model) toSummary() {
	if next := m.eng.Next(m.answers); next != nil {
		m.beforeEdit = m.answers.Clone()
		m.editID = next.ID
		m.enterQuestion(next)
		m.fromReview = true
		m.setStatus("Beantwoord eerst deze vraag.", true)
		return
	}
	m.enterSummary()
}

func (m *model) viewReview(w, h int) string {
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	if m.caseTitle != "" {
		add(m.st.accent.Render(wrap("Casus: "+m.caseTitle, w)))
	}
	add(m.st.heading.Render("Kloppen je antwoorden?"))
	add(m.st.faint.Render(wrap("Kies een antwoord en druk op enter om het te wijzigen. Of ga naar de samenvatting.", w)))
	if m.rNote != "" {
		add("")
		add(m.st.accent.Render(wrap(m.rNote, w)))
	}
	add("")
	rows := m.reviewRows()
	labelW := 0
	for _, q := range rows {
		labelW = max(labelW, len([]rune(q.Short)))
	}
	labelW = min(labelW, w/3)
	fs, fe := 0, 0
	for i, q := range rows {
		marker := "  "
		if i == m.rCursor {
			marker = "> "
		}
		ans := m.st.faint.Render("nog niet beantwoord")
		if m.answers.Has(q.ID) {
			ans = answerText(q, m.answers[q.ID])
		}
		short := q.Short
		if r := []rune(short); len(r) > labelW {
			short = string(r[:labelW-1]) + "…"
		}
		prefix := marker + short + strings.Repeat(" ", labelW-len([]rune(short))) + "  "
		line := wrapIndent(prefix, ans, w)
		if i == m.rCursor {
			fs = len(lines)
			line = m.st.selected.Render(line)
		}
		add(line)
		if i == m.rCursor {
			fe = len(lines)
		}
	}
	add("")
	last := "  Naar de samenvatting"
	if m.rCursor == len(rows) {
		fs = len(lines)
		last = m.st.selected.Render("> Naar de samenvatting")
	}
	add(last)
	if m.rCursor == len(rows) {
		fe = len(lines)
	}
	if dropped := m.eng.Dropped(m.answers); len(dropped) > 0 {
		add("")
		add(m.st.warn.Render(wrap("Deze antwoorden tellen niet mee, omdat de vraag bij je andere antwoorden niet geldt:", w)))
		for _, q := range dropped {
			add(m.st.faint.Render(wrapIndent("  – ", q.Short+": "+answerText(q, m.answers[q.ID]), w)))
		}
		add(m.st.faint.Render(wrap("Ze blijven bewaard: als je terugwijzigt, tellen ze weer mee.", w)))
	}
	if m.rCursor == len(rows) {
		// On the last row, show what follows it too.
		fe = len(lines)
	}
	return window(lines, fs, fe, h, m.st)
}

// answerText shows answer values by their labels.
func answerText(q *content.Question, vals []string) string {
	if len(vals) == 0 {
		return "geen van deze"
	}
	labels := make([]string, 0, len(vals))
	for _, v := range vals {
		if o := q.Option(v); o != nil {
			labels = append(labels, o.Label)
		}
	}
	return strings.Join(labels, ", ")
}
