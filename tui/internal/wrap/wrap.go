// Package wrap breaks plain text into lines at spaces only. Terminal
// wrappers also break at hyphens, which cut URLs and paths in two; here a
// word that fits on a line is never split. A word wider than the line (a
// long URL or path) starts on a new line and is broken at the width, with
// nothing added or lost: a terminal cuts a line wider than the window, so
// every character stays visible.
package wrap

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Words wraps s at width w (at least 10). Existing line breaks are kept.
func Words(s string, w int) string {
	w = max(w, 10)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, words(para, w)...)
	}
	return strings.Join(out, "\n")
}

func words(para string, w int) []string {
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
		if fw > avail {
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

// Indent wraps s after prefix and indents the following lines to match.
func Indent(prefix, s string, w int) string {
	pw := ansi.StringWidth(prefix)
	lines := strings.Split(Words(s, w-pw), "\n")
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
