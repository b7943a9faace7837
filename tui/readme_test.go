package tui

import (
	"os"
	"strings"
	"testing"
)

// The README's key tables follow the program: every key in the full help
// of every screen, and every key that works everywhere, is in its table.
func TestREADMEKeys(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	// The key tables: from "### Toetsen" to the next "## " part.
	start := strings.Index(doc, "\n### Toetsen\n")
	if start < 0 {
		t.Fatal("README.md heeft geen deel ### Toetsen")
	}
	doc = doc[start+1:]
	if end := strings.Index(doc, "\n## "); end >= 0 {
		doc = doc[:end]
	}
	section := func(title string) string {
		i := strings.Index(doc, "#### "+title+"\n")
		if i < 0 {
			t.Fatalf("geen deel %q", title)
		}
		rest := doc[i+5:]
		if j := strings.Index(rest, "\n#### "); j >= 0 {
			rest = rest[:j]
		}
		return rest
	}
	opt, _ := testOptions(t)
	writeSession(t, opt, fullPath(opt.Engine, nil))
	for _, sc := range []struct {
		heading string
		keys    []string
	}{
		{"Welkom", nil},
		{"Vraag", []string{"2", "enter"}},
		{"Je antwoorden", []string{"enter"}},
		{"Samenvatting", []string{"enter", "enter"}},
		{"Links in je samenvatting", []string{"enter", "enter", "l"}},
		{"Alle bronnen", []string{"3", "enter"}},
		{"Begrippen", []string{"i"}},
	} {
		m := newSized(opt, 120, 40)
		press(m, sc.keys...)
		text := section(sc.heading)
		general := doc[:strings.Index(doc, "#### ")]
		for _, col := range m.top().keys(m.c).full {
			for _, b := range col {
				parts := strings.Split(b.Help().Key, "/")
				if b.Help().Key == "/" {
					parts = []string{"/"}
				}
				for _, part := range parts {
					if len(part) == 3 && part[1] == '-' {
						part = part[:1] // "1-9": the table says `1`-`9`
					}
					if !strings.Contains(text, "`"+part+"`") && !strings.Contains(general, "`"+part+"`") {
						t.Errorf("%s: toets %q ontbreekt in README.md", sc.heading, part)
					}
				}
			}
		}
	}
	for _, b := range []string{"?", "q", "i", "a", "esc"} {
		if !strings.Contains(doc, "| `"+b+"`") {
			t.Errorf("algemene toets %q ontbreekt", b)
		}
	}
}
