package linemode

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
	sessionpkg "github.com/afstandswijzer/afstandswijzer/store/session"
)

// Bug 7: the line mode did not wrap. Every line fits the width, unless it
// is one word (a URL or path) that cannot be broken.
func TestBug7WrapsAtTheWidth(t *testing.T) {
	for _, w := range []int{40, 80} {
		r := plainRunOpt(t, Options{SessionPath: "-", Script: true, Width: w}, append(plainVoorbeeld, "", "nee")...)
		if r.err != nil {
			t.Fatal(r.err)
		}
		for _, l := range strings.Split(r.out, "\n") {
			if ansi.StringWidth(l) > w && len(strings.Fields(l)) > 1 && !strings.HasPrefix(l, "Je antwoord") {
				t.Fatalf("line wider than %d: %q", w, l)
			}
		}
	}
	// Never inside a word: the text of a question reads the same flat.
	r := plainRunOpt(t, Options{SessionPath: "-", Script: true, Width: 40}, "stop")
	if !has(r.out, "1. Docent. Je geeft zelf les aan studenten.") {
		t.Fatalf("words broken:\n%s", r.out)
	}
}

// Bug 8: piped input with an invalid line took the next line as its
// answer. Without a terminal it now stops with ErrInput, naming the line.
func TestBug8ScriptStopsAtAnInvalidLine(t *testing.T) {
	session := plainSession(t)
	lines := append([]string{"1", "9"}, plainVoorbeeld[1:]...)
	r := plainRunLines(t, session, lines...)
	if !errors.Is(r.err, ErrInput) {
		t.Fatalf("err = %v, want ErrInput", r.err)
	}
	if !has(r.errOut, "Regel 2 van de invoer is geen geldig antwoord: Nummer 9 bestaat niet bij deze vraag.") {
		t.Fatalf("message does not name the line and the reason: %q", r.errOut)
	}
	// Nothing shifted: only the valid first answer is saved.
	if got := plainReadSession(t, session); len(got) != 1 || got["rol"][0] != "docent" {
		t.Fatalf("session = %v", got)
	}
	// At a terminal the question is asked again, as before.
	r = plainRunOpt(t, Options{SessionPath: "-"}, "9", "1", "stop")
	if r.err != nil || strings.Count(flat(r.out), "Vraag 1 van ongeveer") != 2 {
		t.Fatalf("not asked again at a terminal: %v\n%s", r.err, r.out)
	}
}

// Bug 11: a session written after "terug" and another choice keeps the
// answer that no longer applies; every command must load it, listing the
// answer as dropped. samenvatting --antwoorden parses with the default
// options, as here.
func TestBug11SessionLoadsInEveryCommand(t *testing.T) {
	session := plainSession(t)
	// rol, beleidskaders=ja, kaders_passen=past, back twice, beleidskaders=nee,
	// then the rest of a path.
	lines := []string{"1", "1", "1", "terug", "terug", "2"}
	r := plainRunLines(t, session, lines...)
	if !errors.Is(r.err, ErrInput) {
		t.Fatalf("err = %v", r.err)
	}
	// Answer the rest with the first option: as many lines as questions.
	e := plainEngine(t)
	a := decision.Answers{"rol": {"docent"}, "beleidskaders": {"nee"}, "kaders_passen": {"past"}}
	var rest []string
	for q := e.Next(a); q != nil; q = e.Next(a) {
		a[q.ID] = []string{q.Options[0].Value}
		rest = append(rest, "1")
	}
	r = plainRunMode(t, session, ResumeContinue, append(rest, "", "nee")...)
	if r.err != nil {
		t.Fatal(r.err)
	}
	data, err := os.ReadFile(session)
	if err != nil {
		t.Fatal(err)
	}
	a, err = e.ParseAnswers(session, data, decision.ParseOptions{})
	if err != nil {
		t.Fatalf("the session does not load in samenvatting --antwoorden: %v", err)
	}
	sum := e.Summarize(a)
	if len(sum.Dropped) != 1 || sum.Dropped[0].ID != "kaders_passen" {
		t.Fatalf("dropped = %v, want kaders_passen", sum.Dropped)
	}
}

// After the last question: a short review where a number changes an
// answer; the summary as plain text; and an offer to save it.
func TestPlainReviewSummaryAndSave(t *testing.T) {
	dir := t.TempDir()
	now := func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }
	// Answer everything, then change answer 1 (rol) to 2 in the review,
	// go on, and save the summary.
	lines := append(append([]string{}, plainVoorbeeld...), "1", "2", "", "ja")
	r := plainRunOpt(t, Options{SessionPath: "-", Script: true, Dir: dir, Now: now}, lines...)
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.out)
	}
	for _, want := range []string{
		"Dit zijn je antwoorden:", "1. Rol: Docent",
		"Klopt dit? Typ een nummer om te wijzigen, of druk op Enter om door te gaan:",
		"1. Rol: Onderwijsteam",
	} {
		if !has(r.out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	want := plainVoorbeeldAnswers.Clone()
	want["rol"] = []string{"onderwijsteam"}
	doc := report.Summary(plainEngine(t).Summarize(want))
	text := Text(doc, 80)
	if !strings.Contains(r.out, text) {
		t.Fatalf("summary as plain text missing:\n%s", r.out)
	}
	for _, mark := range []string{"## ", "**", "| ", "- [ ]", "|---"} {
		if strings.Contains(text, mark) {
			t.Errorf("Markdown character %q in the plain text", mark)
		}
	}
	if !strings.HasPrefix(text, doc.Title+"\n\n") || !strings.Contains(text, "\n"+doc.Sections[0].Title+"\n\n") {
		t.Errorf("plain text does not follow the parts:\n%.300s", text)
	}
	saved := filepath.Join(dir, "afstandswijzer-samenvatting-2026-11-22.md")
	if !has(r.out, "De samenvatting staat in: "+saved) {
		t.Errorf("zegt niet waar de samenvatting staat:\n%s", r.out[len(r.out)-1500:])
	}
	if data, err := os.ReadFile(saved); err != nil || string(data) != doc.Markdown() {
		t.Errorf("saved summary: %v", err)
	}
}

// The command to make the summary again stands whole on one line, however
// long the session path, so it can be copied.
func TestSummaryCommandStandsWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("lange-mapnaam-", 5))
	session := filepath.Join(dir, "sessie.toml")
	r := plainRunLines(t, session, append(append([]string{}, plainVoorbeeld...), "", "nee")...)
	want := "afstandswijzer samenvatting --antwoorden " + sessionpkg.ShownPath(session)
	found := false
	for _, l := range strings.Split(r.out, "\n") {
		if strings.TrimSpace(l) == want {
			found = true
		}
	}
	if !found {
		t.Errorf("command not whole on one line (%q):\n%s", want, r.out)
	}
}
