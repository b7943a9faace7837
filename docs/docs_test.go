// Package docs holds the user guides, one per audience. Its test keeps
// the README short and every link between the guides working.
package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// guides are the files a reader moves between; all must exist.
var guides = []string{
	"../README.md",
	"docenten.md",
	"trainers.md",
	"instellingen.md",
	"ontwikkelaars.md",
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("guide missing: %v", err)
	}
	return string(data)
}

// Issue 18: a teacher starts from the README, so it stays short and shows
// how to start the program early.
func TestREADMEShort(t *testing.T) {
	lines := strings.Split(read(t, "../README.md"), "\n")
	if len(lines) > 201 { // a final newline adds one empty element
		t.Errorf("README.md has %d lines, want at most 200", len(lines)-1)
	}
	first := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "```sh") {
			first = i + 2 // the command is on the line after the fence, 1-based
			break
		}
	}
	if first < 0 || first > 40 {
		t.Errorf("first command of README.md on line %d, want by line 40", first)
	}
}

var linkRe = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// Every relative link between README and guides points to a file that
// exists and, with a #part, to a heading in it.
func TestGuideLinks(t *testing.T) {
	for _, g := range guides {
		text := read(t, g)
		for _, m := range linkRe.FindAllStringSubmatch(stripCode(text), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			file, anchor, _ := strings.Cut(target, "#")
			path := g
			if file != "" {
				path = filepath.Join(filepath.Dir(g), file)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("%s: link %q: %v", g, target, err)
				continue
			}
			if anchor == "" || !strings.HasSuffix(path, ".md") {
				continue
			}
			if !anchors(read(t, path))[anchor] {
				t.Errorf("%s: link %q: no heading with that anchor in %s", g, target, path)
			}
		}
	}
}

// stripCode drops fenced code blocks, whose text is not a link.
func stripCode(text string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			in = !in
			continue
		}
		if !in {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// anchors returns the heading anchors as GitHub makes them: lower case,
// letters, digits, '-' and '_' kept, spaces to '-', the rest dropped.
func anchors(text string) map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(stripCode(text), "\n") {
		if !strings.HasPrefix(l, "#") {
			continue
		}
		title := strings.TrimSpace(strings.TrimLeft(l, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(title) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		out[b.String()] = true
	}
	return out
}

// CI ends with the test command the README gives a developer, so a new
// user runs what CI runs.
func TestCIRunsTheREADMETestCommand(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "go test ./..."
	if !strings.Contains(string(readme), "\n  "+cmd+"\n") {
		t.Errorf("README.md shows no %q", cmd)
	}
	lines := strings.Split(strings.TrimSpace(string(ci)), "\n")
	if last := strings.TrimSpace(lines[len(lines)-1]); last != cmd {
		t.Errorf(".ci/run ends with %q, want the README's %q", last, cmd)
	}
}
