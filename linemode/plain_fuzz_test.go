package linemode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// Whatever a person or a script types, the line mode ends (the input is
// finite), never panics, and never echoes terminal control sequences it
// did not write itself.
func FuzzPlainInput(f *testing.F) {
	f.Add("1\n1\n1\n1\n1,2\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n")
	f.Add("?\nterug\n0\n99\n-1\n1,1,1\ngeen\n\n")
	f.Add("stop\n")
	f.Add("2\nterug\nterug\nterug\n3\n\x1b[2J\n")
	e := plainEngine(f)
	f.Fuzz(func(t *testing.T, input string) {
		var out, errOut strings.Builder
		err := Run(Options{Engine: e, In: strings.NewReader(input), Out: &out, Err: &errOut, SessionPath: "-", Script: len(input)%2 == 0})
		if err != nil && !errors.Is(err, ErrInput) {
			t.Fatalf("unexpected error: %v", err)
		}
		if utf8.ValidString(input) && strings.Contains(out.String(), "\x1b") && !strings.Contains(input, "\x1b") {
			t.Fatal("the line mode wrote an escape sequence")
		}
	})
}
