package report

import (
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// esc makes outside text (a file name, an error message, an answer) safe
// to put into Markdown: control characters and bidi overrides shown as
// visible escapes (\x1b, \u202e: the reader sees that a name holds one,
// as the README promises), one line, and every character that Markdown or
// GFM would read as syntax escaped, so "*concept*.toml" stays a name and
// "<script>" stays text. Content text was already cleaned at load, so it
// passes unchanged.
func esc(s string) string { return mdEscape(oneLine(content.Sanitize(s))) }

// escList escapes each item and joins them with ", ".
func escList(items []string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = esc(it)
	}
	return strings.Join(out, ", ")
}

// mdEscape keeps text literal in Markdown: emphasis, code, links, HTML,
// headings, table cells, strikethrough and entities. "!" is left alone:
// "![" cannot start an image once "[" is escaped, and "Kahoot\!" would be
// a visible escape in the Markdown file. "://" and "www." are
// broken up so the HTML handout does not turn a name into a link.
func mdEscape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case strings.ContainsRune("\\`*_[]<>#|~&", r):
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
