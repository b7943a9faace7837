package session

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

func engine(t *testing.T) *decision.Engine {
	t.Helper()
	c, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	return decision.New(c)
}

func TestSaveAndLoad(t *testing.T) {
	e := engine(t)
	path := filepath.Join(t.TempDir(), "afstandswijzer", "sessie.toml")
	if err := Save(path, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\n")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("session mode %o, want 0600", st.Mode().Perm())
	}
	a, note := Load(e, path)
	if note != "" || a["rol"][0] != "docent" {
		t.Errorf("Load: %v %q", a, note)
	}
}

// A run killed during a save leaves ".sessie.toml.*.tmp"; the next start
// removes it and keeps the session.
func TestLoadRemovesStaleTemporaryFiles(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sessie.toml")
	Save(path, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\n"))
	stale := filepath.Join(dir, ".sessie.toml.12345678.tmp")
	os.WriteFile(stale, []byte("versie = 1\n[antw"), 0o600)
	old := time.Now().Add(-time.Minute)
	os.Chtimes(stale, old, old)
	if a, _ := Load(e, path); a == nil {
		t.Fatal("session lost")
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file left")
	}
}

func TestLoadRefusesHostileSessions(t *testing.T) {
	e := engine(t)
	dir := t.TempDir()
	cases := map[string]struct{ data, want string }{
		"groot.toml":  {"versie = 1\n" + strings.Repeat("# x\n", 300000), "te groot"},
		"punten.toml": {"versie = 1\n[antwoorden]\n" + strings.Repeat("a.", 30000) + "a = \"x\"\n", "meer dan 16 delen"},
	}
	for name, tc := range cases {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(tc.data), 0o600)
		a, note := Load(e, path)
		if a != nil || !strings.Contains(note, tc.want) || !strings.Contains(note, "Je begint opnieuw") {
			t.Errorf("%s: %v %q", name, a, note)
		}
	}
	// The path in the note cannot drive the terminal.
	path := filepath.Join(dir, "x\x1b]0;titel\x07", "sessie.toml")
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, []byte("versie = \n"), 0o600)
	if _, note := Load(e, path); note == "" || strings.ContainsAny(note, "\x1b\x07") {
		t.Errorf("note %q", note)
	}
}
