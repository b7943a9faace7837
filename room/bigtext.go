package room

import (
	"crypto/rand"
	"strings"
)

// codeAlphabet has only characters that cannot be mistaken for another
// one when read from a projector or typed: no 0/O, 1/I/l, 2/Z, 5/S, 8/B.
const codeAlphabet = "ACEFHKMNPRTUWXY3479"

// codeLen is the length of a generated room code.
const codeLen = 6

// NewCode returns a random room code of codeLen easy characters.
func NewCode() string {
	b := make([]byte, codeLen)
	for i := range b {
		b[i] = codeAlphabet[randIndex(len(codeAlphabet))]
	}
	return string(b)
}

// randIndex returns a uniform random number in [0, n) for n < 256.
func randIndex(n int) int {
	limit := 256 - 256%n
	var buf [1]byte
	for {
		_, _ = rand.Read(buf[:]) // never fails on supported platforms
		if int(buf[0]) < limit {
			return int(buf[0]) % n
		}
	}
}

// glyphs draws A-Z and 0-9 five lines high, five columns wide: the
// generated codes use codeAlphabet, a trainer's own --code any of them
// (0 has a slash, so it differs from O).
var glyphs = map[rune][5]string{
	'A': {" ███ ", "█   █", "█████", "█   █", "█   █"},
	'B': {"████ ", "█   █", "████ ", "█   █", "████ "},
	'C': {" ████", "█    ", "█    ", "█    ", " ████"},
	'D': {"████ ", "█   █", "█   █", "█   █", "████ "},
	'E': {"█████", "█    ", "████ ", "█    ", "█████"},
	'F': {"█████", "█    ", "████ ", "█    ", "█    "},
	'G': {" ████", "█    ", "█  ██", "█   █", " ████"},
	'H': {"█   █", "█   █", "█████", "█   █", "█   █"},
	'I': {"█████", "  █  ", "  █  ", "  █  ", "█████"},
	'J': {"█████", "   █ ", "   █ ", "█  █ ", " ██  "},
	'K': {"█   █", "█  █ ", "███  ", "█  █ ", "█   █"},
	'L': {"█    ", "█    ", "█    ", "█    ", "█████"},
	'M': {"█   █", "██ ██", "█ █ █", "█   █", "█   █"},
	'N': {"█   █", "██  █", "█ █ █", "█  ██", "█   █"},
	'O': {" ███ ", "█   █", "█   █", "█   █", " ███ "},
	'P': {"████ ", "█   █", "████ ", "█    ", "█    "},
	'Q': {" ███ ", "█   █", "█ █ █", "█  █ ", " ██ █"},
	'R': {"████ ", "█   █", "████ ", "█  █ ", "█   █"},
	'S': {" ████", "█    ", " ███ ", "    █", "████ "},
	'T': {"█████", "  █  ", "  █  ", "  █  ", "  █  "},
	'U': {"█   █", "█   █", "█   █", "█   █", " ███ "},
	'V': {"█   █", "█   █", "█   █", " █ █ ", "  █  "},
	'W': {"█   █", "█   █", "█ █ █", "██ ██", "█   █"},
	'X': {"█   █", " █ █ ", "  █  ", " █ █ ", "█   █"},
	'Y': {"█   █", " █ █ ", "  █  ", "  █  ", "  █  "},
	'Z': {"█████", "   █ ", "  █  ", " █   ", "█████"},
	'0': {" ███ ", "█  ██", "█ █ █", "██  █", " ███ "},
	'1': {"  █  ", " ██  ", "  █  ", "  █  ", " ███ "},
	'2': {" ███ ", "█   █", "  ██ ", " █   ", "█████"},
	'3': {"████ ", "    █", " ███ ", "    █", "████ "},
	'4': {"█   █", "█   █", "█████", "    █", "    █"},
	'5': {"█████", "█    ", "████ ", "    █", "████ "},
	'6': {" ███ ", "█    ", "████ ", "█   █", " ███ "},
	'7': {"█████", "    █", "   █ ", "  █  ", "  █  "},
	'8': {" ███ ", "█   █", " ███ ", "█   █", " ███ "},
	'9': {" ███ ", "█   █", " ████", "    █", " ███ "},
}

// BigText draws code in large capitals, or returns "" when it would not
// fit in width columns (or holds a character CheckCode refuses).
func BigText(code string, width int) string {
	rs := []rune(strings.ToUpper(code))
	if len(rs) == 0 || len(rs)*6-1 > width {
		return ""
	}
	var lines [5]strings.Builder
	for i, r := range rs {
		g, ok := glyphs[r]
		if !ok {
			return ""
		}
		for l := range lines {
			if i > 0 {
				lines[l].WriteByte(' ')
			}
			lines[l].WriteString(g[l])
		}
	}
	out := make([]string, 5)
	for l := range lines {
		out[l] = strings.TrimRight(lines[l].String(), " ")
	}
	return strings.Join(out, "\n")
}
