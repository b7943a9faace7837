package room

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// A participant's screen says where the answers really are, the save keys
// explain instead of saving on the trainer's laptop, and links show their
// address.
func TestParticipantSeesRemoteTexts(t *testing.T) {
	cfg := testConfig(t)
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "noor", true)
	tm.waitText("Hoe heet je")
	tm.send("noor\r")
	tm.waitText("bewaard op de computer van de trainer")
	if strings.Contains(tm.screen(), "je eigen computer") {
		t.Fatalf("the welcome screen says everything stays on your own computer:\n%s", tm.screen())
	}
	tm.send("\r")
	tm.waitText("vraag 1 van")
	walk(t, tm, s.room, "noor")
	tm.waitText("Kloppen je antwoorden?")
	tm.send("v")
	tm.waitText("Afstandsonderwijs in je les")
	// o saves the summary, x the hand-out (issue 16: keys no pager uses).
	tm.send("o")
	tm.waitText("Hier sla je geen bestanden op")
	tm.send("x")
	tm.waitText("de trainer kan de hand-out van de groep")
	tm.send("a")
	tm.waitText("Je hoeft niets op te slaan")
	tm.send("l\r")
	tm.waitText("Open dit adres in de browser op je eigen computer:")
	tm.waitText("kst-35925-VIII-189.html")
	// Nothing but the answers and the sessions in the room folder.
	ents, _ := os.ReadDir(cfg.Dir)
	for _, e := range ents {
		if e.Name() != sessionDir && e.Name() != "noor.toml" {
			t.Errorf("unexpected in the directory: %s", e.Name())
		}
	}
	if strings.Contains(tm.screen(), cfg.Dir) {
		t.Errorf("the trainer's path is on the screen")
	}
}

// Without a pty and with --casus, the line mode starts on the case's
// review, and a changed answer reaches the room.
func TestPlainModeStartsOnCase(t *testing.T) {
	e := testEngine(t)
	cases, err := content.Cases()
	if err != nil || len(cases) == 0 {
		t.Fatalf("cases: %v", err)
	}
	cs := cases[0]
	a, err := e.ParseAnswers(cs.File, cs.Answers, decision.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	cfg.CaseName, cfg.CaseTitle, cfg.CaseStory, cfg.CaseAnswers = cs.Name, cs.Title, cs.Story, a
	s, _, _ := startRoom(t, cfg)
	tm := openTerm(t, s, "ruben", false)
	tm.waitText("Hoe heet je")
	tm.send("ruben\n")
	tm.waitText("Casus: " + cs.Title)
	tm.waitText("Dit antwoordde de docent in de casus:")
	tm.waitText("Klopt dit? Typ een nummer om te wijzigen, of druk op Enter om door te gaan:")
	if strings.Contains(tm.screen(), "Je hebt eerder antwoorden bewaard") {
		t.Errorf("the case is presented as the participant's saved answers:\n%s", tm.screen())
	}
	// Change the last answer on the path to another option.
	vis := e.Visible(a)
	q := vis[len(vis)-1]
	k := -1
	for i, o := range q.Options {
		if o.Value != a[q.ID][0] {
			k = i
			break
		}
	}
	tm.send(fmt.Sprintf("%d\n", len(vis)))
	tm.waitText(q.Text)
	tm.send(fmt.Sprintf("%d\n", k+1))
	waitFor(t, "changed answer", func() bool {
		p, _ := s.room.state("ruben")
		return len(p.answers[q.ID]) == 1 && p.answers[q.ID][0] == q.Options[k].Value
	}, tm.screen)
	tm.send("\n")
	tm.waitText("Je antwoorden zijn bewaard op de computer van de trainer.")
	tm.waitClosed()
	if got := readAnswersFile(t, e, cfg.Dir, "ruben"); got[q.ID][0] != q.Options[k].Value {
		t.Errorf("ruben.toml: %v", got[q.ID])
	}
	if ents, _ := os.ReadDir(filepath.Join(cfg.Dir)); len(ents) != 2 {
		t.Errorf("in the directory: %v", ents)
	}
	for _, bad := range []string{cfg.Dir, "afstandswijzer samenvatting", "opslaan als bestand"} {
		if strings.Contains(tm.screen(), bad) {
			t.Errorf("the line mode shows %q:\n%s", bad, tm.screen())
		}
	}
}
