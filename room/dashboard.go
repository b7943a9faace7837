package room

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
	"github.com/afstandswijzer/afstandswijzer/store/session"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

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

var (
	dTitle  = lipgloss.NewStyle().Bold(true)
	dFaint  = lipgloss.NewStyle().Faint(true)
	dCode   = lipgloss.NewStyle().Bold(true)
	dCursor = lipgloss.NewStyle().Reverse(true)
	dWarn   = lipgloss.NewStyle().Bold(true)
)

func (m *dashModel) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "afstandswijzer · studiemiddag"
	if m.w == 0 || m.h == 0 {
		return v
	}
	if m.w < 40 || m.h < 12 {
		v.Content = ansi.Wrap("Maak het venster groter (minstens 40 bij 12). Code: "+m.info.Code, m.w, "")
		return v
	}
	if m.mode == modeCompare {
		v.MouseMode = tea.MouseModeCellMotion
		v.Content = m.viewCompare()
		return v
	}
	v.Content = m.viewMain()
	return v
}

func (m *dashModel) header(title, right string) string {
	left := dTitle.Render("afstandswijzer") + dFaint.Render(" · "+title)
	gap := m.w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, m.w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *dashModel) viewCompare() string {
	head := m.header("vergelijking", dFaint.Render(strconv.Itoa(len(m.cmpCols))+" deelnemers"))
	foot := m.footer()
	m.vp.SetHeight(max(m.h-2-lipgloss.Height(foot), 1))
	return head + "\n\n" + fitLines(m.vp.View(), m.vp.Height()) + "\n" + foot
}

// footer is the status line and the help: the short line that fits the
// width, or with ? all keys.
func (m *dashModel) footer() string {
	status := m.status
	switch m.mode {
	case modeStop:
		status = dWarn.Render("Stoppen? Iedereen ziet dan een afscheidsscherm. De antwoorden blijven bewaard. (j/n)")
	case modeRemove:
		if m.cursor < len(m.rows) {
			status = dWarn.Render(m.rows[m.cursor].File + " verwijderen? De sessie stopt. De bestanden gaan naar " + removedDir + ". (j/n)")
		}
	default:
		if status == "" && len(m.events) > 0 {
			e := m.events[len(m.events)-1]
			status = dFaint.Render(e.Time.Format("15:04") + " " + e.Text)
		}
	}
	mode := m.mode
	if mode == modeStop {
		mode = m.back
	}
	var keys string
	if m.allKeys {
		keys = keyhelp.FitFull(m.help, m.keys.fullHelp(mode), m.w)
	} else {
		short, drop := m.keys.shortHelp(mode)
		keys = keyhelp.FitShort(m.help, short, drop, []key.Binding{m.keys.Help, m.keys.Quit}, m.w)
	}
	return ansi.Wrap(status, m.w, "") + "\n" + keys
}

// viewMain draws the code and how to join, the participants and the
// tally, cut to the window from the bottom up.
func (m *dashModel) viewMain() string {
	active := 0
	for _, r := range m.rows {
		if r.Active {
			active++
		}
	}
	var top []string
	top = append(top, m.header("studiemiddag", dFaint.Render(fmt.Sprintf("%d van %d in de zaal", active, m.info.Max))), "")
	top = append(top, "Code: "+dCode.Render(m.info.Code))
	if big := BigText(m.info.Code, m.w); big != "" && m.h >= 22 && !m.smallCode && !m.allKeys {
		top = append(top, dCode.Render(big))
	}
	for i, j := range m.info.Joins {
		label := "Meedoen:      "
		if i > 0 {
			label = "          of: "
		}
		top = append(top, label+j)
	}
	top = append(top, "Vingerafdruk: "+m.info.Fingerprint)
	if m.info.Case != "" {
		top = append(top, "Casus:        "+m.info.Case)
	}
	top = append(top, "Antwoorden:   "+m.info.Dir, "")
	// A narrow window wraps long lines (fingerprint, folder) between
	// words, so every line on screen is counted.
	top = strings.Split(ansi.Wrap(strings.Join(top, "\n"), m.w, ""), "\n")

	foot := m.footer()
	fh := lipgloss.Height(foot)
	room := m.h - len(top) - fh
	parts := m.viewParticipants()
	tally := m.viewTally()
	// The participants get what they need, up to two thirds; the tally
	// the rest.
	pn := min(len(parts), max(room-min(len(tally), room/3), 2))
	body := windowLines(parts, m.cursor+1, pn)
	if rest := room - len(body); rest > 1 {
		body = append(body, "")
		body = append(body, tally[:min(len(tally), rest-1)]...)
	}
	out := append(top, body...)
	return fitLines(strings.Join(out, "\n"), m.h-fh) + "\n" + foot
}

func (m *dashModel) viewParticipants() []string {
	lines := []string{dTitle.Render(fmt.Sprintf("Deelnemers (%d)", len(m.rows)))}
	if len(m.rows) == 0 {
		return append(lines, dFaint.Render("Nog niemand. Laat de code en de regel hierboven zien."))
	}
	nameW := 4
	for _, r := range m.rows {
		nameW = max(nameW, lipgloss.Width(r.File))
	}
	nameW = min(nameW, maxNameRunes)
	for i, r := range m.rows {
		sel := "[ ]"
		if m.selected[r.File] {
			sel = "[x]"
		}
		// The file's name, not the typed one: the trainer matches the
		// list with MAP/*.toml and `vergelijk` afterwards.
		name := r.File + strings.Repeat(" ", max(nameW-lipgloss.Width(r.File), 0))
		where := "weg"
		if r.Active {
			where = "   "
		}
		progress := "nog niet begonnen"
		switch {
		case r.Complete:
			progress = "klaar"
		case r.Answered && r.Total > 0:
			progress = fmt.Sprintf("vraag %d van %d", r.Pos, r.Total)
		}
		line := fmt.Sprintf("%s %s  %s  %-17s  %s", sel, name, where, progress, verdictText(r))
		line = ansi.Truncate(line, m.w-2, "…")
		if i == m.cursor {
			line = dCursor.Render("> " + line)
		} else {
			line = "  " + line
		}
		lines = append(lines, line)
	}
	return lines
}

func verdictText(r Row) string {
	switch {
	case !r.Answered:
		return ""
	case r.Counts == nil:
		return "BOT: nog open"
	case *r.Counts:
		return "BOT: kan meetellen"
	default:
		return "BOT: telt niet mee"
	}
}

func (m *dashModel) viewTally() []string {
	if m.counted == 0 {
		return nil
	}
	lines := []string{dTitle.Render("Regels in de zaal")}
	// Rules that differ between participants are the ones to discuss;
	// those that apply to everyone come last.
	tally := make([]Tally, 0, len(m.tally))
	for _, t := range m.tally {
		if t.N < m.counted {
			tally = append(tally, t)
		}
	}
	for _, t := range m.tally {
		if t.N == m.counted {
			tally = append(tally, t)
		}
	}
	for _, t := range tally {
		lines = append(lines, ansi.Truncate(fmt.Sprintf("  %d van %d: %s", t.N, m.counted, t.Title), m.w, "…"))
	}
	return lines
}

// windowLines keeps the first line (a heading) and shows n lines in all,
// keeping line keep in view.
func windowLines(lines []string, keep, n int) []string {
	if len(lines) <= n {
		return lines
	}
	if n < 2 {
		return lines[:n]
	}
	head, rest := lines[0], lines[1:]
	h := n - 1
	// The line kept in view is never the last one when more follows,
	// so a "more" marker cannot hide it.
	off := max(0, min(keep-1-(h-2), len(rest)-h))
	out := append([]string{head}, rest[off:off+h]...)
	if off > 0 {
		out[1] = dFaint.Render("  ↑ meer")
	}
	if off+h < len(rest) {
		out[len(out)-1] = dFaint.Render("  ↓ meer")
	}
	return out
}

// fitLines pads or cuts s to exactly h lines.
func fitLines(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
