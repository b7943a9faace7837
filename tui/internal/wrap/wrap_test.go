package wrap

import (
	"strings"
	"testing"
)

func TestWordsNeverSplitsAWord(t *testing.T) {
	url := "https://www.mboraad.nl/publicaties/handreiking-afstandsonderwijs-mbo"
	got := Words("Opgeslagen in /home/docent/mijn-map/afstandswijzer-samenvatting-2026-11-22.md en zie "+url+" voor meer.", 40)
	for _, want := range []string{"/home/docent/mijn-map/afstandswijzer-samenvatting-2026-11-22.md", url} {
		found := false
		for _, l := range strings.Split(got, "\n") {
			if strings.TrimSpace(l) == want {
				found = true
			}
		}
		if !found {
			t.Fatalf("%q staat niet heel op een eigen regel:\n%s", want, got)
		}
	}
	for _, l := range strings.Split(Words("een twee drie vier vijf zes zeven acht negen tien elf", 12), "\n") {
		if len(l) > 12 {
			t.Fatalf("regel te lang: %q", l)
		}
	}
}

func TestIndent(t *testing.T) {
	got := Indent("  – ", "een twee drie vier vijf zes", 14)
	if got != "  – een twee\n    drie vier\n    vijf zes" {
		t.Fatalf("%q", got)
	}
}
