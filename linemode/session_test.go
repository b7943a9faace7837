package linemode

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A damaged session file is kept aside before the first answer replaces
// it, and the line mode says what is wrong and where the copy is.
func TestDamagedSessionIsKeptAndExplained(t *testing.T) {
	session := plainSession(t)
	os.MkdirAll(filepath.Dir(session), 0o700)
	damaged := "versie = 1\n[antwoorden\nrol = \"docent\"\n"
	os.WriteFile(session, []byte(damaged), 0o600)
	r := plainRunMode(t, session, ResumeContinue, "1", "stop")
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	copies, _ := filepath.Glob(session + ".kapot-*")
	if len(copies) != 1 {
		t.Fatalf("copies of the damaged session: %v", copies)
	}
	if got, _ := os.ReadFile(copies[0]); string(got) != damaged {
		t.Fatalf("copy %q", got)
	}
	for _, want := range []string{"geen geldige TOML", "schrijf [antwoorden]", filepath.Base(copies[0])} {
		if !has(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
	if has(r.out, "passen niet meer bij de vragen") {
		t.Errorf("output blames the version:\n%s", r.out)
	}
	if got := plainReadSession(t, session); len(got) != 1 || got["rol"][0] != "docent" {
		t.Fatalf("new session %v", got)
	}
}

// Answers a content update made invalid are named; the others continue.
func TestDroppedSessionAnswersAreNamed(t *testing.T) {
	session := plainSession(t)
	os.MkdirAll(filepath.Dir(session), 0o700)
	os.WriteFile(session, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\nvorm = \"hybride_oud\"\n"), 0o600)
	r := plainRunMode(t, session, ResumeContinue, "stop")
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if !has(r.out, "„Vorm” (je antwoord was „hybride_oud”)") || !has(r.out, "Je gaat verder waar je was.") {
		t.Fatalf("dropped answer not named or session not resumed:\n%s", r.out)
	}
	if got := plainReadSession(t, session); len(got) != 1 || got["rol"][0] != "docent" {
		t.Fatalf("session %v", got)
	}
}

// In the remote mode the note names no path on the trainer's computer.
func TestDamagedSessionNoteRemote(t *testing.T) {
	dir := t.TempDir()
	session := filepath.Join(dir, "sessie.toml")
	os.WriteFile(session, []byte("versie = 1\n[antwoorden\n"), 0o600)
	r := plainRunOpt(t, Options{SessionPath: session, Remote: true, Resume: ResumeFresh}, "stop")
	if strings.Contains(r.out, dir) || !has(r.out, "geen geldige TOML") {
		t.Fatalf("remote note:\n%s", r.out)
	}
}
