package room

import (
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// BenchmarkDashboardUpdate is one dashboard update at 200 participants:
// a new snapshot of the room and the screen drawn from it. The issue's
// bound is 16 ms (one frame at 60 Hz).
func BenchmarkDashboardUpdate(b *testing.B) {
	e := testEngine(b)
	r, err := newRoom(e, b.TempDir(), MaxLimit, func() time.Time { return testDate }, caseInfo{})
	if err != nil {
		b.Fatal(err)
	}
	r.writeEvery = time.Hour // only the first write of each: the disk is not measured
	for i := range 200 {
		p := joinDirect(b, r, "deelnemer "+strconv.Itoa(i))
		a := decision.Answers{}
		for range i % 12 {
			q := e.Next(a)
			if q == nil {
				break
			}
			a, _ = e.Set(a, q.ID, q.Options[i%len(q.Options)].Value)
		}
		r.setAnswers(p, a)
	}
	m := newDashboard(r, testInfo, r.now, true)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	b.ResetTimer()
	for b.Loop() {
		m.Update(refreshMsg{})
		_ = m.View()
	}
}
