package room

import (
	"time"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// The room keeps every participant's answers in memory; the files are
// written behind: at most every writeEvery per participant, and at once
// when they leave, the round changes or the room stops. A crash of the
// trainer's laptop loses at most the last writeEvery of answers.

var fileError = session.FileError

// setAnswers takes a participant's new answers (from their TUI) and
// schedules the write.
func (r *room) setAnswers(p *participant, a decision.Answers) {
	d := r.derived(a)
	r.mu.Lock()
	if p.removed {
		r.mu.Unlock()
		return
	}
	if p.round != r.round.id {
		// A screen of an earlier round: its answers stay in that
		// round's files (written when the round changed).
		r.mu.Unlock()
		return
	}
	wasComplete := p.complete
	d.apply(p)
	done := p.complete && !wasComplete
	p.version++
	if p.timer == nil {
		wait := max(time.Until(p.lastWrite.Add(r.writeEvery)), 0)
		p.timer = time.AfterFunc(wait, func() {
			r.mu.Lock()
			p.timer = nil
			r.mu.Unlock()
			if err := r.flush(p); err != nil {
				r.log("%s: antwoorden niet bewaard: %s", p.name, fileError(err))
			}
		})
	}
	r.mu.Unlock()
	if done {
		r.log("%s heeft alle vragen beantwoord", p.name)
	} else {
		r.event(Event{Time: r.now()}) // refresh only
	}
}

// flush writes p's answers when they changed since the last write: the
// session file with every answer (to resume) and MAP/NAAM.toml with the
// answers that count. Hidden answers stay in the session file only:
// `vergelijk` reads answers files strictly and would refuse them.
func (r *room) flush(p *participant) error {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	r.mu.Lock()
	if p.removed || p.version == p.written || p.answers == nil {
		r.mu.Unlock()
		return nil
	}
	a, version, round := p.answers, p.version, p.round
	r.mu.Unlock()
	// a is never changed in place (setAnswers replaces it), so it can
	// be read without the lock.
	if err := r.writeFiles(p, round, a); err != nil {
		return err
	}
	r.mu.Lock()
	p.written = max(p.written, version)
	p.lastWrite = time.Now()
	r.mu.Unlock()
	return nil
}

// writeRound writes a's files for round id, outside the write-behind.
func (r *room) writeRound(p *participant, id int, a decision.Answers) error {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	r.mu.Lock()
	removed := p.removed
	r.mu.Unlock()
	if removed {
		return nil
	}
	return r.writeFiles(p, id, a)
}

// writeFiles writes both files; the caller holds p.wmu.
func (r *room) writeFiles(p *participant, round int, a decision.Answers) error {
	if err := session.WriteFileAtomic(r.sessionPath(round, p.file), r.eng.FormatAnswers(a)); err != nil {
		return err
	}
	return session.WriteFileAtomic(r.publicPath(round, p.file), r.eng.FormatAnswers(r.eng.Effective(a)))
}

// flushAll writes every participant's pending answers (stop, new round).
func (r *room) flushAll() {
	r.mu.Lock()
	ps := make([]*participant, 0, len(r.parts))
	for _, p := range r.parts {
		ps = append(ps, p)
	}
	r.mu.Unlock()
	for _, p := range ps {
		if err := r.flush(p); err != nil {
			r.log("%s: antwoorden niet bewaard: %s", p.name, fileError(err))
		}
	}
}
