package linemode

import (
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// printf '1\n2\n' | afstandswijzer after a complete session: the complete
// answers are kept as sessie.toml.vorige, and the run says so (issue 16,
// point 14). An incomplete session is replaced as before, without a copy.
func TestPipedRunKeepsACompleteSession(t *testing.T) {
	session := plainSession(t)
	if r := plainRunLines(t, session, plainVoorbeeld...); r.err != nil {
		t.Fatalf("complete run: %v\n%s", r.err, r.out)
	}
	r := plainRunLines(t, session, "1", "2")
	if !errors.Is(r.err, ErrInput) {
		t.Fatalf("short run: %v", r.err)
	}
	if !has(r.out, "Je vorige antwoorden waren compleet") || !has(r.out, session+".vorige") {
		t.Errorf("the run does not say where the complete answers are:\n%s", r.out)
	}
	if got := plainReadSession(t, session+".vorige"); !reflect.DeepEqual(got, plainVoorbeeldAnswers) {
		t.Errorf("sessie.toml.vorige = %v\nwant %v", got, plainVoorbeeldAnswers)
	}
	if got := plainReadSession(t, session); len(got) != 2 {
		t.Errorf("new session = %v", got)
	}
	// The two-answer session is not complete: a next run replaces it
	// without touching the copy of the complete one.
	plainRunLines(t, session, "2")
	if got := plainReadSession(t, session+".vorige"); !reflect.DeepEqual(got, plainVoorbeeldAnswers) {
		t.Errorf("copy replaced by an incomplete session: %v", got)
	}
}

// syncBuffer is an output the test reads while Run writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Issue 16, point 13: ctrl+c ends on a new line, in Dutch, saying where
// the answers are.
func TestCtrlCSaysWhereTheAnswersAre(t *testing.T) {
	session := plainSession(t)
	in, w := io.Pipe()
	defer w.Close()
	out := &syncBuffer{}
	intr := make(chan os.Signal)
	done := make(chan error, 1)
	go func() {
		done <- Run(Options{Engine: plainEngine(t), In: in, Out: out, SessionPath: session, Interrupt: intr})
	}()
	io.WriteString(w, "2\n")
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "Vraag 2 van") {
		if time.Now().After(deadline) {
			t.Fatalf("no second question:\n%s", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	intr <- os.Interrupt
	if err := <-done; err != nil {
		t.Fatalf("Run after ctrl+c: %v", err)
	}
	s := out.String()
	i := strings.LastIndex(s, "Je antwoord (1 tot 3):")
	if i < 0 || !strings.HasPrefix(s[i:], "Je antwoord (1 tot 3): \n") {
		t.Fatalf("ctrl+c does not end the prompt's line:\n%s", s)
	}
	for _, want := range []string{"Je bent gestopt met ctrl+c.", "Je antwoorden zijn bewaard in:\n  " + session + "\n", ContinueCmd} {
		if !strings.Contains(s[i:], want) {
			t.Errorf("after ctrl+c %q is missing:\n%s", want, s[i:])
		}
	}
}

// Issue 16, point 13: stop works at every prompt (the resume question,
// the review), and an empty answer says what is valid.
func TestStopAtEveryPromptAndEmptyAnswers(t *testing.T) {
	session := plainSession(t)
	plainRunLines(t, session, plainVoorbeeld[:3]...)
	r := plainRunMode(t, session, ResumeAsk, "", "stop")
	if r.err != nil || !has(r.out, "Je hebt niets getypt. Typ 1 om verder te gaan, 2 om opnieuw te beginnen, of stop.") || !has(r.out, "Je bent gestopt") {
		t.Fatalf("empty answer or stop at the resume question: %v\n%s", r.err, r.out)
	}
	if got := plainReadSession(t, session); len(got) != 3 {
		t.Fatalf("session changed by stop: %v", got)
	}
	r = plainRunLines(t, plainSession(t), append(append([]string{}, plainVoorbeeld...), "stop")...)
	if r.err != nil || !has(r.out, "Je bent gestopt. Je antwoorden zijn bewaard in:") || has(r.out, "Hier is je samenvatting") {
		t.Fatalf("stop at the review: %v\n%s", r.err, r.out)
	}
}

// Issue 16, point 13: every line is at most 80 columns, on stdout and
// stderr; only a line with an address or path too long to break (kept
// whole to copy) may be wider.
func TestEveryLineFits80Columns(t *testing.T) {
	s := plainSession(t)
	runs := []plainResult{
		plainRunLines(t, s),
		plainRunLines(t, s, plainVoorbeeld[:3]...),
		plainRunLines(t, s, "x"),
		plainRunLines(t, s, "w", "terug", "1", "stop"),
		plainRunLines(t, s, append(append([]string{}, plainVoorbeeld...), "3", "", "", "ja")...),
		plainRunMode(t, s, ResumeAsk, "x", "", "1", "stop"),
		plainRunOpt(t, Options{SessionPath: s, Remote: true, Script: true}, "2", "99"),
	}
	for _, r := range runs {
		for _, l := range strings.Split(r.out+r.errOut, "\n") {
			if utf8.RuneCountInString(l) <= 80 {
				continue
			}
			long := false
			for _, f := range strings.Fields(l) {
				long = long || utf8.RuneCountInString(f) > 40
			}
			if !long {
				t.Errorf("line of %d columns: %q", utf8.RuneCountInString(l), l)
			}
		}
	}
}

// Issue 16, point 12: after a change from the review, the line mode's
// review names what changed, as the full screen does: every question
// that now applies too, and the answers that no longer count.
func TestReviewAfterAChangeSaysWhatChanged(t *testing.T) {
	e := plainEngine(t)
	lines := append([]string{}, plainVoorbeeld...)
	// In the review: change question 2 (beleidskaders) to nee.
	lines = append(lines, "2", "2", "")
	r := plainRunLines(t, plainSession(t), lines...)
	if r.err != nil {
		t.Fatalf("run: %v\n%s", r.err, r.out)
	}
	after := plainVoorbeeldAnswers.Clone()
	after["beleidskaders"] = []string{"nee"}
	want := e.ChangeNote(plainVoorbeeldAnswers, after, "beleidskaders")
	if want == "" || !has(r.out, want) {
		t.Fatalf("the review does not say what changed (%q):\n%s", want, r.out)
	}
}
