package room

import (
	"errors"
	"runtime/debug"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/decision"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/tui"
)

// errNoBrowser is what a participant's "open link" gets: a browser would
// open on the trainer's laptop, not theirs. The TUI then shows the URL to
// copy instead.
var errNoBrowser = errors.New("geen browser over ssh")

type phase int

const (
	phaseName phase = iota
	phaseMain
	phaseRound // the trainer started a new round: a short notice first
	phaseBye
)

// byeMsg ends a participant's session with a message (stop, removal, or
// the same key joining elsewhere).
type byeMsg struct{ text string }

// nameTimeoutMsg ends the name screen when no key came for nameTimeout.
type nameTimeoutMsg struct{ gen int }

// byeDelay is how long the goodbye screen stays before the connection
// closes.
var byeDelay = 2 * time.Second

// partModel is one participant's program: it asks for a name, then runs
// the normal afstandswijzer TUI, which hands its answers to the room.
type partModel struct {
	room       *room
	ticket     *ticket
	program    *tea.Program
	p          *participant
	kick       func(string)
	closeLater func() // closes the connection after the goodbye

	phase   phase
	input   textinput.Model
	problem string
	gen     int // counts keys on the name screen, for its timeout
	inner   tea.Model
	round   int  // the round inner belongs to
	crashed bool // inner failed (tui.Options.OnCrash)
	w, h    int
	bye     string
}

func newPartModel(r *room, t *ticket) *partModel {
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = maxNameRunes
	// Empty: the join line's "naam" is a placeholder, never a name.
	in.SetWidth(maxNameRunes + 2)
	return &partModel{room: r, ticket: t, input: in}
}

func (m *partModel) Init() tea.Cmd {
	return tea.Batch(m.input.Focus(), m.nameTimer())
}

func (m *partModel) nameTimer() tea.Cmd {
	gen := m.gen
	return tea.Tick(m.room.nameTimeout, func(time.Time) tea.Msg { return nameTimeoutMsg{gen: gen} })
}

func (m *partModel) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	// A panic here ends only this session.
	defer func() {
		if v := recover(); v != nil {
			m.fail(v, debug.Stack())
			cmd = m.goodbye(crashText)
		}
	}()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case byeMsg:
		return m, m.goodbye(msg.text)
	case roundMsg:
		if m.phase == phaseMain {
			m.phase = phaseRound
		}
		return m, nil
	}
	switch m.phase {
	case phaseName:
		return m, m.updateName(msg)
	case phaseRound:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			switch k.String() {
			case "enter", "space", " ":
				return m, m.startInner()
			case "ctrl+c":
				return m, tea.Quit
			}
		}
		return m, nil
	case phaseMain:
		inner, cmd := m.inner.Update(msg)
		m.inner = inner
		if m.crashed {
			return m, m.goodbye(crashText)
		}
		return m, cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "ctrl+c" || k.String() == "q" || k.String() == "enter") {
		return m, tea.Quit
	}
	return m, nil
}

// goodbye shows text and closes the session after byeDelay, also when
// the client stopped reading.
func (m *partModel) goodbye(text string) tea.Cmd {
	m.phase, m.bye = phaseBye, text
	if m.closeLater != nil {
		m.closeLater()
	}
	return tea.Tick(byeDelay, func(time.Time) tea.Msg { return tea.QuitMsg{} })
}

// fail reports a panic in this participant's program to the room.
func (m *partModel) fail(v any, stack []byte) {
	who := m.ticket.name()
	if who == "" {
		who = "een deelnemer zonder naam"
	}
	m.room.crashed(who, v, stack)
}

func (m *partModel) updateName(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case nameTimeoutMsg:
		if msg.gen == m.gen {
			return m.goodbye(nameTimeoutText)
		}
		return nil
	case tea.KeyPressMsg:
		// Only keys count as activity, not the cursor's blinking.
		m.gen++
		m.ticket.touch()
		switch msg.String() {
		case "ctrl+c", "esc":
			return tea.Quit
		case "enter":
			return tea.Batch(m.enter(), m.nameTimer())
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return tea.Batch(cmd, m.nameTimer())
	case tea.PasteMsg:
		m.gen++
		m.ticket.touch()
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return tea.Batch(cmd, m.nameTimer())
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// enter joins the room with the typed name and starts the TUI.
func (m *partModel) enter() tea.Cmd {
	name := m.input.Value()
	p, _, err := m.room.join(m.ticket, name, m.kick, m.program)
	if err != nil {
		text, again := joinError(err, name)
		if !again {
			return m.goodbye(text)
		}
		m.problem = text
		var taken *nameTaken
		if errors.As(err, &taken) {
			m.input.SetValue(taken.free)
			m.input.CursorEnd()
		}
		return nil
	}
	m.p = p
	return m.startInner()
}

// startInner opens the TUI in the room's current round.
func (m *partModel) startInner() tea.Cmd {
	round, cs, start := m.room.startScreen(m.p)
	p := m.p
	opt := tui.Options{
		Engine:      m.room.eng,
		SessionPath: m.room.sessionPath(round, p.file),
		Dir:         m.room.outputPath(p.file),
		Now:         m.room.now,
		Open:        func(string) error { return errNoBrowser },
		Resume:      true,
		Remote:      true,
		OnAnswers:   func(a decision.Answers) { m.room.answersFor(p, round, a) },
		OnCrash:     func(v any, stack []byte) { m.crashed = true; m.fail(v, stack) },
	}
	if cs.answers != nil {
		opt.Answers, opt.Title, opt.Story = start, cs.title, cs.story
	}
	m.inner, m.round = tui.NewModel(opt), round
	m.phase = phaseMain
	cmds := []tea.Cmd{m.inner.Init()}
	if m.w > 0 {
		var cmd tea.Cmd
		m.inner, cmd = m.inner.Update(tea.WindowSizeMsg{Width: m.w, Height: m.h})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

var (
	titleStyle = lipgloss.NewStyle().Bold(true)
	faintStyle = lipgloss.NewStyle().Faint(true)
)

func (m *partModel) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			m.fail(r, debug.Stack())
			v = tea.NewView(crashText)
			// View runs inside the event loop: end the session from
			// outside it.
			if p := m.program; p != nil {
				go p.Send(byeMsg{text: crashText})
			}
		}
	}()
	switch m.phase {
	case phaseMain:
		return m.inner.View()
	case phaseRound:
		return m.roundView()
	case phaseBye:
		v := tea.NewView(titleStyle.Render("afstandswijzer") + faintStyle.Render(" · studiemiddag") + "\n\n" +
			ansi.Wrap(m.bye, max(m.w, 20), ""))
		v.AltScreen = true
		return v
	}
	var b strings.Builder
	b.WriteString(titleStyle.Render("afstandswijzer") + faintStyle.Render(" · studiemiddag") + "\n\n")
	w := max(min(m.w, 80), 20)
	b.WriteString(ansi.Wrap("Welkom bij de studiemiddag! Hoe heet je? Werk je in een team, typ dan de naam van je team.", w, "") + "\n\n")
	b.WriteString(m.input.View() + "\n\n")
	if m.problem != "" {
		b.WriteString(ansi.Wrap(m.problem, w, "") + "\n\n")
	}
	b.WriteString(ansi.Wrap("Met dezelfde naam ga je later verder waar je was. Heet iemand anders hier ook zo, kies dan een andere naam.", w, "") + "\n\n")
	// As in the TUI while typing: q is a letter here, ctrl+c stops (esc
	// too: there is nothing to go back to).
	b.WriteString(faintStyle.Render("enter verder • ctrl+c stoppen"))
	v = tea.NewView(b.String())
	v.AltScreen = true
	return v
}

// roundView is the notice of a new round.
func (m *partModel) roundView() tea.View {
	_, cs := m.room.currentRound()
	title := cs.title
	if title == "" {
		title = "je eigen les"
	}
	w := max(min(m.w, 80), 20)
	text := "De trainer begint een nieuwe ronde: " + title + ". Je antwoorden van de vorige ronde zijn bewaard."
	v := tea.NewView(titleStyle.Render("afstandswijzer") + faintStyle.Render(" · studiemiddag") + "\n\n" +
		ansi.Wrap(content.Clean(text), w, "") + "\n\n" + faintStyle.Render("enter verder • ctrl+c stoppen"))
	v.AltScreen = true
	return v
}
