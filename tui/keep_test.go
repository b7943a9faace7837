package tui

import (
	"os"
	"reflect"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Starting over from a complete session keeps it as sessie.toml.vorige at
// the first new answer, and the screen says so (issue 16, point 14).
func TestStartOverKeepsACompleteSession(t *testing.T) {
	opt, _ := testOptions(t)
	full := fullPath(opt.Engine, nil)
	writeSession(t, opt, full)
	m := newSized(opt, 80, 24)
	mustContain(t, m, "Je vorige antwoorden blijven bewaard in een kopie: sessie.toml.vorige")
	press(m, "2", "enter")
	mustContain(t, m, "vraag 1 van")
	press(m, "enter")
	mustContain(t, m, "Je vorige, complete antwoorden staan nu in")
	data, err := os.ReadFile(opt.SessionPath + ".vorige")
	if err != nil {
		t.Fatalf("no copy of the complete session: %v", err)
	}
	got, err := opt.Engine.ParseAnswers("x", data, decision.ParseOptions{KeepHidden: true})
	if err != nil || !reflect.DeepEqual(got, full) {
		t.Fatalf("copy %v (%v), want %v", got, err, full)
	}
}
