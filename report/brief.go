package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// linker links each glossary term at its first use: "BOT" becomes
// [BOT](#begrip-bot) once, and the glossary lists the terms that were
// linked, in the order they were first used.
type linker struct {
	terms []term
	pats  [][]string
	done  map[string]bool
	order []term
}

func newLinker(terms []term) *linker {
	l := &linker{terms: terms, done: map[string]bool{}}
	for _, t := range terms {
		pats := append([]string{oneLine(t.Name)}, t.Words...)
		if len(t.Words) == 0 {
			pats = termPatterns(t.Name)
		}
		l.pats = append(l.pats, pats)
	}
	return l
}

// termPatterns are the words a term is found by: its name, and for a name
// like "Begeleide onderwijstijd (BOT)" also each part on its own.
func termPatterns(name string) []string {
	name = oneLine(name)
	pats := []string{name}
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		pats = append(pats, name[:i], name[i+2:len(name)-1])
	}
	var out []string
	for _, p := range pats {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Anchor is the in-page link target of a glossary term; the HTML handout
// gives the term's entry this id.
func Anchor(name string) string {
	var b strings.Builder
	b.WriteString("begrip-")
	dash := false
	for _, r := range strings.ToLower(oneLine(name)) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// link links the first use of each term not linked yet in text (plain,
// one-line text). Only whole words match; a term in capitals (BOT, OR)
// matches only in capitals, so "or" in a URL or a sentence stays text.
func (l *linker) link(text string) string {
	type hit struct {
		start, end int
		t          term
	}
	var hits []hit
	for i, t := range l.terms {
		if l.done[t.ID] {
			continue
		}
		best := hit{start: -1}
		for _, p := range l.pats[i] {
			if at := findWord(text, p); at >= 0 && (best.start < 0 || at < best.start) {
				best = hit{start: at, end: at + len(p), t: t}
			}
		}
		if best.start >= 0 {
			hits = append(hits, best)
		}
	}
	if len(hits) == 0 {
		return text
	}
	// Earliest first; a match inside an earlier one is dropped (and its
	// term waits for its next use).
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var b strings.Builder
	pos := 0
	for _, h := range hits {
		if h.start < pos {
			continue
		}
		b.WriteString(text[pos:h.start])
		b.WriteString("[" + text[h.start:h.end] + "](#" + Anchor(h.t.Name) + ")")
		pos = h.end
		l.done[h.t.ID] = true
		l.order = append(l.order, h.t)
	}
	b.WriteString(text[pos:])
	return b.String()
}

// used lists the linked terms in order of first use.
func (l *linker) used() []term { return l.order }

// findWord finds p in s as a whole word: not inside a longer word, a URL or
// a path. A word in capitals matches only in capitals; another word also
// matches with a capital first letter (at the start of a sentence).
func findWord(s, p string) int {
	acronym := strings.ToUpper(p) == p
	for i := 0; i+len(p) <= len(s); i++ {
		w := s[i : i+len(p)]
		if acronym {
			if w != p {
				continue
			}
		} else if !strings.EqualFold(w, p) || w[1:] != p[1:] {
			continue
		}
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			if wordRune(r) || r == '/' || r == '.' || r == '[' || r == '#' {
				continue
			}
		}
		if i+len(p) < len(s) {
			r, _ := utf8.DecodeRuneInString(s[i+len(p):])
			if wordRune(r) || r == '/' || r == ']' || r == '(' && strings.HasPrefix(s[i+len(p):], "(#") {
				continue
			}
		}
		return i
	}
	return -1
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' }
