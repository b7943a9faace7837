//go:build !windows

package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSuspendWithJobControl runs the program from an interactive shell
// (job control, as a reader has it) and stops it twice: with kill -TSTP
// from outside and with ctrl+z. Each time the process must really stop
// (state T), the shell must give its prompt with the job listed as
// stopped, and fg must bring the whole screen back.
func TestSuspendWithJobControl(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash ontbreekt; de job-control-test slaat over")
	}
	inhoud, _ := filepath.Abs(filepath.Join("testdata", "inhoud"))
	home := t.TempDir()
	sock := fmt.Sprintf("afstandswijzer-job-%d", os.Getpid())
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })
	p := startPane(t, sock, 80, 24, "env -i PATH=/usr/bin:/bin TERM=xterm-256color PS1='KLAAR-PROMPT$ ' bash --norc --noprofile -i")
	p.waitText("KLAAR-PROMPT$")
	p.send(fmt.Sprintf("%s HOME=%q XDG_CONFIG_HOME=%q %q --inhoud %q", programEnv, home, filepath.Join(home, ".config"), bin, inhoud), "Enter")
	p.waitText("Begin met de vragen")
	p.send("Enter")
	p.waitText("vraag 1 van")
	p.send("Enter")
	full := p.waitText("vraag 2 van")
	// The pane runs sh, bash under it, and the program under bash.
	pid := strings.TrimSpace(p.tmux("display-message", "-p", "-t", p.target, "#{pane_pid}"))
	for {
		args, _ := exec.Command("ps", "-o", "args=", "-p", pid).Output()
		if strings.HasPrefix(string(args), bin) {
			break
		}
		out, err := exec.Command("pgrep", "-P", pid).Output()
		if err != nil {
			t.Fatalf("het programma staat niet onder proces %s (%s): %v", pid, args, err)
		}
		pid = strings.Fields(string(out))[0]
	}
	state := func() string {
		out, _ := exec.Command("ps", "-o", "stat=", "-p", pid).Output()
		return strings.TrimSpace(string(out))
	}
	for _, how := range []string{"kill -TSTP", "ctrl+z"} {
		if how == "ctrl+z" {
			p.send("C-z")
		} else if out, err := exec.Command("kill", "-TSTP", pid).CombinedOutput(); err != nil {
			t.Fatalf("kill: %v %s", err, out)
		}
		p.waitFor("de prompt na "+how, func(s string) bool {
			return strings.Contains(s, "Stopped") && strings.HasSuffix(strings.TrimRight(s, "\n "), "KLAAR-PROMPT$")
		})
		if st := state(); !strings.HasPrefix(st, "T") {
			t.Fatalf("%s: processtatus %q, verwacht gestopt (T)", how, st)
		}
		if on := strings.TrimSpace(p.tmux("display-message", "-p", "-t", p.target, "#{alternate_on}")); on != "0" {
			t.Fatalf("%s: alternatief scherm staat nog aan terwijl de shell de prompt geeft", how)
		}
		p.send("jobs", "Enter")
		p.waitFor("jobs", func(s string) bool { return strings.Count(s, "Stopped") >= 2 })
		p.send("clear", "Enter")
		p.waitFor("een leeg scherm", func(s string) bool { return !strings.Contains(s, "Stopped") })
		p.send("fg", "Enter")
		// A full redraw: every line the screen had before, not only what
		// changed since (the terminal was cleared meanwhile).
		p.waitFor("het hele scherm na fg", func(s string) bool { return sameLines(s, full) })
		if st := state(); strings.HasPrefix(st, "T") {
			t.Fatalf("%s: na fg nog gestopt (%q)", how, st)
		}
	}
	p.send("q")
	p.waitText("KLAAR-PROMPT$")
}

// sameLines reports whether screen shows every non-empty line of want.
func sameLines(screen, want string) bool {
	for _, l := range strings.Split(want, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(screen, l) {
			return false
		}
	}
	return true
}
