package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 14: "afstandswijzer controleer" refuses content where a shown text
// says not whose it is, or where a BOT question is skipped (the old exam
// exception); the other commands still load such content, so an older
// folder keeps working.
func TestCheckRefusesTextWithoutBrontype(t *testing.T) {
	code, out, _ := runCmd(t, "controleer")
	if code != 0 || !strings.Contains(out, "van de handreiking") || !strings.Contains(out, "van de wijzer") {
		t.Fatalf("controleer does not count the texts per brontype: exit %d\n%s", code, out)
	}
	dir := filepath.Join(t.TempDir(), "eigen")
	if code, _, errOut := runCmd(t, "inhoud", "--naar", dir); code != 0 {
		t.Fatalf("inhoud: exit %d %s", code, errOut)
	}
	path := filepath.Join(dir, "acties.toml")
	data, _ := os.ReadFile(path)
	broken := strings.Replace(string(data), "fase = \"vooraf\"\nbrontype = \"wijzer\"\n", "fase = \"vooraf\"\n", 1)
	if broken == string(data) {
		t.Fatal("fixture: no action with brontype wijzer")
	}
	os.WriteFile(path, []byte(broken), 0o644)
	code, out, _ = runCmd(t, "controleer", "--inhoud", dir)
	if code != 1 || !strings.Contains(out, "acties.toml, regel ") || !strings.Contains(out, `mist "brontype"`) {
		t.Fatalf("text without brontype: exit %d\n%s", code, out)
	}
	if code, _, errOut := runCmd(t, "begrippen", "--inhoud", dir); code != 0 {
		t.Fatalf("other commands must still load the folder: exit %d %s", code, errOut)
	}
	os.WriteFile(path, data, 0o644)
	path = filepath.Join(dir, "vragen.toml")
	data, _ = os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "when = \"\"\nnavragen = \"bot-navragen\"", "when = 'vorm != \"examen\"'\nnavragen = \"bot-navragen\"", 1)), 0o644)
	code, out, _ = runCmd(t, "controleer", "--inhoud", dir)
	if code != 1 || !strings.Contains(out, "geen uitzondering, ook niet voor examens") {
		t.Fatalf("exam exception: exit %d\n%s", code, out)
	}
}
