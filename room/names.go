package room

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// maxNameRunes bounds a participant's name on screens; maxFileBytes the
// file name made from it (without ".toml").
const (
	maxNameRunes = 30
	maxFileBytes = 30
)

// DisplayName makes a participant's name safe to show: no control or
// escape sequences (content.Clean), one line, at most maxNameRunes.
func DisplayName(s string) string {
	s = strings.Join(strings.Fields(content.Clean(s)), " ")
	r := []rune(s)
	if len(r) > maxNameRunes {
		s = strings.TrimSpace(string(r[:maxNameRunes]))
	}
	return s
}

// FileName turns a name into a file name without extension that is safe
// on Windows, macOS and Linux: lower-case a-z, 0-9 and single hyphens,
// accents removed, no leading dot or hyphen, at most maxFileBytes long.
// It returns "" when nothing usable is left. Names that differ only in
// case, accents or punctuation share a file, so "Team B" rejoins as
// "team-b".
func FileName(s string) string {
	s = norm.NFD.String(strings.ToLower(DisplayName(s)))
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// An accent split off by NFD: é becomes e.
		case r == 'ß':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString("ss")
		default:
			dash = true
		}
		if b.Len() >= maxFileBytes {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > maxFileBytes {
		out = strings.TrimRight(out[:maxFileBytes], "-")
	}
	if reservedName(out) {
		out = "deelnemer-" + out
	}
	return out
}

// reservedName reports the device names Windows does not allow as a file
// name (also with an extension), so the folder can be copied there.
func reservedName(s string) bool {
	switch s {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(s) == 4 && (strings.HasPrefix(s, "com") || strings.HasPrefix(s, "lpt")) && s[3] >= '0' && s[3] <= '9' {
		return true
	}
	return false
}
