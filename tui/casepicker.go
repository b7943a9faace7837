package tui

import (
	"errors"
	"fmt"
	"io"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

// PickOptions configure PickCase; In and Out replace stdin and stdout.
type PickOptions struct {
	NoColor bool
	In      io.Reader
	Out     io.Writer
	// Selected is the name of the case the cursor starts on (the one the
	// trainer came back from); empty means the first.
	Selected string
}

// PickCase lets a trainer choose an example case at a terminal
// (`afstandswijzer casus` without a name). It returns the chosen case, or
// nil when the trainer stopped without choosing. The caller then opens it
// with Run (Options.Answers, Title and Story).
func PickCase(cases []*content.Case, opt PickOptions) (*content.Case, error) {
	if len(cases) == 0 {
		return nil, errors.New("er zijn geen casussen")
	}
	m := newCasePicker(cases, opt.NoColor)
	for i, cs := range cases {
		if cs.Name == opt.Selected {
			m.list.cursor = i
		}
	}
	var po []tea.ProgramOption
	if opt.In != nil {
		po = append(po, tea.WithInput(opt.In))
	}
	if opt.Out != nil {
		po = append(po, tea.WithOutput(opt.Out))
	}
	if _, err := tea.NewProgram(m, po...).Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return nil, fmt.Errorf("het terminalvenster werkt niet mee: %w", err)
	}
	return m.chosen, nil
}

// casePicker is a small program of its own: one cursor list of cases,
// each with its story under it.
type casePicker struct {
	cases         []*content.Case
	list          cursorList
	k             listKeys
	choose, esc   key.Binding
	global        globalKeys
	allKeys       bool // full help instead of the short line
	help          help.Model
	st            styles
	width, height int
	chosen        *content.Case
}

func newCasePicker(cases []*content.Case, noColor bool) *casePicker {
	m := &casePicker{
		cases:  cases,
		list:   cursorList{n: len(cases)},
		k:      newListKeys(),
		choose: keyhelp.Bind("enter", "openen", "enter"),
		// The first screen: there is nothing to go back to. Esc closes
		// the key list and never quits (q does), as on the welcome
		// screen.
		esc:    keyhelp.Bind("?/esc", "minder toetsen", "?", "esc"),
		global: newGlobalKeys(),
		help:   help.New(),
		st:     newStyles(true, noColor, noColor),
	}
	m.help.Styles = m.st.help
	return m
}

func (m *casePicker) Init() tea.Cmd { return nil }

func (m *casePicker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if handled, _ := m.list.update(msg, m.k, 3); handled {
			return m, nil
		}
		switch {
		case key.Matches(msg, m.choose):
			m.chosen = m.cases[m.list.cursor]
			return m, tea.Quit
		case m.allKeys && key.Matches(msg, m.esc):
			m.allKeys = false
		case key.Matches(msg, m.global.Help):
			m.allKeys = true
		case key.Matches(msg, m.global.Quit):
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m *casePicker) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	if m.width == 0 {
		return v
	}
	w := min(m.width, textMax)
	var b lineBuilder
	for i, cs := range m.cases {
		prefix := "  " + itoa(i+1) + ". "
		// The name that `afstandswijzer casus NAAM` and `studiemiddag
		// --casus NAAM` take, so a trainer sees what to type next time.
		title := clean(cs.Title) + " (" + clean(cs.Name) + ")"
		if i == m.list.cursor {
			b.focusStart()
			b.add(m.st.selected.Render(wrapIndent("> "+itoa(i+1)+". ", title, w)))
		} else {
			b.add(wrapIndent(prefix, title, w))
		}
		b.add(m.st.faint.Render(wrapIndent("     ", clean(cs.Story), w)))
		if i == m.list.cursor {
			b.focusEnd()
		}
		b.add("")
	}
	// The help as on the welcome screen: ? for all keys, q stops.
	g := m.global
	var footer string
	if m.allKeys {
		footer = keyhelp.FitFull(m.help, m.fullKeys(), m.width)
	} else {
		footer = keyhelp.FitShort(m.help, []key.Binding{m.k.Move, m.choose}, nil, []key.Binding{keyhelp.WithDesc(g.Help, "?", "toetsen"), g.Quit}, m.width)
	}
	h := max(m.height-3-lipgloss.Height(footer), 1)
	v.Content = m.st.title.Render("afstandswijzer") + m.st.faint.Render(" · kies een casus") + "\n\n" +
		fitHeight(b.window(h, m.st), h) + "\n\n" + footer
	return v
}

// fullKeys is every key of the picker, for ? (and the README test).
func (m *casePicker) fullKeys() [][]key.Binding {
	return [][]key.Binding{m.k.full(len(m.cases)), {m.choose}, {m.esc, m.global.Quit}}
}
