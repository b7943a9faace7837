package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type choice int

const (
	choiceStart choice = iota
	choiceResume
	choiceResources
)

// choices lists the welcome menu; "ga verder" only with a saved session.
func (m *model) choices() []choice {
	if m.saved != nil {
		return []choice{choiceResume, choiceStart, choiceResources}
	}
	return []choice{choiceStart, choiceResources}
}

func (m *model) choiceText(c choice) (string, string) {
	switch c {
	case choiceResume:
		n := 0
		for _, q := range m.eng.Visible(m.saved) {
			if m.saved.Has(q.ID) {
				n++
			}
		}
		return "Ga verder waar je was", "Je hebt al " + itoa(n) + " " + plural(n, "vraag", "vragen") + " beantwoord."
	case choiceStart:
		if m.saved != nil {
			return "Begin opnieuw", "Je vorige antwoorden worden vervangen zodra je een vraag beantwoordt."
		}
		return "Begin met de vragen", "Het duurt ongeveer vijf minuten."
	default:
		return "Bekijk alle bronnen", "Websites en documenten met hulp, per thema."
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (m *model) updateWelcome(msg tea.KeyPressMsg) tea.Cmd {
	cs := m.choices()
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showKeys = !m.showKeys
	case key.Matches(msg, k.Up):
		m.wCursor = (m.wCursor + len(cs) - 1) % len(cs)
	case key.Matches(msg, k.Down):
		m.wCursor = (m.wCursor + 1) % len(cs)
	case key.Matches(msg, k.Pick):
		// A number selects, enter confirms: the same as on a question, so
		// a habit from one screen does not surprise on the other.
		if n := int(msg.String()[0] - '1'); n < len(cs) {
			m.wCursor = n
		}
	case key.Matches(msg, k.Confirm):
		return m.choose(cs[m.wCursor])
	}
	return nil
}

func (m *model) choose(c choice) tea.Cmd {
	switch c {
	case choiceStart:
		m.setAnswersNoSave(nil)
		m.fromReview = false
		m.enterQuestion(m.eng.Next(m.answers))
	case choiceResume:
		m.setAnswersNoSave(m.saved)
		m.saved = nil
		if next := m.eng.Next(m.answers); next != nil {
			m.fromReview = false
			m.enterQuestion(next)
		} else {
			m.enterReview()
		}
	case choiceResources:
		m.openResources(scrWelcome)
	}
	return nil
}

// setAnswersNoSave replaces the answers without touching the saved
// session: starting over only replaces it once a question is answered.
func (m *model) setAnswersNoSave(a map[string][]string) {
	m.answers = make(map[string][]string, len(a))
	for k, v := range a {
		m.answers[k] = append([]string{}, v...)
	}
	m.live = m.eng.Summarize(m.answers)
}

func (m *model) viewWelcome(h int) string {
	w := min(m.width, textMax)
	meta := m.eng.C.Meta
	var intro []string
	intro = append(intro,
		m.st.heading.Render("Mag je afstandsonderwijs gebruiken in je les? En hoe?"),
		"",
		wrap("Je beantwoordt een paar korte vragen over je les. Daarna krijg je een samenvatting: welke regels gelden, wie wat beslist, of het meetelt als begeleide onderwijstijd, en waar je hulp vindt.", w),
		"",
		wrapIndent("Voor wie: ", "docenten, onderwijsteams, teamleiders en opleiders in het mbo.", w),
		wrapIndent("Bron:     ", meta.Title+" ("+meta.Publisher+", "+meta.Date+").", w),
		wrapIndent("Privacy:  ", "alles blijft op je eigen computer. Het programma stuurt niets naar internet.", w),
	)
	if m.sessionNote != "" {
		intro = append(intro, "", m.st.warn.Render(wrap(m.sessionNote, w)))
	}
	intro = append(intro, "")
	lines := strings.Split(strings.Join(intro, "\n"), "\n")
	fs := len(lines)
	for i, c := range m.choices() {
		title, desc := m.choiceText(c)
		num := itoa(i+1) + ". "
		if i == m.wCursor {
			lines = append(lines, m.st.selected.Render("> "+num+title))
		} else {
			lines = append(lines, "  "+num+title)
		}
		lines = append(lines, m.st.faint.Render(wrapIndent("     ", desc, w)))
	}
	return window(lines, fs, len(lines), h, m.st)
}
