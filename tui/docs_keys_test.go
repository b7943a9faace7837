package tui

import (
	"os"
	"strings"
	"testing"
)

// keysDoc is where the key tables live since the README was split by
// audience (issue 18).
const keysDoc = "../docs/docenten.md"

// The teachers' guide's key tables follow the program: every key in the
// full help of every screen, and every key that works everywhere, is in its
// table. A missing file fails the test: the tables must exist somewhere.
func TestDocsKeys(t *testing.T) {
	data, err := os.ReadFile(keysDoc)
	if err != nil {
		t.Fatalf("the key tables must be in %s: %v", keysDoc, err)
	}
	doc := string(data)
	// The key tables: from "### Toetsen" to the next "## " part.
	start := strings.Index(doc, "\n### Toetsen\n")
	if start < 0 {
		t.Fatalf("%s has no part ### Toetsen", keysDoc)
	}
	doc = doc[start+1:]
	if end := strings.Index(doc, "\n## "); end >= 0 {
		doc = doc[:end]
	}
	section := func(title string) string {
		i := strings.Index(doc, "#### "+title+"\n")
		if i < 0 {
			t.Fatalf("%s has no part %q", keysDoc, title)
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
		{"Begrippen", []string{"b"}},
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
						t.Errorf("%s: key %q missing from %s", sc.heading, part, keysDoc)
					}
				}
			}
		}
	}
	for _, b := range []string{"?", "q", "b", "a", "esc"} {
		if !strings.Contains(doc, "| `"+b+"`") {
			t.Errorf("general key %q missing from %s", b, keysDoc)
		}
	}
}
