package room

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/afstandswijzer/afstandswijzer/store/session"

	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Folders inside the room folder. They start with a dot, so
// `afstandswijzer vergelijk MAP/*.toml` never sees them, and no
// participant's file name can (FileName never starts with a dot).
const (
	sessionDir = ".sessies"    // full answers, also hidden ones, to resume
	removedDir = ".verwijderd" // files of participants the trainer removed
	// outputDir is never made: a remote session saves no files (the
	// save keys explain instead). Should a save slip through, it fails
	// here rather than landing in the trainer's current folder.
	outputDir = ".uitvoer"
)

// participant is one name in the room. Fields are guarded by room.mu.
type participant struct {
	name string // as shown (DisplayName)
	file string // FileName(name), without ".toml"

	active  bool
	program *tea.Program // while active with a full screen
	kick    func(string) // ends the session with a message
	conns   int          // sessions under this name (a rejoin overlaps)

	answers  decision.Answers // all answers, also hidden ones
	pos      int              // position of the next question
	total    int
	complete bool
	counts   *bool // verdict on begeleide onderwijstijd
	rules    []string
	last     []byte // the session file as last synced
	joined   time.Time
}

// Event is one thing that happened in the room, for the dashboard or the
// log.
type Event struct {
	Time time.Time
	Text string
}

// room holds the participants and writes their files. It is shared by
// every session goroutine and the dashboard.
type room struct {
	eng    *decision.Engine
	dir    string
	max    int
	now    func() time.Time
	cs     caseInfo
	round  roundState
	mu     sync.Mutex
	parts  map[string]*participant // by file name
	conns  int                     // sessions holding a seat
	events chan Event              // read by the dashboard or the log
	wg     sync.WaitGroup          // running sessions
}

type caseInfo struct {
	name, title, story string
	answers            decision.Answers
}

func newRoom(eng *decision.Engine, dir string, max int, now func() time.Time, cs caseInfo) (*room, error) {
	r := &room{eng: eng, dir: dir, max: max, now: now, cs: cs, parts: map[string]*participant{}, events: make(chan Event, 256)}
	r.round = roundState{id: 1, cs: cs, started: now()}
	if err := os.MkdirAll(filepath.Join(dir, sessionDir), 0o700); err != nil {
		return nil, err
	}
	r.loadExisting()
	return r, nil
}

// loadExisting lists the participants of an earlier run of the same
// afternoon (the trainer restarted the program), so they show up on the
// dashboard and continue when they rejoin.
func (r *room) loadExisting() {
	ents, err := os.ReadDir(filepath.Join(r.dir, sessionDir))
	if err != nil {
		return
	}
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || e.IsDir() || FileName(name) != name {
			continue
		}
		p := &participant{name: name, file: name}
		data, err := os.ReadFile(r.sessionPath(name))
		if err != nil {
			continue
		}
		if a, err := r.eng.ParseAnswers(name, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true}); err == nil {
			p.last = data
			r.derive(p, a)
			r.parts[name] = p
		}
	}
}

func (r *room) sessionPath(file string) string {
	return filepath.Join(r.dir, sessionDir, file+".toml")
}

func (r *room) publicPath(file string) string {
	return filepath.Join(r.dir, file+".toml")
}

func (r *room) log(format string, args ...any) {
	r.event(Event{Time: r.now(), Text: sprintf(format, args...)})
}

// event passes e on without ever blocking a session: when nobody reads,
// the dashboard catches up from the next snapshot anyway.
func (r *room) event(e Event) {
	select {
	case r.events <- e:
	default:
	}
}

// seat takes a place in the room for a new connection; false when full.
func (r *room) seat() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.conns >= r.max {
		return false
	}
	r.conns++
	r.wg.Add(1)
	return true
}

func (r *room) unseat() {
	r.mu.Lock()
	r.conns--
	r.mu.Unlock()
	r.wg.Done()
}

var errNoName = errors.New("no usable name")

// join registers name for a session. A name that is in use moves to the
// new session: the old one (often a connection that dropped without the
// server noticing) ends. It returns the participant and whether they had
// answers before.
func (r *room) join(name string, kick func(string), prog *tea.Program) (*participant, bool, error) {
	name = DisplayName(name)
	file := FileName(name)
	if file == "" {
		return nil, false, errNoName
	}
	r.mu.Lock()
	p := r.parts[file]
	var old func(string)
	if p == nil {
		p = &participant{name: name, file: file, joined: r.now()}
		r.parts[file] = p
	} else if p.active {
		old = p.kick
	}
	p.name = name
	p.active, p.kick, p.program = true, kick, prog
	p.conns++
	returning := p.answers != nil
	n := r.activeCount()
	r.mu.Unlock()
	if old != nil {
		old("Je gaat verder op een ander scherm. Hier stopt de verbinding.")
	}
	// The dashboard and the files use the file name: say it when the
	// typed name differs from it in more than capitals.
	as := ""
	if strings.ToLower(name) != file {
		as = " als " + file
	}
	if returning {
		r.log("%s doet weer mee%s (%d in de zaal)", name, as, n)
	} else {
		r.log("%s doet mee%s (%d in de zaal)", name, as, n)
	}
	return p, returning, nil
}

// leave marks the end of one session of p.
func (r *room) leave(p *participant) {
	r.mu.Lock()
	p.conns--
	if p.conns > 0 {
		r.mu.Unlock()
		return
	}
	p.active, p.kick, p.program = false, nil, nil
	n := r.activeCount()
	r.mu.Unlock()
	r.log("%s is weg (%d in de zaal); de antwoorden zijn bewaard", p.name, n)
}

func (r *room) activeCount() int {
	n := 0
	for _, p := range r.parts {
		if p.active {
			n++
		}
	}
	return n
}

// savedAnswers returns p's answers from the session file, or nil.
func (r *room) savedAnswers(p *participant) decision.Answers {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p.answers == nil {
		return nil
	}
	return p.answers.Clone()
}

// start writes a participant's starting answers (a case), so their file
// exists from the first screen.
func (r *room) start(p *participant, a decision.Answers) error {
	data := r.eng.FormatAnswers(a)
	if err := session.WriteFileAtomic(r.sessionPath(p.file), data); err != nil {
		return err
	}
	return r.sync(p)
}

// sync reads p's session file, which the TUI rewrites after every answer,
// and when it changed writes MAP/NAAM.toml with the answers that count.
// Hidden answers stay in the session file only: `vergelijk` reads answers
// files strictly and would refuse them.
func (r *room) sync(p *participant) error {
	data, err := os.ReadFile(r.sessionPath(p.file))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	r.mu.Lock()
	same := bytes.Equal(data, p.last)
	r.mu.Unlock()
	if same {
		return nil
	}
	a, err := r.eng.ParseAnswers(p.file, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil {
		return err
	}
	eff := r.eng.Effective(a)
	if err := session.WriteFileAtomic(r.publicPath(p.file), r.eng.FormatAnswers(eff)); err != nil {
		return err
	}
	r.mu.Lock()
	p.last = data
	wasComplete := p.complete
	r.derive(p, a)
	done := p.complete && !wasComplete
	r.mu.Unlock()
	if done {
		r.log("%s heeft alle vragen beantwoord", p.name)
	} else {
		r.event(Event{Time: r.now()}) // refresh only
	}
	return nil
}

// derive computes the dashboard's view of p from all answers a.
func (r *room) derive(p *participant, a decision.Answers) {
	p.answers = a
	s := r.eng.Summarize(a)
	p.complete = s.Complete
	p.counts = s.Verdict.Counts
	p.rules = s.RuleIDs()
	if next := r.eng.Next(a); next != nil {
		p.pos, p.total = r.eng.Position(a, next.ID)
	} else {
		p.pos, p.total = 0, len(r.eng.Visible(a))
	}
}

// remove takes a participant out of the room: the session ends and the
// files move to .verwijderd, so `vergelijk MAP/*.toml` leaves them out.
func (r *room) remove(file string) error {
	r.mu.Lock()
	p := r.parts[file]
	if p == nil {
		r.mu.Unlock()
		return nil
	}
	delete(r.parts, file)
	kick := p.kick
	r.mu.Unlock()
	if kick != nil {
		kick("De trainer heeft je uit de studiemiddag gehaald. Je antwoorden zijn bewaard.")
	}
	dst := filepath.Join(r.dir, removedDir)
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	stamp := r.now().Format("150405")
	for _, src := range []string{r.publicPath(file), r.sessionPath(file)} {
		base := strings.TrimSuffix(filepath.Base(src), ".toml")
		kind := "antwoorden"
		if filepath.Dir(src) != r.dir {
			kind = "sessie"
		}
		err := os.Rename(src, filepath.Join(dst, base+"-"+kind+"-"+stamp+".toml"))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	r.log("%s is verwijderd door de trainer", p.name)
	return nil
}

// goodbye ends every session with the goodbye screen.
func (r *room) goodbye() {
	r.mu.Lock()
	var kicks []func(string)
	for _, p := range r.parts {
		if p.kick != nil {
			kicks = append(kicks, p.kick)
		}
	}
	r.mu.Unlock()
	for _, k := range kicks {
		k("De trainer heeft de studiemiddag gestopt. Je antwoorden zijn bewaard. Tot ziens!")
	}
}

// Row is one participant as the dashboard shows it.
type Row struct {
	Name, File string
	Active     bool
	Pos, Total int
	Complete   bool
	Counts     *bool
	Answered   bool
}

// Tally is one rule with the number of participants it applies to.
type Tally struct {
	Title string
	N     int
}

// snapshot returns the participants by name and the rule tally over the
// participants with answers.
func (r *room) snapshot() ([]Row, []Tally, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rows := make([]Row, 0, len(r.parts))
	count := map[string]int{}
	withAnswers := 0
	for _, p := range r.parts {
		rows = append(rows, Row{Name: p.name, File: p.file, Active: p.active, Pos: p.pos, Total: p.total,
			Complete: p.complete, Counts: p.counts, Answered: len(p.answers) > 0})
		if len(p.answers) > 0 {
			withAnswers++
			for _, id := range p.rules {
				count[id]++
			}
		}
	}
	sortNatural(rows, func(r Row) string { return r.File })
	var tally []Tally
	for _, rule := range r.eng.C.Rules {
		if n := count[rule.ID]; n > 0 {
			tally = append(tally, Tally{Title: rule.Title, N: n})
		}
	}
	sort.SliceStable(tally, func(i, j int) bool { return tally[i].N > tally[j].N })
	return rows, tally, withAnswers
}

// compareFiles returns the answers of the named participants (all with
// answers when files is empty), for decision.Engine.Compare.
func (r *room) compareFiles(files map[string]bool) []decision.CompareFile {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []decision.CompareFile
	for _, p := range r.parts {
		if len(p.answers) == 0 || (len(files) > 0 && !files[p.file]) {
			continue
		}
		// Named as the file, as `vergelijk MAP/*.toml` does afterwards.
		out = append(out, decision.CompareFile{Name: p.file, Answers: r.eng.Effective(p.answers)})
	}
	sortNatural(out, func(f decision.CompareFile) string { return f.Name })
	return out
}

// outputPath is the work folder of a participant's TUI (tui.Options.Dir).
// It does not exist: see outputDir.
func (r *room) outputPath(file string) string {
	return filepath.Join(r.dir, outputDir, file)
}
