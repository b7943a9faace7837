package room

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// p opens the beamer from the dashboard; q and esc come back without
// stopping the room; ctrl+c asks to stop, and "no" returns to the beamer.
func TestDashboardBeamer(t *testing.T) {
	for _, c := range []struct {
		keys []string
		mode dashMode
		want string
	}{
		{[]string{"p"}, modeBeamer, "Vraag 1 van"},
		{[]string{"p", "t"}, modeBeamer, "Procenten van de 3 die antwoordden."},
		{[]string{"p", "q"}, modeMain, "Deelnemers (3)"},
		{[]string{"p", "w", "esc"}, modeBeamer, "Vraag 1 van"},
		{[]string{"p", "w", "esc", "esc"}, modeMain, "Deelnemers (3)"},
		{[]string{"p", "ctrl+c"}, modeStop, "Stoppen?"},
		{[]string{"p", "ctrl+c", "n"}, modeBeamer, "Vraag 1 van"},
		// The beamer keeps its page between visits.
		{[]string{"p", "n", "q", "p"}, modeBeamer, "Vraag 2 van"},
	} {
		out, m := runDashKeys(t, testRoom(t), 80, 24, c.keys...)
		if m.mode != c.mode || !strings.Contains(out, c.want) {
			t.Errorf("%v: mode %d, want %d with %q:\n%s", c.keys, m.mode, c.mode, c.want, out)
		}
	}
}

// runDashKeys is runDash with ctrl+c as a key.
func runDashKeys(t *testing.T, r *room, w, h int, keys ...string) (string, *dashModel) {
	t.Helper()
	m := newDashboard(r, testInfo, r.now, true)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	for _, k := range keys {
		var msg tea.KeyPressMsg
		if k == "ctrl+c" {
			msg = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
		} else {
			msg = beamerKey(k)
		}
		_, cmd := m.Update(msg)
		// Run what the key asked for (a count, leaving the beamer), but
		// not the tick it schedules: no waiting in a test.
		if cmd != nil {
			if out := cmd(); out != nil {
				if _, isBatch := out.(tea.BatchMsg); !isBatch {
					m.Update(out)
				}
			}
		}
	}
	return ansi.Strip(m.View().Content), m
}

// While the beamer is not on screen its ticks are dropped (the chain
// ends); opening it again starts a new chain.
func TestDashboardDropsBeamerTicks(t *testing.T) {
	r := testRoom(t)
	m := newDashboard(r, testInfo, r.now, true)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(beamerKey("p"))
	chain := m.beamer.chain
	m.Update(beamerKey("q"))
	m.Update(BeamerDoneMsg{})
	if _, cmd := m.Update(beamerTickMsg{chain: chain}); cmd != nil {
		t.Error("a tick while the dashboard is shown starts a count")
	}
	_, cmd := m.Update(beamerKey("p"))
	if cmd == nil || m.beamer.chain == chain {
		t.Error("opening the beamer again starts no new chain")
	}
}

// After the stop question was asked from the beamer and the trainer went
// back to the overview, the beamer's ticks still end (back is stale).
func TestDashboardDropsBeamerTicksAfterStopQuestion(t *testing.T) {
	_, m := runDashKeys(t, testRoom(t), 80, 24, "p", "ctrl+c", "n", "q")
	if m.mode != modeMain {
		t.Fatalf("mode %d, want the overview", m.mode)
	}
	if _, cmd := m.Update(beamerTickMsg{chain: m.beamer.chain}); cmd != nil {
		t.Error("a tick on the overview starts a count")
	}
	// Behind the stop question asked from the beamer, it keeps counting.
	_, m = runDashKeys(t, testRoom(t), 80, 24, "p", "ctrl+c")
	if _, cmd := m.Update(beamerTickMsg{chain: m.beamer.chain}); cmd == nil {
		t.Error("the beamer stops counting behind the stop question")
	}
}
