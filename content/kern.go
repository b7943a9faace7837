package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// KeyText is what a short summary shows of a finding under its title: the
// key sentences ("kern") when each stands verbatim in the text, otherwise
// the whole text. A summary never shows a sentence the finding does not
// say.
func (f *Finding) KeyText() string {
	if strings.TrimSpace(f.Key) == "" || KeyProblem(f.Key, f.Text) != "" {
		return f.Text
	}
	return f.Key
}

// KeyProblem says why key cannot stand for text: one of its sentences is
// not, word for word, a sentence of text. Empty when key is empty or fine.
func KeyProblem(key, text string) string {
	whole := map[string]bool{}
	for _, s := range Sentences(text) {
		whole[s] = true
	}
	for _, s := range Sentences(key) {
		// A whole sentence of the text, so no half sentence gets in.
		if !whole[s] {
			return fmt.Sprintf("\"kern\" moet zinnen uit \"tekst\" overnemen, woord voor woord; deze zin staat niet in de tekst: %q", s)
		}
	}
	return ""
}

// Sentences splits text at ". ", "? " and "! " followed by a capital
// letter, so "art. 7.2.7" and "bijv. een" do not end a sentence.
func Sentences(text string) []string {
	text = foldSpace(text)
	var out []string
	start := 0
	for i := 0; i+2 < len(text); i++ {
		if strings.ContainsRune(".?!", rune(text[i])) && text[i+1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(text[i+2:]); unicode.IsUpper(r) {
				out = append(out, text[start:i+1])
				start = i + 2
			}
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

func foldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
