package decision

import (
	"errors"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Any answers file gives answers or readable errors, never a panic; and
// accepted answers always summarize.
func FuzzParseAnswers(f *testing.F) {
	e := engine(f)
	f.Add([]byte("versie = 1\n[antwoorden]\nrol = \"docent\"\nactiviteiten = [\"uitleg\"]\n"))
	f.Add([]byte("versie = 1\n[antwoorden]\nbeleidskaders = \"nee\"\nkaders_passen = \"past\"\n"))
	f.Add([]byte("versie = 1\nantwoorden = [1, 2]\n"))
	f.Add([]byte("versie = \"1\"\n[antwoorden.rol]\nx = 1\n"))
	f.Add(e.FormatAnswers(base()))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := e.ParseAnswers("f.toml", data, ParseOptions{})
		if err != nil {
			var errs AnswerErrors
			if !errors.As(err, &errs) || len(errs) == 0 || !strings.HasPrefix(err.Error(), "f.toml") {
				t.Fatalf("unreadable error: %v", err)
			}
			return
		}
		if s := e.Summarize(a); s.Complete != e.Complete(a) {
			t.Fatal("summary and engine disagree on completeness")
		}
	})
}

// Conditions that compile evaluate without panicking on any answers,
// including run-time errors such as an index out of range.
func FuzzCondition(f *testing.F) {
	e := engine(f)
	f.Add(`"toetsen" in activiteiten`, uint16(3))
	f.Add(`activiteiten[5] == "uitleg"`, uint16(0))
	f.Add(`len(activiteiten) / len(activiteiten) == 1`, uint16(0))
	f.Add(`vorm == "hybride" || kaders_passen == "past"`, uint16(7))
	f.Fuzz(func(t *testing.T, src string, pick uint16) {
		cond, err := content.Compile(e.C, src)
		if err != nil {
			return
		}
		a := Answers{}
		for i, q := range e.C.Questions {
			opts := choices(q)
			a[q.ID] = opts[(int(pick)+i)%len(opts)]
		}
		_ = holds(cond, e.env(e.Effective(a)))
		_, _ = e.Reachable(cond)
	})
}
