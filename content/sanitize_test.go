package content

import (
	"strings"
	"testing"
)

// hostile are the sequences the issue names: a window title (OSC 0), a
// screen clear (CSI 2J), a clipboard write (OSC 52), a one-byte CSI and a
// right-to-left override.
var hostile = []string{"\x1b]0;pwned\x07", "\x1b[2J", "\x1b]52;c;ZXZpbA==\x07", "\u009b31m", "\u202eevil", "\r", "\x9b", "\u2066x\u2069"}

func TestSanitizeMakesControlsVisible(t *testing.T) {
	for _, h := range hostile {
		in := "team " + h + " a.toml"
		out := Sanitize(in)
		for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e", "\r", "\u2066", "\u2069"} {
			if strings.Contains(out, bad) {
				t.Errorf("Sanitize(%q) = %q still holds %q", in, out, bad)
			}
		}
		if !strings.Contains(out, `\`) {
			t.Errorf("Sanitize(%q) = %q: nothing shows the reader that something was there", in, out)
		}
		if strings.ContainsAny(out, "\x00\x1b\x7f") || !strings.HasPrefix(out, "team ") || !strings.HasSuffix(out, " a.toml") {
			t.Errorf("Sanitize(%q) = %q", in, out)
		}
	}
	if got := Sanitize("\x1b[2J"); got != `\x1b[2J` {
		t.Errorf("ESC shown as %q, want \\x1b[2J", got)
	}
	if got := Sanitize("a\u202eb"); got != `a\u202eb` {
		t.Errorf("RLO shown as %q", got)
	}
	if got := Sanitize("a\x9bb"); got != `a\x9bb` {
		t.Errorf("a raw 0x9b byte (not UTF-8) shown as %q", got)
	}
}

func TestSanitizeKeepsOrdinaryText(t *testing.T) {
	for _, s := range []string{"", "Één keuze: ‘hybride’ — 12 €", "regel 1\nregel 2\tmet tab", `C:\Users\docent\antwoorden.toml`} {
		if got := Sanitize(s); got != s {
			t.Errorf("Sanitize(%q) = %q, want it unchanged", s, got)
		}
	}
	if got := SanitizeLine("a\nb\tc\x1b"); got != `a\nb\tc\x1b` {
		t.Errorf("SanitizeLine = %q", got)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || unsafeRune(r) {
				t.Fatalf("Sanitize(%q) = %q holds %U", s, out, r)
			}
		}
		if !needsSanitize(s) && out != s {
			t.Fatalf("clean text changed: %q → %q", s, out)
		}
	})
}
