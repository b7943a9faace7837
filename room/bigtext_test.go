package room

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

const codeChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// Every character a trainer's own --code may hold has a large glyph of
// five lines of five columns, and no two glyphs look the same.
func TestGlyphsCoverEveryCodeCharacter(t *testing.T) {
	seen := map[string]rune{}
	for _, r := range codeChars {
		g, ok := glyphs[r]
		if !ok {
			t.Errorf("no big letter for %q", r)
			continue
		}
		for i, l := range g {
			if n := utf8.RuneCountInString(l); n != 5 {
				t.Errorf("%q line %d is %d wide: %q", r, i, n, l)
			}
			if strings.Trim(l, " █") != "" {
				t.Errorf("%q line %d has other characters: %q", r, i, l)
			}
		}
		key := strings.Join(g[:], "\n")
		if o, dup := seen[key]; dup {
			t.Errorf("%q and %q look the same", o, r)
		}
		seen[key] = r
	}
}

// Every valid code is shown large when it fits, in upper case whatever
// the trainer typed, and not at all when it does not fit.
func TestBigTextEveryValidCode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	all := codeChars + strings.ToLower(codeChars)
	codes := []string{"ABCDEF", "abcdef", "GOLD", "Zaal2026", "QQQQ", "00O0", "I1l1"}
	for range 500 {
		b := make([]byte, 4+rng.IntN(29))
		for i := range b {
			b[i] = all[rng.IntN(len(all))]
		}
		codes = append(codes, string(b))
	}
	for _, code := range codes {
		if err := CheckCode(code); err != nil {
			t.Fatalf("test code %q is invalid: %v", code, err)
		}
		need := len(code)*6 - 1
		big := BigText(code, need)
		if big == "" {
			t.Errorf("%q is not shown large", code)
			continue
		}
		if up := BigText(strings.ToUpper(code), need); big != up {
			t.Errorf("%q looks different from its upper case", code)
		}
		lines := strings.Split(big, "\n")
		if len(lines) != 5 {
			t.Errorf("%q: %d lines", code, len(lines))
		}
		for _, l := range lines {
			if utf8.RuneCountInString(l) > need {
				t.Errorf("%q: line wider than %d: %q", code, need, l)
			}
		}
		if BigText(code, need-1) != "" {
			t.Errorf("%q does not fit in %d columns but is shown large anyway", code, need-1)
		}
	}
}

// A trainer's own code in lower case is shown in capitals (codes are
// case-insensitive), and still works as typed.
func TestOwnCodeShownInCapitals(t *testing.T) {
	cfg := testConfig(t)
	cfg.Code = "zaal2026"
	s, logBuf, _ := startRoom(t, cfg)
	if got := s.info().Code; got != "ZAAL2026" {
		t.Errorf("code on the dashboard: %q", got)
	}
	waitFor(t, "the code in the log", func() bool { return strings.Contains(logBuf.String(), "code ZAAL2026") }, logBuf.String)
}
