package room

import (
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

// RoundView is a snapshot of the room's current round: what the beamer
// shows. The room core provides it; the beamer only reads it.
type RoundView struct {
	// Round tells rounds apart: when it changes, the beamer starts again
	// at the first question with everything hidden.
	Round int
	// Case names the round's case; empty for "eigen les".
	Case         string
	Participants []BeamerParticipant
}

// BeamerParticipant is one participant in a round: the name to show when
// the trainer asks for names, and the answers so far. (Its own type, not
// the room core's RoundParticipant, so the beamer needs only these two.)
type BeamerParticipant struct {
	Name    string
	Answers decision.Answers
}

// BeamerDoneMsg says the trainer left the beamer view (q or esc): the
// dashboard goes back to its own screen.
type BeamerDoneMsg struct{}

// beamerInterval is how often the beamer counts the room again: the
// count costs milliseconds at 500 participants, so it runs on a tick
// and off the Update loop, never per frame.
var beamerInterval = time.Second

// beamerTickMsg asks for a new count; chain tells stale ticks (from an
// earlier visit to the beamer) apart.
type beamerTickMsg struct{ chain int }

// beamerCountMsg is a new count of the room.
type beamerCountMsg struct {
	chain int
	tick  bool
	count beamerCount
}

// beamerCount is one snapshot of the round, counted.
type beamerCount struct {
	round    int
	caseName string
	people   []decision.Participant
	tally    *decision.Tally
	// reveals holds the reveal of the question that was open when the
	// count started, made off the Update loop too.
	reveals map[string]decision.Reveal
}

// outcomePage is the id of the last page: the room's verdicts.
const outcomePage = "__uitkomst"

// BeamerOptions are how the beamer draws.
type BeamerOptions struct {
	// ASCII draws the bars with # instead of block characters (the Linux
	// console, NO_COLOR).
	ASCII bool
	// Dir is where h saves the round (HTML and JSON); empty: h is off.
	Dir string
	// Now dates the hand-out; time.Now when nil.
	Now func() time.Time
}

// Beamer is the trainer's presentation of the current round: question by
// question, the room's answers as bars, hidden until the trainer shows
// them; the handreiking's rule behind the question on request; the
// room's verdicts on the last page.
type Beamer struct {
	eng   *decision.Engine
	snap  func() RoundView
	opt   BeamerOptions
	keys  beamerKeys
	help  help.Model
	chain int

	w, h  int
	count beamerCount
	page  string // question id or outcomePage
	// shown are the pages whose results the trainer showed; a new
	// question starts hidden, so people answer before they see the room.
	shown   map[string]bool
	names   bool
	reveal  bool
	allKeys bool
	scroll  int
	// reveals caches the reveal per question for the current count.
	reveals map[string]decision.Reveal
	status  string
}

// NewBeamer returns a beamer on the rounds that snap provides. snap is
// called from another goroutine than Update: it must be safe for that.
// The first count is made here, so the first frame has it.
func NewBeamer(e *decision.Engine, snap func() RoundView, opt BeamerOptions) *Beamer {
	b := &Beamer{eng: e, snap: snap, opt: opt, keys: newBeamerKeys(), help: help.New(),
		shown: map[string]bool{}}
	b.help.Styles = help.Styles{}
	b.setCount(countRound(e, snap, ""))
	return b
}

// countRound takes a snapshot and counts it, with the reveal of question
// open (if any); it runs in a Cmd.
func countRound(e *decision.Engine, snap func() RoundView, open string) beamerCount {
	rv := snap()
	people := make([]decision.Participant, len(rv.Participants))
	for i, p := range rv.Participants {
		people[i] = decision.Participant{Name: p.Name, Answers: p.Answers}
	}
	c := beamerCount{round: rv.Round, caseName: rv.Case, people: people, tally: e.Tally(people), reveals: map[string]decision.Reveal{}}
	if q := e.C.Question(open); q != nil {
		c.reveals[open] = e.Reveal(q, people)
	}
	return c
}

// Init starts a new chain of counts: the beamer may be opened again after
// the dashboard dropped an earlier chain's tick.
func (b *Beamer) Init() tea.Cmd {
	b.chain++
	return b.recount(true)
}

func (b *Beamer) recount(tick bool) tea.Cmd {
	e, snap, chain, open := b.eng, b.snap, b.chain, ""
	if b.reveal {
		open = b.page
	}
	return func() tea.Msg {
		return beamerCountMsg{chain: chain, tick: tick, count: countRound(e, snap, open)}
	}
}

// setCount takes a new count and keeps the page: the same question if it
// is still asked, else the nearest one before it.
func (b *Beamer) setCount(c beamerCount) {
	if b.count.tally != nil && c.round != b.count.round {
		// A new round: people answer again before they see the room.
		b.page, b.reveal, b.scroll = "", false, 0
		clear(b.shown)
	}
	pages := b.pagesOf(c.tally)
	if b.page != "" && !slices.Contains(pages, b.page) {
		old := b.pageIndex()
		b.page = pages[max(min(old, len(pages)-1)-1, 0)]
	}
	b.count = c
	// The reveals belong to the count; one for another question is
	// made when it is opened.
	b.reveals = c.reveals
	if b.page == "" {
		b.page = pages[0]
	}
	if b.reveal {
		// Only when the count started before the reveal was opened; so
		// View never counts.
		b.revealNow()
	}
}

// pagesOf lists the pages: each question asked in the room, then the
// verdicts.
func (b *Beamer) pagesOf(t *decision.Tally) []string {
	pages := make([]string, 0, len(t.Questions)+1)
	for _, q := range t.Questions {
		pages = append(pages, q.Question.ID)
	}
	return append(pages, outcomePage)
}

func (b *Beamer) pages() []string { return b.pagesOf(b.count.tally) }

func (b *Beamer) pageIndex() int {
	for i, p := range b.pages() {
		if p == b.page {
			return i
		}
	}
	return 0
}

// revealNow computes the reveal of the current question if it is not
// cached: tens of milliseconds at 500, once per question and count.
func (b *Beamer) revealNow() (decision.Reveal, bool) {
	q := b.eng.C.Question(b.page)
	if q == nil {
		return decision.Reveal{}, false
	}
	if rv, ok := b.reveals[q.ID]; ok {
		return rv, true
	}
	rv := b.eng.Reveal(q, b.count.people)
	b.reveals[q.ID] = rv
	return rv, true
}

func (b *Beamer) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		b.w, b.h = msg.Width, msg.Height
	case beamerTickMsg:
		if msg.chain == b.chain {
			return b, b.recount(true)
		}
	case beamerCountMsg:
		if msg.chain != b.chain {
			return b, nil
		}
		b.setCount(msg.count)
		if msg.tick {
			chain := b.chain
			return b, tea.Tick(beamerInterval, func(time.Time) tea.Msg { return beamerTickMsg{chain: chain} })
		}
	case tea.KeyPressMsg:
		return b, b.key(msg)
	}
	return b, nil
}

func (b *Beamer) key(msg tea.KeyPressMsg) tea.Cmd {
	k := b.keys
	b.status = ""
	switch {
	case key.Matches(msg, k.Help):
		b.allKeys = !b.allKeys
	case key.Matches(msg, k.Quit):
		return done
	case key.Matches(msg, k.Back):
		// esc closes what is open, then goes back.
		switch {
		case b.allKeys:
			b.allKeys = false
		case b.reveal:
			b.reveal = false
		default:
			return done
		}
	case key.Matches(msg, k.Next):
		b.turn(b.pageIndex() + 1)
	case key.Matches(msg, k.Prev):
		b.turn(b.pageIndex() - 1)
	case key.Matches(msg, k.First):
		b.turn(0)
	case key.Matches(msg, k.Last):
		b.turn(len(b.pages()) - 1)
	case key.Matches(msg, k.Results):
		b.shown[b.page] = !b.shown[b.page]
	case key.Matches(msg, k.Names):
		b.names = !b.names
	case key.Matches(msg, k.Reveal):
		_, ok := b.revealNow()
		b.reveal = (ok || b.page == outcomePage) && !b.reveal
		b.scroll = 0
	case key.Matches(msg, k.Handout):
		b.saveRound()
	case key.Matches(msg, k.Down):
		b.scroll++
	case key.Matches(msg, k.Up):
		b.scroll = max(b.scroll-1, 0)
	}
	return nil
}

func done() tea.Msg { return BeamerDoneMsg{} }

// turn goes to page i (kept within the pages); the reveal closes, as it
// belongs to one question.
func (b *Beamer) turn(i int) {
	pages := b.pages()
	i = max(min(i, len(pages)-1), 0)
	if pages[i] != b.page {
		b.page = pages[i]
		b.reveal = false
		b.scroll = 0
	}
}

// beamerKeys mean what they mean elsewhere: ? help, q and esc back to the
// dashboard, g and G first and last as in a pager, w the handreiking's
// reasons as on a question of the interview, h a hand-out as on the
// dashboard. a is not used: it saves answers in the interview and selects
// everyone on the dashboard.
type beamerKeys struct {
	Next, Prev, First, Last, Results, Names, Reveal, Handout, Up, Down, Help, Quit, Back key.Binding
}

func newBeamerKeys() beamerKeys {
	return beamerKeys{
		Next:    keyhelp.Bind("→/n", "volgende vraag", "right", "n"),
		Prev:    keyhelp.Bind("←/p", "vorige vraag", "left", "p"),
		First:   keyhelp.Bind("g", "eerste vraag", "g", "home"),
		Last:    keyhelp.Bind("G", "uitkomst BOT", "G", "end"),
		Results: keyhelp.Bind("t", "antwoorden van de zaal tonen/verbergen", "t"),
		Names:   keyhelp.Bind("m", "namen tonen/verbergen", "m"),
		Reveal:  keyhelp.Bind("w", "waarom: wat de handreiking zegt", "w"),
		Handout: keyhelp.Bind("h", "ronde opslaan", "h"),
		Up:      keyhelp.Bind("↑/k", "omhoog", "up", "k"),
		Down:    keyhelp.Bind("↓/j", "omlaag", "down", "j"),
		Help:    keyhelp.Bind("?", "toetsen", "?"),
		Quit:    keyhelp.Bind("q", "terug naar overzicht", "q"),
		Back:    keyhelp.Bind("esc", "sluiten, terug", "esc"),
	}
}

func (k beamerKeys) short() ([]key.Binding, []int) {
	return []key.Binding{keyhelp.WithDesc(k.Next, "←/→", "vraag"), keyhelp.WithDesc(k.Results, "t", "tonen"),
		keyhelp.WithDesc(k.Reveal, "w", "waarom"), keyhelp.WithDesc(k.Names, "m", "namen"), keyhelp.WithDesc(k.Handout, "h", "opslaan")}, []int{4, 3, 2, 1, 0}
}

func (k beamerKeys) full() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.First, k.Last},
		{k.Results, k.Names, k.Reveal, k.Handout, k.Up, k.Down},
		{keyhelp.WithDesc(k.Help, "?", "minder toetsen"), k.Quit, k.Back},
	}
}
