package report

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// roundRoom is a small round on the real content: two complete paths, one
// with "nee" to a condition, one participant just started.
func roundRoom() []decision.Participant {
	return []decision.Participant{
		{Name: "Geheim-Anna", Answers: base()},
		{Name: "Geheim-Bob", Answers: with(base(), "bot_sturen", "nee", "beleidskaders", "nee", "kaders_passen", "-", "activiteiten", "uitleg,toetsen")},
		{Name: "Geheim-Cas", Answers: Answers{"rol": {"docent"}}},
	}
}

func TestRoundGolden(t *testing.T) {
	e := engine(t)
	r := NewRound(e, "gastles-bedrijf", roundRoom())
	md := RoundMarkdown(r)
	golden(t, "ronde.md.golden", []byte(md))
	page, err := RoundHTML(r, handoutDate)
	if err != nil {
		t.Fatal(err)
	}
	assertHandout(t, page, e.C.Meta.Version)
	golden(t, "ronde.html.golden", page)
	js, err := RoundJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "ronde.json.golden", js)
	for _, out := range []string{md, string(page), string(js)} {
		if strings.Contains(out, "Geheim") {
			t.Error("a participant's name is in the export; it is anonymous")
		}
	}
}

func TestRoundContents(t *testing.T) {
	e := engine(t)
	r := NewRound(e, "", roundRoom())
	if len(r.Reveals) != len(r.Tally.Questions) {
		t.Fatalf("%d reveals for %d questions", len(r.Reveals), len(r.Tally.Questions))
	}
	for i, qt := range r.Tally.Questions {
		if r.Reveals[i].Question != qt.Question {
			t.Errorf("reveal %d is for %s, not %s", i, r.Reveals[i].Question.ID, qt.Question.ID)
		}
	}
	md := RoundMarkdown(r)
	for _, want := range []string{
		"# Ronde van de studiemiddag\n\nDeelnemers: 3.",
		"## Vraag 1: Rol",
		"| Docent | 3 | 100% | ██████████ |",
		"3 van de 3 deelnemers antwoordden.",
		// bot_sturen: Anna ja, Bob nee, Cas not yet.
		"| Ja | 1 | 50% | █████░░░░░ |",
		"2 van de 3 deelnemers antwoordden, 1 nog niet.",
		"Dit is voorwaarde 2 van 3 voor begeleide onderwijstijd.",
		"- Nee: telt niet mee",
		"## Uitkomst van de zaal",
		"| Kan meetellen | 1 | 33% |",
		"| Telt niet mee | 1 | 33% |",
		"| Onduidelijk | 0 | 0% |",
		"| Nog niet beantwoord | 1 | 33% |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "Niet van toepassing") {
		t.Error("an outcome nobody has is listed beside the three verdicts")
	}
	var j jsonRound
	js, err := RoundJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(js, &j); err != nil {
		t.Fatal(err)
	}
	if j.Participants != 3 || len(j.Questions) != len(r.Tally.Questions) || len(j.Outcomes) != len(decision.Outcomes) {
		t.Errorf("JSON: %d participants, %d questions, %d outcomes", j.Participants, len(j.Questions), len(j.Outcomes))
	}
	for _, q := range j.Questions {
		if q.ID == "bot_sturen" && (q.BOT != 2 || q.Per[1].Outcome != decision.OutcomeCannot || q.Answered != 2 || q.Open != 1) {
			t.Errorf("JSON bot_sturen: %+v", q)
		}
	}
}

// The case name and error texts come from outside: escaped in Markdown,
// inert in HTML.
func TestRoundEscapesHostileText(t *testing.T) {
	e := engine(t)
	r := NewRound(e, "<script>alert(1)</script> [klik](javascript:alert(1)) \x1b[31mrood", roundRoom())
	r.Failed = []decision.CompareFile{{Name: "*x*.toml", Err: "regel 1: <b>x</b>\x1b]0;t\x07"}}
	md := RoundMarkdown(r)
	if strings.ContainsAny(md, "\x1b\x07") {
		t.Error("control characters reach the Markdown")
	}
	page, err := RoundHTML(r, handoutDate)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckInert(page); err != nil {
		t.Fatal(err)
	}
	doc := htmlDoc(t, page)
	if n := findAll(doc, atom.Script); len(n) > 0 {
		t.Error("script element in the hand-out")
	}
	for _, a := range findAll(doc, atom.A) {
		if strings.Contains(textOf(a), "klik") {
			t.Error("the case name became a link")
		}
	}
	text := textOf(doc)
	for _, want := range []string{"<script>alert(1)</script> [klik](javascript:alert(1))", `\x1b[31mrood`, "*x*.toml", `regel 1: <b>x</b>\x1b]0;t\x07`} {
		if !strings.Contains(text, want) {
			t.Errorf("hand-out does not show %q literally", want)
		}
	}
}

func TestRoundEmpty(t *testing.T) {
	r := NewRound(engine(t), "", nil)
	md := RoundMarkdown(r)
	if !strings.Contains(md, "Deelnemers: 0.") || !strings.Contains(md, "| Kan meetellen | 0 | 0% | ░░░░░░░░░░ |") {
		t.Errorf("empty round:\n%s", md)
	}
	if _, err := RoundHTML(r, handoutDate); err != nil {
		t.Fatal(err)
	}
}

// A reason of several lines reads as one sentence: no "klopt niet:;".
func TestErrLine(t *testing.T) {
	got := errLine("het antwoordenbestand klopt niet:\n  a.toml, regel 3: fout\n  a.toml, regel 4: nog een")
	want := "het antwoordenbestand klopt niet: a.toml, regel 3: fout; a.toml, regel 4: nog een"
	if got != want {
		t.Errorf("errLine = %q, want %q", got, want)
	}
}
