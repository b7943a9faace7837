package report

import (
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Text makes text that is not our own Markdown (a file name, an answer,
// an error message, content from --inhoud) safe to put into Markdown: it
// stays one line of literal text, never a link, image, HTML tag, entity,
// emphasis or table cell border. Control sequences become visible escapes
// (content.Sanitize), so the same string is safe on a terminal too.
//
// So `<javascript:alert(1)>`, `[x](&#106;avascript:…)` and
// `[klik](http:evil)` in a team's file name come out as those characters.
func Text(s string) string {
	s = content.SanitizeLine(strings.Join(strings.Fields(s), " "))
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if strings.ContainsRune(markdownSpecial, r) {
			b.WriteByte('\\')
		} else if i == 0 && strings.ContainsRune(lineStart, r) {
			// "- x", "+ x", "= x" or "1. x" at the start of a line would
			// start a list or underline a heading.
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1." or "1)" at the start makes an ordered list.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// markdownSpecial are the characters that start Markdown syntax anywhere
// in a line. Escaping "&" keeps entities (&#106;) literal; "<" keeps out
// autolinks and HTML; "[", "]", "(", ")" and "!" links and images.
const markdownSpecial = "\\`*_[]()<>#|!&~"

// lineStart are the characters that are Markdown only at a line's start.
const lineStart = "-+=>"
