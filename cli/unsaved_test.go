package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The line mode exits 1 when the answers could not be saved, as the full
// screen does: here the config folder is a file, so no session fits.
func TestLineModeUnsavedExitsOne(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "geen-map")
	os.WriteFile(blocker, []byte("x"), 0o644)
	t.Setenv("HOME", blocker)
	t.Setenv("XDG_CONFIG_HOME", blocker)
	t.Setenv("AppData", blocker)
	input, err := os.ReadFile("../testdata/voorbeeld-invoer.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runWithInput(t, string(input))
	if code != 1 || !strings.Contains(errOut, "je antwoorden konden niet worden bewaard") || !strings.Contains(out, "Je antwoorden zijn niet bewaard") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "Hier is je samenvatting") {
		t.Error("the summary is not shown")
	}
}
