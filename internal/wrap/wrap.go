// Package wrap breaks plain text into lines at spaces. Terminal wrappers
// also break at hyphens, which cut URLs and paths in two; here a word
// that fits on a line is never split.
//
// A word wider than the line (a long URL or path) is kept whole by Words
// and Indent: for text that a terminal or a file wraps softly (the line
// mode, piped output), where the word can still be selected and copied
// in one piece. Break and BreakIndent, for the full-screen program,
// start it on a new line and break it at the width, with nothing added
// or lost: a full screen cuts a line wider than the window, so breaking
// is the only way to keep every character visible.
package wrap

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Words wraps s at width w (at least 10). Existing line breaks are kept;
// a word longer than w stands whole on its own line.
func Words(s string, w int) string { return wrapAll(s, w, false) }

// Break is Words, but a word longer than w is broken at w.
func Break(s string, w int) string { return wrapAll(s, w, true) }

// Indent wraps s after prefix and indents the following lines to match.
func Indent(prefix, s string, w int) string { return indent(prefix, s, w, false) }

// BreakIndent is Indent, but a word longer than the line is broken.
func BreakIndent(prefix, s string, w int) string { return indent(prefix, s, w, true) }

func wrapAll(s string, w int, hard bool) string {
	w = max(w, 10)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, words(para, w, hard)...)
	}
	return strings.Join(out, "\n")
}

func words(para string, w int, hard bool) []string {
	// Leading spaces are indentation and stay.
	trimmed := strings.TrimLeft(para, " ")
	indent := para[:len(para)-len(trimmed)]
	fields := strings.Fields(trimmed)
	if len(fields) == 0 {
		return []string{strings.TrimRight(para, " ")}
	}
	var lines []string
	line := indent
	iw := ansi.StringWidth(indent)
	lw := iw
	empty := true
	avail := max(w-iw, 1)
	for _, f := range fields {
		fw := ansi.StringWidth(f)
		if hard && fw > avail {
			if !empty {
				lines = append(lines, line)
			}
			parts := strings.Split(ansi.Hardwrap(f, avail, false), "\n")
			for _, p := range parts[:len(parts)-1] {
				lines = append(lines, indent+p)
			}
			last := parts[len(parts)-1]
			line, lw, empty = indent+last, iw+ansi.StringWidth(last), false
			continue
		}
		switch {
		case empty:
			line += f
			lw += fw
			empty = false
		case lw+1+fw <= w:
			line += " " + f
			lw += 1 + fw
		default:
			lines = append(lines, line)
			line, lw = indent+f, iw+fw
		}
	}
	return append(lines, line)
}

func indent(prefix, s string, w int, hard bool) string {
	pw := ansi.StringWidth(prefix)
	lines := strings.Split(wrapAll(s, w-pw, hard), "\n")
	pad := strings.Repeat(" ", pw)
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
