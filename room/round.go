package room

import (
	"time"

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
	// Participants are everyone with a file in this round, in natural
	// order of File.
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
	defer r.mu.Unlock()
	s := RoundSnapshot{ID: r.round.id, Case: r.round.cs.name, Title: r.round.cs.title, Started: r.round.started}
	if s.Title == "" {
		s.Title = eigenLes
	}
	for _, p := range r.parts {
		rp := RoundParticipant{Name: p.name, File: p.file, Active: p.active, Complete: p.complete}
		if p.answers != nil {
			rp.Answers = r.eng.Effective(p.answers)
		}
		s.Participants = append(s.Participants, rp)
	}
	sortNatural(s.Participants, func(p RoundParticipant) string { return p.File })
	return s
}

// roundState is the room's current round. Guarded by room.mu.
type roundState struct {
	id      int
	cs      caseInfo
	started time.Time
}
