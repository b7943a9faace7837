package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// enterQuestion shows q with the earlier answer preselected: going back
// or changing an answer never starts from an empty screen.
func (m *model) enterQuestion(q *content.Question) {
	if q == nil {
		m.enterReview()
		return
	}
	m.scr = scrQuestion
	m.q = q
	m.showWhy = false
	m.qCursor = 0
	m.qPicked = map[string]bool{}
	for i, o := range q.Options {
		for _, v := range m.answers[q.ID] {
			if v == o.Value {
				m.qPicked[v] = true
				if q.Kind == content.One {
					m.qCursor = i
				}
			}
		}
	}
	m.qPos, m.qTotal = m.eng.Position(m.answers, q.ID)
}

func (m *model) updateQuestion(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	q := m.q
	n := len(q.Options)
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Why):
		m.showWhy = !m.showWhy
	case key.Matches(msg, k.Keys):
		m.showKeys = !m.showKeys
	case key.Matches(msg, k.Up):
		m.qCursor = (m.qCursor + n - 1) % n
	case key.Matches(msg, k.Down):
		m.qCursor = (m.qCursor + 1) % n
	case key.Matches(msg, k.Pick):
		i := int(msg.String()[0] - '1')
		if i >= n {
			return nil
		}
		m.qCursor = i
		if q.Kind == content.Many {
			m.toggle(i)
		}
	case key.Matches(msg, k.Toggle):
		if q.Kind == content.Many {
			m.toggle(m.qCursor)
		}
	case key.Matches(msg, k.Confirm):
		m.confirm()
	case key.Matches(msg, k.Back):
		m.back()
	}
	return nil
}

func (m *model) toggle(i int) {
	v := m.q.Options[i].Value
	m.qPicked[v] = !m.qPicked[v]
}

// confirm stores the answer and moves on along the path the engine derives
// from the new answers.
func (m *model) confirm() {
	q := m.q
	var vals []string
	if q.Kind == content.Many {
		vals = []string{} // an empty set is a valid answer: "none of these"
		for _, o := range q.Options {
			if m.qPicked[o.Value] {
				vals = append(vals, o.Value)
			}
		}
	} else {
		vals = []string{q.Options[m.qCursor].Value}
	}
	a, err := m.eng.Set(m.answers, q.ID, vals...)
	if err != nil {
		m.setStatus(err.Error(), true)
		return
	}
	m.setAnswers(a)
	if m.fromReview {
		// After a change in review: first the questions that now apply
		// and have no answer, then back to the review.
		m.enterQuestion(m.eng.Next(m.answers))
		return
	}
	vis := m.eng.Visible(m.answers)
	for i, v := range vis {
		if v.ID == q.ID && i+1 < len(vis) {
			m.enterQuestion(vis[i+1])
			return
		}
	}
	m.enterQuestion(m.eng.Next(m.answers))
}

// back moves the cursor only; no answer is deleted.
func (m *model) back() {
	if prev := m.eng.Previous(m.answers, m.q.ID); prev != nil && !m.fromReview {
		m.enterQuestion(prev)
		return
	}
	if m.fromReview {
		m.enterReview()
		return
	}
	m.scr = scrWelcome
	m.wCursor = 0
	if m.saved == nil && len(m.answers) > 0 {
		// The session on disk is the one just given: offer to resume it.
		m.saved = m.answers.Clone()
	}
}

func (m *model) progress() string {
	text := "vraag " + itoa(m.qPos) + " van ongeveer " + itoa(m.qTotal)
	const barW = 16
	full := 0
	if m.qTotal > 0 {
		full = barW * m.qPos / m.qTotal
	}
	bar := m.st.barFull.Render(strings.Repeat("█", full)) + m.st.barEmpty.Render(strings.Repeat("░", barW-full))
	if m.width < 80 {
		return m.st.faint.Render(text)
	}
	return bar + " " + m.st.faint.Render(text)
}

func (m *model) viewQuestion(w, h int) string {
	q := m.q
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(m.st.heading.Render(wrap(strings.TrimSpace(q.Text), w)))
	if q.Kind == content.Many {
		add(m.st.faint.Render(wrap("Spatie of het nummer zet een keuze aan of uit. Niets kiezen mag ook. Enter gaat verder.", w)))
	}
	add("")
	fs, fe := 0, 0
	for i, o := range q.Options {
		marker := "  "
		if i == m.qCursor {
			marker = "> "
		}
		box := ""
		if q.Kind == content.Many {
			box = "[ ] "
			if m.qPicked[o.Value] {
				box = "[x] "
			}
		}
		prefix := marker + box + itoa(i+1) + ". "
		title := wrapIndent(prefix, o.Label, w)
		if i == m.qCursor {
			fs = len(lines)
			title = m.st.selected.Render(title)
		} else if m.qPicked[o.Value] && q.Kind == content.One {
			// The earlier answer stays visible when the cursor moves.
			title = m.st.accent.Render(title)
		}
		add(title)
		// With the explanation open, options take one line each, so on a
		// small window the choices and the explanation fit together.
		if h := strings.TrimSpace(o.Help); h != "" && !m.showWhy {
			add(m.st.faint.Render(wrapIndent(strings.Repeat(" ", len(prefix)), h, w)))
		}
		if i == m.qCursor {
			fe = len(lines)
		}
	}
	if m.showWhy {
		add("")
		fs = len(lines)
		add(m.whyView(w))
		fe = len(lines)
	} else {
		add("")
		add(m.st.faint.Render("Druk op ? om te lezen waarom we dit vragen."))
	}
	return window(lines, fs, fe, h, m.st)
}

func (m *model) whyView(w int) string {
	q := m.q
	inner := w - 2
	var parts []string
	parts = append(parts, m.st.heading.Render("Waarom we dit vragen"))
	if s := strings.TrimSpace(q.Help); s != "" {
		parts = append(parts, wrap(s, inner))
	}
	if s := strings.TrimSpace(q.Quote); s != "" {
		parts = append(parts, "", m.st.faint.Render("Uit de handreiking:"), wrap("“"+s+"”", inner))
	}
	if s := strings.TrimSpace(q.Background); s != "" {
		parts = append(parts, "", m.st.faint.Render("Achtergrond:"), wrap(s, inner))
	}
	return m.st.why.Render(strings.Join(parts, "\n"))
}
