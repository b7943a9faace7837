package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sanitize is the output boundary for text that came from outside the
// program (file names, answers, content from --inhoud, library messages):
// it makes every character that a terminal could act on visible instead.
// ESC and the other C0 controls, DEL, the C1 controls (U+0080–U+009F,
// U+009B is a one-byte CSI), bidirectional overrides and isolates, and
// bytes that are not UTF-8 become escapes such as \x1b, \u009b or \u202e.
// Newlines and tabs stay: they cannot start a control sequence.
//
// Clean removes such characters from loaded content; Sanitize keeps them
// readable, so a reader sees that a file name or answer holds one.
func Sanitize(s string) string {
	if !needsSanitize(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// SanitizeLine is Sanitize for text that must stay on one line (a file
// name or an answer inside a message): newlines and tabs are escaped too.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(s)
}

func needsSanitize(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			// Non-ASCII: look closer (most Dutch text is ASCII).
			return c < 0x80 || slowNeedsSanitize(s[i:])
		}
	}
	return false
}

func slowNeedsSanitize(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || unsafeRune(r) {
			return true
		}
		i += size
	}
	return false
}

// unsafeRune reports the non-ASCII runes a terminal or a bidi algorithm
// acts on: C1 controls, the line and paragraph separators, and the
// directional marks, embeddings, overrides and isolates ("Trojan Source").
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u2028' && r <= '\u202e':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}
