package room

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// Names in any script are kept for display; their files are safe and
// distinct, deelnemer-N when nothing can be spelled in a-z.
func TestNamesInAnyScript(t *testing.T) {
	r := testRoom(t)
	// In order: deelnemer-N counts up in the order of joining.
	for _, c := range [][2]string{{"Zoë", "zoe"}, {"Ольга", "olga"}, {"日本", "deelnemer-1"}, {"中文", "deelnemer-2"}} {
		name, file := c[0], c[1]
		p := joinDirect(t, r, name)
		if p.file != file || p.name != name {
			t.Errorf("%q: file %q name %q, want file %q", name, p.file, p.name, file)
		}
		r.leave(p)
	}
	// The same name gets the same file again.
	if p := joinDirect(t, r, "日本"); p.file != "deelnemer-1" {
		t.Errorf("日本 again: %q", p.file)
	}
	// A name typed as deelnemer-1 while 日本 has it is live: refused.
	tk, _ := r.enter("", func() {})
	if _, _, err := r.join(tk, "deelnemer-1", nil, nil); err == nil {
		t.Error("deelnemer-1 continued the live 日本")
	}
	rows, _, _ := r.snapshot()
	var names []string
	for _, row := range rows {
		names = append(names, row.Name)
	}
	if got := strings.Join(names, ","); !strings.Contains(got, "日本") || !strings.Contains(got, "Ольга") {
		t.Errorf("dashboard names: %s", got)
	}
}

// A wrong code gets a Dutch line where the protocol allows it: the
// keyboard-interactive instruction.
func TestKeyboardInteractiveSaysWhy(t *testing.T) {
	s, _, _ := startRoom(t, testConfig(t))
	var mu sync.Mutex
	var instructions []string
	answers := []string{"FOUT99", testCode}
	auth := gossh.KeyboardInteractive(func(_, instruction string, qs []string, _ []bool) ([]string, error) {
		mu.Lock()
		defer mu.Unlock()
		instructions = append(instructions, instruction)
		a := answers[0]
		answers = answers[1:]
		return []string{a}, nil
	})
	c, err := gossh.Dial("tcp", s.Addr().String(), &gossh.ClientConfig{User: "bo", Auth: []gossh.AuthMethod{auth},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("second code is right, still refused: %v", err)
	}
	c.Close()
	if len(instructions) != 2 || instructions[0] != "" || instructions[1] != wrongCodeText {
		t.Errorf("instructions: %q", instructions)
	}
	s.room.mu.Lock()
	n := s.room.refused[refusedCode]
	s.room.mu.Unlock()
	if n != 1 {
		t.Errorf("%d wrong codes counted, want 1", n)
	}
}

// 50 idle connections on the name screen of a room for 5 keep nobody
// out: the longest idle make room, and those that stay end after the
// name screen's timeout.
func TestIdleNameScreens(t *testing.T) {
	cfg := testConfig(t)
	cfg.Max = 5
	s, log, _ := startRoomWith(t, cfg, func(s *server) { s.room.nameTimeout = 5 * time.Second })
	var idle []*term
	for i := range 50 {
		tm := openTerm(t, s, "idle", true)
		if i < 3 {
			tm.waitText("Hoe heet je")
		}
		idle = append(idle, tm)
	}
	for _, name := range []string{"ann", "bas", "cor", "dirk", "eva"} {
		openTerm(t, s, name, true).join(s.room, name)
	}
	s.room.mu.Lock()
	seated, lobby, refused := s.room.seated, s.room.lobby, s.room.refused[refusedFull]
	s.room.mu.Unlock()
	// Some idle connections may still be on their way in (a slow
	// machine): the counts are bounds.
	if seated != 5 || lobby > s.room.lobbyMax || refused < 1 {
		t.Errorf("seated %d, on the name screen %d (max %d), made room %d", seated, lobby, s.room.lobbyMax, refused)
	}
	if !strings.Contains(idle[0].screen(), lobbyFullText) {
		t.Errorf("the oldest idle connection was not told:\n%s", idle[0].screen())
	}
	// Those left end after the timeout, with a line saying why.
	last := idle[len(idle)-1]
	last.waitText("Je hebt een tijd geen naam getypt")
	last.waitClosed()
	waitFor(t, "an empty name screen", func() bool {
		s.room.mu.Lock()
		defer s.room.mu.Unlock()
		return s.room.lobby == 0
	}, log.String)
}

// stallConn stops reading once stalled, as a client frozen with SIGSTOP.
type stallConn struct {
	net.Conn
	mu      sync.Mutex
	stalled bool
	wake    chan struct{}
}

func (c *stallConn) Read(b []byte) (int, error) {
	c.mu.Lock()
	st := c.stalled
	c.mu.Unlock()
	if st {
		<-c.wake
		return 0, net.ErrClosed
	}
	return c.Conn.Read(b)
}

func (c *stallConn) stall() {
	c.mu.Lock()
	c.stalled = true
	c.mu.Unlock()
}

// A frozen participant is found dead by keepalives: their seat is
// given back and their name can be continued from another connection.
func TestFrozenClientFoundDead(t *testing.T) {
	s, _, _ := startRoomWith(t, testConfig(t), func(s *server) {
		s.keepEvery, s.keepWait = 100*time.Millisecond, 300*time.Millisecond
	})
	raw, err := net.Dial("tcp", s.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	sc := &stallConn{Conn: raw, wake: make(chan struct{})}
	defer close(sc.wake)
	conn, chans, reqs, err := gossh.NewClientConn(sc, s.Addr().String(), &gossh.ClientConfig{User: "fien",
		Auth: []gossh.AuthMethod{gossh.Password(testCode)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	frozen := newTerm(t, gossh.NewClient(conn, chans, reqs), "fien", true)
	frozen.join(s.room, "fien")
	frozen.answer(s.room, "fien")
	sc.stall()
	waitFor(t, "fien found dead", func() bool { p, _ := s.room.state("fien"); return !p.active }, nil)
	back := openTerm(t, s, "fien", true)
	back.join(s.room, "fien")
	back.waitText("vraag 2 van")
}

// The answers of a participant found dead are on disk at once, not only
// writeEvery later.
func TestFrozenClientAnswersKept(t *testing.T) {
	cfg := testConfig(t)
	s, _, _ := startRoomWith(t, cfg, func(s *server) {
		s.keepEvery, s.keepWait = 100*time.Millisecond, 300*time.Millisecond
	})
	raw, err := net.Dial("tcp", s.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	sc := &stallConn{Conn: raw, wake: make(chan struct{})}
	defer close(sc.wake)
	conn, chans, reqs, err := gossh.NewClientConn(sc, s.Addr().String(), &gossh.ClientConfig{User: "gijs",
		Auth: []gossh.AuthMethod{gossh.Password(testCode)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	tm := newTerm(t, gossh.NewClient(conn, chans, reqs), "gijs", true)
	tm.join(s.room, "gijs")
	tm.answer(s.room, "gijs")
	tm.answer(s.room, "gijs")
	sc.stall()
	waitFor(t, "gijs found dead", func() bool { p, _ := s.room.state("gijs"); return !p.active }, nil)
	// Leaving wrote the files at once, not writeEvery later.
	data, err := os.ReadFile(filepath.Join(cfg.Dir, "gijs.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if a, err := s.room.eng.ParseAnswers("gijs", data, decision.ParseOptions{}); err != nil || len(a) != 2 {
		t.Errorf("gijs.toml after the connection died: %v %v", a, err)
	}
}

// After a restart, a name without a-z letters finds its file again.
func TestAliasesSurviveRestart(t *testing.T) {
	e := testEngine(t)
	dir := t.TempDir()
	r, err := newRoom(e, dir, 5, testConfig(t).Now, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"中文", "日本"} {
		p := joinDirect(t, r, name)
		if err := r.start(p, path(e, func(int) int { return 0 })); err != nil {
			t.Fatal(err)
		}
		r.leave(p)
	}
	r2, err := newRoom(e, dir, 5, testConfig(t).Now, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	if rows, _, _ := r2.snapshot(); len(rows) != 2 {
		t.Errorf("participants after the restart: %+v", rows)
	}
	if p, ok := r2.state("deelnemer-2"); !ok || p.name != "日本" {
		t.Errorf("deelnemer-2 after the restart: %q %v", p.name, ok)
	}
	p, returning, err := r2.join(mustEnter(t, r2), "日本", nil, nil)
	if err != nil || p.file != "deelnemer-2" || !returning {
		t.Errorf("日本 after the restart: %v %q returning %v", err, p.file, returning)
	}
}

func mustEnter(t *testing.T, r *room) *ticket {
	t.Helper()
	tk, refusal := r.enter("", func() {})
	if tk == nil {
		t.Fatal(refusal)
	}
	return tk
}

// The name screen wraps its note about a name in use, so the proposed
// name is never cut off in a narrow window (it was cut at the width).
func TestNameInUseNoteWraps(t *testing.T) {
	m := newPartModel(nil, nil)
	m.w = 60
	m.problem = fmt.Sprintf(nameUsedText, "Annemarie", "Annemarie-2")
	screen := ansi.Strip(m.View().Content)
	for _, line := range strings.Split(screen, "\n") {
		if ansi.StringWidth(line) > 60 {
			t.Errorf("line wider than 60 columns: %q", line)
		}
	}
	if flat := strings.Join(strings.Fields(screen), " "); !strings.Contains(flat, "bijvoorbeeld Annemarie-2.") {
		t.Errorf("the proposed name is cut off:\n%s", screen)
	}
}
