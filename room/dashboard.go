package room

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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
}

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
	k := msg.String()
	km := m.keys
	m.status = ""
	switch m.mode {
	case modeStop:
		switch k {
		case "j", "y", "enter", "ctrl+c":
			return tea.Quit
		default:
			m.mode = m.back
		}
		return nil
	case modeRemove:
		if (k == "j" || k == "y") && m.cursor < len(m.rows) {
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
	switch {
	case key.Matches(msg, km.Help):
		m.allKeys = !m.allKeys
		return nil
	case key.Matches(msg, km.Quit):
		m.back, m.mode = m.mode, modeStop
		return nil
	}
	if m.mode == modeCompare {
		switch {
		case key.Matches(msg, km.Back):
			m.mode = modeMain
		case key.Matches(msg, km.Handout):
			m.saveHandout()
		default:
			var cmd tea.Cmd
			m.vp, cmd = m.vp.Update(msg)
			return cmd
		}
		return nil
	}
	switch {
	case k == "esc":
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
		path, err = saveNew(m.room.dir, "vergelijking-"+m.now().Format("2006-01-02"), ".html", html)
		if err == nil {
			m.status = "Hand-out opgeslagen: " + path
			return
		}
	}
	m.status = "De hand-out is niet opgeslagen: " + session.FileError(err)
}

// saveNew writes dir/base.ext, or base-2.ext and so on: it never
// overwrites.
func saveNew(dir, base, ext string, data []byte) (string, error) {
	for n := 1; n < 1000; n++ {
		name := base + ext
		if n > 1 {
			name = base + "-" + strconv.Itoa(n) + ext
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(path)
			return "", werr
		}
		return path, nil
	}
	return "", errors.New("er bestaan al te veel hand-outs met deze naam")
}
