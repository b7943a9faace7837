package tui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// keysDoc is where the key tables live since the README was split by
// audience (issue 18).
const keysDoc = "../docs/docenten.md"

// keyTables returns, per "#### " part of the teachers' guide's "### Toetsen"
// part, the keys in the first column of its "| Toets |" tables; "" is the
// general part before the first "#### ".
func keyTables(t *testing.T) map[string][]string {
	data, err := os.ReadFile(keysDoc)
	if err != nil {
		t.Fatalf("the key tables must be in %s: %v", keysDoc, err)
	}
	doc := string(data)
	start := strings.Index(doc, "\n### Toetsen\n")
	if start < 0 {
		t.Fatalf("%s has no part ### Toetsen", keysDoc)
	}
	doc = doc[start+1:]
	if end := strings.Index(doc, "\n## "); end >= 0 {
		doc = doc[:end]
	}
	tick := regexp.MustCompile("`([^`]+)`")
	out := map[string][]string{}
	part, inTable := "", false
	for _, l := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(l, "#### "):
			part, inTable = strings.TrimPrefix(l, "#### "), false
		case strings.HasPrefix(l, "| Toets |"):
			inTable = true
		case !strings.HasPrefix(l, "|"):
			inTable = false
		case inTable && !strings.HasPrefix(l, "|---"):
			first := strings.Split(l, "|")[1]
			for _, m := range tick.FindAllStringSubmatch(first, -1) {
				out[part] = append(out[part], m[1])
			}
		}
	}
	return out
}

// helpParts are the keys a binding's help names ("↑/k" is ↑ and k; "1-5"
// is 1) and the keys it really has.
func helpParts(b key.Binding) []string {
	parts := strings.Split(b.Help().Key, "/")
	if b.Help().Key == "/" {
		parts = []string{"/"}
	}
	for i, p := range parts {
		if len(p) == 3 && p[1] == '-' {
			parts[i] = p[:1]
		}
	}
	return append(parts, b.Keys()...)
}

// docScreens opens each screen with a table, in the states that add keys
// (the explanation open, multiple choice, searching).
func docScreens(t *testing.T) map[string][][][]key.Binding {
	out := map[string][][][]key.Binding{}
	add := func(part string, m *app) {
		out[part] = append(out[part], m.top().keys(m.c).full)
	}
	for _, sc := range []struct {
		part string
		keys []string
	}{
		{"Welkom", nil},
		{"Vraag", []string{"2", "enter"}},
		{"Vraag", []string{"2", "enter", "w"}},
		{"Je antwoorden", []string{"enter"}},
		{"Samenvatting", []string{"enter", "enter"}},
		{"Links in je samenvatting", []string{"enter", "enter", "l"}},
		{"Alle bronnen", []string{"3", "enter"}},
		{"Alle bronnen", []string{"3", "enter", "/"}},
		{"Begrippen", []string{"i"}},
	} {
		opt, _ := testOptions(t)
		writeSession(t, opt, fullPath(opt.Engine, nil))
		m := newSized(opt, 120, 40)
		press(m, sc.keys...)
		add(sc.part, m)
	}
	opt, _ := testOptions(t)
	m := newSized(opt, 120, 40)
	m.replace(newQuestion(m.c, firstMany(opt.Engine), false))
	add("Vraag", m)
	for _, s := range keyScreens() {
		if s.name == "casus: verhaal" {
			add("Verhaal van een casus", s.open(t))
		}
	}
	p := newCasePicker([]*content.Case{{Name: "a", Title: "A"}, {Name: "b", Title: "B"}, {Name: "c", Title: "C"}}, true)
	p.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	out["Casus kiezen"] = [][][]key.Binding{p.fullKeys()}
	return out
}

// The teachers' guide's key tables follow the program, both ways: every
// key in the full help (?) of every screen is in that screen's table or
// the general one, and every key in a table works on that screen (or
// everywhere). A missing file fails the test: the tables must exist.
func TestDocsKeys(t *testing.T) {
	tables := keyTables(t)
	g, ck, lk := newGlobalKeys(), newConfirmKeys(), newListKeys()
	general := map[string]bool{}
	for _, b := range []key.Binding{g.Help, g.Quit, g.Glossary, g.SaveAnswers, g.Less, ck.Stop, ck.SaveFirst, ck.Stay,
		lk.Up, lk.Down, lk.Top, lk.Bottom, lk.PageUp, lk.PageDown, lk.Pick} {
		for _, p := range helpParts(b) {
			general[p] = true
		}
	}
	inTable := func(part, k string) bool {
		for _, x := range append(append([]string{}, tables[part]...), tables[""]...) {
			if x == k {
				return true
			}
		}
		return false
	}
	for part, states := range docScreens(t) {
		if _, ok := tables[part]; !ok {
			t.Errorf("%s has no table #### %s", keysDoc, part)
			continue
		}
		have := map[string]bool{}
		for _, full := range states {
			for _, col := range full {
				for _, b := range col {
					for i, p := range helpParts(b) {
						have[p] = true
						if i < len(strings.Split(b.Help().Key, "/")) && !inTable(part, p) {
							t.Errorf("%s: key %q (%s) missing from %s", part, p, b.Help().Desc, keysDoc)
						}
					}
				}
			}
		}
		for _, k := range tables[part] {
			if len(k) == 1 && k >= "1" && k <= "9" {
				k = "1" // `1`-`9`: the number keys
			}
			if !have[k] && !general[k] {
				t.Errorf("%s: the table names %q, but that key does not work there", part, k)
			}
		}
	}
	for _, k := range tables[""] {
		if !general[k] {
			t.Errorf("general table: %q is no key that works everywhere", k)
		}
	}
	for _, b := range []string{"?", "q", "i", "a", "esc"} {
		if !inTable("", b) {
			t.Errorf("general key %q missing from %s", b, keysDoc)
		}
	}
}
