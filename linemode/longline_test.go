package linemode

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// A line of any length is read; one over 64 kB is an invalid answer, not
// a crash or a "token too long" (the old reader stopped at 1 MB).
func TestLongLinesAreInvalidAnswers(t *testing.T) {
	for _, n := range []int{maxLine + 1, 100 << 10, 3 << 20} {
		long := strings.Repeat("1", n)
		// In a script: the run stops at that line, exit 2, nothing shifts.
		session := plainSession(t)
		r := plainRunLines(t, session, append([]string{"1", long}, plainVoorbeeld[1:]...)...)
		if !errors.Is(r.err, ErrInput) || !has(r.errOut, "Regel 2 van de invoer is geen geldig antwoord: Die regel is langer dan 64 kB") {
			t.Fatalf("%d bytes in a script: %v %q", n, r.err, r.errOut)
		}
		if len(r.out) > 64<<10 {
			t.Errorf("%d bytes: the long line was echoed (%d bytes of output)", n, len(r.out))
		}
		if got := plainReadSession(t, session); len(got) != 1 {
			t.Errorf("session = %v", got)
		}
		// At a terminal the question is asked again.
		r = plainRunOpt(t, Options{SessionPath: "-"}, long, "1", "stop")
		if r.err != nil || strings.Count(r.out, "Je antwoord (1 tot 5):") != 2 || !has(r.out, "langer dan 64 kB") || !has(r.out, "Vraag 2 van") {
			t.Fatalf("%d bytes at a terminal: %v", n, r.err)
		}
	}
	// Exactly 64 kB is read as a line (and is no valid answer either).
	r := plainRunOpt(t, Options{SessionPath: "-"}, strings.Repeat(" ", maxLine-1)+"1", "stop")
	if r.err != nil || has(r.out, "langer dan 64 kB") {
		t.Errorf("a 64 kB line was refused as too long: %v", r.err)
	}
}

func TestLineReader(t *testing.T) {
	in := "a\r\nb\n" + strings.Repeat("x", maxLine+10) + "\nc"
	l := newLineReader(strings.NewReader(in))
	var got []string
	for {
		line, tooLong, err := l.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %v", line, tooLong))
	}
	if want := []string{"a false", "b false", " true", "c false"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// BenchmarkThousandAnswers feeds the line mode 1 000 answers (the issue's
// figure: under 2 s): going back and forth over the whole path.
func BenchmarkThousandAnswers(b *testing.B) {
	e := plainEngine(b)
	var lines []string
	for len(lines) < 1000 {
		lines = append(lines, "1", "terug")
	}
	lines = append(lines, "stop")
	input := strings.Join(lines, "\n") + "\n"
	for b.Loop() {
		var out strings.Builder
		err := Run(Options{Engine: e, In: strings.NewReader(input), Out: &out, Err: io.Discard, SessionPath: "-", Script: true, Resume: ResumeFresh})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// The echo of an input line cannot drive the terminal, also when the line
// mode runs without the commands' output boundary (over SSH).
func TestEchoIsSanitised(t *testing.T) {
	r := plainRunLines(t, "-", "\x1b]0;titel\x07", "\u202e1")
	for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(r.out+r.errOut, bad) {
			t.Errorf("output holds %q", bad)
		}
	}
	if !has(r.out, `\x1b]0;titel\x07`) {
		t.Errorf("echo not shown escaped:\n%s", r.out)
	}
}
