//go:build !windows

package session

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO as sessie.toml: the program starts without it at once and says
// so; saving leaves the FIFO as it is.
func TestSessionFIFO(t *testing.T) {
	e := engine(t)
	path := filepath.Join(t.TempDir(), "sessie.toml")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	type result struct {
		n    int
		note string
	}
	done := make(chan result, 1)
	go func() {
		a, note := Load(e, path)
		done <- result{len(a), note}
	}()
	select {
	case r := <-done:
		if r.n != 0 || !strings.Contains(r.note, "geen gewoon bestand") || !strings.Contains(r.note, "Je begint opnieuw") {
			t.Errorf("Load: %d answers, note %q", r.n, r.note)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Load blocked on a FIFO")
	}
	if err := Save(path, []byte("versie = 1\n")); err == nil || !strings.Contains(FileError(err), "geen gewoon bestand") {
		t.Errorf("Save over a FIFO: %v", err)
	}
	if st, err := os.Lstat(path); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced or moved: %v %v", st, err)
	}
}

// A FIFO as the "open" mark next to the session: the start is not held up
// and the FIFO stays.
func TestClaimFIFOMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sessie.toml")
	if err := syscall.Mkfifo(path+".open", 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan bool, 1)
	go func() {
		other, release := Claim(path)
		release()
		done <- other
	}()
	select {
	case other := <-done:
		if other {
			t.Error("a FIFO counted as another window")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Claim blocked on a FIFO")
	}
	if st, err := os.Lstat(path + ".open"); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st, err)
	}
}
