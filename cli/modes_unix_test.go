//go:build !windows

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOutputFileModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	out := filepath.Join(dir, "s.md")
	if code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml", "--uit", out); code != 0 {
		t.Fatal(errOut)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o644 {
		t.Errorf("new --uit file has mode %o, want 0644", st.Mode().Perm())
	}
	os.Chmod(out, 0o600)
	if code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml", "--uit", out); code != 0 {
		t.Fatal(errOut)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("existing --uit file has mode %o, want its own 0600", st.Mode().Perm())
	}
	// A name at the file system's limit works: the temporary name is short.
	long := filepath.Join(dir, strings.Repeat("s", 250)+".html")
	if code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml", "--format", "html", "--uit", long); code != 0 {
		t.Errorf("255-byte --uit name: exit %d %s", code, errOut)
	}
	code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml", "--uit", filepath.Join(dir, strings.Repeat("s", 300)))
	if code != 1 || !strings.Contains(errOut, "de naam is te lang") || strings.Contains(errOut, "file name too long") {
		t.Errorf("too long: exit %d %s", code, errOut)
	}
}
