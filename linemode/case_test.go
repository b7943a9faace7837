package linemode

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// A case starts on its review: the story, the case's answers, and a
// number changes one before the summary.
func TestPlainStartsFromCaseAnswers(t *testing.T) {
	e := plainEngine(t)
	session := plainSession(t)
	vis := e.Visible(plainVoorbeeldAnswers)
	// Change the last question on the path (no other question depends on
	// it) to its first option that differs.
	last := vis[len(vis)-1]
	pick, value := 0, ""
	for i, o := range last.Options {
		if o.Value != plainVoorbeeldAnswers[last.ID][0] {
			pick, value = i+1, o.Value
			break
		}
	}
	r := plainRunOpt(t, Options{
		SessionPath: session, Script: true,
		Answers: plainVoorbeeldAnswers, Title: "Gastles\x1b[31m in de chat", Story: "Een gastspreker.\nDe docent leest mee.",
	}, strconv.Itoa(len(vis)), strconv.Itoa(pick), "", "nee")
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	for _, want := range []string{
		"Casus: Gastles in de chat", "Een gastspreker.", "Dit antwoordde de docent in de casus:",
		"Klopt dit? Typ een nummer om te wijzigen, of druk op Enter om door te gaan:",
		"Hier is je samenvatting.",
	} {
		if !has(r.out, want) {
			t.Fatalf("output lacks %q:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out, "\x1b") {
		t.Fatal("an escape sequence from the title is in the output")
	}
	// The case's answers are shown, not asked one by one.
	if strings.Contains(r.out, "Vraag 1 van") {
		t.Fatalf("the case starts at question 1 instead of at the overview:\n%s", r.out)
	}
	// After the change the review is the reader's own.
	if i := strings.Index(r.out, "Dit antwoordde de docent"); strings.Count(r.out[i:], "Dit zijn je antwoorden:") != 1 {
		t.Fatalf("changing an answer is not followed by the own overview:\n%s", r.out)
	}
	want := plainVoorbeeldAnswers.Clone()
	want[last.ID] = []string{value}
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, want) {
		t.Fatalf("saved %v, want %v", got, want)
	}
	// The caller's answers are left alone.
	if plainVoorbeeldAnswers[last.ID][0] == value {
		t.Fatal("Options.Answers was changed")
	}
}

// Enter on the case's review goes straight to the summary of the case.
func TestPlainCaseEnterKeepsAnswers(t *testing.T) {
	r := plainRunOpt(t, Options{SessionPath: "-", Script: true, Answers: plainVoorbeeldAnswers, Title: "Casus"}, "", "nee")
	if r.err != nil || !has(r.out, "Dit antwoordde de docent in de casus:") || !has(r.out, "Hier is je samenvatting.") {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
}

// Over SSH the messages name the trainer's computer, never a path or a
// command there, and the summary is not offered as a file.
func TestPlainRemoteMessages(t *testing.T) {
	dir := t.TempDir()
	session := filepath.Join(dir, "sessie.toml")
	r := plainRunOpt(t, Options{SessionPath: session, Dir: dir, Remote: true}, plainVoorbeeld...)
	if r.err != nil {
		t.Fatalf("Run: %v\n%s", r.err, r.out)
	}
	if !has(r.out, "Je antwoorden zijn bewaard op de computer van de trainer. De trainer kan de hand-out van de groep afdrukken.") {
		t.Fatalf("the end does not say where the answers are:\n%s", r.out)
	}
	for _, bad := range []string{session, "afstandswijzer samenvatting", "Wil je de samenvatting opslaan"} {
		if strings.Contains(r.out, bad) {
			t.Fatalf("output contains %q:\n%s", bad, r.out)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("files on the trainer's computer: %v", ents)
	}

	r = plainRunOpt(t, Options{SessionPath: session, Remote: true, Resume: ResumeFresh}, "1", "stop")
	if !has(r.out, "Je antwoorden zijn bewaard op de computer van de trainer.") || !has(r.out, "opnieuw in te loggen met dezelfde naam") ||
		strings.Contains(r.out, session) || strings.Contains(r.out, ContinueCmd) {
		t.Fatalf("stop:\n%s", r.out)
	}
	r = plainRunOpt(t, Options{SessionPath: session, Remote: true, Resume: ResumeFresh}, "1")
	if !has(r.errOut, "bewaard op de computer van de trainer") || strings.Contains(r.errOut, session) {
		t.Fatalf("end of input:\n%s", r.errOut)
	}
}
