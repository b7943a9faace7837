package linemode

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

func plainEngine(t testing.TB) *decision.Engine {
	t.Helper()
	c, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	return decision.New(c)
}

// plainVoorbeeld is testdata/voorbeeld.toml as typed numbers, one line
// per question, and the answers it stands for.
var plainVoorbeeld = []string{"1", "1", "1", "2", "1,2", "1", "1", "1", "1", "1", "2", "1", "3", "2", "2", "1"}

var plainVoorbeeldAnswers = decision.Answers{
	"rol": {"docent"}, "beleidskaders": {"ja"}, "kaders_passen": {"past"}, "vorm": {"hybride"},
	"activiteiten": {"uitleg", "samenwerken"}, "bot_interactie": {"ja"}, "bot_sturen": {"ja"},
	"bot_begeleiding": {"ja"}, "urennorm": {"nee"}, "voorzieningen": {"ja"}, "input_studenten": {"nee"},
	"samenhang": {"ja"}, "ondersteuning": {"weet_niet"}, "nieuwe_tools": {"nee"}, "ervaring": {"wat"},
	"evaluatie": {"studenten"},
}

type plainResult struct {
	out, errOut string
	err         error
	session     string
}

func plainRunLines(t *testing.T, session string, lines ...string) plainResult {
	t.Helper()
	return plainRunMode(t, session, ResumeFresh, lines...)
}

func plainRunMode(t *testing.T, session string, mode Resume, lines ...string) plainResult {
	t.Helper()
	return plainRunOpt(t, Options{SessionPath: session, Script: true, Resume: mode}, lines...)
}

// plainRunOpt runs the line mode on lines with the given options.
func plainRunOpt(t *testing.T, opt Options, lines ...string) plainResult {
	t.Helper()
	session := opt.SessionPath
	var out, errOut strings.Builder
	in := strings.NewReader(strings.Join(lines, "\n") + "\n")
	if len(lines) == 0 {
		in = strings.NewReader("")
	}
	opt.Engine, opt.In, opt.Out, opt.Err = plainEngine(t), in, &out, &errOut
	if opt.Dir == "" {
		// A saved summary goes to Dir: never the source tree.
		opt.Dir = t.TempDir()
	}
	err := Run(opt)
	return plainResult{out: out.String(), errOut: errOut.String(), err: err, session: session}
}

func plainSession(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "config", "afstandswijzer", "sessie.toml")
}

func plainReadSession(t *testing.T, path string) decision.Answers {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("session not saved: %v", err)
	}
	a, err := plainEngine(t).ParseAnswers(path, data, decision.ParseOptions{KeepHidden: true})
	if err != nil {
		t.Fatalf("saved session does not parse: %v", err)
	}
	return a
}

// assertAccessible checks the output has nothing a screen reader trips on.
func assertAccessible(t *testing.T, out string) {
	t.Helper()
	for _, r := range out {
		switch {
		case r == 0x1b:
			t.Fatal("output contains an escape sequence")
		case r >= 0x2500 && r <= 0x259f:
			t.Fatalf("output contains box-drawing character %q", r)
		case r >= 0x2800 && r <= 0x28ff:
			t.Fatalf("output contains braille spinner glyph %q", r)
		}
	}
}

func TestPlainFullPath(t *testing.T) {
	session := plainSession(t)
	r := plainRunLines(t, session, plainVoorbeeld...)
	if r.err != nil {
		t.Fatalf("RunPlain: %v\n%s", r.err, r.out)
	}
	want := Text(report.Summary(plainEngine(t).Summarize(plainVoorbeeldAnswers)), 80)
	if !has(r.out, want) {
		t.Fatalf("output lacks the summary of voorbeeld.toml:\n%s", r.out)
	}
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, plainVoorbeeldAnswers) {
		t.Errorf("session = %v\nwant %v", got, plainVoorbeeldAnswers)
	}
	for _, s := range []string{
		"Vraag 1 van ongeveer 15: Wat is je rol?",
		"1. Docent. Je geeft zelf les aan studenten.",
		"Vraag 16 van ongeveer 16:",
		"Je antwoorden zijn bewaard in: " + session,
		"afstandswijzer samenvatting --antwoorden " + session,
	} {
		if !has(r.out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	// The multiple-choice hint is given once, not on every prompt.
	if n := strings.Count(flat(r.out), "Typ de nummers met een komma ertussen"); n != 1 {
		t.Errorf("multiple-choice hint shown %d times, want 1", n)
	}
	assertAccessible(t, r.out)
}

func TestPlainBackKeepsAnswers(t *testing.T) {
	session := plainSession(t)
	// rol, beleidskaders=ja, kaders_passen=past, back three times to rol,
	// keep it with Enter, change beleidskaders to nee: kaders_passen drops
	// out of the path but its answer is kept; then the input ends.
	r := plainRunLines(t, session, "1", "1", "1", "terug", "terug", "terug", "", "2")
	if !errors.Is(r.err, ErrInput) {
		t.Fatalf("err = %v, want ErrInput", r.err)
	}
	if !has(r.out, "Je antwoord was: Ja (1). Druk op Enter om het te houden.") {
		t.Errorf("going back does not show the previous answer:\n%s", r.out)
	}
	if !has(r.out, "Je antwoord was: Docent (1).") {
		t.Errorf("second step back does not show the first answer:\n%s", r.out)
	}
	// After changing beleidskaders, the next question is vorm (kaders_passen
	// is no longer asked), now question 3 of about 15.
	tail := r.out[strings.LastIndex(r.out, "Je antwoord (1 tot 3): 2"):]
	if !has(tail, "Vraag 3 van ongeveer 15: Welke vorm") {
		t.Errorf("after changing the answer the path did not follow the engine:\n%s", tail)
	}
	got := plainReadSession(t, session)
	want := decision.Answers{"rol": {"docent"}, "beleidskaders": {"nee"}, "kaders_passen": {"past"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("session = %v, want %v (going back must not delete answers)", got, want)
	}
	// At the first question there is nothing to go back to.
	r = plainRunLines(t, "-", "terug")
	if !has(r.out, "Dit is de eerste vraag") {
		t.Errorf("terug at the first question:\n%s", r.out)
	}
}

func TestPlainInvalidInput(t *testing.T) {
	// A person at a terminal is asked again.
	r := plainRunOpt(t, Options{SessionPath: "-"}, "9", "abc", "1,2", "", "1", "1", "1", "1", "0,1", "x")
	for _, s := range []string{
		"Nummer 9 bestaat niet bij deze vraag. Typ een nummer van 1 tot 5.",
		`Dat begrijp ik niet: "abc".`,
		"Bij deze vraag kies je één antwoord.",
		"Je hebt niets getypt.",
		"0 betekent: geen van deze. Typ 0 alleen",
	} {
		if !has(r.out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	// The question is repeated after each of the four invalid lines.
	if n := strings.Count(flat(r.out), "Vraag 1 van ongeveer 15: Wat is je rol?"); n != 5 {
		t.Errorf("question 1 shown %d times, want 5 (once plus once per invalid line)", n)
	}
	assertAccessible(t, r.out)
}

func TestPlainWhyAndNone(t *testing.T) {
	e := plainEngine(t)
	r := plainRunLines(t, "-", "?", "1", "2", "1", "geen", "2")
	q := e.C.Question("rol")
	if !has(r.out, "Waarom we dit vragen: "+oneLine(q.Help)) {
		t.Errorf("? does not show the help text:\n%s", r.out)
	}
	if !has(r.out, "Uit de handreiking: \""+oneLine(q.Quote)+"\"") {
		t.Errorf("? does not show the quote")
	}
	// "geen" answered activiteiten with none; the next question is asked.
	if !has(r.out, "Vraag 5 van ongeveer 15: Is er tijdens de activiteit interactie") {
		t.Errorf("multiple choice 'geen' was not accepted:\n%s", r.out)
	}
}

func TestPlainEndOfInputAndResume(t *testing.T) {
	session := plainSession(t)
	r := plainRunLines(t, session, plainVoorbeeld[:4]...)
	if !errors.Is(r.err, ErrInput) {
		t.Fatalf("err = %v, want ErrInput", r.err)
	}
	if !has(r.errOut, "bewaard in: "+session) || !has(r.errOut, "Ga verder met: afstandswijzer --eenvoudig --verder") {
		t.Errorf("end-of-input message does not say where and how to continue: %q", r.errOut)
	}
	if got := plainReadSession(t, session); len(got) != 4 || got["vorm"][0] != "hybride" {
		t.Fatalf("session after 4 answers = %v", got)
	}

	// Asking (a person at a terminal): 1 = continue; the rest completes the path.
	r = plainRunMode(t, session, ResumeAsk, append([]string{"1"}, plainVoorbeeld[4:]...)...)
	if r.err != nil {
		t.Fatalf("resume: %v\n%s", r.err, r.out)
	}
	if !has(r.out, "Je hebt eerder antwoorden bewaard: 4 van ongeveer 16 vragen.") || !has(r.out, "Wil je daarmee verder?") {
		t.Errorf("resume question missing:\n%s", r.out)
	}
	if has(r.out, "Wat is je rol?") || !has(r.out, "Vraag 5 van ongeveer 16: Wat doen je studenten") {
		t.Errorf("resume did not continue at question 5:\n%s", r.out)
	}
	if !has(r.out, Text(report.Summary(plainEngine(t).Summarize(plainVoorbeeldAnswers)), 80)) {
		t.Errorf("resumed run does not end with the summary")
	}

	// 2 = start again, at question 1; an invalid choice repeats the question.
	r = plainRunMode(t, session, ResumeAsk, "3", "2", "stop")
	if !has(r.out, `Dat begrijp ik niet: "3". Typ 1 of 2, of stop.`) {
		t.Errorf("invalid resume choice:\n%s", r.out)
	}
	if !has(r.out, "Vraag 1 van ongeveer 15: Wat is je rol?") {
		t.Errorf("starting again does not start at question 1:\n%s", r.out)
	}
	// Stopping before any new answer leaves the old session alone.
	if got := plainReadSession(t, session); len(got) != 16 {
		t.Errorf("old session was overwritten without a new answer: %v", got)
	}
}

// A script run with a saved session: the first line answers question 1,
// it is not taken as the reply to "Wil je daarmee verder?".
func TestPlainScriptWithSessionStartsFresh(t *testing.T) {
	session := plainSession(t)
	if r := plainRunLines(t, session, "2", "2"); !errors.Is(r.err, ErrInput) {
		t.Fatalf("first run: %v", r.err)
	}
	// rol=onderwijsteam, beleidskaders=nee saved. Now the whole voorbeeld.
	r := plainRunLines(t, session, plainVoorbeeld...)
	if r.err != nil {
		t.Fatalf("script run: %v\n%s", r.err, r.out)
	}
	if has(r.out, "Wil je daarmee verder?") {
		t.Errorf("asked the resume question without a terminal:\n%s", r.out)
	}
	if !has(r.out, "Start het programma dan met: afstandswijzer --eenvoudig --verder") {
		t.Errorf("does not say how to continue the old session:\n%s", r.out)
	}
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, plainVoorbeeldAnswers) {
		t.Errorf("answers shifted: session = %v\nwant %v", got, plainVoorbeeldAnswers)
	}

	// Input ends before the first answer: the old session is kept.
	r = plainRunLines(t, session)
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, plainVoorbeeldAnswers) {
		t.Errorf("old session replaced without a new answer: %v", got)
	}
}

// --verder continues without asking, also when the input is a script.
func TestPlainContinueWithoutAsking(t *testing.T) {
	session := plainSession(t)
	plainRunLines(t, session, plainVoorbeeld[:4]...)
	r := plainRunMode(t, session, ResumeContinue, plainVoorbeeld[4:]...)
	if r.err != nil {
		t.Fatalf("--verder: %v\n%s", r.err, r.out)
	}
	if has(r.out, "Wil je daarmee verder?") || !has(r.out, "Je gaat verder waar je was.") {
		t.Errorf("--verder asked or did not say it continues:\n%s", r.out)
	}
	if !has(r.out, "Vraag 5 van ongeveer 16: Wat doen je studenten") {
		t.Errorf("--verder did not continue at question 5:\n%s", r.out)
	}
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, plainVoorbeeldAnswers) {
		t.Errorf("session = %v", got)
	}
	// Without a saved session --verder simply starts at question 1.
	r = plainRunMode(t, plainSession(t), ResumeContinue, "stop")
	if !has(r.out, "Vraag 1 van ongeveer 15: Wat is je rol?") {
		t.Errorf("--verder without a session:\n%s", r.out)
	}
}

func TestPlainStopSaves(t *testing.T) {
	session := plainSession(t)
	r := plainRunLines(t, session, "2", "stop", "1")
	if r.err != nil {
		t.Fatalf("stop: %v", r.err)
	}
	if !has(r.out, "Je antwoorden zijn bewaard in: "+session) {
		t.Errorf("stop does not say where the answers are:\n%s", r.out)
	}
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, decision.Answers{"rol": {"onderwijsteam"}}) {
		t.Errorf("session = %v", got)
	}
	// Nothing typed at all: end of input, nothing saved.
	other := plainSession(t)
	r = plainRunLines(t, other)
	if !errors.Is(r.err, ErrInput) || !has(r.errOut, "niets nieuws bewaard") {
		t.Errorf("empty input: err %v, %q", r.err, r.errOut)
	}
	if _, err := os.Stat(other); err == nil {
		t.Errorf("empty input wrote a session")
	}
}

func TestPlainBrokenSession(t *testing.T) {
	session := plainSession(t)
	os.MkdirAll(filepath.Dir(session), 0o700)
	// Not TOML at all: nothing can be recovered. (An unknown value alone is
	// skipped and the other answers are kept; see the next test.)
	os.WriteFile(session, []byte("versie = 1\n[antwoorden]\nvorm = \n"), 0o600)
	r := plainRunLines(t, session, "1")
	// The file is damaged, not out of date: say where and keep a copy.
	if !has(r.out, "sessie.toml, regel 3: geen geldige TOML: na = verwacht ik een waarde") || !has(r.out, "Het oude bestand staat nu als sessie.toml.kapot-") {
		t.Errorf("broken session not reported:\n%s", r.out)
	}
	if copies, _ := filepath.Glob(session + ".kapot-*"); len(copies) != 1 {
		t.Errorf("copies %v", copies)
	}
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, decision.Answers{"rol": {"docent"}}) {
		t.Errorf("new session = %v", got)
	}
}

func TestPlainParse(t *testing.T) {
	e := plainEngine(t)
	act := e.C.Question("activiteiten")
	cases := []struct {
		line string
		want []string
		bad  bool
	}{
		{"1,3", []string{"uitleg", "zelfstandig"}, false},
		{" 3 , 1 ", []string{"zelfstandig", "uitleg"}, false},
		{"1 1", []string{"uitleg"}, false},
		{"0", []string{}, false},
		{"GEEN", []string{}, false},
		{"8", nil, true},
		{"-1", nil, true},
		{",", nil, true},
		{"1,twee", nil, true},
	}
	for _, c := range cases {
		got, problem := Parse(act, c.line, nil)
		if (problem != "") != c.bad || (!c.bad && !reflect.DeepEqual(got, c.want)) {
			t.Errorf("%q: got %v, problem %q", c.line, got, problem)
		}
	}
}

func TestPlainOldSessionKeepsValidAnswers(t *testing.T) {
	session := plainSession(t)
	os.MkdirAll(filepath.Dir(session), 0o700)
	os.WriteFile(session, []byte("versie = 1\n[antwoorden]\nrol = \"trainer\"\nvorm = \"op-de-maan\"\n"), 0o600)
	r := plainRunMode(t, session, ResumeContinue, "stop")
	if !has(r.out, "Je hebt eerder antwoorden bewaard: 1 van") {
		t.Fatalf("valid answer of an old session not offered:\n%s", r.out)
	}
	if got := plainReadSession(t, session); !reflect.DeepEqual(got, decision.Answers{"rol": {"trainer"}}) {
		t.Errorf("session after continuing = %v, want only rol = trainer", got)
	}
}

// flat joins wrapped lines, so a test does not depend on where text wraps.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// has reports whether out contains want, wherever the lines wrap.
func has(out, want string) bool { return strings.Contains(flat(out), flat(want)) }
