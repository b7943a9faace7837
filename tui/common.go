package tui

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// common is the state every screen shares: the engine, the answers and
// their autosave, the window, the styles and the status line. Screens
// read it in View and change it only in Update.
type common struct {
	eng     *decision.Engine
	now     func() time.Time
	open    func(string) error
	dir     string
	allowed map[string]bool // URLs the program may open
	terms   []glossTerm

	width, height int
	// bodyH is the height of the body between header and footer, set by
	// the app after every update, so screens size things in Update.
	bodyH         int
	dark, noColor bool
	ascii         bool // ASCII stand-ins for the symbols
	st            styles

	answers decision.Answers
	live    *decision.Summary // for the side panel; recomputed per answer

	// sessionPath is where answers are autosaved; "" means not at all.
	sessionPath string
	// autosaveOff is true when the caller turned autosave off (a case):
	// the answers are an example, nothing is lost when quitting.
	autosaveOff bool
	// saved is the session offered as "ga verder" on the welcome screen.
	saved decision.Answers
	// onDisk is what the session file holds now, as far as this program
	// knows (read at start, replaced by every autosave).
	onDisk      decision.Answers
	sessionNote string
	// saveErr is the reason the last autosave failed; the banner stays
	// until a save succeeds.
	saveErr string
	// dirty means the answers changed since they were last saved.
	dirty bool
	// keepPrev: the reader started over while a complete session was
	// saved; the first autosave copies it to sessie.toml.vorige first.
	keepPrev bool

	caseTitle, caseStory string
	// fromPicker: the case was chosen in the case picker; esc on its
	// story goes back there.
	fromPicker bool
	// pager: the summary alone (PageSummary): no review to go back to.
	pager bool

	status     string
	statusWarn bool
	statusURL  string // an address shown under the status (setStatusURL)

	renderers *rendererPool
	// renderSlots, when set, bounds the summaries rendered at the same
	// time across the process (remote sessions).
	renderSlots chan struct{}
	// onAnswers replaces the autosave (Options.OnAnswers).
	onAnswers func(decision.Answers)
	// remote is a session over SSH (Options.Remote).
	remote  bool
	pending []tea.Msg // navigation messages for the app
}

// setStatus sets the status line. Paths and URLs in it come from outside
// (the environment, content files): control characters are removed.
func (c *common) setStatus(s string, warn bool) {
	c.status, c.statusWarn, c.statusURL = clean(s), warn, ""
}

// setStatusURL is a status line about an address from the content: the
// address goes under it, as links show it (urlText: wrapped one way, an
// OSC 8 hyperlink).
func (c *common) setStatusURL(s, url string, warn bool) {
	c.setStatus(s, warn)
	c.statusURL = url
}

// setAnswers stores new answers, saves the session and refreshes the live
// result. Saving happens here, synchronously, so a kill right after a key
// press loses at most the answer being given.
func (c *common) setAnswers(a decision.Answers) {
	c.answers = a
	c.live = c.eng.Summarize(a)
	c.dirty = true
	c.autosave()
}

// resetAnswers replaces the answers without saving: starting over or
// resuming changes nothing on disk until a question is answered.
func (c *common) resetAnswers(a decision.Answers) {
	c.answers = a.Clone()
	if c.answers == nil {
		c.answers = decision.Answers{}
	}
	c.live = c.eng.Summarize(c.answers)
	c.dirty = false
}

func (c *common) autosave() {
	if c.onAnswers != nil {
		c.onAnswers(c.answers.Clone())
		c.saveErr, c.dirty = "", false
		c.onDisk = c.answers.Clone()
		return
	}
	if c.sessionPath == "" {
		return
	}
	if c.keepPrev {
		// Never replace a complete session without a copy of it.
		prev, err := session.KeepComplete(c.eng, c.sessionPath)
		if err != nil {
			c.saveErr = session.FileError(err)
			return
		}
		c.keepPrev = false
		if prev != "" && !c.remote {
			c.setStatus("Je vorige, complete antwoorden staan nu in "+prev, false)
		}
	}
	if err := session.Save(c.sessionPath, c.eng.FormatAnswers(c.answers)); err != nil {
		c.saveErr = session.FileError(err)
		return
	}
	c.saveErr = ""
	c.dirty = false
	c.onDisk = c.answers.Clone()
}

// retrySave saves again after a failed autosave (a full disk); the app
// calls it on every key, so the banner goes once there is room again, not
// only at the next answer.
func (c *common) retrySave() {
	if c.saveErr != "" && c.dirty {
		c.autosave()
	}
}

// unsaved is true when quitting now would lose answers the reader gave.
func (c *common) unsaved() bool {
	return c.dirty && !c.autosaveOff && len(c.answers) > 0
}

// saveAnswersElsewhere writes the answers to a new file in the work
// folder: the way out when the autosave fails. Every answer is kept,
// also those that no longer count, so going back restores them.
func (c *common) saveAnswersElsewhere() {
	if c.remote {
		c.setStatus(remoteSaveText(c, false), c.saveErr != "")
		return
	}
	if len(c.answers) == 0 {
		c.setStatus("Je hebt nog niets beantwoord; er is niets op te slaan.", false)
		return
	}
	path, err := session.SaveNew(c.dir, "afstandswijzer-antwoorden", ".toml", c.now(), c.eng.FormatAnswers(c.answers))
	if err != nil {
		c.setStatus("Je antwoorden konden niet worden opgeslagen: "+session.FileError(err)+".", true)
		return
	}
	c.dirty = false
	c.saveErr = ""
	c.setStatus("Je antwoorden staan in "+path, false)
}

// remoteSaveText is what a save key says over SSH: a file would land on
// the trainer's laptop, and the answers are kept there already. files is
// true for the keys that save a summary or hand-out (s, d).
func remoteSaveText(c *common, files bool) string {
	if c.saveErr != "" {
		return "Je antwoorden konden niet worden bewaard op de computer van de trainer. Zeg het tegen de trainer."
	}
	if files {
		return "Hier sla je geen bestanden op: die zouden op de computer van de trainer komen. Je antwoorden worden daar al bewaard, en de trainer kan de hand-out van de groep afdrukken."
	}
	return "Je hoeft niets op te slaan: je antwoorden worden na elk antwoord bewaard op de computer van de trainer."
}

// banner is the autosave warning, shown until a save succeeds.
func (c *common) banner() string {
	if c.saveErr == "" {
		return ""
	}
	if c.remote {
		// No path of the trainer's laptop, and no key that would save
		// there too.
		return clean("Je antwoorden worden niet bewaard (" + c.saveErr + "). Zeg het tegen de trainer.")
	}
	return clean("Je antwoorden worden niet bewaard (" + c.saveErr + "): " + c.sessionPath +
		". Druk op a om ze ergens anders op te slaan.")
}

// answered counts the answered questions on the current path.
func (c *common) answered(a decision.Answers) int {
	n, _ := session.Answered(c.eng, a)
	return n
}

// textWidth keeps running text readable on very wide windows.
func (c *common) textWidth() int { return min(c.width, textMax) }

// Smallest window the layout is drawn in; below it a short message asks
// for a bigger window instead of drawing a broken screen (huh#41).
const (
	minWidth  = 60
	minHeight = 15
	// panelMin is the width from which the live side panel is shown, with
	// panelWidth columns (the issue: at least 40 or hidden).
	panelMin   = 100
	panelWidth = 40
	// textMax keeps running text readable on very wide windows.
	textMax = 100
)

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

// wrapText and wrapIndent break a word wider than the window (a long
// URL) at the width: the screen would cut it off.
func wrapText(s string, w int) string { return wrap.Break(s, w) }

func wrapIndent(prefix, s string, w int) string { return wrap.BreakIndent(prefix, s, max(w, 10)) }

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

// lineBuilder collects rendered text as lines and remembers the focus.
type lineBuilder struct {
	lines  []string
	fs, fe int
}

func (b *lineBuilder) add(s string) { b.lines = append(b.lines, strings.Split(s, "\n")...) }

func (b *lineBuilder) focusStart() { b.fs = len(b.lines) }
func (b *lineBuilder) focusEnd()   { b.fe = len(b.lines) }

func (b *lineBuilder) window(h int, st styles) string { return window(b.lines, b.fs, b.fe, h, st) }

func itoa(n int) string { return strconv.Itoa(n) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// answerText shows answer values by their labels (decision.AnswerText).
func answerText(q *content.Question, vals []string) string { return decision.AnswerText(q, vals) }

// clean is the output boundary of the screens for text that came from
// outside (a content file, a file name, a session path): the one
// sanitiser, content.Sanitize, so a control sequence or a bidi override
// shows up as \x1b or \u202e instead of steering the terminal.
func clean(s string) string { return content.Sanitize(s) }

// navigate sends a navigation message to the app. The app routes it
// right after the update that sent it, not through a command: a key typed
// quickly after enter must reach the new screen, not the old one.
func (c *common) navigate(msg tea.Msg) tea.Cmd {
	c.pending = append(c.pending, msg)
	return nil
}
