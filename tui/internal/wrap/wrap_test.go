package wrap

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWordsNeverSplitsAWordThatFits(t *testing.T) {
	url := "https://www.mboraad.nl/publicaties/handreiking-afstandsonderwijs-mbo"
	got := Words("Opgeslagen in /home/docent/mijn-map/afstandswijzer-samenvatting-2026-11-22.md en zie "+url+" voor meer.", 70)
	for _, want := range []string{"/home/docent/mijn-map/afstandswijzer-samenvatting-2026-11-22.md", url} {
		found := false
		for _, l := range strings.Split(got, "\n") {
			if strings.Contains(l, want) {
				found = true
			}
		}
		if !found {
			t.Fatalf("%q staat niet heel op een regel:\n%s", want, got)
		}
	}
	for _, l := range strings.Split(Words("een twee drie vier vijf zes zeven acht negen tien elf", 12), "\n") {
		if len(l) > 12 {
			t.Fatalf("regel te lang: %q", l)
		}
	}
}

// A word longer than the line (a long URL) is broken at the width, on
// lines of its own, so that every character is visible: a terminal cuts
// a line that is wider than the window.
func TestWordsBreaksAWordLongerThanTheLine(t *testing.T) {
	url := "https://www.onderwijsinspectie.nl/documenten/brochures/2017/11/13/brochure-ruimte-in-regels-mbo"
	for _, w := range []int{10, 20, 40, 80} {
		for _, indent := range []string{"", "  "} {
			got := Words(indent+"Kopieer dit adres: "+url+" en plak het.", w)
			lines := strings.Split(got, "\n")
			start := -1
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Fatalf("breedte %d: regel te breed (%d): %q", w, ansi.StringWidth(l), l)
				}
				if start < 0 && strings.HasPrefix(strings.TrimSpace(l), "https:") {
					start = i
				}
			}
			if start < 0 {
				t.Fatalf("breedte %d: het adres begint niet op een eigen regel:\n%s", w, got)
			}
			joined := strings.Join(strings.Fields(strings.Join(lines[start:], "")), "")
			if !strings.HasPrefix(joined, url) {
				t.Fatalf("breedte %d: adres niet heel:\n%s", w, got)
			}
			if joined != url+"enplakhet." {
				t.Fatalf("breedte %d: tekst na het adres kwijt:\n%s", w, got)
			}
		}
	}
}

func TestIndentBreaksALongWordInsideTheIndent(t *testing.T) {
	got := Indent("  – ", "zie abcdefghijklmnopqrstuvwxyz", 14)
	want := "  – zie\n    abcdefghij\n    klmnopqrst\n    uvwxyz"
	if got != want {
		t.Fatalf("%q, niet %q", got, want)
	}
}

func TestIndent(t *testing.T) {
	got := Indent("  – ", "een twee drie vier vijf zes", 14)
	if got != "  – een twee\n    drie vier\n    vijf zes" {
		t.Fatalf("%q", got)
	}
}
