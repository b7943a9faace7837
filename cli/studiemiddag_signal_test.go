//go:build !windows

package cli

import (
	"bufio"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// TestStudiemiddagChild is the room run as a child process by
// TestStudiemiddagStopsOnSignal; on its own it does nothing.
func TestStudiemiddagChild(t *testing.T) {
	args := os.Getenv("AFW_STUDIEMIDDAG_CHILD")
	if args == "" {
		return
	}
	env := OSEnv(Build{})
	env.IsTerminal = func(any) bool { return false }
	os.Exit(Main(strings.Split(args, "\x1f"), env))
}

// SIGHUP (the trainer closed the terminal window) and SIGTERM stop the
// room as q does: everyone gets the goodbye screen, the files are
// complete and the program exits 0.
func TestStudiemiddagStopsOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { stopOnSignal(t, sig) })
	}
}

func stopOnSignal(t *testing.T, sig syscall.Signal) {
	home := t.TempDir()
	dir := filepath.Join(home, "zaal")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStudiemiddagChild$")
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home,
		"AFW_STUDIEMIDDAG_CHILD="+strings.Join([]string{"studiemiddag", "--adres", addr, "--map", dir, "--code", "KM7PXA"}, "\x1f"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	log := &lockedBuf{}
	started := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		once := sync.Once{}
		for sc.Scan() {
			log.add(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "meedoen:") {
				once.Do(func() { close(started) })
			}
		}
	}()
	select {
	case <-started:
	case <-time.After(20 * time.Second):
		t.Fatalf("the room did not start:\n%s", log.String())
	}
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "naam", Auth: []gossh.AuthMethod{gossh.Password("KM7PXA")},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 30, 100, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	screen := &lockedBuf{}
	sess.Stdout = screen
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	wait := func(text string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(ansi.Strip(screen.String()), text) {
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %q:\n%s", text, ansi.Strip(screen.String()))
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	wait("Hoe heet je")
	io.WriteString(in, "hup\r")
	wait("Begin met de vragen")
	io.WriteString(in, "\r")
	wait("vraag 1 van")
	// Two answers: the second comes within the write-behind interval of
	// the first, so only stopping writes it. (The screen is redrawn in
	// parts: wait for the questions' texts, not their counters.)
	io.WriteString(in, "1\r")
	wait("Heeft je instelling beleidskaders")
	io.WriteString(in, "1\r")
	wait("Past je plan binnen")
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	wait("De trainer heeft de studiemiddag gestopt")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after %v: %v\n%s", sig, err, log.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the room does not stop on %v:\n%s", sig, log.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "hup.toml"))
	if err != nil || !strings.Contains(string(data), "rol") || !strings.Contains(string(data), "beleidskaders") {
		t.Errorf("hup.toml after %v: %q %v\n%s", sig, data, err, log.String())
	}
	if !strings.Contains(log.String(), "studiemiddag gestopt") {
		t.Errorf("log:\n%s", log.String())
	}
}

type lockedBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuf) Write(p []byte) (int, error) { l.add(string(p)); return len(p), nil }
func (l *lockedBuf) add(s string)                { l.mu.Lock(); l.b.WriteString(s); l.mu.Unlock() }
func (l *lockedBuf) String() string              { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }
