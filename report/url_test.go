package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// onlyURL is true for a rendered line that holds nothing but a URL.
func onlyURL(line string) bool {
	f := strings.Fields(line)
	return len(f) == 1 && bareURL.MatchString(f[0]) && bareURL.FindString(f[0]) == f[0]
}

// osc8 finds the target of each OSC 8 hyperlink.
var osc8 = regexp.MustCompile(`\x1b\]8;[^;]*;([^\x07\x1b]*)(?:\x07|\x1b\\)`)

// Glamour breaks a word longer than the line inside the word
// (".../brochure-" / "ruimte-in-regels"); a URL must stay whole, on a line
// of its own when it does not fit, so it can be clicked and copied.
func TestTerminalKeepsURLsWhole(t *testing.T) {
	s := voorbeeld(t)
	md := Markdown(s)
	long := 0
	for _, width := range []int{80, 40} {
		for _, opt := range []TerminalOptions{{}, {Light: true}, {NoColor: true}, {PlainText: true}} {
			out, err := Terminal(md, width, opt)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out, "qqafstandswijzerurl") {
				t.Fatalf("%d %+v: a placeholder leaked into the output", width, opt)
			}
			lines := strings.Split(ansi.Strip(out), "\n")
			for _, r := range s.Sources {
				found := false
				for _, l := range lines {
					if strings.Contains(l, r.URL) {
						found = true
						if len(r.URL) > TextWidth(width)-urlIndent && !onlyURL(l) {
							t.Errorf("%d %+v: a long URL shares its line: %q", width, opt, l)
						}
					}
				}
				if !found {
					t.Errorf("%d %+v: %s is not whole on one line", width, opt, r.URL)
				}
				if len(r.URL) > TextWidth(width)-urlIndent {
					long++
				}
			}
			for _, l := range lines {
				if l = strings.TrimRight(l, " "); ansi.StringWidth(l) > TextWidth(width) && !onlyURL(l) {
					t.Errorf("%d %+v: a line wider than the text: %q", width, opt, l)
				}
			}
			// A restored URL is a hyperlink like the others, except in
			// plain text, which has no escape codes at all.
			if !opt.PlainText {
				links := map[string]bool{}
				for _, m := range osc8.FindAllStringSubmatch(out, -1) {
					links[m[1]] = true
				}
				for _, r := range s.Sources {
					if !links[r.URL] {
						t.Errorf("%d %+v: %s is not a hyperlink", width, opt, r.URL)
					}
				}
			}
		}
	}
	if long == 0 {
		t.Fatal("no URL in the example is longer than a line; the test proves nothing")
	}
}

// Text around a long URL keeps its place: the URL goes back where it was,
// and a URL in running text is not moved.
func TestTerminalLongURLInText(t *testing.T) {
	u := "https://example.org/" + strings.Repeat("a", 90) + "/pagina"
	out, err := Terminal("Lees "+u+", en daarna dit.\n", 80, TerminalOptions{PlainText: true})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(out), " ")
	if got != "Lees "+u+", en daarna dit." {
		t.Errorf("got %q", got)
	}
}
