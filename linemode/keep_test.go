package linemode

import (
	"errors"
	"reflect"
	"testing"
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
