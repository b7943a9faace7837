package report

import (
	"strings"
	"testing"
)

// TestEscIsLiteralInMarkdown: names, answers and error texts put into
// Markdown with esc stay text in the hand-out, never a link, image, tag,
// entity or emphasis.
func TestEscIsLiteralInMarkdown(t *testing.T) {
	for _, s := range []string{
		"<javascript:alert(1)>", "[x](&#106;avascript:alert(1))", "[klik](http:evil)", "![img](https://evil.example/p.png)",
		"*vet* _schuin_ `code` ~weg~", "team|a.toml", "<script>alert(1)</script>", "&amp; &#x6a;", "a\\b", "regel 1\nregel 2",
		"https://evil.example/x", "www.evil.example",
	} {
		html := renderBody(t, "Bestand: "+esc(s)+"\n")
		want := "Bestand: " + htmlEscape(strings.Join(strings.Fields(s), " "))
		if !strings.Contains(html, want) {
			t.Errorf("esc(%q) renders as\n%s\nwant the literal text %q", s, html, want)
		}
		for _, tag := range []string{"<a", "<img", "<em", "<code", "<script", "<del"} {
			if strings.Contains(html, tag) {
				t.Errorf("esc(%q) became markup: %s", s, html)
			}
		}
	}
	// Control characters are shown, not removed: the reader sees that a
	// name holds one (README: "zie je als bijvoorbeeld \x1b").
	got := esc("evil\x1b]0;PWNED\x07\x1b[31mrood\u202e.toml")
	if strings.ContainsAny(got, "\x1b\x07\u202e") {
		t.Errorf("esc left a control character: %q", got)
	}
	want := `evil\x1b]0;PWNED\x07\x1b[31mrood\u202e.toml`
	if html := renderBody(t, got+"\n"); !strings.Contains(html, want) {
		t.Errorf("esc(...) renders as %s, want the visible escapes %s", html, want)
	}
}

func renderBody(t *testing.T, md string) string {
	t.Helper()
	var b strings.Builder
	if err := markdownHTML().Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
