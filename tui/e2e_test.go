package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

// binary skips without tmux (or with -short) and returns the program to
// run in tmux: this test binary, which TestMain (main_test.go) turns into
// afstandswijzer when programEnv is set. The scripts put programEnv first.
func binary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is missing: CI must install it (.ci/run does)")
		}
		t.Skip("tmux is missing; the end-to-end test is skipped")
	}
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	bin, err := filepath.Abs(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// programEnv makes the test binary run as the program (see binary).
const programEnv = "AFSTANDSWIJZER_ALS_PROGRAMMA=1"

// pane is one program in a tmux window on a private server (-L), so
// parallel runs and the user's tmux never meet.
type pane struct {
	t      *testing.T
	sock   string
	target string
}

var paneSeq atomic.Int64

// startPane runs script in a new tmux session of w by h. remain-on-exit
// keeps the pane after the program ends, for the last capture.
func startPane(t *testing.T, sock string, w, h int, script string) *pane {
	t.Helper()
	p := &pane{t: t, sock: sock, target: fmt.Sprintf("p%d", paneSeq.Add(1))}
	if out, err := p.tmuxErr("new-session", "-d", "-x", itoa(w), "-y", itoa(h), "-s", p.target, "sh", "-c", script); err != nil {
		t.Fatalf("tmux does not start: %v\n%s", err, out)
	}
	p.tmux("set-option", "-t", p.target, "remain-on-exit", "on")
	return p
}

func (p *pane) tmuxErr(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", p.sock}, args...)...).CombinedOutput()
	return string(out), err
}

func (p *pane) tmux(args ...string) string {
	out, _ := p.tmuxErr(args...)
	return out
}

// screen is what the pane shows; with history also what scrolled off.
func (p *pane) screen(history bool) string {
	if history {
		return p.tmux("capture-pane", "-p", "-S", "-200", "-t", p.target)
	}
	return p.tmux("capture-pane", "-p", "-t", p.target)
}

// waitFor polls the screen until ok holds: no fixed sleeps, and as fast
// as the program is.
func (p *pane) waitFor(what string, ok func(string) bool) string {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		s := p.screen(false)
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting for %s, but the screen is:\n%s", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *pane) waitText(sub string) string {
	p.t.Helper()
	return p.waitFor(fmt.Sprintf("%q", sub), func(s string) bool { return strings.Contains(s, sub) })
}

// waitEnd waits for the shell's KLAAR=<code> line after the program.
func (p *pane) waitEnd() string {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		s := p.screen(true)
		if strings.Contains(s, "KLAAR=") {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the program does not stop:\n%s", s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (p *pane) send(keys ...string) {
	p.t.Helper()
	if out, err := p.tmuxErr(append([]string{"send-keys", "-t", p.target}, keys...)...); err != nil {
		p.t.Fatalf("send-keys: %v %s", err, out)
	}
}

// sendWait sends keys and waits until the screen changed.
func (p *pane) sendWait(keys ...string) string {
	p.t.Helper()
	before := p.screen(false)
	p.send(keys...)
	return p.waitFor("a new screen after "+strings.Join(keys, " "), func(s string) bool { return s != before })
}

// TestEndToEndTmux answers a whole path with the keyboard, changes an
// answer, saves, resizes on the summary, quits (and reads the line that
// says where the answers are), then starts over in a second run, goes
// back to the welcome screen and continues.
func TestEndToEndTmux(t *testing.T) {
	t.Parallel() // mostly waiting for the terminal
	bin := binary(t)
	inhoud, _ := filepath.Abs(filepath.Join("testdata", "inhoud"))
	tmp := t.TempDir()
	home := filepath.Join(tmp, "home")
	work := filepath.Join(tmp, "werk")
	os.MkdirAll(home, 0o755)
	os.MkdirAll(work, 0o755)
	sessionFile := filepath.Join(home, ".config", "afstandswijzer", "sessie.toml")
	sock := fmt.Sprintf("afstandswijzer-test-%d", os.Getpid())
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })

	// "; echo KLAAR=$?" shows that the program ended, with its exit code.
	script := fmt.Sprintf("cd %q && %s HOME=%q XDG_CONFIG_HOME=%q TERM=xterm-256color %q --inhoud %q; echo KLAAR=$?",
		work, programEnv, home, filepath.Join(home, ".config"), bin, inhoud)
	p := startPane(t, sock, 100, 30, script)

	p.waitText("Begin met de vragen")
	p.send("Enter")
	// Answer every question; wait for each new question before the next key.
	for range 30 {
		s := p.waitFor("a question or the check", func(s string) bool {
			return strings.Contains(s, "vraag ") || strings.Contains(s, "Kloppen je antwoorden?")
		})
		if strings.Contains(s, "Kloppen je antwoorden?") {
			break
		}
		pos := progressLine(s)
		p.send("Enter")
		p.waitFor("the next question", func(s string) bool {
			return progressLine(s) != pos || strings.Contains(s, "Kloppen je antwoorden?")
		})
	}
	// The cursor starts on "Naar de samenvatting": the enter habit opens
	// the summary, not the first answer.
	p.waitText("> Naar de samenvatting")
	p.send("Enter")
	p.waitText("Kan meetellen als begeleide onderwijstijd")

	// Change one answer in review, like a teacher who thinks again: the
	// teacher cannot steer at that moment after all.
	p.send("r")
	p.waitText("Kloppen je antwoorden?")
	p.sendWait("g")
	// The rows show their numbers (issue 16, point 3).
	bijsturen := regexp.MustCompile(`> +[0-9]+\. BOT: bijsturen`)
	for i := 0; i < 30 && !bijsturen.MatchString(p.screen(false)); i++ {
		p.sendWait("j")
	}
	p.waitFor("> N. BOT: bijsturen", bijsturen.MatchString)
	p.send("Enter")
	p.waitText("vraag ")
	p.send("2", "Enter")
	p.waitText("is aangepast")
	p.send("v")
	p.waitText("Telt niet mee als begeleide onderwijstijd")

	// Save the summary, then open a link: there is no browser here, so the
	// program shows the address to copy.
	p.send("o")
	p.waitText("staat in")
	if _, err := os.Stat(filepath.Join(work, "afstandswijzer-samenvatting-"+time.Now().Format("2006-01-02")+".md")); err != nil {
		t.Fatalf("summary not saved in the working directory: %v", err)
	}
	p.send("l")
	p.waitText("links in je samenvatting")
	p.send("Enter")
	p.waitFor("the address to copy, or an opened link", func(s string) bool {
		return strings.Contains(s, "Kopieer") || strings.Contains(s, "eopend")
	})
	p.send("Escape")
	p.waitText("n/p deel")

	// Resize while reading section 4: the reader stays in section 4.
	p.send("n", "n", "n", "n")
	p.waitText("deel 4 van")
	p.sendWait("j")
	p.tmux("resize-window", "-t", p.target, "-x", "70", "-y", "20")
	p.waitFor("the summary at 70x20, still in part 4", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return strings.Contains(s, "deel 4 van") && strings.Contains(s, "n/p deel") && len(lines) <= 20 && utf8.RuneCountInString(lines[0]) <= 70
	})
	p.tmux("resize-window", "-t", p.target, "-x", "50", "-y", "12")
	p.waitText("Maak het venster groter")
	p.tmux("resize-window", "-t", p.target, "-x", "120", "-y", "40")
	p.waitText("deel 4 van")

	p.send("q")
	s := p.waitEnd()
	if !strings.Contains(s, "KLAAR=0") {
		t.Fatalf("exit code not 0:\n%s", s)
	}
	if dead := p.tmux("display-message", "-p", "-t", p.target, "#{pane_dead}"); strings.TrimSpace(dead) != "1" {
		t.Fatalf("the window is still alive: %q", dead)
	}
	if strings.Contains(s, "afstandswijzer ·") {
		t.Fatalf("the program's screen is still there:\n%s", s)
	}
	if out := p.tmux("display-message", "-p", "-t", p.target, "#{alternate_on}"); strings.TrimSpace(out) != "0" {
		t.Fatalf("alternate screen still on: %q", out)
	}
	// The path on a line of its own, whole (issue 16, point 10).
	if !strings.Contains(s, "Je antwoorden staan in:\n  "+sessionFile+"\nGa verder met: afstandswijzer --verder") {
		t.Fatalf("geen regel over waar de antwoorden staan:\n%s", s)
	}

	// Second run: start over, answer one question, back to the welcome
	// screen, continue: the new answer, not the old session.
	p2 := startPane(t, sock, 80, 24, script)
	p2.waitText("Ga verder waar je was")
	p2.send("2", "Enter")
	p2.waitText("vraag 1 van")
	p2.send("3", "Enter")
	p2.waitText("vraag 2 van")
	p2.send("Escape")
	p2.waitText("vraag 1 van")
	p2.send("Escape")
	p2.waitText("Je hebt al 1 vraag beantwoord.")
	p2.send("Enter")
	p2.waitText("vraag 2 van")
	p2.send("q")
	if s := p2.waitEnd(); !strings.Contains(s, "KLAAR=0") {
		t.Fatalf("second run does not stop cleanly:\n%s", s)
	}
	data, err := os.ReadFile(sessionFile)
	if err != nil || !strings.Contains(string(data), `rol = "teamleider"`) || strings.Contains(string(data), "bot_sturen") {
		t.Fatalf("session after starting over and resuming: %v\n%s", err, data)
	}
}

// progressLine returns the "vraag N van ongeveer M" part of a screen.
func progressLine(s string) string {
	i := strings.Index(s, "vraag ")
	if i < 0 {
		return ""
	}
	end := strings.IndexByte(s[i:], '\n')
	if end < 0 {
		return s[i:]
	}
	return s[i : i+end]
}

// atQuestion2 starts the program in a tmux pane on socket sock with its
// own home folder, answers question 1 and returns the pane, the home
// folder and the program's process id.
func atQuestion2(t *testing.T, bin, inhoud, sock string) (p *pane, home, pid string) {
	t.Helper()
	home = t.TempDir()
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })
	script := fmt.Sprintf("%s HOME=%q XDG_CONFIG_HOME=%q %q --inhoud %q; echo KLAAR=$?", programEnv, home, filepath.Join(home, ".config"), bin, inhoud)
	p = startPane(t, sock, 80, 24, script)
	p.waitText("Begin met de vragen")
	p.send("Enter")
	p.waitText("vraag 1 van")
	p.send("Enter")
	p.waitText("vraag 2 van")
	shell := strings.TrimSpace(p.tmux("display-message", "-p", "-t", p.target, "#{pane_pid}"))
	out, err := exec.Command("pgrep", "-P", shell).Output()
	if err != nil {
		t.Fatalf("no process under the shell %s: %v", shell, err)
	}
	return p, home, strings.Fields(string(out))[0]
}

// A closed terminal window (SIGHUP) or kill (SIGTERM) ends the program
// cleanly: terminal back, answers saved.
func TestSignalsLeaveTerminalClean(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	inhoud, _ := filepath.Abs(filepath.Join("testdata", "inhoud"))
	for _, sig := range []string{"HUP", "TERM", "QUIT"} {
		t.Run(sig, func(t *testing.T) {
			p, home, pid := atQuestion2(t, bin, inhoud, fmt.Sprintf("afstandswijzer-sig-%d-%s", os.Getpid(), sig))
			if out, err := exec.Command("kill", "-"+sig, pid).CombinedOutput(); err != nil {
				t.Fatalf("kill: %v %s", err, out)
			}
			p.waitEnd()
			if on := strings.TrimSpace(p.tmux("display-message", "-p", "-t", p.target, "#{alternate_on}")); on != "0" {
				t.Fatalf("alternate screen still on after SIG%s", sig)
			}
			data, err := os.ReadFile(filepath.Join(home, ".config", "afstandswijzer", "sessie.toml"))
			if err != nil || !strings.Contains(string(data), "rol = ") {
				t.Fatalf("answer not saved after SIG%s: %v\n%s", sig, err, data)
			}
		})
	}
}

// TestStopSignalRestoresTerminal sends an external SIGTSTP (kill -TSTP,
// not ctrl+z): the program hands the terminal back before it stops, and
// takes it again when it continues, with the answers still there.
func TestStopSignalRestoresTerminal(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	inhoud, _ := filepath.Abs(filepath.Join("testdata", "inhoud"))
	p, _, pid := atQuestion2(t, bin, inhoud, fmt.Sprintf("afstandswijzer-tstp-%d", os.Getpid()))
	alternate := func() string {
		return strings.TrimSpace(p.tmux("display-message", "-p", "-t", p.target, "#{alternate_on}"))
	}
	waitAlternate := func(want string) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for alternate() != want {
			if time.Now().After(deadline) {
				t.Fatalf("alternate screen is %s, want %s:\n%s", alternate(), want, p.screen(false))
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	if out, err := exec.Command("kill", "-TSTP", pid).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	waitAlternate("0")
	// Bubble Tea stops the whole process group (as ctrl+z does); continue
	// it all, the shell included.
	pgid, err := exec.Command("ps", "-o", "pgid=", "-p", pid).Output()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("kill", "-CONT", "--", "-"+strings.TrimSpace(string(pgid))).CombinedOutput(); err != nil {
		t.Fatalf("kill -CONT: %v %s", err, out)
	}
	waitAlternate("1")
	p.waitText("vraag 2 van")
	p.send("q")
	p.waitEnd()
	if alternate() != "0" {
		t.Fatal("alternate screen still on after q")
	}
}

// Issue 16, point 11: `samenvatting` at a terminal opens in the summary's
// pager when the text is taller than the window (verdict in view, q
// stops); PAGER=cat prints it as before.
func TestSummaryCommandPagesAtATerminal(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	inhoud, _ := filepath.Abs(filepath.Join("testdata", "inhoud"))
	dir := t.TempDir()
	answers := filepath.Join(dir, "antwoorden.toml")
	e := testEngine(t)
	if err := os.WriteFile(answers, e.FormatAnswers(fullPath(e, nil)), 0o644); err != nil {
		t.Fatal(err)
	}
	sock := fmt.Sprintf("afstandswijzer-pager-%d", os.Getpid())
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })
	script := func(pager string) string {
		return fmt.Sprintf("cd %q && %s HOME=%q TERM=xterm-256color %s %q samenvatting --inhoud %q --antwoorden %q; echo KLAAR=$?",
			dir, programEnv, dir, pager, bin, inhoud, answers)
	}
	p := startPane(t, sock, 80, 24, script(""))
	s := p.waitText("In het kort")
	if !strings.Contains(s, "· samenvatting") || !strings.Contains(s, "spatie/b bladeren") {
		t.Fatalf("the pager does not start on the verdict:\n%s", s)
	}
	p.sendWait("space")
	p.send("q")
	if s := p.waitEnd(); !strings.Contains(s, "KLAAR=0") {
		t.Fatalf("q does not end the pager:\n%s", s)
	}
	// The exit code goes to a file too: the printed summary is long, and
	// on a loaded machine the screen was once seen ending without the
	// KLAAR line although the shell had finished.
	code := filepath.Join(dir, "code")
	p2 := startPane(t, sock, 80, 24, fmt.Sprintf("cd %q && %s HOME=%q TERM=xterm-256color PAGER=cat %q samenvatting --inhoud %q --antwoorden %q; echo $? > %q",
		dir, programEnv, dir, bin, inhoud, answers, code))
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if b, err := os.ReadFile(code); err == nil && strings.HasSuffix(string(b), "\n") {
			if strings.TrimSpace(string(b)) != "0" {
				t.Fatalf("PAGER=cat: exit %s:\n%s", b, p2.screen(true))
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("PAGER=cat: the program does not stop:\n%s", p2.screen(true))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if s := p2.screen(true); strings.Contains(s, "· samenvatting") || strings.Contains(s, "spatie/b bladeren") {
		t.Fatalf("PAGER=cat still pages:\n%s", s)
	}
}

// Issue 16, point 2: `afstandswijzer casus` at a terminal: a case picked
// in the list opens on its story, and esc there goes back to the list
// (on the case it came from); q stops.
func TestCasePickerStoryAndBack(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	sock := fmt.Sprintf("afstandswijzer-casus-%d", os.Getpid())
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })
	script := fmt.Sprintf("cd %q && %s HOME=%q TERM=xterm-256color %q casus; echo KLAAR=$?", dir, programEnv, dir, bin)
	p := startPane(t, sock, 100, 30, script)
	p.waitText("kies een casus")
	p.send("2")
	s := p.waitFor("de cursor op casus 2", func(s string) bool { return strings.Contains(s, "> 2. ") })
	i := strings.Index(s, "> 2. ")
	name := s[i+5 : i+5+strings.IndexAny(s[i+5:], "(\n")]
	p.send("Enter")
	p.waitText("· casus")
	p.waitText("enter naar de antwoorden")
	p.send("Escape")
	p.waitText("kies een casus")
	p.waitText("> 2. " + name)
	// (That esc on the list does not quit is tested on the model: here
	// an esc followed by another key reads as alt+key.)
	p.send("q")
	if s := p.waitEnd(); !strings.Contains(s, "KLAAR=0") {
		t.Fatalf("q stopt niet goed:\n%s", s)
	}
}
