package report

import (
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// esc makes outside text (a file name, an error message, an answer) safe
// to put into Markdown: control characters and terminal escapes removed,
// one line, and every character that Markdown or GFM would read as syntax
// escaped, so "*concept*.toml" stays a name and "<script>" stays text.
func esc(s string) string { return mdEscape(oneLine(content.Clean(s))) }

// escList escapes each item and joins them with ", ".
func escList(items []string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = esc(it)
	}
	return strings.Join(out, ", ")
}

// mdEscape keeps text literal in Markdown: emphasis, code, links, HTML,
// headings, table cells, strikethrough and entities. "://" and "www." are
// broken up so the HTML handout does not turn a name into a link.
func mdEscape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_[]<>#|~&!", r):
			b.WriteByte('\\')
		case r == ':' && strings.HasPrefix(s[i:], "://"):
			b.WriteByte('\\')
		case r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Text is esc for callers outside this package and for text that may
// start a line: control characters stay visible as escapes (\x1b,
// content.SanitizeLine) instead of being removed, so a reader sees that a
// name holds one, and a list or heading marker at the start is escaped
// too ("- x", "1. x", "= x"). So `<javascript:…>`, `[x](&#106;avascript:…)`
// and `[klik](http:evil)` in a team's file name stay those characters.
func Text(s string) string {
	out := mdEscape(content.SanitizeLine(oneLine(s)))
	if out != "" && strings.ContainsRune("-+=>", rune(out[0])) {
		out = "\\" + out
	}
	// "1." or "1)" at the start makes an ordered list.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}
