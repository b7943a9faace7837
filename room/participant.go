package room

import (
	"errors"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/store/session"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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
	phaseBye
)

// byeMsg ends a participant's session with a message (stop, removal, or
// the same name joining elsewhere).
type byeMsg struct{ text string }

// byeDelay is how long the goodbye screen stays before the connection
// closes.
var byeDelay = 2 * time.Second

// partModel is one participant's program: it asks for a name, then runs
// the normal afstandswijzer TUI and syncs the answers file after every
// update.
type partModel struct {
	room    *room
	program *tea.Program
	p       *participant
	kick    func(string)

	phase   phase
	input   textinput.Model
	problem string
	inner   tea.Model
	w, h    int
	bye     string
}

func newPartModel(r *room, user string) *partModel {
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = maxNameRunes
	in.SetValue(DisplayName(user))
	in.CursorEnd()
	in.SetWidth(maxNameRunes + 2)
	return &partModel{room: r, input: in}
}

func (m *partModel) Init() tea.Cmd { return m.input.Focus() }

func (m *partModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case byeMsg:
		m.phase, m.bye = phaseBye, msg.text
		return m, tea.Tick(byeDelay, func(time.Time) tea.Msg { return tea.QuitMsg{} })
	}
	switch m.phase {
	case phaseName:
		return m, m.updateName(msg)
	case phaseMain:
		inner, cmd := m.inner.Update(msg)
		m.inner = inner
		if _, ok := msg.(tea.KeyPressMsg); ok {
			if err := m.room.sync(m.p); err != nil {
				m.room.log("%s: antwoorden niet bewaard: %s", m.p.name, session.FileError(err))
			}
		}
		return m, cmd
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "ctrl+c" || k.String() == "q" || k.String() == "enter") {
		return m, tea.Quit
	}
	return m, nil
}

func (m *partModel) updateName(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "ctrl+c", "esc":
			return tea.Quit
		case "enter":
			return m.enter()
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// enter joins the room with the typed name and starts the TUI.
func (m *partModel) enter() tea.Cmd {
	p, returning, err := m.room.join(m.input.Value(), m.kick, m.program)
	if err != nil {
		m.problem = "Typ een naam met minstens één letter of cijfer."
		return nil
	}
	m.p = p
	opt := tui.Options{
		Engine:      m.room.eng,
		SessionPath: m.room.sessionPath(p.file),
		Dir:         m.room.outputPath(p.file),
		Now:         m.room.now,
		Open:        func(string) error { return errNoBrowser },
		Resume:      true,
		Remote:      true,
	}
	cs := m.room.cs
	if cs.answers != nil {
		opt.Answers, opt.Title, opt.Story = cs.answers, cs.title, cs.story
		if returning {
			if a := m.room.savedAnswers(p); len(a) > 0 {
				opt.Answers = a
			}
		} else if err := m.room.start(p, cs.answers); err != nil {
			m.room.log("%s: antwoorden niet bewaard: %s", p.name, session.FileError(err))
		}
	}
	m.inner = tui.NewModel(opt)
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

func (m *partModel) View() tea.View {
	switch m.phase {
	case phaseMain:
		return m.inner.View()
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
		b.WriteString(m.problem + "\n\n")
	}
	b.WriteString(ansi.Wrap("Met dezelfde naam ga je later verder waar je was.", w, "") + "\n\n")
	// As in the TUI while typing: q is a letter here, ctrl+c stops (esc
	// too: there is nothing to go back to).
	b.WriteString(faintStyle.Render("enter verder • ctrl+c stoppen"))
	v := tea.NewView(b.String())
	v.AltScreen = true
	v.WindowTitle = "afstandswijzer · studiemiddag"
	return v
}
