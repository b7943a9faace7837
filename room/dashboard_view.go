package room

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

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
	switch {
	case m.mode == modeBeamer && m.beamer != nil:
		return m.beamer.View()
	case m.mode == modeCompare:
		v.MouseMode = tea.MouseModeCellMotion
		v.Content = m.viewCompare()
		return v
	case m.mode == modeRound:
		v.Content = m.viewRound()
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
		status = dWarn.Render("Stoppen? Iedereen ziet dan een afscheidsscherm. De antwoorden blijven bewaard.")
	case modeRemove:
		if m.cursor < len(m.rows) {
			status = dWarn.Render(m.rows[m.cursor].File + " verwijderen? De sessie stopt. De bestanden gaan naar " + removedDir + ".")
		}
	default:
		if status == "" && len(m.events) > 0 {
			e := m.events[len(m.events)-1]
			status = dFaint.Render(e.Time.Format("15:04") + " " + e.Text)
		}
	}
	mode := m.mode
	var keys string
	switch {
	case m.mode == modeStop:
		// The question's own keys, as under the participants' quit question.
		keys = keyhelp.FitShort(m.help, []key.Binding{m.keys.StopYes, m.keys.Stay}, nil, nil, m.w)
	case m.mode == modeRemove:
		keys = keyhelp.FitShort(m.help, []key.Binding{m.keys.RemoveYes, m.keys.Stay}, nil, nil, m.w)
	case m.allKeys:
		keys = keyhelp.FitFull(m.help, m.keys.fullHelp(mode), m.w)
	default:
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
	right := fmt.Sprintf("%d van %d in de zaal", active, m.info.Max)
	if n := m.refused[refusedFull] + m.refused[refusedCode]; n > 0 {
		// Counted so the trainer sees people who could not get in.
		right += fmt.Sprintf(" · %d geweigerd", n)
	}
	top = append(top, m.header("studiemiddag", dFaint.Render(right)), "")
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
	top = append(top, m.roundLine())
	// The current round's folder: each round's answers have their own.
	top = append(top, "Antwoorden:   "+filepath.Join(m.info.Dir, m.round.Dir), "")
	// A narrow window wraps long lines (fingerprint, folder) between
	// words, so every line on screen is counted.
	top = strings.Split(ansi.Wrap(strings.Join(top, "\n"), m.w, ""), "\n")

	foot := m.footer()
	fh := lipgloss.Height(foot)
	room := m.h - len(top) - fh
	parts := max(len(m.rows)+1, 2) // the heading and a line per participant
	tally := m.viewTally()
	// The participants get what they need, up to two thirds; the tally
	// the rest.
	pn := min(parts, max(room-min(len(tally), room/3), 2))
	body := m.viewParticipants(pn)
	if rest := room - len(body); rest > 1 {
		body = append(body, "")
		body = append(body, tally[:min(len(tally), rest-1)]...)
	}
	out := append(top, body...)
	return fitLines(strings.Join(out, "\n"), m.h-fh) + "\n" + foot
}

// viewParticipants is the list of participants in n lines, the cursor
// in view.
func (m *dashModel) viewParticipants(n int) []string {
	head := dTitle.Render(fmt.Sprintf("Deelnemers (%d)", len(m.rows)))
	if len(m.rows) == 0 {
		return windowLines([]string{head, dFaint.Render("Nog niemand. Laat de code en de regel hierboven zien.")}, 1, n)
	}
	nameW := 4
	for _, r := range m.rows {
		nameW = max(nameW, lipgloss.Width(rowLabel(r)))
	}
	nameW = min(nameW, maxNameRunes+12)
	return windowOf(len(m.rows)+1, m.cursor+1, n, func(i int) string {
		if i == 0 {
			return head
		}
		return m.participantLine(i-1, nameW)
	})
}

func (m *dashModel) participantLine(i, nameW int) string {
	r := m.rows[i]
	sel := "[ ]"
	if m.selected[r.File] {
		sel = "[x]"
	}
	// The file's name, not the typed one: the trainer matches the
	// list with MAP/*.toml and `vergelijk` afterwards.
	label := ansi.Truncate(rowLabel(r), nameW, "…")
	name := label + strings.Repeat(" ", max(nameW-lipgloss.Width(label), 0))
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
		return dCursor.Render("> " + line)
	}
	return "  " + line
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
	return windowOf(len(lines), keep, n, func(i int) string { return lines[i] })
}

// windowOf is windowLines for total lines made by line(i) on demand: a
// room of hundreds formats only the rows on screen.
func windowOf(total, keep, n int, line func(int) string) []string {
	if total <= n || n < 2 {
		out := make([]string, 0, min(total, max(n, 0)))
		for i := range min(total, max(n, 0)) {
			out = append(out, line(i))
		}
		return out
	}
	rest, h := total-1, n-1
	// The line kept in view is never the last one when more follows,
	// so a "more" marker cannot hide it.
	off := max(0, min(keep-1-(h-2), rest-h))
	out := []string{line(0)}
	for i := off; i < off+h; i++ {
		out = append(out, line(i+1))
	}
	if off > 0 {
		out[1] = dFaint.Render("  ↑ meer")
	}
	if off+h < rest {
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

// rowLabel is a participant's file name; for a name that has no letters
// a-z can spell (日本 is deelnemer-1) the name follows, so the trainer
// knows who it is.
func rowLabel(r Row) string {
	if FileName(r.Name) == "" && r.Name != "" {
		return r.File + " (" + r.Name + ")"
	}
	return r.File
}
