package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// screen is one screen of the program: its own state, update, view and
// keys. Screens move to another screen by returning a navigation message
// (below) as a command; the app routes it.
type screen interface {
	update(c *common, msg tea.Msg) tea.Cmd
	// view draws the body in w columns and h lines; it changes nothing.
	view(c *common, w, h int) string
	// title is the header: the screen's name and an optional right part.
	title(c *common) (string, string)
	keys(c *common) keyMap
}

// typingScreen is a screen with a text field: while typing, letters are
// text and the global keys are off.
type typingScreen interface{ typing() bool }

// Navigation messages.
type (
	startMsg     struct{}                      // welcome: begin (opnieuw)
	resumeMsg    struct{}                      // welcome: ga verder
	welcomeMsg   struct{}                      // back from the first question
	questionMsg  struct{ q *content.Question } // show a question in the flow
	editMsg      struct{ q *content.Question } // change an answer from the review
	reviewMsg    struct{ note string }
	storyMsg     struct{} // a case's story (from its review)
	summaryMsg   struct{}
	linksMsg     struct{ sum *decision.Summary }
	resourcesMsg struct{}
	glossaryMsg  struct{}
	closeMsg     struct{} // close an overlay (links, resources, begrippen)
)

// app routes messages to the screen on top and keeps the parts every
// screen shares: header, status, autosave banner, help and quitting.
type app struct {
	c       *common
	stack   []screen // the last one is shown; overlays sit on top
	global  globalKeys
	help    help.Model
	allKeys bool // full help instead of the short line

	confirmQuit bool // asking whether to quit with unsaved answers
	confirm     confirmKeys
	// back is true when the reader went back from a case's story to the
	// case picker; Run then returns ErrBack.
	back bool
	// quitUnsaved is true when the reader chose to quit without saving;
	// Run then returns ErrUnsaved (exit code 1).
	quitUnsaved bool
	quitting    bool
}

func (a *app) top() screen { return a.stack[len(a.stack)-1] }

func (a *app) replace(s screen) { a.stack = []screen{s} }

func (a *app) push(s screen) { a.stack = append(a.stack, s) }

func (a *app) Init() tea.Cmd {
	var cmds []tea.Cmd
	if !a.c.noColor {
		// Ask once; the answer arrives as BackgroundColorMsg.
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if s, ok := a.top().(*summaryScreen); ok {
		cmds = append(cmds, s.render(a.c))
	}
	return tea.Batch(cmds...)
}

func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmds := []tea.Cmd{a.update(msg)}
	for len(a.c.pending) > 0 {
		next := a.c.pending[0]
		a.c.pending = a.c.pending[1:]
		cmds = append(cmds, a.update(next))
	}
	cmd := tea.Batch(cmds...)
	// The footer may have grown or shrunk (status, help, banner): size
	// the screen again here, so View never has to.
	if a.c.width > 0 {
		a.c.bodyH = a.bodyHeight()
		if l, ok := a.top().(interface{ layout(*common) }); ok {
			l.layout(a.c)
		}
	}
	return a, cmd
}

func (a *app) update(msg tea.Msg) tea.Cmd {
	c := a.c
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		c.bodyH = a.bodyHeight()
		// Every screen in the stack keeps its layout (the summary under
		// the links list re-renders too).
		return a.toAll(msg)
	case tea.BackgroundColorMsg:
		if !c.noColor && msg.IsDark() != c.dark {
			c.dark = msg.IsDark()
			c.st = newStyles(c.dark, c.noColor, c.ascii)
			a.help.Styles = c.st.help
			return a.toAll(msg)
		}
		return nil
	case openedMsg:
		if msg.err != nil {
			c.setStatusURL("Je browser ging niet open. Kopieer dit adres:", msg.url, true)
		} else {
			c.setStatusURL("Geopend in je browser:", msg.url, false)
		}
		return nil
	case tea.KeyPressMsg:
		return a.key(msg)
	}
	if cmd, ok := a.route(msg); ok {
		return cmd
	}
	return a.top().update(c, msg)
}

// toAll sends msg to every screen in the stack.
func (a *app) toAll(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range a.stack {
		cmds = append(cmds, s.update(a.c, msg))
	}
	return tea.Batch(cmds...)
}

// route handles the navigation messages; ok is false for other messages.
func (a *app) route(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	c := a.c
	switch msg := msg.(type) {
	case startMsg:
		// Really start over: the old session is no longer offered, and it
		// is replaced on disk at the first answer (a complete one is
		// copied first).
		c.keepPrev = session.IsComplete(c.eng, c.saved)
		c.saved = nil
		c.resetAnswers(nil)
		a.replace(newQuestion(c, c.eng.Next(c.answers), false))
	case resumeMsg:
		c.resetAnswers(c.saved)
		c.saved = nil
		a.replace(a.nextOrReview())
	case welcomeMsg:
		// Offer what "ga verder" would really continue: the session on
		// disk (the old one when nothing new was answered), or without a
		// session file the answers in memory.
		switch {
		case c.sessionPath != "" && len(c.onDisk) > 0:
			c.saved = c.onDisk.Clone()
		case c.sessionPath == "" && len(c.answers) > 0:
			c.saved = c.answers.Clone()
		}
		a.replace(newWelcome(c))
	case questionMsg:
		if msg.q == nil {
			a.replace(newReview(c, ""))
		} else {
			a.replace(newQuestion(c, msg.q, false))
		}
	case editMsg:
		a.replace(newQuestion(c, msg.q, true))
	case reviewMsg:
		a.replace(newReview(c, msg.note))
	case storyMsg:
		a.replace(newStory())
	case summaryMsg:
		s := newSummary(c)
		a.replace(s)
		return s.render(c), true
	case linksMsg:
		a.push(newLinks(c, msg.sum))
	case resourcesMsg:
		a.push(newResources(c))
	case glossaryMsg:
		a.push(newGlossary(c))
	case closeMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
	case pickerMsg:
		// Back from a case's story to the list of cases: Run returns
		// ErrBack and the caller shows the picker again.
		a.back = true
		return a.quit(), true
	default:
		return nil, false
	}
	return nil, true
}

// nextOrReview is the first open question, or the review when none is.
func (a *app) nextOrReview() screen {
	if next := a.c.eng.Next(a.c.answers); next != nil {
		return newQuestion(a.c, next, false)
	}
	return newReview(a.c, "")
}

func (a *app) key(msg tea.KeyPressMsg) tea.Cmd {
	c := a.c
	c.status, c.statusURL = "", ""
	c.retrySave()
	if a.confirmQuit {
		return a.confirmKey(msg)
	}
	if msg.String() == "ctrl+c" {
		return a.tryQuit()
	}
	if a.tooSmall() {
		// Nothing of the screen is shown: a key would act unseen (answer
		// a question and save it). Only quitting works.
		if key.Matches(msg, a.global.Quit) {
			return a.tryQuit()
		}
		return nil
	}
	if t, ok := a.top().(typingScreen); ok && t.typing() {
		return a.top().update(c, msg)
	}
	g := a.global
	_, onGlossary := a.top().(*glossaryScreen)
	switch {
	case key.Matches(msg, g.Quit):
		return a.tryQuit()
	case a.allKeys && key.Matches(msg, g.Less):
		// Esc closes what is open first: the key list.
		a.allKeys = false
		return nil
	case key.Matches(msg, g.Help):
		a.allKeys = true
		return nil
	case key.Matches(msg, g.Glossary) && onGlossary:
		return c.navigate(closeMsg{})
	case key.Matches(msg, g.Glossary):
		return c.navigate(glossaryMsg{})
	case key.Matches(msg, g.SaveAnswers):
		c.saveAnswersElsewhere()
		return nil
	}
	return a.top().update(c, msg)
}

// Layout: a header line and a blank line, the body, then the banner, the
// status line and the help.
const headerLines = 2

func (a *app) footer() string {
	c := a.c
	w := max(c.width, 1)
	var parts []string
	if b := c.banner(); b != "" {
		parts = append(parts, c.st.warn.Render(wrapText(b, w)))
	}
	switch {
	case a.confirmQuit:
		parts = append(parts, c.st.warn.Render(wrapText(a.confirmText(), w)))
	case c.status != "":
		st := c.st.accent
		if c.statusWarn {
			st = c.st.warn
		}
		status := wrapText(c.status, w)
		if c.statusURL != "" {
			// The address the one way every screen shows it.
			status += "\n" + urlText("  ", c.statusURL, w)
		}
		parts = append(parts, st.Render(status))
	default:
		parts = append(parts, "")
	}
	km := a.top().keys(c)
	g := a.global
	switch {
	case a.confirmQuit:
		// The question's own keys, not the screen's.
		parts = append(parts, keyhelp.FitShort(a.help, a.confirmBindings(), nil, nil, w))
	case a.allKeys:
		full := append(append([][]key.Binding{}, km.full...), a.globalFull())
		parts = append(parts, fitFullHelp(a.help, full, w, c.height-headerLines-4))
	default:
		always := []key.Binding{keyhelp.WithDesc(g.Help, "?", "toetsen"), g.Quit}
		if t, ok := a.top().(typingScreen); ok && t.typing() {
			// While typing, q is a letter; ctrl+c still stops.
			always = []key.Binding{keyhelp.WithDesc(g.Quit, "ctrl+c", "stoppen")}
		}
		parts = append(parts, keyhelp.FitShort(a.help, km.short, km.drop, always, w))
	}
	return strings.Join(parts, "\n")
}

// globalFull is the column of keys that work on every screen; the
// begrippen screen does not offer itself (its own keys close it).
func (a *app) globalFull() []key.Binding {
	g := a.global
	var out []key.Binding
	if _, ok := a.top().(*glossaryScreen); !ok {
		out = append(out, g.Glossary)
	}
	// Over SSH a keeps its meaning but only explains where the answers
	// are: it stays in the list, as every key that works.
	save := g.SaveAnswers
	if a.c.remote {
		save = keyhelp.WithDesc(save, "a", "waar je antwoorden staan")
	}
	return append(out, save, g.Less, g.Quit)
}

func (a *app) View() tea.View {
	c := a.c
	v := tea.NewView("")
	v.AltScreen = true
	// No window title: Bubble Tea cannot give the terminal's own title
	// back when the program ends (issue 16, point 10).
	if c.width == 0 || c.height == 0 || a.quitting {
		return v
	}
	if a.tooSmall() {
		text := "Maak het venster groter (minstens 60 bij 15). Stoppen: q."
		if a.confirmQuit {
			text += "\n\n" + a.confirmText() + " q: stoppen. Een andere toets: blijven."
		}
		v.Content = wrapText(text, c.width)
		return v
	}
	top := a.top()
	if _, ok := top.(*summaryScreen); ok {
		// Only where there is something to scroll: elsewhere the mouse
		// stays free for selecting and copying text.
		v.MouseMode = tea.MouseModeCellMotion
	}
	footer := a.footer()
	h := max(c.height-headerLines-lipgloss.Height(footer), 1)
	body := top.view(c, c.width, h)
	// Screens break a word wider than the window (a long URL) at the
	// width, so nothing is cut off. A line still too wide is a bug in a
	// screen: cut it with "…" rather than let the terminal wrap it and
	// push the footer off the screen.
	lines := strings.Split(fitHeight(body, h), "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > c.width {
			lines[i] = ansi.Truncate(l, c.width, "…")
		}
	}
	v.Content = a.header() + "\n\n" + strings.Join(lines, "\n") + "\n" + footer
	return v
}

// tooSmall is true when the window is below the smallest layout; only
// a short message is shown then. Before the terminal has told its size
// (at once on a terminal; never when output is piped) keys work.
func (a *app) tooSmall() bool {
	c := a.c
	return c.width > 0 && c.height > 0 && (c.width < minWidth || c.height < minHeight)
}

// bodyHeight is the height the body gets with the current footer.
func (a *app) bodyHeight() int {
	return max(a.c.height-headerLines-lipgloss.Height(a.footer()), 1)
}

func (a *app) header() string {
	c := a.c
	title, right := a.top().title(c)
	left := c.st.title.Render("afstandswijzer") + c.st.faint.Render(" · "+title)
	gap := c.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, c.width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// newApp builds the program for the options (see NewModel).
func newApp(opt Options) *app {
	c := &common{
		eng:         opt.Engine,
		now:         opt.Now,
		open:        opt.Open,
		dir:         opt.Dir,
		noColor:     opt.NoColor,
		dark:        !opt.Light,
		answers:     decision.Answers{},
		allowed:     map[string]bool{},
		sessionPath: opt.SessionPath,
		renderers:   sharedRenderers,
		remote:      opt.Remote,
		onAnswers:   opt.OnAnswers,
		caseTitle:   clean(opt.Title),
		caseStory:   clean(opt.Story),
		fromPicker:  opt.FromPicker,
	}
	if c.now == nil {
		c.now = timeNow
	}
	if c.remote {
		c.renderSlots = remoteSlots
	}
	if c.open == nil {
		c.open = systemOpen
	}
	switch c.sessionPath {
	case "":
		c.sessionPath = session.DefaultPath()
		if c.sessionPath == "" {
			c.sessionNote = "Er is geen map voor instellingen gevonden. Je antwoorden worden daarom niet tussendoor bewaard. Druk op a om ze in een bestand op te slaan."
		}
	case "-":
		c.sessionPath = ""
		c.autosaveOff = true
	}
	ct := c.eng.C
	for _, r := range ct.Resources {
		c.allowed[r.URL] = true
	}
	if ct.Meta.URL != "" {
		c.allowed[ct.Meta.URL] = true
	}
	c.terms = termsOf(ct)
	c.ascii = opt.ASCII
	c.st = newStyles(c.dark, c.noColor, c.ascii)
	a := &app{c: c, global: newGlobalKeys(), confirm: newConfirmKeys(), help: help.New()}
	a.help.Styles = c.st.help
	c.loadSession(opt.otherWindow)
	c.live = c.eng.Summarize(c.answers)
	a.first(opt)
	return a
}

// loadSession reads the saved session, with the note the welcome screen
// shows about it.
func (c *common) loadSession(otherWindow bool) {
	if c.sessionPath == "" {
		return
	}
	saved, note := session.Load(c.eng, c.sessionPath)
	c.saved, c.onDisk = saved, saved
	if note != "" {
		if c.remote {
			// The note shows the path sanitized: replace that form.
			note = strings.ReplaceAll(note, content.SanitizeLine(c.sessionPath), "de map van de trainer")
		}
		c.sessionNote = clean(note)
	}
	if otherWindow {
		c.sessionNote = strings.TrimSpace(c.sessionNote + " Dit programma is al open in een ander venster. Antwoorden die je hier geeft, vervangen wat daar bewaard wordt.")
	}
}

// first shows the first screen the options ask for.
func (a *app) first(opt Options) {
	c := a.c
	switch {
	case opt.pager:
		c.resetAnswers(opt.Answers)
		c.pager = true
		a.replace(newSummary(c))
	case opt.Answers != nil && c.caseStory != "":
		// A case opens on its story; enter goes on to the answers.
		c.resetAnswers(opt.Answers)
		a.replace(newStory())
	case opt.Answers != nil:
		c.resetAnswers(opt.Answers)
		a.replace(newReview(c, ""))
	case opt.Resume && c.saved != nil:
		a.replace(newWelcome(c))
		a.update(resumeMsg{})
		// The welcome screen is skipped, with the note it would show
		// (another window, a session file that could not all be read).
		if c.sessionNote != "" {
			c.setStatus(c.sessionNote, true)
		}
	default:
		a.replace(newWelcome(c))
	}
}
