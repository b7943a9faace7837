package decision

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// roomOf makes n participants on the real content: each answers every
// question on their own path with a random option, so the paths differ as
// in a real room.
func roomOf(e *Engine, n int) []Participant {
	rng := rand.New(rand.NewPCG(1, 2))
	ps := make([]Participant, n)
	for i := range ps {
		a := Answers{}
		for q := e.Next(a); q != nil; q = e.Next(a) {
			o := q.Options[rng.IntN(len(q.Options))].Value
			if q.Kind == content.Many && rng.IntN(3) == 0 {
				a[q.ID] = []string{}
				continue
			}
			a[q.ID] = []string{o}
		}
		ps[i] = Participant{Name: fmt.Sprintf("deelnemer-%d", i+1), Answers: a}
	}
	return ps
}

// On the real content the room's outcome is the engine's verdict.
func TestTallyMatchesVerdict(t *testing.T) {
	e := engine(t)
	for i, p := range roomOf(e, 200) {
		tl := e.Tally([]Participant{p})
		v := e.Verdict(p.Answers)
		var got Outcome
		for _, oc := range tl.Outcomes {
			if oc.Count == 1 {
				got = oc.Outcome
			}
		}
		// Complete paths: no verdict is "still open" for want of an answer.
		var want []Outcome
		switch {
		case v.Counts != nil && *v.Counts:
			want = []Outcome{OutcomeCan}
		case v.Counts != nil:
			want = []Outcome{OutcomeCannot}
		default:
			want = []Outcome{OutcomeUnclear, OutcomeNA}
		}
		if !slices.Contains(want, got) {
			t.Errorf("participant %d %v: outcome %s, verdict %q", i, p.Answers, got, v.Label())
		}
	}
}

// BenchmarkTally is the beamer's recompute for a room of n.
func BenchmarkTally(b *testing.B) {
	e := engine(b)
	for _, n := range []int{40, 500} {
		ps := roomOf(e, n)
		b.Run(fmt.Sprintf("deelnemers=%d", n), func(b *testing.B) {
			for b.Loop() {
				_ = e.Tally(ps)
			}
		})
	}
}

// BenchmarkReveal is one question's reveal for a room of 500: the most
// rules of any question.
func BenchmarkReveal(b *testing.B) {
	e := engine(b)
	ps := roomOf(e, 500)
	var q *content.Question
	for _, c := range e.C.Questions {
		if q == nil || len(e.Feeds(c.ID)) > len(e.Feeds(q.ID)) {
			q = c
		}
	}
	b.Run(q.ID, func(b *testing.B) {
		for b.Loop() {
			_ = e.Reveal(q, ps)
		}
	})
}
