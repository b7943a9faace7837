package room

import (
	"errors"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
)

// Refusals the dashboard counts.
const (
	refusedFull = iota // the room or the name screen was full
	refusedCode        // a wrong code
)

// lobbyCap is how many connections may wait on the name screen at once:
// enough for a room that arrives together, few enough that idle
// connections cannot wear the laptop down.
func lobbyCap(seats int) int { return min(max(10, seats/2), 250) }

// ticket is one connection's place in the room: first on the name
// screen (the lobby), then, once its name is confirmed, a seat.
type ticket struct {
	key     string // fingerprint of the connection's public key, or ""
	named   bool   // guarded by room.mu
	evicted bool   // guarded by room.mu: made room for a newer connection
	who     atomic.Pointer[string]
	// touched is when the connection last typed a key on the name
	// screen (unix nanoseconds).
	touched atomic.Int64
	// evict ends the connection to make room; set before the ticket is
	// used, by the session's handler.
	evict func()
	// bye ends it with a message while it is on the name screen
	// (room.onBye; guarded by room.mu).
	bye func(string)
}

// touch marks activity on the name screen.
func (t *ticket) touch() { t.touched.Store(time.Now().UnixNano()) }

// name is the participant's name once join gave one, else "".
func (t *ticket) name() string {
	if n := t.who.Load(); n != nil {
		return *n
	}
	return ""
}

var (
	errNoName = errors.New("no usable name")
	errFull   = errors.New("room full")
)

// nameTaken is join's answer when a name's connection is live: the
// participant chooses another name; free is a proposal.
type nameTaken struct{ free string }

func (e *nameTaken) Error() string { return "name in use: try " + e.free }

// refuse counts a refused join and logs it.
func (r *room) refuse(kind int, format string, args ...any) {
	r.mu.Lock()
	r.refused[kind]++
	r.mu.Unlock()
	r.log(format, args...)
}

// enter lets a new connection onto the name screen. A full room only
// lets in a connection whose key belongs to someone seated: it can take
// back its own seat. When the name screen is full, the connection that
// typed nothing for longest makes room: idle connections cannot keep
// people out.
func (r *room) enter(key string, evict func()) (*ticket, string) {
	r.mu.Lock()
	switch {
	case r.stopping:
		r.mu.Unlock()
		return nil, stoppingText
	case r.seated >= r.max && !r.ownsSeat(key):
		r.mu.Unlock()
		return nil, sprintf(fullText, r.max)
	}
	var out *ticket
	if r.lobby >= r.lobbyMax {
		for t := range r.waiting {
			if out == nil || t.touched.Load() < out.touched.Load() {
				out = t
			}
		}
		if out != nil {
			out.evicted = true
			delete(r.waiting, out)
			r.lobby--
			r.refused[refusedFull]++
		}
	}
	t := &ticket{key: key, evict: evict}
	t.touch()
	r.waiting[t] = struct{}{}
	r.lobby++
	r.wg.Add(1)
	r.mu.Unlock()
	if out != nil {
		r.log("een verbinding zonder naam maakt plaats voor een nieuwe (%d wachten op hun naam)", r.lobbyMax)
		out.evict()
	}
	return t, ""
}

// exit ends a connection's place in the room (its seat is given back by
// leave).
func (r *room) exit(t *ticket) {
	r.mu.Lock()
	if !t.named && !t.evicted {
		r.lobby--
		delete(r.waiting, t)
	}
	r.mu.Unlock()
	r.wg.Done()
}

func (r *room) ownsSeat(key string) bool {
	if key == "" {
		return false
	}
	for _, p := range r.parts {
		if p.active && p.key == key {
			return true
		}
	}
	return false
}

const (
	fullText      = "De studiemiddag is vol: er doen al %d deelnemers mee. Vraag de trainer wat je kunt doen."
	lobbyFullText = "Er wachten nu veel mensen op het scherm voor hun naam. Log opnieuw in en typ meteen je naam."
	stoppingText  = "De studiemiddag stopt. Je kunt niet meer meedoen."
)

// fileFor returns the file name for a display name: FileName, or for a
// name without Latin letters or digits (日本) deelnemer-N, the same N for
// the same name for as long as the room runs. "" when the name has no
// letter or digit at all. With assign false, a new deelnemer-N is not
// handed out (it returns the one it would be).
func (r *room) fileFor(name string, assign bool) string {
	if f := FileName(name); f != "" {
		return f
	}
	if !strings.ContainsFunc(name, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) {
		return ""
	}
	k := strings.ToLower(name)
	if f := r.alias[k]; f != "" {
		return f
	}
	f := ""
	for n := len(r.alias) + 1; ; n++ {
		f = "deelnemer-" + strconv.Itoa(n)
		if r.parts[f] == nil && !r.aliased(f) {
			break
		}
	}
	if assign {
		r.alias[k] = f
		r.aliasShown[f] = name
		r.saveAliases()
	}
	return f
}

func (r *room) aliased(file string) bool {
	for _, f := range r.alias {
		if f == file {
			return true
		}
	}
	return false
}

// freeName proposes a name like name-2 whose file nobody has: not a live
// participant, and not someone who left either (their answers are theirs).
func (r *room) freeName(name string) string {
	base := []rune(name)
	for n := 2; ; n++ {
		suffix := "-" + strconv.Itoa(n)
		b := base[:min(len(base), maxNameRunes-len(suffix))]
		cand := strings.TrimSpace(string(b)) + suffix
		if f := r.fileFor(cand, false); f != "" && r.parts[f] == nil && !r.aliased(f) {
			return cand
		}
	}
}

// join gives a ticket's connection the name, and with it a seat and the
// participant's files. A name whose connection is live is never continued
// by another connection (that could hand one person's answers to
// another), unless both proved the same public key: then the old
// connection ends and the new one takes its seat. It returns the
// participant and whether they had answers before, or errNoName,
// errFull or a *nameTaken.
func (r *room) join(t *ticket, name string, kick func(string), prog *tea.Program) (*participant, bool, error) {
	name = DisplayName(name)
	r.mu.Lock()
	file := r.fileFor(name, true)
	if file == "" {
		r.mu.Unlock()
		return nil, false, errNoName
	}
	p := r.parts[file]
	takeover := p != nil && p.active
	if takeover && (t.key == "" || t.key != p.key) {
		free := r.freeName(name)
		r.mu.Unlock()
		return nil, false, &nameTaken{free: free}
	}
	if !takeover && (r.seated >= r.max || r.stopping) {
		r.mu.Unlock()
		r.refuse(refusedFull, "%s kon niet meedoen: de zaal is vol", name)
		return nil, false, errFull
	}
	var old func(string)
	if p == nil {
		p = &participant{name: name, file: file, joined: r.now(), round: r.round.id}
		r.parts[file] = p
	}
	if takeover {
		old = p.kick
	} else {
		r.seated++
	}
	r.lobby--
	delete(r.waiting, t)
	t.named = true
	t.who.Store(&name)
	p.name, p.key = name, t.key
	p.active, p.kick, p.program = true, kick, prog
	p.conns++
	returning := p.answers != nil
	n := r.seated
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

// leave marks the end of one session of p; the last one writes p's
// files and then gives the seat back, so "is weg" means the answers are
// on disk.
func (r *room) leave(p *participant) {
	r.mu.Lock()
	last := p.conns == 1
	r.mu.Unlock()
	if last {
		if err := r.flush(p); err != nil {
			r.log("%s: antwoorden niet bewaard: %s", p.name, fileError(err))
		}
	}
	r.mu.Lock()
	p.conns--
	if p.conns > 0 {
		r.mu.Unlock()
		return
	}
	p.active, p.kick, p.program = false, nil, nil
	r.seated--
	n := r.seated
	r.mu.Unlock()
	r.log("%s is weg (%d in de zaal); de antwoorden zijn bewaard", p.name, n)
}
