package room

import (
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// BenchmarkDashboardUpdate is one dashboard update at 200 and 500
// participants: a new snapshot of the room and the screen drawn from it.
// The bound is 16 ms at 200 (one frame at 60 Hz).
func BenchmarkDashboardUpdate(b *testing.B) {
	for _, n := range []int{200, 500} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchDashboard(b, n) })
	}
}

func benchDashboard(b *testing.B, n int) {
	e := testEngine(b)
	r, err := newRoom(e, b.TempDir(), MaxLimit, func() time.Time { return testDate }, caseInfo{})
	if err != nil {
		b.Fatal(err)
	}
	r.writeEvery = time.Hour // only the first write of each: the disk is not measured
	for i := range n {
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
