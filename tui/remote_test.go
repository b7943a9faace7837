package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A remote session (studiemiddag over SSH) runs on the trainer's laptop:
// nothing may be saved there by the participant's keys, no browser may
// open there, and the texts must say where the answers really are.

func remoteOptions(t *testing.T) (Options, *fakeOpener) {
	opt, op := testOptions(t)
	opt.Remote = true
	return opt, op
}

// noFilesIn fails when anything but the session folder is in dir.
func noFilesIn(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "config" {
			t.Errorf("file saved on the trainer's computer: %s", e.Name())
		}
	}
}

func TestRemoteWelcomeSaysWhereAnswersAre(t *testing.T) {
	opt, _ := remoteOptions(t)
	m := newSized(opt, 80, 24)
	mustContain(t, m, "bewaard op de computer van de trainer", "nergens anders heen")
	mustNotContain(t, m, "je eigen computer")

	local, _ := testOptions(t)
	mustContain(t, newSized(local, 80, 24), "alles blijft op je eigen computer")
}

func TestRemoteSaveKeysExplain(t *testing.T) {
	opt, _ := remoteOptions(t)
	m := openSummary(t, opt, 100, 30)
	// Not offered in the short help; the full help says they do not
	// save here (issue 16, point 6: it lists every key that works).
	mustNotContain(t, m, "opslaan", "hand-out")
	press(m, "?")
	mustNotContain(t, m, "opslaan (.md)", "hand-out (.html)", "antwoorden opslaan")
	mustContain(t, m, "o opslaan (kan hier niet)", "x hand-out (kan hier niet)", "a waar je antwoorden staan")
	press(m, "?")
	for _, k := range []string{"o", "x"} {
		press(m, k)
		mustContain(t, m, "Hier sla je geen bestanden op", "de trainer kan de hand-out van de groep afdrukken")
	}
	press(m, "a")
	mustContain(t, m, "Je hoeft niets op te slaan", "bewaard op de computer van de trainer")
	noFilesIn(t, opt.Dir)
	// The keys mean the same on the other screens: a on the review.
	press(m, "r", "a")
	mustContain(t, m, "Kloppen je antwoorden?", "Je hoeft niets op te slaan")
	noFilesIn(t, opt.Dir)
}

// When the trainer's disk fails, the participant is told so, without the
// trainer's path and without a key that would save on that disk too.
func TestRemoteSaveFailureTellsTrainer(t *testing.T) {
	opt, _ := remoteOptions(t)
	// A file where the session's folder should be: saving fails.
	blocker := filepath.Join(t.TempDir(), "bezet")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	opt.SessionPath = filepath.Join(blocker, "sessie.toml")
	m := newSized(opt, 80, 24)
	press(m, "enter", "enter")
	mustContain(t, m, "Je antwoorden worden niet bewaard", "Zeg het tegen de trainer")
	mustNotContain(t, m, blocker, "Druk op a")
	press(m, "a")
	mustContain(t, m, "konden niet worden bewaard op de computer van de trainer")
	press(m, "q")
	mustContain(t, m, "Toch stoppen?")
	mustNotContain(t, m, "ergens anders opslaan")
	noFilesIn(t, opt.Dir)
}

func TestRemoteLinksShowTheAddress(t *testing.T) {
	opt, op := remoteOptions(t)
	m := openSummary(t, opt, 100, 30)
	press(m, "l")
	mustContain(t, m, "enter adres tonen", "Open het in de browser op je eigen computer")
	press(m, "down", "enter")
	want := summaryOrder(sumOf(t, m).sum)[1].URL
	if len(op.urls) != 0 {
		t.Fatalf("browser opened on the trainer's computer: %v", op.urls)
	}
	mustContain(t, m, "Open dit adres in de browser op je eigen computer:", want)
	// c still copies: OSC 52 goes to the participant's own terminal.
	if _, cmd := m.Update(keyMsg("c")); cmd == nil {
		t.Fatal("c no longer copies")
	}

	// The resources list too.
	m = newSized(opt, 100, 30)
	press(m, "G", "enter") // the last choice: Bekijk alle bronnen
	mustContain(t, m, "op enter om het adres van een bron te zien")
	press(m, "enter")
	if len(op.urls) != 0 {
		t.Fatalf("browser opened: %v", op.urls)
	}
	mustContain(t, m, "Open dit adres in de browser op je eigen computer: https://")
}

// A session note never shows the trainer's path.
func TestRemoteSessionNoteHidesPath(t *testing.T) {
	opt, _ := remoteOptions(t)
	if err := os.MkdirAll(filepath.Dir(opt.SessionPath), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(opt.SessionPath, []byte("[antwoorden\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newSized(opt, 100, 30)
	mustContain(t, m, "de map van de trainer")
	if strings.Contains(flat(screenText(m)), opt.SessionPath) {
		t.Fatalf("trainer's path shown:\n%s", screenText(m))
	}
}
