package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/store/safefile"
)

// The output boundary. Everything a command prints passes content.Sanitize
// (Main wraps stdout and stderr in safeWriter), so a file name, an answer,
// a condition from --inhoud or a library message can never send a control
// sequence to the terminal: it shows up as \x1b instead. The one exception
// is text Glamour rendered for the terminal, whose own styling is written
// to the unwrapped stdout after its input was sanitised.

// safeWriter sanitises every write. Commands write whole messages with
// one Fprintf, so a rune is never split between writes.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.w, content.Sanitize(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// safeOutput prepares a result (Markdown, HTML or JSON) for a file or the
// screen. JSON gets JSON escapes (\u001b, \u202e), which keep the values
// the same for a script; the rest gets content.Sanitize.
func safeOutput(format string, text []byte) []byte {
	if format == "json" {
		return jsonSafe(text)
	}
	return []byte(content.Sanitize(string(text)))
}

// jsonSafe escapes, inside JSON text, the runes that a terminal acts on.
// encoding/json leaves DEL, the C1 controls and bidi overrides as they
// are; as \uXXXX escapes they mean the same to a JSON reader.
func jsonSafe(data []byte) []byte {
	s := string(data)
	if content.Sanitize(s) == s {
		return data
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(`\ufffd`)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case content.Sanitize(string(r)) != string(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return []byte(b.String())
}

// fileReason is the Dutch reason a file operation failed.
func fileReason(err error) string { return safefile.Reason(err) }
