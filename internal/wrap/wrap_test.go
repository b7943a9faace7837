package wrap

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestNeverSplitsAWordThatFits(t *testing.T) {
	url := "https://www.mboraad.nl/publicaties/handreiking-afstandsonderwijs-mbo"
	for _, wrap := range []func(string, int) string{Words, Break} {
		got := wrap("Opgeslagen in /home/docent/mijn-map/afstandswijzer-samenvatting-2026-11-22.md en zie "+url+" voor meer.", 70)
		for _, want := range []string{"/home/docent/mijn-map/afstandswijzer-samenvatting-2026-11-22.md", url} {
			found := false
			for _, l := range strings.Split(got, "\n") {
				if strings.Contains(l, want) {
					found = true
				}
			}
			if !found {
				t.Fatalf("%q is not whole on one line:\n%s", want, got)
			}
		}
		for _, l := range strings.Split(wrap("een twee drie vier vijf zes zeven acht negen tien elf", 12), "\n") {
			if len(l) > 12 {
				t.Fatalf("line too long: %q", l)
			}
		}
	}
}

// Words keeps a word longer than the line whole on its own line: the
// line mode's terminal wraps it softly, and a piped file keeps it.
func TestWordsKeepsALongWordWhole(t *testing.T) {
	path := "/home/docent/mijn-map/afstandswijzer-samenvatting-2026-11-22.md"
	for _, got := range []string{Words("Opgeslagen in "+path+" nu.", 40), Indent("  ", "Opgeslagen in "+path+" nu.", 40)} {
		found := false
		for _, l := range strings.Split(got, "\n") {
			if strings.TrimSpace(l) == path {
				found = true
			}
		}
		if !found {
			t.Fatalf("%q is not whole on a line of its own:\n%s", path, got)
		}
	}
}

// Break breaks a word longer than the line (a long URL) at the width, on
// lines of its own, so that every character is visible: a full screen
// cuts a line that is wider than the window. A word that fits is whole.
func TestBreakBreaksAWordLongerThanTheLine(t *testing.T) {
	url := "https://www.onderwijsinspectie.nl/documenten/brochures/2017/11/13/brochure-ruimte-in-regels-mbo"
	for _, w := range []int{10, 20, 40, 80} {
		for _, indent := range []string{"", "  "} {
			got := Break(indent+"Kopieer dit adres: "+url+" en plak het.", w)
			lines := strings.Split(got, "\n")
			start := -1
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("width %d: line too wide (%d): %q", w, ansi.StringWidth(l), l)
				}
				if start < 0 && strings.HasPrefix(strings.TrimSpace(l), "https:") {
					start = i
				}
			}
			if start < 0 {
				t.Fatalf("width %d: the address does not start on a line of its own:\n%s", w, got)
			}
			joined := strings.Join(strings.Fields(strings.Join(lines[start:], "")), "")
			if !strings.HasPrefix(joined, url) {
				t.Fatalf("width %d: address not whole:\n%s", w, got)
			}
			if joined != url+"enplakhet." {
				t.Fatalf("width %d: text after the address lost:\n%s", w, got)
			}
		}
	}
}

func TestBreakIndentBreaksALongWordInsideTheIndent(t *testing.T) {
	got := BreakIndent("  – ", "zie abcdefghijklmnopqrstuvwxyz", 14)
	want := "  – zie\n    abcdefghij\n    klmnopqrst\n    uvwxyz"
	if got != want {
		t.Fatalf("%q, not %q", got, want)
	}
}

func TestIndent(t *testing.T) {
	got := Indent("  – ", "een twee drie vier vijf zes", 14)
	if got != "  – een twee\n    drie vier\n    vijf zes" {
		t.Fatalf("%q", got)
	}
}
