package room

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/store/session"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// runDashboard shows the room on the trainer's terminal until the trainer
// stops (after a question) or ctx is cancelled.
func runDashboard(ctx context.Context, s *server, info roomInfo) error {
	m := newDashboard(s.room, info, s.cfg.Now, s.cfg.NoColor)
	opts := []tea.ProgramOption{tea.WithOutput(s.cfg.Stdout)}
	if s.cfg.Stdin != nil {
		opts = append(opts, tea.WithInput(s.cfg.Stdin))
	}
	if s.cfg.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	if w := s.cfg.winSize; w[0] > 0 {
		opts = append(opts, tea.WithWindowSize(w[0], w[1]))
	}
	p := tea.NewProgram(m, opts...)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				p.Quit()
				return
			case e := <-s.room.events:
				p.Send(roomMsg(e))
			}
		}
	}()
	_, err := p.Run()
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}

// roomMsg tells the dashboard that something changed in the room.
type roomMsg Event

type dashMode int

const (
	modeMain dashMode = iota
	modeStop
	modeRemove
	modeCompare
	modeBeamer // the beamer view (beamer_dash.go)
	modeRound  // choosing the case of a new round
)

type dashModel struct {
	room    *room
	info    roomInfo
	now     func() time.Time
	noColor bool
	dark    bool

	w, h     int
	mode     dashMode
	back     dashMode // where a cancelled stop question returns to
	keys     dashKeys
	help     help.Model
	allKeys  bool // ? shows every key
	cursor   int
	selected map[string]bool
	rows     []Row
	tally    []Tally
	counted  int
	events   []Event
	status   string

	vp      viewport.Model
	cmpMD   string
	cmpCols []string
	// smallCode hides the large code, to make room for the list (the
	// full help does too).
	smallCode bool
	// beamer keeps its state (page, what is shown) between visits.
	beamer *Beamer
	// roundCursor is the choice in modeRound: 0 eigen les, then the
	// cases.
	roundCursor int
	// refreshing is set while a refresh is scheduled: events only mark
	// the dashboard stale, so a busy room redraws it a few times a
	// second, not once per key of every participant.
	refreshing bool
	refused    [2]int
	round      RoundSnapshot
}

// refreshMsg redraws the dashboard from a new snapshot.
type refreshMsg struct{}

// refreshEvery bounds how often the dashboard takes a snapshot.
const refreshEvery = 100 * time.Millisecond

func newDashboard(r *room, info roomInfo, now func() time.Time, noColor bool) *dashModel {
	m := &dashModel{room: r, info: info, now: now, noColor: noColor, dark: true, selected: map[string]bool{}, vp: viewport.New(),
		keys: newDashKeys(), help: help.New()}
	m.setHelpStyles()
	m.refresh()
	return m
}

func (m *dashModel) Init() tea.Cmd {
	if m.noColor {
		return nil
	}
	return tea.RequestBackgroundColor
}

func (m *dashModel) refresh() {
	m.rows, m.tally, m.counted = m.room.snapshot()
	m.room.mu.Lock()
	m.refused = m.room.refused
	m.room.mu.Unlock()
	m.round = m.room.roundHeader()
	m.cursor = min(m.cursor, max(len(m.rows)-1, 0))
	for f := range m.selected {
		found := false
		for _, r := range m.rows {
			found = found || r.File == f
		}
		if !found {
			delete(m.selected, f)
		}
	}
}

func (m *dashModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, done := m.beamerMsg(msg); done {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.vp.SetWidth(m.w)
		m.vp.SetHeight(max(m.h-4, 1))
		if m.mode == modeCompare {
			m.renderCompare()
		}
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.setHelpStyles()
	case roomMsg:
		if msg.Text != "" {
			m.events = append(m.events, Event(msg))
			if len(m.events) > 50 {
				m.events = m.events[1:]
			}
		}
		if !m.refreshing {
			m.refreshing = true
			return m, tea.Tick(refreshEvery, func(time.Time) tea.Msg { return refreshMsg{} })
		}
	case refreshMsg:
		m.refreshing = false
		m.refresh()
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.MouseWheelMsg:
		if m.mode == modeCompare {
			var cmd tea.Cmd
			m.vp, cmd = m.vp.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

func (m *dashModel) setHelpStyles() {
	if m.noColor {
		m.help.Styles = help.Styles{}
		return
	}
	m.help.Styles = help.DefaultStyles(m.dark)
}

func (m *dashModel) key(msg tea.KeyPressMsg) tea.Cmd {
	m.status = ""
	if m.mode == modeStop || m.mode == modeRemove {
		return m.keyConfirm(msg.String())
	}
	switch {
	case key.Matches(msg, m.keys.Help):
		m.allKeys = !m.allKeys
		return nil
	case key.Matches(msg, m.keys.Quit):
		m.back, m.mode = m.mode, modeStop
		return nil
	}
	switch m.mode {
	case modeCompare:
		return m.keyCompare(msg)
	case modeRound:
		return m.keyRound(msg)
	}
	return m.keyMain(msg)
}

// keyConfirm answers the question to stop or to remove: j (or y) does it,
// any other key cancels.
func (m *dashModel) keyConfirm(k string) tea.Cmd {
	// As the participants' quit question: the key that asked confirms
	// (q again, x again), ctrl+c stops too; no movement key (j) says yes,
	// and esc or any other key keeps things as they are.
	if m.mode == modeStop {
		if k == "q" || k == "ctrl+c" {
			return tea.Quit
		}
		m.mode = m.back
		return nil
	}
	if (k == "x" || k == "delete") && m.cursor < len(m.rows) {
		row := m.rows[m.cursor]
		if err := m.room.remove(row.File); err != nil {
			m.status = "Verwijderen lukte niet: " + session.FileError(err)
		} else {
			m.status = row.File + " is verwijderd. De bestanden staan in " + filepath.Join(m.info.Dir, removedDir) + "."
		}
		m.refresh()
	}
	m.mode = modeMain
	return nil
}

func (m *dashModel) keyCompare(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Back):
		m.mode = modeMain
	case key.Matches(msg, m.keys.Handout):
		m.saveHandout()
	default:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return cmd
	}
	return nil
}

func (m *dashModel) keyMain(msg tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	switch {
	case msg.String() == "esc":
		// Nothing to go back to on the first screen: esc asks to stop.
		m.back, m.mode = m.mode, modeStop
	case key.Matches(msg, km.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, km.Down):
		m.cursor = min(m.cursor+1, max(len(m.rows)-1, 0))
	case key.Matches(msg, km.Select):
		if m.cursor < len(m.rows) {
			f := m.rows[m.cursor].File
			m.selected[f] = !m.selected[f]
			if !m.selected[f] {
				delete(m.selected, f)
			}
		}
	case key.Matches(msg, km.All):
		if len(m.selected) > 0 {
			clear(m.selected)
		} else {
			for _, r := range m.rows {
				m.selected[r.File] = true
			}
		}
	case key.Matches(msg, km.Compare):
		if m.renderCompare() {
			m.mode = modeCompare
			m.vp.GotoTop()
		}
	case key.Matches(msg, km.Handout):
		m.saveHandout()
	case key.Matches(msg, km.Code):
		m.smallCode = !m.smallCode
	case key.Matches(msg, km.Remove):
		if m.cursor < len(m.rows) {
			m.mode = modeRemove
		}
	case key.Matches(msg, km.Round):
		m.mode, m.roundCursor = modeRound, 0
	}
	return nil
}

// comparison compares the selected participants, or everyone with answers
// when fewer than two are selected.
func (m *dashModel) comparison() ([]string, string, bool) {
	files := m.room.compareFiles(m.selected)
	if len(m.selected) < 2 {
		files = m.room.compareFiles(nil)
	}
	if len(files) < 2 {
		m.status = "Om te vergelijken zijn minstens twee deelnemers met antwoorden nodig."
		return nil, "", false
	}
	c := m.room.eng.Compare(files)
	cols := c.Columns
	width := max(m.w, 40)
	if report.CompareFits(c, width) {
		return cols, report.CompareMarkdown(c), true
	}
	return cols, report.CompareStacked(c, "Het venster is te smal voor een tabel, daarom staan de antwoorden onder elkaar. De hand-out (h) heeft de tabel."), true
}

func (m *dashModel) renderCompare() bool {
	cols, md, ok := m.comparison()
	if !ok {
		return false
	}
	m.cmpCols, m.cmpMD = cols, md
	out, err := report.Terminal(md, max(m.w-2, 20), report.TerminalOptions{Light: !m.dark, NoColor: m.noColor})
	if err != nil {
		out = md
	}
	m.vp.SetContent(strings.Trim(out, "\n"))
	return true
}

// saveHandout writes the room's comparison as HTML into the room folder.
func (m *dashModel) saveHandout() {
	files := m.room.compareFiles(m.selected)
	if len(m.selected) < 2 {
		files = m.room.compareFiles(nil)
	}
	if len(files) < 2 {
		m.status = "Voor een hand-out zijn minstens twee deelnemers met antwoorden nodig."
		return
	}
	html, err := report.CompareHTML(m.room.eng.Compare(files), m.now())
	if err == nil {
		var path string
		path, err = session.SaveNew(m.room.dir, "vergelijking", ".html", m.now(), html)
		if err == nil {
			m.status = "Hand-out opgeslagen: " + path
			return
		}
	}
	m.status = "De hand-out is niet opgeslagen: " + session.FileError(err)
}
