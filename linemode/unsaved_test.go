package linemode

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Stopping or finishing with answers that could not be saved is not a
// success: ErrUnsaved (exit 1), and the reader is told.
func TestUnsavedAnswersAreAnError(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "bestand")
	os.WriteFile(blocker, []byte("x"), 0o644)
	session := filepath.Join(blocker, "sessie.toml") // a file where a folder should be
	r := plainRunLines(t, session, "2", "stop")
	if !errors.Is(r.err, ErrUnsaved) || !has(r.out, "Je bent gestopt. Je antwoorden zijn niet bewaard.") {
		t.Errorf("stop: err %v\n%s", r.err, r.out)
	}
	r = plainRunLines(t, session, append(plainVoorbeeld, "", "nee")...)
	if !errors.Is(r.err, ErrUnsaved) || !has(r.out, "Je antwoorden zijn niet bewaard.") || !has(r.out, "Hier is je samenvatting") {
		t.Errorf("finish: err %v\n%s", r.err, r.out)
	}
	// Without a session (a case run with SessionPath "-") nothing is meant
	// to be saved: no error.
	if r = plainRunLines(t, "-", append(plainVoorbeeld, "", "nee")...); r.err != nil {
		t.Errorf("no session: %v", r.err)
	}
}
