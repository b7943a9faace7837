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
// accents removed and Greek and Cyrillic letters transliterated (Zoë
// becomes zoe, Ольга olga), no leading dot or hyphen, at most
// maxFileBytes long. It returns "" when nothing usable is left (日本: the
// room then gives a deelnemer-N name). Names that differ only in case,
// accents or punctuation share a file, so "Team B" rejoins as "team-b".
func FileName(s string) string {
	// NFKD also splits compatibility forms: ﬁ, full-width Ａ, ².
	s = norm.NFKD.String(strings.ToLower(DisplayName(s)))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue // an accent split off: é becomes e
		}
		latin, known := string(r), true
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			latin, known = translit[r]
		}
		if latin == "" {
			dash = dash || !known // a soft sign (ь) is left out, not a break
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(latin)
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

// translit spells letters that NFKD does not take apart in a-z: the
// common ones of European languages, Greek and Cyrillic (lower case; the
// name is lowered first).
var translit = func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
		'ŋ': "ng", 'ĳ': "ij",
	}
	add := func(letters string, latin ...string) {
		for i, r := range []rune(letters) {
			m[r] = latin[i]
		}
	}
	add("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
		"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
		"kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "i", "ye", "g")
	add("αβγδεζηθικλμνξοπρσςτυφχψω",
		"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f",
		"ch", "ps", "o")
	return m
}()

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
