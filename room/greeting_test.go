package room

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The ssh greeting fits 80 columns and breaks only between words.
func TestBannerWrapsBetweenWords(t *testing.T) {
	text := strings.Join(strings.Fields(bannerText), " ")
	var words []string
	for _, l := range strings.Split(strings.TrimRight(banner, "\n"), "\n") {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("line of %d characters: %q", n, l)
		}
		words = append(words, strings.Fields(l)...)
	}
	if got := strings.Join(words, " "); got != text {
		t.Errorf("a word is broken:\n%s", banner)
	}
	if !strings.Contains(banner, "Typ dan ook de code.") && !strings.Contains(banner, "Typ dan ook de\ncode.") {
		t.Errorf("greeting: %q", banner)
	}
}

// A participant in the line mode (ssh -T) hears first where the answers
// go, as the welcome screen says in the full screen.
func TestPlainModeSaysWhereAnswersGo(t *testing.T) {
	s, _, _ := startRoom(t, testConfig(t))
	tm := openTerm(t, s, "tess", false)
	tm.waitText("Hoe heet je")
	before, _, _ := strings.Cut(tm.screen(), "Hoe heet je")
	flat := strings.Join(strings.Fields(before), " ")
	for _, want := range []string{"bewaard op de computer van de trainer", "De trainer kan ze bekijken en vergelijken", "ook niet naar internet"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q is not before the first question:\n%s", want, tm.screen())
		}
	}
	for _, l := range strings.Split(before, "\n") {
		if utf8.RuneCountInString(strings.TrimRight(l, "\r")) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}
