package room

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Folders inside the room folder. They start with a dot, so
// `afstandswijzer vergelijk MAP/*.toml` never sees them, and no
// participant's file name can (FileName never starts with a dot).
const (
	sessionDir = ".sessies"    // full answers, also hidden ones, to resume
	removedDir = ".verwijderd" // files of participants the trainer removed
	crashDir   = ".fouten"     // what went wrong in a participant's session
	// outputDir is never made: a remote session saves no files (the
	// save keys explain instead). Should a save slip through, it fails
	// here rather than landing in the trainer's current folder.
	outputDir = ".uitvoer"
)

// participant is one name in the room. Fields are guarded by room.mu.
type participant struct {
	name string // as shown (DisplayName)
	file string // the file name, without ".toml"
	key  string // fingerprint of the public key of the last connection

	active  bool
	program *tea.Program // while active with a full screen
	kick    func(string) // ends the session with a message
	conns   int          // sessions under this name (a takeover overlaps)

	// The current round's answers: all of them, also hidden ones.
	answers  decision.Answers
	round    int // the round answers belong to
	pos      int // position of the next question
	total    int
	complete bool
	counts   *bool // verdict on begeleide onderwijstijd
	rules    []string
	joined   time.Time
	// Writing behind: version counts changes of answers, written the
	// version on disk; timer is set while a write is due.
	version, written int
	timer            *time.Timer
	lastWrite        time.Time
	wmu              sync.Mutex // one write of this participant at a time
	removed          bool       // by the trainer: nothing is written any more
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
	eng   *decision.Engine
	dir   string
	max   int
	now   func() time.Time
	cases []caseInfo // the cases the trainer can start a round with
	round roundState
	mu    sync.Mutex
	parts map[string]*participant // by file name
	alias map[string]string       // file names given to names without Latin letters
	// aliasShown is each of those files' name as typed (aliases.go).
	aliasShown map[string]string
	seated     int // participants with a live connection
	lobby      int // connections on the name screen
	// waiting are those connections (not evicted), to choose one to
	// make room.
	waiting map[*ticket]struct{}
	// lobbyMax bounds the connections without a name, so idle ones
	// cannot keep the room busy.
	lobbyMax  int
	refused   [2]int // refusedFull, refusedCode
	stopping  bool
	events    chan Event     // read by the dashboard or the log
	wg        sync.WaitGroup // running sessions
	roundDirs map[int]string // the folder of each round's answers, under dir
	// writeEvery coalesces a participant's writes.
	writeEvery time.Duration
	// nameTimeout ends a name screen without keys.
	nameTimeout time.Duration
}

func newRoom(eng *decision.Engine, dir string, max int, now func() time.Time, cs caseInfo) (*room, error) {
	r := &room{eng: eng, dir: dir, max: max, now: now, parts: map[string]*participant{}, alias: map[string]string{}, aliasShown: map[string]string{},
		waiting: map[*ticket]struct{}{}, lobbyMax: lobbyCap(max), roundDirs: map[int]string{1: ""}, events: make(chan Event, 256), writeEvery: 500 * time.Millisecond,
		nameTimeout: defaultNameTimeout}
	r.round = roundState{id: 1, cs: cs, started: now()}
	if err := os.MkdirAll(filepath.Join(dir, sessionDir), 0o700); err != nil {
		return nil, err
	}
	r.loadExisting()
	r.loadAliases()
	r.round.next = r.firstFreeRound()
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
		p := &participant{name: name, file: name, round: 1}
		data, err := os.ReadFile(r.sessionPath(1, name))
		if err != nil {
			continue
		}
		if a, err := r.eng.ParseAnswers(name, data, decision.ParseOptions{KeepHidden: true, SkipInvalid: true}); err == nil {
			r.derive(p, a)
			r.parts[name] = p
		}
	}
}

// sessionPath is a participant's full answers in a round, to resume.
func (r *room) sessionPath(round int, file string) string {
	if round <= 1 {
		return filepath.Join(r.dir, sessionDir, file+".toml")
	}
	return filepath.Join(r.dir, sessionDir, "ronde-"+strconv.Itoa(round), file+".toml")
}

// publicPath is a participant's answers that count in a round, for
// `vergelijk`: MAP/NAAM.toml in the first round, MAP/ronde-N-CASUS/NAAM.toml
// after.
func (r *room) publicPath(round int, file string) string {
	r.mu.Lock()
	dir := r.roundDirs[round]
	r.mu.Unlock()
	return filepath.Join(r.dir, dir, file+".toml")
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

// derive computes the dashboard's view of p from all answers a.
func (r *room) derive(p *participant, a decision.Answers) {
	r.derived(a).apply(p)
}

// progress is what the dashboard shows of one participant's answers.
type progress struct {
	answers    decision.Answers
	complete   bool
	counts     *bool
	rules      []string
	pos, total int
}

// derived computes it without the room's lock: the summary is the
// costly part of an answer, and every participant's would otherwise
// wait for it.
func (r *room) derived(a decision.Answers) progress {
	s := r.eng.Summarize(a)
	d := progress{answers: a, complete: s.Complete, counts: s.Verdict.Counts, rules: s.RuleIDs()}
	if next := r.eng.Next(a); next != nil {
		d.pos, d.total = r.eng.Position(a, next.ID)
	} else {
		d.total = len(r.eng.Visible(a))
	}
	return d
}

// apply sets p's progress; the caller holds room.mu.
func (d progress) apply(p *participant) {
	p.answers, p.complete, p.counts, p.rules, p.pos, p.total = d.answers, d.complete, d.counts, d.rules, d.pos, d.total
}

// remove takes a participant out of the room: the session ends and the
// files of every round move to .verwijderd, so `vergelijk MAP/*.toml`
// leaves them out.
func (r *room) remove(file string) error {
	r.mu.Lock()
	p := r.parts[file]
	if p == nil {
		r.mu.Unlock()
		return nil
	}
	delete(r.parts, file)
	p.removed = true // no more writes behind
	if p.timer != nil {
		p.timer.Stop()
	}
	kick := p.kick
	rounds := make([]int, 0, len(r.roundDirs))
	for id := range r.roundDirs {
		rounds = append(rounds, id)
	}
	r.mu.Unlock()
	if kick != nil {
		kick("De trainer heeft je uit de studiemiddag gehaald. Je antwoorden zijn bewaard.")
	}
	p.wmu.Lock() // a write under way ends first
	defer p.wmu.Unlock()
	dst := filepath.Join(r.dir, removedDir)
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	stamp := r.now().Format("150405")
	for _, id := range rounds {
		prefix := file
		if id > 1 {
			prefix = file + "-ronde-" + strconv.Itoa(id)
		}
		for kind, src := range map[string]string{"antwoorden": r.publicPath(id, file), "sessie": r.sessionPath(id, file)} {
			err := os.Rename(src, filepath.Join(dst, prefix+"-"+kind+"-"+stamp+".toml"))
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
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
	// Those still on the name screen too.
	for t := range r.waiting {
		if t.bye != nil {
			kicks = append(kicks, t.bye)
		}
	}
	r.mu.Unlock()
	for _, k := range kicks {
		k("De trainer heeft de studiemiddag gestopt. Je antwoorden zijn bewaard. Tot ziens!")
	}
}

// onBye sets how a connection on the name screen is ended with a
// message (goodbye).
func (r *room) onBye(t *ticket, bye func(string)) {
	r.mu.Lock()
	t.bye = bye
	r.mu.Unlock()
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
	var out []decision.CompareFile
	for _, p := range r.parts {
		if len(p.answers) == 0 || (len(files) > 0 && !files[p.file]) {
			continue
		}
		// Named as the file, as `vergelijk MAP/*.toml` does afterwards.
		out = append(out, decision.CompareFile{Name: p.file, Answers: p.answers})
	}
	r.mu.Unlock()
	// Outside the lock (see roundSnapshot): answers are replaced, never
	// changed in place.
	for i := range out {
		out[i].Answers = r.eng.Effective(out[i].Answers)
	}
	sortNatural(out, func(f decision.CompareFile) string { return f.Name })
	return out
}

// outputPath is the work folder of a participant's TUI (tui.Options.Dir).
// It does not exist: see outputDir.
func (r *room) outputPath(file string) string {
	return filepath.Join(r.dir, outputDir, file)
}
