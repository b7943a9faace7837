package room

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// roundHeader is the current round without its participants.
func (r *room) roundHeader() RoundSnapshot {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := RoundSnapshot{ID: r.round.id, Case: r.round.cs.name, Title: r.round.cs.title, Started: r.round.started, Dir: r.roundDirs[r.round.id]}
	if s.Title == "" {
		s.Title = eigenLes
	}
	return s
}

// roundChoices are what a new round can be: eigen les, then the cases.
func (m *dashModel) roundChoices() []string {
	out := []string{eigenLes + ": iedereen werkt aan de eigen les"}
	for _, c := range m.room.cases {
		out = append(out, "Casus: "+content.Clean(c.title))
	}
	return out
}

func (m *dashModel) keyRound(msg tea.KeyPressMsg) tea.Cmd {
	n := len(m.room.cases) + 1
	switch {
	case key.Matches(msg, m.keys.Up):
		m.roundCursor = max(m.roundCursor-1, 0)
	case key.Matches(msg, m.keys.Down):
		m.roundCursor = min(m.roundCursor+1, n-1)
	case msg.String() == "enter":
		cs := caseInfo{}
		if m.roundCursor > 0 {
			cs = m.room.cases[m.roundCursor-1]
		}
		snap, err := m.room.setRound(cs)
		if err != nil {
			m.status = "De nieuwe ronde is begonnen, maar niet alle antwoorden van de vorige zijn bewaard: " + fileError(err)
		} else {
			m.status = fmt.Sprintf("Ronde %d is begonnen: %s. Iedereen krijgt die bij het volgende scherm.", snap.ID, snap.Title)
		}
		m.mode = modeMain
		m.refresh()
	case msg.String() == "esc", msg.String() == "backspace":
		m.mode = modeMain
	}
	return nil
}

// viewRound lets the trainer choose the case of the next round.
func (m *dashModel) viewRound() string {
	head := m.header("nieuwe ronde", "")
	lines := []string{head, "",
		ansi.Wrap(fmt.Sprintf("Nu: ronde %d, %s. Kies waar de zaal in de volgende ronde aan werkt. De antwoorden van elke ronde komen in een eigen map; eerdere rondes blijven bewaard.",
			m.round.ID, m.round.Title), m.w, ""), ""}
	for i, c := range m.roundChoices() {
		line := ansi.Truncate(c, m.w-2, "…")
		if i == m.roundCursor {
			line = dCursor.Render("> " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	foot := m.footer()
	return fitLines(strings.Join(lines, "\n"), m.h-strings.Count(foot, "\n")-1) + "\n" + foot
}

// roundLine is the round on the dashboard's first screen.
func (m *dashModel) roundLine() string {
	return "Ronde:        " + strconv.Itoa(m.round.ID) + " · " + content.Clean(m.round.Title)
}
