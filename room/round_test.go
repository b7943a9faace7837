package room

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

func firstCase(t *testing.T, e *decision.Engine) caseInfo {
	t.Helper()
	cases, err := content.Cases()
	if err != nil || len(cases) == 0 {
		t.Fatalf("casussen: %v", err)
	}
	cs := cases[0]
	a, err := e.ParseAnswers(cs.File, cs.Answers, decision.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return caseInfo{name: cs.Name, title: cs.Title, story: cs.Story, answers: a}
}

// The trainer sets the room's case at any time; participants get it on
// their next screen with a notice, and every round's answers have their
// own files: an earlier round is never overwritten.
func TestRoundsKeepTheirOwnFiles(t *testing.T) {
	cfg := testConfig(t)
	e := testEngine(t)
	cs := firstCase(t, e)
	cfg.Cases = []Case{{Name: cs.name, Title: cs.title, Story: cs.story, Answers: cs.answers}}
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "ria", true)
	tm.join(s.room, "ria")
	tm.answer(s.room, "ria")
	waitAnswersFile(t, e, cfg.Dir, "ria", func(a decision.Answers) bool { return len(a) == 1 })

	// From the dashboard: r, the first case, enter.
	m := newDashboard(s.room, s.info(), s.cfg.Now, true)
	m.Update(keyMsg("r"))
	m.Update(keyMsg("down"))
	m.Update(keyMsg("enter"))
	if !strings.Contains(m.status, "Ronde 2 is begonnen: "+cs.title) {
		t.Errorf("status: %q", m.status)
	}
	tm.waitText("De trainer begint een nieuwe ronde: " + cs.title)
	tm.send("\r")
	tm.waitText("Casus: " + cs.title) // the story first
	tm.send("\r")
	tm.waitText("Dit antwoordde de docent in de casus")

	dir2 := filepath.Join(cfg.Dir, "ronde-2-"+FileName(cs.name))
	waitAnswersFile(t, e, dir2, "ria", func(a decision.Answers) bool { return len(a) == len(e.Effective(cs.answers)) })
	snap := s.room.roundSnapshot()
	if snap.ID != 2 || snap.Case != cs.name || snap.Title != cs.title || len(snap.Participants) != 1 ||
		snap.Participants[0].Name != "ria" || len(snap.Participants[0].Answers) != len(e.Effective(cs.answers)) {
		t.Errorf("snapshot of round 2: %+v", snap)
	}
	// Round 1's file is as it was.
	if a := readAnswersFile(t, e, cfg.Dir, "ria"); len(a) != 1 {
		t.Errorf("round 1 overwritten: %v", a)
	}

	// Back to eigen les: round 3 starts empty, round 2 stays.
	before, _ := os.ReadFile(filepath.Join(dir2, "ria.toml"))
	if _, err := s.room.setRound(caseInfo{}); err != nil {
		t.Fatal(err)
	}
	tm.waitText("De trainer begint een nieuwe ronde: je eigen les")
	tm.send("\r")
	tm.waitText("Begin met de vragen")
	tm.send("\r")
	tm.answer(s.room, "ria")
	waitAnswersFile(t, e, filepath.Join(cfg.Dir, "ronde-3-eigen-les"), "ria", func(a decision.Answers) bool { return len(a) == 1 })
	after, _ := os.ReadFile(filepath.Join(dir2, "ria.toml"))
	if string(before) != string(after) {
		t.Errorf("round 2 changed by round 3:\n%s\n---\n%s", before, after)
	}
	if snap := s.room.roundSnapshot(); snap.ID != 3 || snap.Title != eigenLes || len(snap.Participants[0].Answers) != 1 {
		t.Errorf("snapshot of round 3: %+v", snap)
	}
}

// A restarted room numbers its rounds after those already in the folder.
func TestRoundNumbersAfterRestart(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "ronde-4-eigen-les"), 0o700); err != nil {
		t.Fatal(err)
	}
	r, err := newRoom(testEngine(t), dir, 5, testConfig(t).Now, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := r.setRound(caseInfo{})
	if err != nil || snap.ID != 5 {
		t.Errorf("next round %d (%v), want 5", snap.ID, err)
	}
}

// The line mode stays in its round and says once that a new one began.
func TestPlainModeHearsOfNewRound(t *testing.T) {
	cfg := testConfig(t)
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "lotte", false)
	tm.waitText("Hoe heet je")
	tm.send("lotte\n")
	tm.waitText("Vraag 1 van")
	if _, err := s.room.setRound(caseInfo{}); err != nil {
		t.Fatal(err)
	}
	tm.send("1\n")
	tm.waitText("De trainer is een nieuwe ronde begonnen: je eigen les")
	// Its answer went to round 1's file.
	waitAnswersFile(t, s.room.eng, cfg.Dir, "lotte", func(a decision.Answers) bool { return len(a) == 1 })
	if n := strings.Count(tm.screen(), "nieuwe ronde begonnen"); n != 1 {
		t.Errorf("told %d times", n)
	}
}

// After stopping, the trainer is told how to compare every round, each
// in its own folder, not only the first.
func TestCompareHintNamesEveryRound(t *testing.T) {
	r := testRoom(t)
	if h := r.compareHint(); !strings.Contains(h, "afstandswijzer vergelijk "+filepath.Join(r.dir, "*.toml")) || strings.Contains(h, "ronde 1") {
		t.Errorf("one round: %q", h)
	}
	snap, err := r.setRound(caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	h := r.compareHint()
	r.mu.Lock()
	dir2 := r.roundDirs[snap.ID]
	r.mu.Unlock()
	for _, want := range []string{"ronde 1: afstandswijzer vergelijk " + filepath.Join(r.dir, "*.toml"), "ronde 2: afstandswijzer vergelijk " + filepath.Join(r.dir, dir2, "*.toml")} {
		if !strings.Contains(h, want) {
			t.Errorf("two rounds: %q lacks %q", h, want)
		}
	}
}

// The overview names the current round's folder, where its answers go.
func TestDashboardShowsRoundFolder(t *testing.T) {
	r := testRoom(t)
	snap, err := r.setRound(caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := runDash(t, r, testInfo, 120, 40)
	want := "Antwoorden:   " + filepath.Join(testInfo.Dir, snap.Dir)
	if snap.Dir == "" || !strings.Contains(out, want) {
		t.Errorf("round %d (%q): overview lacks %q:\n%s", snap.ID, snap.Dir, want, out)
	}
}
