package report

import (
	"strings"
	"testing"
)

func TestTextIsLiteralInMarkdown(t *testing.T) {
	for _, s := range []string{
		"<javascript:alert(1)>", "[x](&#106;avascript:alert(1))", "[klik](http:evil)", "![img](https://evil.example/p.png)",
		"*vet* _schuin_ `code` ~weg~", "team|a.toml", "# kop", "- lijst", "1. lijst", "<script>alert(1)</script>", "&amp; &#x6a;",
		"a\\b", "regel 1\nregel 2",
	} {
		html := renderBody(t, "Bestand: "+Text(s)+"\n")
		want := "Bestand: " + htmlEscape(strings.Join(strings.Fields(s), " "))
		if !strings.Contains(html, want) {
			t.Errorf("Text(%q) renders as\n%s\nwant the literal text %q", s, html, want)
		}
		if strings.Contains(html, "<a") || strings.Contains(html, "<img") || strings.Contains(html, "<em") || strings.Contains(html, "<code") {
			t.Errorf("Text(%q) became markup: %s", s, html)
		}
	}
	// At the start of a line too: no list, no heading, no quote.
	for _, s := range []string{"- x", "+ x", "1. x", "12) x", "# x", "> x", "=== x"} {
		html := renderBody(t, Text(s)+"\n")
		if strings.TrimSpace(html) != "<p>"+htmlEscape(s)+"</p>" {
			t.Errorf("Text(%q) at a line start renders as %q", s, html)
		}
	}
}

func TestTextShowsControlSequences(t *testing.T) {
	got := Text("a\x1b]0;titel\x07b\u202e")
	if strings.ContainsAny(got, "\x1b\x07\u202e") || !strings.Contains(got, `\\x1b`) {
		t.Errorf("Text = %q", got)
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
