package room

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// A round is one part of the afternoon: the room works on one case, or
// on everyone's own lesson ("eigen les"). The trainer starts a new round
// from the dashboard; each round's answers go to their own files, so an
// earlier round is never overwritten.

// RoundSnapshot is a read-only copy of the current round, for the beamer
// view and the round export. It shares nothing with the room: callers
// may keep and change it.
type RoundSnapshot struct {
	// ID counts the rounds of this run of the room, from 1.
	ID int
	// Case is the case's name (as in --casus), "" for eigen les; Title
	// is the case's title, or "Eigen les".
	Case, Title string
	// Started is when the trainer started the round (for round 1: when
	// the room started).
	Started time.Time
	// Dir is the folder of the round's answers files, under the room's
	// folder ("" for round 1).
	Dir string
	// Participants are everyone in the room, also those without
	// answers in this round yet (Answers nil), in natural order of File.
	Participants []RoundParticipant
}

// RoundParticipant is one participant's part of a round.
type RoundParticipant struct {
	// Name is the name as typed, made safe to show (DisplayName); File is
	// the file name without ".toml" (unique in the room).
	Name, File string
	// Active is true while the participant is connected.
	Active bool
	// Answers are the answers that count (decision.Engine.Effective):
	// what the round's answers file holds. Nil when the participant has
	// not answered anything in this round yet.
	Answers decision.Answers
	// Complete is true when every visible question is answered.
	Complete bool
}

// eigenLes is the title of a round without a case.
const eigenLes = "Eigen les"

// roundSnapshot returns a copy of the current round.
func (r *room) roundSnapshot() RoundSnapshot {
	r.mu.Lock()
	s := RoundSnapshot{ID: r.round.id, Case: r.round.cs.name, Title: r.round.cs.title, Started: r.round.started, Dir: r.roundDirs[r.round.id]}
	for _, p := range r.parts {
		// p.answers is replaced, never changed in place: it is read
		// below without the lock, which every participant's answer
		// needs.
		s.Participants = append(s.Participants, RoundParticipant{Name: p.name, File: p.file, Active: p.active,
			Complete: p.complete, Answers: p.answers})
	}
	r.mu.Unlock()
	if s.Title == "" {
		s.Title = eigenLes
	}
	for i, p := range s.Participants {
		if p.Answers != nil {
			s.Participants[i].Answers = r.eng.Effective(p.Answers)
		}
	}
	sortNatural(s.Participants, func(p RoundParticipant) string { return p.File })
	return s
}

// roundState is the room's current round. Guarded by room.mu.
type roundState struct {
	id      int
	cs      caseInfo
	started time.Time
	next    int // the id of the next round: above every round folder in dir
}

// roundMsg tells a participant's program that the trainer started a new
// round.
type roundMsg struct{}

// currentRound returns the round a new screen starts in.
func (r *room) currentRound() (int, caseInfo) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.round.id, r.round.cs
}

// setRound starts a new round with case cs (eigen les when cs.answers is
// nil). Every answer of the round before is written to its files first;
// the new round's answers go to folders of their own, so nothing of an
// earlier round is ever overwritten. Participants get the new round on
// their next screen.
func (r *room) setRound(cs caseInfo) (RoundSnapshot, error) {
	r.mu.Lock()
	id := r.round.next
	slug := "eigen-les"
	if cs.name != "" {
		slug = FileName(cs.name)
	}
	dir := "ronde-" + strconv.Itoa(id) + "-" + slug
	r.mu.Unlock()
	for _, d := range []string{filepath.Join(r.dir, dir), filepath.Dir(r.sessionPath(id, "x"))} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return RoundSnapshot{}, err
		}
	}
	type pending struct {
		p     *participant
		a     decision.Answers
		round int
	}
	var todo []pending
	var progs []*tea.Program
	r.mu.Lock()
	r.roundDirs[id] = dir
	r.round = roundState{id: id, cs: cs, started: r.now(), next: id + 1}
	for _, p := range r.parts {
		if p.version != p.written && p.answers != nil {
			todo = append(todo, pending{p, p.answers, p.round})
		}
		p.written = p.version // written below
		p.answers, p.round = nil, id
		p.pos, p.total, p.complete, p.counts, p.rules = 0, 0, false, nil, nil
		if p.program != nil {
			progs = append(progs, p.program)
		}
	}
	r.mu.Unlock()
	var err error
	for _, t := range todo {
		if werr := r.writeRound(t.p, t.round, t.a); werr != nil && err == nil {
			err = werr
		}
	}
	for _, prog := range progs {
		go prog.Send(roundMsg{})
	}
	title := cs.title
	if title == "" {
		title = eigenLes
	}
	r.log("ronde %d: %s (antwoorden in %s)", id, title, dir)
	return r.roundSnapshot(), err
}

// firstFreeRound is the id after every round folder of an earlier run in
// the same folder (the trainer restarted the room).
func (r *room) firstFreeRound() int {
	next := 2
	for _, d := range []string{r.dir, filepath.Join(r.dir, sessionDir)} {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			rest, ok := strings.CutPrefix(e.Name(), "ronde-")
			if !ok || !e.IsDir() {
				continue
			}
			num, _, _ := strings.Cut(rest, "-")
			if n, err := strconv.Atoi(num); err == nil && n < 1<<20 {
				next = max(next, n+1)
			}
		}
	}
	return next
}

// answersFor takes new answers from a participant's screen of round id:
// the current round's go to memory and are written behind; an earlier
// round's (a screen that has not moved on yet) straight to that round's
// files.
func (r *room) answersFor(p *participant, id int, a decision.Answers) {
	r.mu.Lock()
	current := p.round == id && r.round.id == id
	r.mu.Unlock()
	if current {
		r.setAnswers(p, a)
		return
	}
	if err := r.writeRound(p, id, a); err != nil {
		r.log("%s: antwoorden niet bewaard: %s", p.name, fileError(err))
	}
}

// caseInfo is a case a round can start with: everyone begins on its story
// and its answers. The zero value is eigen les.
type caseInfo struct {
	name, title, story string
	answers            decision.Answers
}

// startScreen is where a participant's new screen starts: the current
// round, its case, and the answers to open with (theirs in this round,
// else the case's). Their files are written first, so the screen, which
// reads its session file to resume, sees what the room knows.
func (r *room) startScreen(p *participant) (int, caseInfo, decision.Answers) {
	r.mu.Lock()
	round, cs := r.round.id, r.round.cs
	start := p.answers.Clone()
	fresh := p.answers == nil && cs.answers != nil
	r.mu.Unlock()
	if fresh {
		start = cs.answers.Clone()
		r.setAnswers(p, start)
	}
	if err := r.flush(p); err != nil {
		r.log("%s: antwoorden niet bewaard: %s", p.name, fileError(err))
	}
	return round, cs, start
}

// compareHint is what the trainer reads after stopping: how to compare
// the answers of every round, each round in its own folder.
func (r *room) compareHint() string {
	r.mu.Lock()
	ids := make([]int, 0, len(r.roundDirs))
	for id := range r.roundDirs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	dirs := make([]string, len(ids))
	for i, id := range ids {
		dirs[i] = r.roundDirs[id]
	}
	r.mu.Unlock()
	glob := func(dir string) string { return filepath.Join(r.dir, dir, "*.toml") }
	if len(ids) == 1 {
		return "Vergelijk ze met: afstandswijzer vergelijk " + glob(dirs[0]) + "\n"
	}
	var b strings.Builder
	b.WriteString("Elke ronde staat in een eigen map. Vergelijk een ronde met:\n")
	for i, id := range ids {
		fmt.Fprintf(&b, "  ronde %d: afstandswijzer vergelijk %s\n", id, glob(dirs[i]))
	}
	return b.String()
}
