package tui

import (
	"os"
	"path/filepath"
	"testing"
)

// Once the disk has room again (here: the file in the folder's place is
// gone), the next key saves and the banner goes, without a new answer.
func TestAutosaveRetriesOnTheNextKey(t *testing.T) {
	opt, _ := testOptions(t)
	blocker := filepath.Join(t.TempDir(), "bestand")
	os.WriteFile(blocker, nil, 0o644)
	opt.SessionPath = filepath.Join(blocker, "sessie.toml")
	m := newSized(opt, 80, 24)
	press(m, "enter", "enter")
	mustContain(t, m, "Je antwoorden worden niet bewaard")
	os.Remove(blocker)
	os.Mkdir(blocker, 0o700)
	press(m, "down") // no answer: only moves the cursor
	mustNotContain(t, m, "worden niet bewaard")
	if _, err := os.Stat(opt.SessionPath); err != nil {
		t.Fatalf("the session was not saved on the key: %v", err)
	}
}
