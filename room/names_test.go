package room

import (
	"strings"
	"testing"
)

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"anna":                   "anna",
		"Team B":                 "team-b",
		"  José  Müller ":        "jose-muller",
		"../x":                   "x",
		"..":                     "",
		".bashrc":                "bashrc",
		"a/b\\c":                 "a-b-c",
		"C:\\Windows":            "c-windows",
		"\x1b[31mrood\x1b[0m":    "rood",
		"\x1b]0;titel\x07naam":   "naam",
		"con":                    "deelnemer-con",
		"LPT1":                   "deelnemer-lpt1",
		"groep 3":                "groep-3",
		"Straße":                 "strasse",
		"😀":                      "",
		"":                       "",
		strings.Repeat("ab", 40): strings.Repeat("ab", 15),
		"a\u202eb":               "ab",
		"team---a":               "team-a",
		"Zoë":                    "zoe",
		"Ольга":                  "olga",
		"Σωκράτης":               "sokratis",
		"Søren Ærø":              "soren-aero",
		"ﬁona":                   "fiona",
		"日本":                     "",
	} {
		got := FileName(in)
		if got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
		if len(got) > maxFileBytes+len("deelnemer-") || strings.HasPrefix(got, ".") || strings.HasPrefix(got, "-") ||
			strings.ContainsAny(got, "/\\.: ") {
			t.Errorf("FileName(%q) = %q is not a safe name", in, got)
		}
	}
}

func TestDisplayName(t *testing.T) {
	for in, want := range map[string]string{
		"Anna de Vries":         "Anna de Vries",
		"\x1b[2Jweg\x1b[31m":    "weg",
		"a\nb\tc":               "a b c",
		strings.Repeat("x", 50): strings.Repeat("x", maxNameRunes),
		"ééééééééééééééééééééééééééééééééé": strings.Repeat("é", maxNameRunes),
	} {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewCode(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		c := NewCode()
		if len(c) != codeLen || CheckCode(c) != nil {
			t.Fatalf("invalid code %q", c)
		}
		if strings.ContainsAny(c, "0O1lI") {
			t.Fatalf("code with a confusable character: %q", c)
		}
		if BigText(c, 80) == "" {
			t.Fatalf("code %q cannot be shown large", c)
		}
		seen[c] = true
	}
	if len(seen) < 190 {
		t.Errorf("only %d different codes in 200", len(seen))
	}
	for _, g := range glyphs {
		for _, l := range g {
			if len([]rune(l)) != 5 {
				t.Errorf("letter not 5 wide: %q", l)
			}
		}
	}
	for _, r := range codeAlphabet {
		if _, ok := glyphs[r]; !ok {
			t.Errorf("no big letter for %q", r)
		}
	}
}

func TestCheckCode(t *testing.T) {
	for code, ok := range map[string]bool{"abcd": true, "KM7PXA": true, "abc": false, "ab cd": false, "äbcd": false, strings.Repeat("a", 33): false} {
		if (CheckCode(code) == nil) != ok {
			t.Errorf("CheckCode(%q): %v", code, CheckCode(code))
		}
	}
}
