//go:build !windows

package safefile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileModes(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	// A new export: 0644 under the umask.
	p := filepath.Join(dir, "uit.md")
	if err := WriteFile(p, []byte("een"), ExportMode); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, p); m != 0o640 {
		t.Errorf("new export has mode %o, want 0640 (0644 under umask 027)", m)
	}
	// An existing file keeps its mode, whatever the umask.
	os.Chmod(p, 0o664)
	if err := WriteFile(p, []byte("twee"), ExportMode); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, p); m != 0o664 {
		t.Errorf("rewritten file has mode %o, want its own 0664", m)
	}
	if data, _ := os.ReadFile(p); string(data) != "twee" {
		t.Errorf("content %q", data)
	}
	// The session file is the user's alone.
	s := filepath.Join(dir, "config", "afstandswijzer", "sessie.toml")
	if err := WriteSession(s, []byte("versie = 1\n")); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, s); m != 0o600 {
		t.Errorf("session file mode %o, want 0600", m)
	}
	if m := mode(t, filepath.Dir(s)); m != 0o700&^0o027 {
		t.Errorf("session folder mode %o", m)
	}
	// New files via SaveNew: exports.
	syscall.Umask(0o022)
	np, err := SaveNew(dir, "afstandswijzer-samenvatting", ".md", time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC), []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(t, np); m != 0o644 {
		t.Errorf("SaveNew mode %o, want 0644", m)
	}
}
