//go:build !windows

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFileLeavesSpecialFilesAlone(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(fifo, []byte("x"), ExportMode)
	if !errors.Is(err, ErrNotRegular) || !strings.Contains(Reason(err), "geen gewoon bestand") {
		t.Errorf("WriteFile on a FIFO: %v (%s)", err, Reason(err))
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

func TestOpenRegularNeverBlocks(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// Nobody writes to the FIFO: an os.Open would wait for ever.
	if f, err := OpenRegular(fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("FIFO: %v %v", f, err)
	}
	if _, err := OpenRegular(dir); err == nil || Reason(err) != "dit is een map, geen bestand" {
		t.Errorf("folder: %v", err)
	}
	file := filepath.Join(dir, "a.toml")
	os.WriteFile(file, []byte("versie = 1\n"), 0o644)
	f, err := OpenRegular(file)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}
