package room

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// walk answers questions with the first option until the room marks file
// complete.
func walk(t *testing.T, tm *term, r *room, file string) {
	t.Helper()
	for range 60 {
		if p, _ := r.state(file); p.complete {
			return
		}
		tm.answer(r, file)
	}
	t.Fatalf("not done after 60 answers:\n%s", tm.screen())
}

func TestFullPathToSummary(t *testing.T) {
	cfg := testConfig(t)
	s, log, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "anna", true)
	tm.join(s.room, "anna")
	tm.waitText("vraag 1 van")
	walk(t, tm, s.room, "anna")
	tm.waitText("Kloppen je antwoorden?") // the review screen
	tm.send("v")
	tm.waitText("Afstandsonderwijs in je les")

	e := testEngine(t)
	// Written behind, within writeEvery.
	a := waitAnswersFile(t, e, cfg.Dir, "anna", e.Complete)
	p, _ := s.room.state("anna")
	if len(a) != len(e.Effective(p.answers)) {
		t.Errorf("file has %d answers, the session %d", len(a), len(e.Effective(p.answers)))
	}
	waitFor(t, "log", func() bool { return strings.Contains(log.String(), "anna heeft alle vragen beantwoord") }, log.String)
	rows, tally, n := s.room.snapshot()
	if len(rows) != 1 || !rows[0].Complete || n != 1 || len(tally) == 0 {
		t.Errorf("dashboard sees %+v, %+v, %d", rows, tally, n)
	}
	// The trainer's own session is never touched: nothing outside MAP.
	ents, _ := os.ReadDir(filepath.Dir(cfg.Dir))
	for _, en := range ents {
		if en.Name() != "studiemiddag" && en.Name() != "config" {
			t.Errorf("unexpected file next to the directory: %s", en.Name())
		}
	}
}

func TestWrongCodeRefused(t *testing.T) {
	s, log, _ := startRoom(t, testConfig(t))
	tries := 0
	cfg := &gossh.ClientConfig{
		User: "anna",
		Auth: []gossh.AuthMethod{gossh.RetryableAuthMethod(gossh.PasswordCallback(func() (string, error) {
			tries++
			return "FOUT99", nil
		}), 10)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	}
	c, err := gossh.Dial("tcp", s.Addr().String(), cfg)
	if err == nil {
		c.Close()
		t.Fatal("wrong code gives access")
	}
	if tries != maxAuthTries {
		t.Errorf("%d tries allowed, want %d", tries, maxAuthTries)
	}
	if !strings.Contains(log.String(), "verkeerde code vanaf 127.0.0.1") {
		t.Errorf("log does not report the wrong code:\n%s", log.String())
	}
	// The right code, in lower case, works.
	c, err = dial(t, s, "anna", strings.ToLower(testCode))
	if err != nil {
		t.Fatalf("right code in lower case: %v", err)
	}
	c.Close()
}

func TestKeyboardInteractive(t *testing.T) {
	s, _, _ := startRoom(t, testConfig(t))
	cb := func(answer string) gossh.AuthMethod {
		return gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			a := make([]string, len(qs))
			for i := range a {
				a[i] = answer
			}
			return a, nil
		})
	}
	for _, tc := range []struct {
		code string
		ok   bool
	}{{"FOUT99", false}, {testCode, true}} {
		c, err := gossh.Dial("tcp", s.Addr().String(), &gossh.ClientConfig{User: "bo", Auth: []gossh.AuthMethod{cb(tc.code)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
		if (err == nil) != tc.ok {
			t.Errorf("code %s: error %v", tc.code, err)
		}
		if c != nil {
			c.Close()
		}
	}
}

func TestOnlyInteractiveSessions(t *testing.T) {
	cfg := testConfig(t)
	s, _, _ := startRoom(t, cfg)
	c, err := dial(t, s, "anna", testCode)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	sess, _ := c.NewSession()
	if out, err := sess.CombinedOutput("cat /etc/passwd"); err == nil {
		t.Errorf("exec works: %q", out)
	}
	sess, _ = c.NewSession()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("sftp works")
	}
	sess, _ = c.NewSession()
	if err := sess.Setenv("LANG", "nl_NL.UTF-8"); err == nil {
		t.Error("environment variable accepted")
	}
	if ok, err := sess.SendRequest("auth-agent-req@openssh.com", true, nil); ok || err != nil {
		t.Errorf("agent forwarding: ok=%v err=%v", ok, err)
	}
	if ok, err := sess.SendRequest("x11-req", true, gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0})); ok || err != nil {
		t.Errorf("X11 forwarding: ok=%v err=%v", ok, err)
	}
	if conn, err := c.Dial("tcp", s.Addr().String()); err == nil {
		conn.Close()
		t.Error("port forwarding (direct-tcpip) works")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding works")
	}
	// Nothing of the above left a file or a participant.
	if rows, _, _ := s.room.snapshot(); len(rows) != 0 {
		t.Errorf("participants after refused requests: %+v", rows)
	}
}

// A seat is taken when a name is confirmed: connections on the name
// screen hold none, a full room refuses at once, and a seat frees when
// someone leaves.
func TestRoomFull(t *testing.T) {
	cfg := testConfig(t)
	cfg.Max = 2
	s, log, _ := startRoom(t, cfg)
	idle := openTerm(t, s, "idle", true)
	idle.waitText("Hoe heet je")
	a := openTerm(t, s, "a", true)
	a.join(s.room, "a")
	b := openTerm(t, s, "b", true)
	b.join(s.room, "b")
	c := openTerm(t, s, "c", true)
	c.waitClosed()
	if !strings.Contains(c.screen(), "De studiemiddag is vol") || strings.Contains(c.screen(), "Hoe heet je") {
		t.Errorf("the third gets: %q", c.screen())
	}
	// The idle connection got there first but cannot take a third seat.
	idle.send("idle\r")
	idle.waitText("De studiemiddag is vol")
	idle.waitClosed()
	s.room.mu.Lock()
	full := s.room.refused[refusedFull]
	s.room.mu.Unlock()
	if full != 2 || !strings.Contains(log.String(), "de zaal is vol") {
		t.Errorf("%d geweigerd, log:\n%s", full, log.String())
	}
	// A seat frees when someone leaves.
	a.close()
	waitFor(t, "free place", func() bool {
		s.room.mu.Lock()
		defer s.room.mu.Unlock()
		return s.room.seated < 2
	}, nil)
	d := openTerm(t, s, "d", true)
	d.join(s.room, "d")
}

func TestRejoinContinues(t *testing.T) {
	cfg := testConfig(t)
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "bob", true)
	tm.join(s.room, "bob")
	tm.answer(s.room, "bob")
	tm.answer(s.room, "bob")
	tm.close()
	waitFor(t, "bob gone", func() bool { p, _ := s.room.state("bob"); return !p.active }, nil)

	tm = openTerm(t, s, "Bob", true) // the same name in other capitals
	tm.join(s.room, "bob")
	tm.waitText("vraag 3 van")
	tm.answer(s.room, "bob")
	if p, _ := s.room.state("bob"); len(p.answers) != 3 {
		t.Errorf("after coming back %d answers, want 3: %v", len(p.answers), p.answers)
	}
}

// A name whose connection is live is never continued by a second one:
// the second gets a free name and a file of its own, and never sees the
// first one's answers.
func TestSameNameLiveGetsFreeName(t *testing.T) {
	s, _, _ := startRoom(t, testConfig(t))
	old := openTerm(t, s, "sam", true)
	old.join(s.room, "sam")
	old.answer(s.room, "sam")
	nw := openTerm(t, s, "sam", true)
	nw.waitText("Hoe heet je")
	nw.send("Sam\r")
	nw.waitText("Iemand anders doet al mee met de naam Sam")
	nw.send("\r")
	waitFor(t, "sam-2", func() bool { p, ok := s.room.state("sam-2"); return ok && p.active }, nw.screen)
	nw.waitText("Begin met de vragen")
	if p, _ := s.room.state("sam-2"); len(p.answers) != 0 {
		t.Errorf("sam-2 begint met antwoorden van een ander: %v", p.answers)
	}
	if p, _ := s.room.state("sam"); !p.active || len(p.answers) != 1 {
		t.Errorf("sam na de tweede verbinding: actief %v, %d antwoorden", p.active, len(p.answers))
	}
	if strings.Contains(old.screen(), "ander scherm") {
		t.Error("de eerste verbinding is overgenomen")
	}
}

// The same public key may continue a live name at once (a laptop whose
// connection hung): the old connection ends.
func TestSameKeyTakesOver(t *testing.T) {
	s, _, _ := startRoom(t, testConfig(t))
	_, priv, _ := ed25519.GenerateKey(nil)
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	old := openTermAuth(t, s, "sam", signer)
	old.join(s.room, "sam")
	old.answer(s.room, "sam")
	nw := openTermAuth(t, s, "sam", signer)
	nw.join(s.room, "sam")
	old.waitText("ander scherm")
	old.waitClosed()
	nw.waitText("vraag 2 van")
	if p, _ := s.room.state("sam"); !p.active {
		t.Error("sam no longer active after the switch")
	}
	s.room.mu.Lock()
	seated := s.room.seated
	s.room.mu.Unlock()
	if seated != 1 {
		t.Errorf("%d seats after the takeover, want 1", seated)
	}
	// Another key under the same live name does not take over.
	_, priv2, _ := ed25519.GenerateKey(nil)
	other, _ := gossh.NewSignerFromKey(priv2)
	third := openTermAuth(t, s, "sam", other)
	third.waitText("Hoe heet je")
	third.send("sam\r")
	third.waitText("Iemand anders doet al mee")
}

// A seated name whose connection hangs takes back its own seat in a full
// room, from the same key; nobody else gets in.
func TestOwnSeatInFullRoom(t *testing.T) {
	cfg := testConfig(t)
	cfg.Max = 1
	s, _, _ := startRoom(t, cfg)
	_, priv, _ := ed25519.GenerateKey(nil)
	signer, _ := gossh.NewSignerFromKey(priv)
	old := openTermAuth(t, s, "lia", signer)
	old.join(s.room, "lia")
	old.answer(s.room, "lia")
	other := openTerm(t, s, "lia", true)
	other.waitText("De studiemiddag is vol")
	other.waitClosed()
	back := openTermAuth(t, s, "lia", signer)
	back.join(s.room, "lia")
	old.waitText("ander scherm")
	back.waitText("vraag 2 van")
}

func TestHostileName(t *testing.T) {
	cfg := testConfig(t)
	s, log, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "../x\x1b]0;pwned\x07\x1b[31m", true)
	tm.join(s.room, "x")
	tm.answer(s.room, "x")
	waitAnswersFile(t, s.room.eng, cfg.Dir, "x", func(a decision.Answers) bool { return len(a) == 1 })
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg.Dir), "x.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file outside the directory: %v", err)
	}
	rows, _, _ := s.room.snapshot()
	if len(rows) != 1 || strings.ContainsAny(rows[0].Name, "\x1b\x07") {
		t.Errorf("name on the dashboard: %+v", rows)
	}
	if strings.ContainsAny(log.String(), "\x1b\x07") {
		t.Errorf("escape in the log: %q", log.String())
	}
}

func TestStopKeepsFilesValid(t *testing.T) {
	cfg := testConfig(t)
	s, log, stop := startRoom(t, cfg)
	var terms []*term
	for i, name := range []string{"ann", "ben", "cas"} {
		tm := openTerm(t, s, name, true)
		tm.join(s.room, name)
		for range i + 1 {
			tm.answer(s.room, name)
		}
		terms = append(terms, tm)
	}
	unnamed := openTerm(t, s, "zonder", true)
	unnamed.waitText("Hoe heet je")
	plain := openTerm(t, s, "tekst", false)
	plain.waitText("Hoe heet je")
	stop()
	// Those on the name screen get the goodbye too.
	unnamed.waitText("De trainer heeft de studiemiddag gestopt")
	plain.waitText("De trainer heeft de studiemiddag gestopt")
	e := testEngine(t)
	for i, tm := range terms {
		tm.waitText("De trainer heeft de studiemiddag gestopt")
		tm.waitClosed()
		name := []string{"ann", "ben", "cas"}[i]
		if a := readAnswersFile(t, e, cfg.Dir, name); len(a) != i+1 {
			t.Errorf("%s: %d answers, want %d", name, len(a), i+1)
		}
	}
	if !strings.Contains(log.String(), "studiemiddag gestopt") {
		t.Errorf("log: %s", log.String())
	}
	// No temp files are left behind.
	left, _ := filepath.Glob(filepath.Join(cfg.Dir, ".*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files: %v", left)
	}
}

func TestPlainModeWithoutPty(t *testing.T) {
	cfg := testConfig(t)
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "lotte", false)
	tm.waitText("Hoe heet je")
	tm.send("\n") // no name: asked again
	tm.waitText(noNameText)
	tm.send("lotte\n")
	tm.waitText("Vraag 1 van")
	tm.send("1\n")
	tm.waitText("Vraag 2 van")
	waitFor(t, "answers file", func() bool {
		_, err := os.Stat(filepath.Join(cfg.Dir, "lotte.toml"))
		return err == nil
	}, tm.screen)
	tm.send("stop\n")
	tm.waitClosed()
	if strings.Contains(tm.screen(), cfg.Dir) {
		t.Errorf("the line mode shows the trainer's path:\n%s", tm.screen())
	}
	if a := readAnswersFile(t, testEngine(t), cfg.Dir, "lotte"); len(a) != 1 {
		t.Errorf("lotte: %v", a)
	}
}

func TestIdleDisconnect(t *testing.T) {
	cfg := testConfig(t)
	cfg.Idle = 300 * time.Millisecond
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "suf", true)
	tm.waitText("Hoe heet je")
	tm.waitClosed()
}

func TestHostKeyReused(t *testing.T) {
	cfg := testConfig(t)
	cfg, _ = cfg.withDefaults()
	r, err := newRoom(cfg.Engine, cfg.Dir, 1, cfg.Now, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := newServer(cfg, r)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newServer(cfg, r)
	if err != nil {
		t.Fatal(err)
	}
	if a.fingerprint != b.fingerprint || !strings.HasPrefix(a.fingerprint, "SHA256:") {
		t.Errorf("fingerprint changes: %s, %s", a.fingerprint, b.fingerprint)
	}
	st, err := os.Stat(cfg.HostKeyPath)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		t.Errorf("key readable by others: %v", st.Mode())
	}
	data, _ := os.ReadFile(cfg.HostKeyPath)
	key, err := gossh.ParsePrivateKey(data)
	if err != nil || key.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("no ed25519 key: %v", err)
	}
}

// hiddenAnswers finds answers where an answered question no longer
// applies, by changing one answer of a complete path.
func hiddenAnswers(t *testing.T, e *decision.Engine) decision.Answers {
	t.Helper()
	a := decision.Answers{}
	for q := e.Next(a); q != nil; q = e.Next(a) {
		a, _ = e.Set(a, q.ID, q.Options[0].Value)
	}
	for _, q := range e.Visible(a) {
		for _, o := range q.Options[1:] {
			b, err := e.Set(a, q.ID, o.Value)
			if err == nil && len(e.Dropped(b)) > 0 {
				return b
			}
		}
	}
	t.Fatal("no answer hides another in this content: the test has nothing to check")
	return nil
}

func TestHiddenAnswersStayOutOfTheFile(t *testing.T) {
	e := testEngine(t)
	cfg := testConfig(t)
	r, err := newRoom(e, cfg.Dir, 1, cfg.Now, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	a := hiddenAnswers(t, e)
	p := &participant{name: "kim", file: "kim", round: 1}
	if err := r.start(p, a); err != nil {
		t.Fatal(err)
	}
	got := readAnswersFile(t, e, cfg.Dir, "kim")
	if len(got) >= len(a) {
		t.Errorf("hidden answers in the file: %d of %d", len(got), len(a))
	}
	// The session file keeps them, to continue with.
	data, err := os.ReadFile(r.sessionPath(1, "kim"))
	if err != nil {
		t.Fatal(err)
	}
	if all, err := e.ParseAnswers("kim", data, decision.ParseOptions{KeepHidden: true}); err != nil || len(all) != len(a) {
		t.Errorf("sessie houdt %d antwoorden (%v), verwacht %d", len(all), err, len(a))
	}
}

func TestCaseStartsOnReview(t *testing.T) {
	e := testEngine(t)
	cases, err := content.Cases()
	if err != nil || len(cases) == 0 {
		t.Fatalf("cases: %v", err)
	}
	cs := cases[0]
	a, err := e.ParseAnswers(cs.File, cs.Answers, decision.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	cfg.CaseName, cfg.CaseTitle, cfg.CaseAnswers = cs.Name, cs.Title, a
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "eva", true)
	tm.join(s.room, "eva")
	tm.waitText("Dit antwoordde de docent in de casus")
	tm.waitText(cs.Title)
	// The file exists from the start, with the case's answers.
	if got := readAnswersFile(t, e, cfg.Dir, "eva"); len(got) != len(e.Effective(a)) {
		t.Errorf("eva.toml has %d answers, the case %d", len(got), len(e.Effective(a)))
	}
	// Change the first answer on the review screen to another option.
	q := e.Visible(a)[0]
	k := 0
	for i, o := range q.Options {
		if o.Value != a[q.ID][0] && len(o.Label) > 6 {
			k = i
		}
	}
	if q.Options[k].Value == a[q.ID][0] {
		t.Fatal("no other answer to choose: the test has nothing to check")
	}
	// The cursor starts on "Naar de samenvatting": go to the first answer.
	tm.send("g\r")
	tm.waitText(q.Text)
	tm.send(fmt.Sprintf("%d\r", k+1))
	waitFor(t, "changed answer", func() bool {
		p, _ := s.room.state("eva")
		return len(p.answers[q.ID]) == 1 && p.answers[q.ID][0] == q.Options[k].Value
	}, tm.screen)
	// Rejoining shows the participant's own answers, not a fresh case.
	tm.close()
	waitFor(t, "eva gone", func() bool { p, _ := s.room.state("eva"); return !p.active }, nil)
	tm = openTerm(t, s, "eva", true)
	tm.join(s.room, "eva")
	tm.waitText("Dit antwoordde de docent in de casus")
	tm.waitText(q.Options[k].Label)
}
