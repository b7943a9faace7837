package room

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// panicModel fails on its first update, as a bug in one screen would.
type panicModel struct{}

func (panicModel) Init() tea.Cmd                       { return nil }
func (panicModel) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("kapot") }
func (panicModel) View() tea.View                      { panic("kapot") }

// A panic in one participant's program ends only that session, with a
// Dutch message; the trainer's log names them and a crash file is kept.
func TestPanicEndsOnlyThatSession(t *testing.T) {
	r := testRoom(t)
	for range len(r.events) {
		<-r.events
	}
	tk, _ := r.enter("", func() {})
	m := newPartModel(r, tk)
	m.p, _, _ = r.join(tk, "Pim", nil, nil)
	m.phase, m.inner = phaseMain, panicModel{}
	m.Update(keyMsg("1"))
	if m.phase != phaseBye || m.bye != crashText {
		t.Fatalf("after the panic: phase %d, %q", m.phase, m.bye)
	}
	logged := ""
	for len(r.events) > 0 {
		logged += (<-r.events).Text + "\n"
	}
	if !strings.Contains(logged, "fout in de sessie van Pim") {
		t.Errorf("log:\n%s", logged)
	}
	files, _ := filepath.Glob(filepath.Join(r.dir, crashDir, "fout-*.log"))
	if len(files) != 1 {
		t.Fatalf("crash files: %v", files)
	}
	if data, _ := os.ReadFile(files[0]); !strings.Contains(string(data), "kapot") || !strings.Contains(string(data), "Pim") {
		t.Errorf("crash file:\n%s", data)
	}
	// The room goes on: someone else joins and answers.
	other := joinDirect(t, r, "Ria")
	if err := r.start(other, path(r.eng, func(int) int { return 0 })); err != nil {
		t.Fatal(err)
	}
	// A panic while drawing ends the session too.
	m2 := newPartModel(r, tk)
	m2.phase, m2.inner = phaseMain, panicModel{}
	if v := m2.View(); !strings.Contains(v.Content, crashText) {
		t.Errorf("view after a panic: %q", v.Content)
	}
}
