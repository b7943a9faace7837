package room

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

const testCode = "KM7PXA"

var testDate = time.Date(2026, 11, 26, 14, 0, 0, 0, time.UTC)

var (
	contentOnce sync.Once
	testContent *content.Content
	contentErr  error
)

func testEngine(tb testing.TB) *decision.Engine {
	tb.Helper()
	contentOnce.Do(func() { testContent, contentErr = content.Load(content.Default()) })
	if contentErr != nil {
		tb.Fatalf("content does not load: %v", contentErr)
	}
	return decision.New(testContent)
}

func init() {
	// Tests do not wait two seconds for every goodbye.
	byeDelay = 100 * time.Millisecond
}

// testConfig is a server on 127.0.0.1 with a fresh folder and host key.
func testConfig(t *testing.T) Config {
	t.Helper()
	dir := t.TempDir()
	return Config{
		Engine:      testEngine(t),
		Addr:        "127.0.0.1:0",
		Code:        testCode,
		Dir:         filepath.Join(dir, "studiemiddag"),
		HostKeyPath: filepath.Join(dir, "config", "studiemiddag_ed25519"),
		Now:         func() time.Time { return testDate },
	}
}

// startRoom runs Run (log mode) in the background and returns the server
// once it listens, with the log. The room stops when the test ends, or
// earlier through the returned stop function.
func startRoom(t *testing.T, cfg Config) (*server, *syncBuffer, func()) {
	t.Helper()
	return startRoomWith(t, cfg, nil)
}

// startRoomWith is startRoom with tune called on the server before any
// connection (shorter timeouts for tests).
func startRoomWith(t *testing.T, cfg Config, tune func(*server)) (*server, *syncBuffer, func()) {
	t.Helper()
	logBuf := &syncBuffer{}
	cfg.Stdout = logBuf
	ready := make(chan *server, 1)
	cfg.ready = func(s *server) {
		s.authDelay = 10 * time.Millisecond
		if tune != nil {
			tune(s)
		}
		ready <- s
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg) }()
	var s *server
	select {
	case s = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("Run stopped at once: %v", err)
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("the server does not start")
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("Run does not stop")
			}
		})
	}
	t.Cleanup(stop)
	return s, logBuf, stop
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

// dial connects as user with code.
func dial(t testing.TB, s *server, user, code string) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.Password(code)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
	return gossh.Dial("tcp", s.Addr().String(), cfg)
}

// term is a participant's terminal: a session with a pty and everything
// the server wrote, without escape sequences.
type term struct {
	t      testing.TB
	user   string // also the name typed on the name screen
	client *gossh.Client
	sess   *gossh.Session
	in     interface{ Write([]byte) (int, error) }
	out    *syncBuffer
	done   chan struct{}
}

func openTerm(t testing.TB, s *server, user string, pty bool) *term {
	t.Helper()
	c, err := dial(t, s, user, testCode)
	if err != nil {
		t.Fatalf("connecting as %q: %v", user, err)
	}
	return newTerm(t, c, user, pty)
}

// openTermAuth connects with a public key and the code, as OpenSSH does
// with a key in ~/.ssh.
func openTermAuth(t testing.TB, s *server, user string, key gossh.Signer) *term {
	t.Helper()
	cfg := &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key), gossh.Password(testCode)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
	c, err := gossh.Dial("tcp", s.Addr().String(), cfg)
	if err != nil {
		t.Fatalf("verbinden met sleutel als %q: %v", user, err)
	}
	return newTerm(t, c, user, true)
}

func newTerm(t testing.TB, c *gossh.Client, user string, pty bool) *term {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatalf("session: %v", err)
	}
	if pty {
		if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
			t.Fatalf("pty: %v", err)
		}
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, user: user, client: c, sess: sess, in: in, out: &syncBuffer{}, done: make(chan struct{})}
	sess.Stdout = tm.out
	sess.Stderr = tm.out
	if err := sess.Shell(); err != nil {
		t.Fatalf("shell: %v", err)
	}
	go func() { _ = sess.Wait(); close(tm.done) }()
	if tb, ok := t.(*testing.T); ok {
		tb.Cleanup(tm.close)
	}
	return tm
}

func (tm *term) close() { _ = tm.client.Close() }

func (tm *term) send(keys string) {
	tm.t.Helper()
	if _, err := tm.in.Write([]byte(keys)); err != nil {
		tm.t.Fatalf("keys %q: %v", keys, err)
	}
}

// screen is all output so far without escape sequences.
func (tm *term) screen() string { return ansi.Strip(tm.out.String()) }

// waitText waits until the output contains text.
func (tm *term) waitText(text string) {
	tm.t.Helper()
	waitFor(tm.t, "text "+text, func() bool { return strings.Contains(tm.screen(), text) }, func() string { return tm.screen() })
}

// waitClosed waits until the server ended the session.
func (tm *term) waitClosed() {
	tm.t.Helper()
	select {
	case <-tm.done:
	case <-time.After(10 * time.Second):
		tm.t.Fatalf("the session does not close; screen:\n%s", tm.screen())
	}
}

func waitFor(t testing.TB, what string, ok func() bool, show func() string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			msg := ""
			if show != nil {
				msg = show()
			}
			t.Fatalf("waited for %s in vain:\n%s", what, msg)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// state returns a copy of what the room knows of file.
func (r *room) state(file string) (p participant, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if q := r.parts[file]; q != nil {
		return participant{name: q.name, file: q.file, active: q.active, answers: q.answers.Clone(),
			complete: q.complete, pos: q.pos, total: q.total}, true
	}
	return participant{}, false
}

// join types the user name as the name and waits until the room has
// file.
func (tm *term) join(r *room, file string) {
	tm.t.Helper()
	before, _ := r.state(file)
	tm.waitText("Hoe heet je")
	tm.send(tm.user + "\r")
	waitFor(tm.t, "deelnemer "+file, func() bool { p, ok := r.state(file); return ok && p.active }, tm.screen)
	if _, cs := r.currentRound(); len(before.answers) == 0 && cs.answers == nil {
		// A new participant starts on the welcome menu.
		tm.waitText("Begin met de vragen")
		tm.send("\r")
		tm.waitText("vraag 1 van")
	}
}

// answer picks the first option of the current question and waits until
// the room saw the new answer.
func (tm *term) answer(r *room, file string) {
	tm.t.Helper()
	before, _ := r.state(file)
	tm.send("1\r")
	waitFor(tm.t, "an answer from "+file, func() bool {
		p, _ := r.state(file)
		return len(p.answers) > len(before.answers) || p.complete
	}, tm.screen)
}

// readAnswersFile reads MAP/file.toml as `vergelijk` does: strictly.
func readAnswersFile(t *testing.T, e *decision.Engine, dir, file string) decision.Answers {
	t.Helper()
	path := filepath.Join(dir, file+".toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("answers file: %v", err)
	}
	a, err := e.ParseAnswers(path, data, decision.ParseOptions{})
	if err != nil {
		t.Fatalf("%s does not load the way vergelijk reads it: %v\n%s", path, err, data)
	}
	return a
}

// joinDirect joins name without a connection (dashboard tests).
func joinDirect(t testing.TB, r *room, name string) *participant {
	t.Helper()
	tk, refusal := r.enter("", func() {})
	if tk == nil {
		t.Fatalf("enter: %s", refusal)
	}
	p, _, err := r.join(tk, name, nil, nil)
	if err != nil {
		t.Fatalf("join %q: %v", name, err)
	}
	return p
}

// start gives p answers a and writes them at once.
func (r *room) start(p *participant, a decision.Answers) error {
	r.setAnswers(p, a)
	return r.flush(p)
}

// waitAnswersFile waits until MAP/file.toml, read as `vergelijk` reads it,
// satisfies ok (the room writes behind, within writeEvery).
func waitAnswersFile(t *testing.T, e *decision.Engine, dir, file string, ok func(decision.Answers) bool) decision.Answers {
	t.Helper()
	path := filepath.Join(dir, file+".toml")
	var a decision.Answers
	waitFor(t, "antwoordenbestand "+path, func() bool {
		data, err := os.ReadFile(path)
		if err != nil {
			return false
		}
		a, err = e.ParseAnswers(path, data, decision.ParseOptions{})
		return err == nil && ok(a)
	}, func() string { data, _ := os.ReadFile(path); return string(data) })
	return a
}
