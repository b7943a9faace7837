package room

import (
	"os"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The dashboard shows the beamer on key p. Kept apart from dashboard.go,
// which only asks beamerMsg first and lets the beamer draw.

// openBeamer shows the beamer; it keeps its page and what was shown from
// an earlier visit, and starts a new chain of counts.
func (m *dashModel) openBeamer() tea.Cmd {
	if m.beamer == nil {
		m.beamer = NewBeamer(m.room.eng, m.beamerSource(), BeamerOptions{
			ASCII: m.noColor || os.Getenv("TERM") == "linux",
			Dir:   m.room.dir,
			Now:   m.now,
		})
	}
	m.mode = modeBeamer
	m.beamer.Update(tea.WindowSizeMsg{Width: m.w, Height: m.h})
	return m.beamer.Init()
}

// beamerSource is the current round for the beamer (roundSnapshot locks
// the room; it runs in the beamer's Cmd).
func (m *dashModel) beamerSource() func() RoundView {
	r := m.room
	return func() RoundView {
		s := r.roundSnapshot()
		v := RoundView{Round: s.ID}
		if s.Case != "" {
			v.Case = s.Title
		}
		for _, p := range s.Participants {
			v.Participants = append(v.Participants, BeamerParticipant{Name: p.Name, Answers: p.Answers})
		}
		return v
	}
}

// beamerMsg gives the beamer what is its own; done means the dashboard
// does nothing more with msg. ctrl+c still asks to stop the room, from
// the beamer too; the beamer's ticks end while it is not on screen.
func (m *dashModel) beamerMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case beamerTickMsg, beamerCountMsg:
		// On screen, or behind the stop question asked from it.
		onScreen := m.mode == modeBeamer || (m.mode == modeStop && m.back == modeBeamer)
		if m.beamer == nil || !onScreen {
			return nil, true
		}
		_, cmd := m.beamer.Update(msg)
		return cmd, true
	case BeamerDoneMsg:
		m.mode = modeMain
		return nil, true
	case tea.WindowSizeMsg:
		if m.beamer != nil {
			m.beamer.Update(msg)
		}
	case tea.KeyPressMsg:
		switch {
		case m.mode == modeMain && key.Matches(msg, m.keys.Beamer):
			m.status = ""
			return m.openBeamer(), true
		case m.mode == modeBeamer && msg.String() != "ctrl+c":
			_, cmd := m.beamer.Update(msg)
			return cmd, true
		}
	}
	return nil, false
}
