package room

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
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

// fakeSession is the little of an ssh.Session the recover middleware
// uses; anything else would panic on the nil interface.
type fakeSession struct {
	ssh.Session
	ctx  *fakeContext
	out  bytes.Buffer
	exit int
}

func (f *fakeSession) Context() ssh.Context { return f.ctx }
func (f *fakeSession) RemoteAddr() net.Addr {
	return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 5555}
}
func (f *fakeSession) Write(b []byte) (int, error) { return f.out.Write(b) }
func (f *fakeSession) Exit(code int) error         { f.exit = code; return nil }
func (c *fakeContext) Value(k any) any             { return c.vals[k] }
func (c *fakeContext) SetValue(k, v any)           { c.vals[k] = v }
func newFakeSession(t *ticket) *fakeSession {
	return &fakeSession{ctx: &fakeContext{vals: map[any]any{ticketCtx: t}}}
}

type fakeContext struct {
	ssh.Context
	vals map[any]any
}

// A panic in a session's handler ends that session with the Dutch line
// and exit code 1, names the participant in the log and keeps a crash
// file; the next session runs as usual.
func TestRecoverMiddleware(t *testing.T) {
	r := testRoom(t)
	for len(r.events) > 0 {
		<-r.events
	}
	s := &server{room: r}
	tk := &ticket{}
	name := "Pim"
	tk.who.Store(&name)
	sess := newFakeSession(tk)
	s.recoverMW(func(ssh.Session) { panic("stuk") })(sess)
	if !strings.Contains(sess.out.String(), crashText) || sess.exit != 1 {
		t.Errorf("the participant got %q, exit %d", sess.out.String(), sess.exit)
	}
	if e := <-r.events; !strings.Contains(e.Text, "fout in de sessie van Pim") {
		t.Errorf("log: %q", e.Text)
	}
	if files, _ := filepath.Glob(filepath.Join(r.dir, crashDir, "fout-*.log")); len(files) != 1 {
		t.Errorf("crash files: %v", files)
	}
	next := newFakeSession(&ticket{})
	s.recoverMW(func(sess ssh.Session) { fmt.Fprint(sess, "verder") })(next)
	if next.out.String() != "verder" || next.exit != 0 {
		t.Errorf("the next session: %q, exit %d", next.out.String(), next.exit)
	}
}
