package tui

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

type screen int

const (
	scrWelcome screen = iota
	scrQuestion
	scrReview
	scrSummary
	scrResources
)

// Smallest window the layout is drawn in; below it a short message asks
// for a bigger window instead of drawing a broken screen (huh#41).
const (
	minWidth  = 60
	minHeight = 15
	// panelMin is the width from which the live side panel is shown.
	panelMin   = 100
	panelWidth = 34
	// textMax keeps running text readable on very wide windows.
	textMax = 100
)

type model struct {
	caseTitle string // set when opened on an example case

	eng         *decision.Engine
	now         func() time.Time
	open        func(string) error
	sessionPath string
	dir         string
	allowed     map[string]bool // URLs the program may open

	width, height int
	dark, noColor bool
	st            styles
	keys          keys
	help          help.Model
	showKeys      bool // full key list instead of the help line

	scr     screen
	answers decision.Answers
	live    *decision.Summary // for the side panel; recomputed per answer

	// welcome
	saved       decision.Answers
	sessionNote string
	wCursor     int

	// question
	q          *content.Question
	qCursor    int
	qPicked    map[string]bool
	showWhy    bool
	fromReview bool
	qPos       int
	qTotal     int

	// review
	rCursor    int
	rNote      string
	beforeEdit decision.Answers
	editID     string

	// summary
	sum       *decision.Summary
	md        string
	vp        viewport.Model
	renderers map[rendererKey][]*glamour.TermRenderer
	rendered  renderedDoc
	sections  []int // first line of each "## " section in the rendered text
	linksOpen bool
	lCursor   int

	// resources
	res       resList
	resReturn screen

	status     string
	statusWarn bool
	saveWarned bool
}

func newModel(opt Options) *model {
	m := &model{
		eng:         opt.Engine,
		now:         opt.Now,
		open:        opt.Open,
		sessionPath: opt.SessionPath,
		dir:         opt.Dir,
		noColor:     opt.NoColor,
		dark:        !opt.Light,
		keys:        newKeys(),
		help:        help.New(),
		answers:     decision.Answers{},
		renderers:   map[rendererKey][]*glamour.TermRenderer{},
		allowed:     map[string]bool{},
	}
	if m.now == nil {
		m.now = time.Now
	}
	if m.open == nil {
		m.open = systemOpen
	}
	switch m.sessionPath {
	case "":
		m.sessionPath = defaultSessionPath()
		if m.sessionPath == "" {
			m.sessionNote = "Er is geen map voor instellingen gevonden. Je antwoorden worden daarom niet tussendoor bewaard."
			m.saveWarned = true
		}
	case "-":
		m.sessionPath = ""
		m.saveWarned = true
	}
	ct := m.eng.C
	for _, r := range ct.Resources {
		m.allowed[r.URL] = true
	}
	if ct.Meta.URL != "" {
		m.allowed[ct.Meta.URL] = true
	}
	m.applyStyles()
	m.vp = viewport.New()
	m.vp.MouseWheelEnabled = true
	m.vp.KeyMap.Left.SetEnabled(false)
	m.vp.KeyMap.Right.SetEnabled(false)
	m.res = newResList(ct)
	m.loadSession()
	if opt.Resume && opt.Answers == nil && m.saved != nil {
		m.choose(choiceResume)
	}
	if opt.Answers != nil {
		m.answers = opt.Answers.Clone()
		m.caseTitle = opt.Title
		m.enterReview()
	}
	m.live = m.eng.Summarize(m.answers)
	return m
}

// loadSession reads the autosaved session, if any, for "ga verder".
func (m *model) loadSession() {
	if m.sessionPath == "" {
		return
	}
	data, err := os.ReadFile(m.sessionPath)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		m.sessionNote = "Je vorige antwoorden konden niet worden gelezen (" + FileError(err) + "). Je begint opnieuw."
		return
	}
	a, err := m.eng.ParseAnswers(m.sessionPath, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil {
		// Usually the content changed since the session was saved.
		m.sessionNote = "Je vorige antwoorden passen niet meer bij de vragen van deze versie. Je begint opnieuw."
		return
	}
	if len(a) > 0 {
		m.saved = a
	}
}

func (m *model) applyStyles() {
	m.st = newStyles(m.dark, m.noColor)
	m.help.Styles = m.st.help
}

func (m *model) Init() tea.Cmd {
	if m.noColor {
		return nil
	}
	// Ask once; the answer arrives as BackgroundColorMsg and is cached.
	return tea.RequestBackgroundColor
}

type openedMsg struct {
	url string
	err error
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.layout()
	return m, cmd
}

func (m *model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		if m.scr == scrSummary {
			m.layout()
			m.renderSummary()
		}
		return nil
	case tea.BackgroundColorMsg:
		if !m.noColor && msg.IsDark() != m.dark {
			m.dark = msg.IsDark()
			m.applyStyles()
			if m.scr == scrSummary {
				m.renderSummary()
			}
		}
		return nil
	case openedMsg:
		if msg.err != nil {
			m.setStatus("Je browser ging niet open. Kopieer dit adres: "+msg.url, true)
		} else {
			m.setStatus("Geopend in je browser: "+msg.url, false)
		}
		return nil
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return tea.Quit
		}
		m.status = ""
		switch m.scr {
		case scrWelcome:
			return m.updateWelcome(msg)
		case scrQuestion:
			return m.updateQuestion(msg)
		case scrReview:
			return m.updateReview(msg)
		case scrSummary:
			return m.updateSummary(msg)
		case scrResources:
			return m.updateResources(msg)
		}
	case tea.MouseWheelMsg:
		if m.scr == scrSummary && !m.linksOpen {
			var cmd tea.Cmd
			m.vp, cmd = m.vp.Update(msg)
			return cmd
		}
	}
	return nil
}

func (m *model) setStatus(s string, warn bool) {
	m.status, m.statusWarn = s, warn
}

// setAnswers stores new answers, saves the session and refreshes the live
// result. Saving happens here, synchronously, so a kill right after a key
// press loses at most the answer being given.
func (m *model) setAnswers(a decision.Answers) {
	m.answers = a
	m.live = m.eng.Summarize(a)
	m.autosave()
}

func (m *model) autosave() {
	if m.sessionPath == "" {
		return
	}
	err := saveSession(m.sessionPath, m.eng.FormatAnswers(m.answers))
	if err != nil && !m.saveWarned {
		m.saveWarned = true
		m.setStatus("Je antwoorden kunnen niet tussendoor worden bewaard ("+FileError(err)+"). Je kunt gewoon verder.", true)
	}
}

// Layout: a header line and a blank line, the body, then the status line
// and the help. Sizes of the viewport and list follow from it.
const headerLines = 2

func (m *model) footer() string {
	status := ""
	if m.status != "" {
		st := m.st.accent
		if m.statusWarn {
			st = m.st.warn
		}
		status = st.Render(ansi.Wrap(m.status, max(m.width, 1), ""))
	}
	m.help.ShowAll = m.showKeys
	// help only truncates when its ellipsis fits, so cut each line here too.
	lines := strings.Split(m.help.View(m.helpKeys()), "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return status + "\n" + strings.Join(lines, "\n")
}

func (m *model) bodyHeight() int {
	return max(m.height-headerLines-lipgloss.Height(m.footer()), 1)
}

// layout sizes the components after every update, so View never mutates.
func (m *model) layout() {
	if m.width == 0 {
		return
	}
	h := m.bodyHeight()
	m.vp.SetWidth(m.width)
	m.vp.SetHeight(h)
}

func (m *model) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "afstandswijzer"
	if m.width == 0 || m.height == 0 {
		return v
	}
	if m.width < minWidth || m.height < minHeight {
		v.Content = ansi.Wrap("Maak het venster groter (minstens 60 bij 15).", m.width, "")
		return v
	}
	if m.scr == scrSummary {
		// Only where there is something to scroll: elsewhere the mouse
		// stays free for selecting and copying text.
		v.MouseMode = tea.MouseModeCellMotion
	}
	footer := m.footer()
	h := max(m.height-headerLines-lipgloss.Height(footer), 1)
	var body string
	switch m.scr {
	case scrWelcome:
		body = m.viewWelcome(h)
	case scrQuestion:
		body = m.withPanel(h, m.viewQuestion)
	case scrReview:
		body = m.withPanel(h, m.viewReview)
	case scrSummary:
		body = m.viewSummary(h)
	case scrResources:
		body = m.viewResources(h)
	}
	v.Content = m.header() + "\n\n" + fitHeight(body, h) + "\n" + footer
	return v
}

func (m *model) header() string {
	left := m.st.title.Render("afstandswijzer")
	var title, right string
	switch m.scr {
	case scrWelcome:
		title = "welkom"
	case scrQuestion:
		// Keep the content's own capitals: "BOT" must not read as "bot".
		title = m.q.Short
		right = m.progress()
	case scrReview:
		title = "je antwoorden"
	case scrSummary:
		title = "samenvatting"
		if m.linksOpen {
			title = "links in je samenvatting"
		} else {
			right = m.st.faint.Render(scrollInfo(m.vp))
		}
	case scrResources:
		title = "alle bronnen"
	}
	left += m.st.faint.Render(" · " + title)
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, m.width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

func scrollInfo(vp viewport.Model) string {
	if vp.TotalLineCount() <= vp.Height() {
		return "alles in beeld"
	}
	return strconv.Itoa(int(vp.ScrollPercent()*100+0.5)) + "% gelezen"
}

func (m *model) helpKeys() helpKeys {
	k := m.keys
	switch m.scr {
	case scrWelcome:
		return helpKeys{
			short: []key.Binding{k.Move, withDesc(k.Confirm, "enter", "bevestigen"), withDesc(k.Help, "?/h", "toetsen"), k.Quit},
			full:  [][]key.Binding{{k.Up, k.Down, withDesc(k.Pick, "1-3", "kies")}, {withDesc(k.Confirm, "enter", "kiezen"), k.Help, k.Quit}},
		}
	case scrQuestion:
		move := []key.Binding{k.Up, k.Down}
		if m.q.Kind == content.Many {
			return helpKeys{
				short: []key.Binding{k.Move, k.Toggle, k.Confirm, k.Back, withDesc(k.Why, "?", "waarom"), k.HelpShort},
				full: [][]key.Binding{append(move, withDesc(k.Pick, "1-9", "aan/uit"), k.Toggle),
					{k.Confirm, k.Back}, {k.Why, k.Keys, k.Quit}},
			}
		}
		return helpKeys{
			short: []key.Binding{k.Move, k.Confirm, k.Back, withDesc(k.Why, "?", "waarom"), k.HelpShort, k.Quit},
			full:  [][]key.Binding{append(move, k.Pick), {k.Confirm, k.Back}, {k.Why, k.Keys, k.Quit}},
		}
	case scrReview:
		change := withDesc(k.Confirm, "enter", "wijzigen")
		return helpKeys{
			short: []key.Binding{k.Move, change, withDesc(k.Summary, "v", "samenvatting"), k.Back, k.HelpShort, k.Quit},
			full:  [][]key.Binding{{k.Up, k.Down}, {change, k.Summary, k.Back}, {k.Help, k.Quit}},
		}
	case scrSummary:
		if m.linksOpen {
			return helpKeys{
				short: []key.Binding{k.Move, k.Open, withDesc(k.Copy, "c", "kopiëren"), k.Close, k.HelpShort, k.Quit},
				full:  [][]key.Binding{{k.Up, k.Down}, {k.Open, k.Copy, k.Close}, {k.Help, k.Quit}},
			}
		}
		return helpKeys{
			short: []key.Binding{withDesc(k.Sections, "n/p", "deel"), k.SaveSummary, withDesc(k.SaveHTML, "h", "hand-out"), k.Links, withDesc(k.Review, "r", "wijzigen"), withDesc(k.Why, "?", "toetsen"), k.Quit},
			full: [][]key.Binding{
				{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom},
				{k.NextSec, k.PrevSec, k.Links, k.Review},
				{withDesc(k.SaveSummary, "s", "samenvatting opslaan"), k.SaveAnswers, k.SaveHTML, withDesc(k.Why, "?", "toetsen"), k.Quit},
			},
		}
	case scrResources:
		if m.res.filtering {
			return helpKeys{short: []key.Binding{
				withDesc(k.Confirm, "enter", "klaar met zoeken"), withDesc(k.Close, "esc", "zoeken stoppen")}}
		}
		return helpKeys{
			short: []key.Binding{k.Move, k.Filter, k.Open, withDesc(k.Copy, "c", "kopiëren"), k.Back, k.HelpShort, k.Quit},
			full: [][]key.Binding{{k.Up, k.Down, withDesc(k.PageDown, "pgdn", "verder"), withDesc(k.PageUp, "pgup", "terug"), k.Top, k.Bottom},
				{k.Filter, k.Open, k.Copy, k.Back}, {k.Help, k.Quit}},
		}
	}
	return helpKeys{}
}

// withPanel draws the live result beside the body on wide windows. It
// joins line by line: lipgloss.JoinHorizontal measured every line twice
// and cost most of a key press.
func (m *model) withPanel(h int, body func(w, h int) string) string {
	if m.width < panelMin {
		return body(min(m.width, textMax), h)
	}
	leftW := m.width - panelWidth - 1
	left := strings.Split(fitHeight(body(min(leftW-2, textMax), h), h), "\n")
	right := strings.Split(fitHeight(m.panelView(panelWidth-2, h), h), "\n")
	bar := m.st.panelBar.Render("│") + " "
	var b strings.Builder
	for i := range h {
		l := left[i]
		b.WriteString(l)
		if pad := leftW - ansi.StringWidth(l); pad > 0 {
			b.WriteString(strings.Repeat(" ", pad))
		}
		b.WriteString(bar)
		b.WriteString(right[i])
		if i < h-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// panelView shows what is known so far: the verdict and the rules that
// already apply, both straight from the engine.
func (m *model) panelView(w, h int) string {
	s := m.live
	var b []string
	b = append(b, m.st.heading.Render("Wat je nu weet"), "")
	b = append(b, m.st.faint.Render("Begeleide onderwijstijd:"))
	label := s.Verdict.Label()
	switch {
	case s.Verdict.Counts == nil:
		b = append(b, m.st.faint.Render(wrap(label, w)))
	case *s.Verdict.Counts:
		b = append(b, m.st.good.Render(wrapIndent("✓ ", label, w)))
	default:
		b = append(b, m.st.bad.Render(wrapIndent("✗ ", label, w)))
	}
	b = append(b, "", m.st.faint.Render("Regels die gelden: "+itoa(len(s.Rules))))
	lines := strings.Split(strings.Join(b, "\n"), "\n")
	for i, r := range s.Rules {
		item := strings.Split(wrapIndent("• ", r.Rule.Title, w), "\n")
		if len(lines)+len(item) > h-1 && i < len(s.Rules) {
			lines = append(lines, m.st.faint.Render("… en nog "+itoa(len(s.Rules)-i)))
			break
		}
		lines = append(lines, item...)
	}
	return strings.Join(lines, "\n")
}

// fitHeight pads or clips s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func wrap(s string, w int) string {
	return ansi.Wrap(s, max(w, 10), "")
}

// wrapIndent wraps s after prefix and indents the following lines to match.
func wrapIndent(prefix, s string, w int) string {
	pw := lipgloss.Width(prefix)
	lines := strings.Split(wrap(s, w-pw), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", pw) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// window shows h lines of lines, keeping lines [fs, fe) in view, with a
// marker where more text is hidden above or below.
func window(lines []string, fs, fe, h int, st styles) string {
	if len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	off := 0
	if fe > h-1 {
		off = fe - (h - 1)
	}
	if fs < off+1 && fs > 0 {
		off = max(fs-1, 0)
	}
	off = min(max(off, 0), len(lines)-h)
	out := append([]string(nil), lines[off:off+h]...)
	if off > 0 {
		out[0] = st.faint.Render("↑ meer")
	}
	if off+h < len(lines) {
		out[h-1] = st.faint.Render("↓ meer")
	}
	return strings.Join(out, "\n")
}

func itoa(n int) string { return strconv.Itoa(n) }
