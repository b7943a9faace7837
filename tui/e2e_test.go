package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestEndToEndTmux runs the built binary in a real terminal (tmux), answers
// a whole path with the keyboard, checks the summary, resizes, and quits.
// buildForTmux skips without tmux (or with -short) and builds the real
// binary into a temp folder, returning the folder and the binary.
func buildForTmux(t *testing.T) (string, string) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux ontbreekt; de end-to-end-test slaat over")
	}
	if testing.Short() {
		t.Skip("overgeslagen met -short")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "afstandswijzer")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("bouwen mislukt: %v\n%s", err, out)
	}
	return tmp, bin
}

func TestEndToEndTmux(t *testing.T) {
	tmp, bin := buildForTmux(t)
	inhoud, _ := filepath.Abs(filepath.Join("testdata", "inhoud"))
	home := filepath.Join(tmp, "home")
	work := filepath.Join(tmp, "werk")
	os.MkdirAll(home, 0o755)
	os.MkdirAll(work, 0o755)

	// A socket of our own, so parallel runs and the user's tmux never meet.
	sock := fmt.Sprintf("afstandswijzer-test-%d", os.Getpid())
	tmux := func(args ...string) (string, error) {
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		return string(out), err
	}
	t.Cleanup(func() { tmux("kill-server") })

	// "; echo KLAAR" shows that the program ended and the shell got the
	// terminal back; remain-on-exit keeps the pane for the last capture.
	script := fmt.Sprintf("cd %q && HOME=%q XDG_CONFIG_HOME=%q TERM=xterm-256color %q --inhoud %q; echo KLAAR=$?",
		work, home, filepath.Join(home, ".config"), bin, inhoud)
	if out, err := tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "e2e", "sh", "-c", script); err != nil {
		t.Fatalf("tmux start niet: %v\n%s", err, out)
	}
	tmux("set-option", "-t", "e2e", "remain-on-exit", "on")

	capture := func() string {
		out, _ := tmux("capture-pane", "-p", "-t", "e2e")
		return out
	}
	waitFor := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			s := capture()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("wacht op %s, maar het scherm is:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	has := func(sub string) func(string) bool {
		return func(s string) bool { return strings.Contains(s, sub) }
	}
	send := func(keys ...string) {
		t.Helper()
		if out, err := tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...); err != nil {
			t.Fatalf("send-keys: %v %s", err, out)
		}
	}

	waitFor("het welkomstscherm", has("Begin met de vragen"))
	send("Enter")
	// Answer every question; wait for each new question before the next key.
	for i := 0; i < 30; i++ {
		s := waitFor("een vraag of de controle", func(s string) bool {
			return strings.Contains(s, "vraag ") || strings.Contains(s, "Kloppen je antwoorden?")
		})
		if strings.Contains(s, "Kloppen je antwoorden?") {
			break
		}
		pos := progressLine(s)
		send("Enter")
		waitFor("de volgende vraag", func(s string) bool {
			return progressLine(s) != pos || strings.Contains(s, "Kloppen je antwoorden?")
		})
	}
	waitFor("de controle", has("Kloppen je antwoorden?"))
	send("v")
	waitFor("de samenvatting met het oordeel", has("Kan meetellen als begeleide onderwijstijd"))

	// Change one answer in review, like a teacher who thinks again: the
	// teacher cannot steer at that moment after all.
	send("r")
	waitFor("de controle", has("Kloppen je antwoorden?"))
	for i := 0; i < 30 && !strings.Contains(capture(), "> BOT: bijsturen"); i++ {
		send("j")
		time.Sleep(30 * time.Millisecond)
	}
	waitFor("de cursor op bijsturen", has("> BOT: bijsturen"))
	send("Enter")
	waitFor("de vraag over bijsturen", has("vraag "))
	send("2", "Enter")
	waitFor("de melding over de wijziging", has("is aangepast"))
	send("v")
	waitFor("het nieuwe oordeel", has("Telt niet mee als begeleide onderwijstijd"))

	// Save the summary, then open a link: there is no browser here, so the
	// program shows the address to copy.
	send("s")
	waitFor("de melding dat het is opgeslagen", has("staat in"))
	if _, err := os.Stat(filepath.Join(work, "afstandswijzer-samenvatting-"+time.Now().Format("2006-01-02")+".md")); err != nil {
		t.Fatalf("samenvatting niet opgeslagen in de werkmap: %v", err)
	}
	send("l")
	waitFor("de lijst met links", has("links in je samenvatting"))
	send("Enter")
	waitFor("het adres om te kopiëren, of een geopende link", func(s string) bool {
		return strings.Contains(s, "Kopieer") || strings.Contains(s, "geopend")
	})
	send("Escape")
	waitFor("de samenvatting", has("n/p deel"))

	tmux("resize-window", "-t", "e2e", "-x", "70", "-y", "20")
	waitFor("de samenvatting op 70x20", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return strings.Contains(s, "· samenvatting") && strings.Contains(s, "n/p deel") && len(lines) <= 20
	})
	tmux("resize-window", "-t", "e2e", "-x", "50", "-y", "12")
	waitFor("de melding bij een te klein venster", has("Maak het venster groter"))
	tmux("resize-window", "-t", "e2e", "-x", "70", "-y", "20")
	waitFor("de samenvatting terug", has("samenvatting"))

	send("q")
	var s string
	deadline := time.Now().Add(15 * time.Second)
	for {
		// With history: the shell's line may have scrolled off the screen.
		s, _ = tmux("capture-pane", "-p", "-S", "-200", "-t", "e2e")
		if strings.Contains(s, "KLAAR=0") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("het programma stopt niet met afsluitcode 0:\n%s", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if dead, _ := tmux("display-message", "-p", "-t", "e2e", "#{pane_dead}"); strings.TrimSpace(dead) != "1" {
		t.Fatalf("het venster leeft nog: %q", dead)
	}
	if strings.Contains(s, "afstandswijzer ·") {
		t.Fatalf("het scherm van het programma staat er nog:\n%s", s)
	}
	if out, _ := tmux("display-message", "-p", "-t", "e2e", "#{alternate_on}"); strings.TrimSpace(out) != "0" {
		t.Fatalf("alternatief scherm staat nog aan: %q", out)
	}
	if _, err := os.Stat(filepath.Join(home, ".config", "afstandswijzer", "sessie.toml")); err != nil {
		t.Fatalf("sessie niet bewaard: %v", err)
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

// A closed terminal window (SIGHUP) or kill (SIGTERM) ends the program
// cleanly: terminal back, answers saved.
func TestSignalsLeaveTerminalClean(t *testing.T) {
	_, bin := buildForTmux(t)
	inhoud, _ := filepath.Abs(filepath.Join("testdata", "inhoud"))
	for _, sig := range []string{"HUP", "TERM"} {
		t.Run(sig, func(t *testing.T) {
			home := t.TempDir()
			sock := fmt.Sprintf("afstandswijzer-sig-%d-%s", os.Getpid(), sig)
			tmux := func(args ...string) string {
				out, _ := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
				return string(out)
			}
			t.Cleanup(func() { tmux("kill-server") })
			script := fmt.Sprintf("HOME=%q XDG_CONFIG_HOME=%q %q --inhoud %q; echo KLAAR=$?", home, filepath.Join(home, ".config"), bin, inhoud)
			tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "s", "sh", "-c", script)
			tmux("set-option", "-t", "s", "remain-on-exit", "on")
			wait := func(what string) string {
				t.Helper()
				deadline := time.Now().Add(10 * time.Second)
				for {
					s := tmux("capture-pane", "-p", "-S", "-100", "-t", "s")
					if strings.Contains(s, what) {
						return s
					}
					if time.Now().After(deadline) {
						t.Fatalf("wacht op %q:\n%s", what, s)
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
			wait("Begin met de vragen")
			tmux("send-keys", "-t", "s", "Enter")
			wait("vraag 1 van")
			tmux("send-keys", "-t", "s", "Enter")
			wait("vraag 2 van")
			shell := strings.TrimSpace(tmux("display-message", "-p", "-t", "s", "#{pane_pid}"))
			pid, err := exec.Command("pgrep", "-P", shell).Output()
			if err != nil {
				t.Fatalf("geen proces onder de shell %s: %v", shell, err)
			}
			if out, err := exec.Command("kill", "-"+sig, strings.Fields(string(pid))[0]).CombinedOutput(); err != nil {
				t.Fatalf("kill: %v %s", err, out)
			}
			wait("KLAAR=")
			if on := strings.TrimSpace(tmux("display-message", "-p", "-t", "s", "#{alternate_on}")); on != "0" {
				t.Fatalf("alternatief scherm staat nog aan na SIG%s", sig)
			}
			data, err := os.ReadFile(filepath.Join(home, ".config", "afstandswijzer", "sessie.toml"))
			if err != nil || !strings.Contains(string(data), "rol = ") {
				t.Fatalf("antwoord niet bewaard na SIG%s: %v\n%s", sig, err, data)
			}
		})
	}
}
