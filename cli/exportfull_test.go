package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/store/safefile"
)

// inhoud --naar on a full disk: exit 1 with the reason, and neither the
// files written so far nor the folders it made stay behind.
func TestExportOnFullDiskLeavesNothing(t *testing.T) {
	n := 0
	createNew = func(path string, data []byte, perm fs.FileMode) error {
		if n++; n == 3 {
			return &fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
		}
		return safefile.CreateNew(path, data, perm)
	}
	t.Cleanup(func() { createNew = safefile.CreateNew })
	base := t.TempDir()
	dir := filepath.Join(base, "nieuw", "inhoud")
	code, _, errOut := runCmd(t, "inhoud", "--naar", dir)
	if code != 1 || !strings.Contains(errOut, "de schijf is vol") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if entries, _ := os.ReadDir(base); len(entries) != 0 {
		t.Errorf("left behind in %s: %v", base, entries)
	}
	// An empty folder that was there before stays.
	n = 0
	empty := filepath.Join(base, "leeg")
	os.Mkdir(empty, 0o755)
	if code, _, _ := runCmd(t, "inhoud", "--naar", empty); code != 1 {
		t.Errorf("exit %d", code)
	}
	if entries, err := os.ReadDir(empty); err != nil || len(entries) != 0 {
		t.Errorf("existing folder: %v %v", entries, err)
	}
}
