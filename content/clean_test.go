package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestCleanRemovesTerminalControl(t *testing.T) {
	cases := map[string]string{
		"gewoon\ttekst\nmet regels":            "gewoon\ttekst\nmet regels",
		"titel\x1b]0;gehackt\x07 hier":         "titel hier",
		"\x1b[2J\x1b[Hscherm leeg":             "scherm leeg",
		"rood \x1b[31mtekst\x1b[0m":            "rood tekst",
		"bel\x07 en \u009b31m C1":              "bel en 31m C1",
		"omgekeerd \u202egnirts\u202c":         "omgekeerd gnirts",
		"Geen probleem: é ü ‘citaat’ – streep": "Geen probleem: é ü ‘citaat’ – streep",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// A content file with escape sequences loads, but nothing that is shown
// keeps them.
func TestLoadStripsEscapes(t *testing.T) {
	m := defaultFS(t)
	src := string(m["vragen.toml"].Data)
	src = strings.Replace(src, `tekst = "Wat is je rol?"`, `tekst = "Wat is je rol?\u001b]0;gehackt\u0007\u001b[2J"`, 1)
	src = strings.Replace(src, `label = "Docent"`, `label = "\u001b[31mDocent\u001b[0m"`, 1)
	m["vragen.toml"] = &fstest.MapFile{Data: []byte(src)}
	c, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	q := c.Question("rol")
	if q.Text != "Wat is je rol?" || q.Options[0].Label != "Docent" {
		t.Fatalf("escapes kept: %q %q", q.Text, q.Options[0].Label)
	}
}

func TestURLWithControlCharacterRejected(t *testing.T) {
	m := defaultFS(t)
	src := strings.Replace(string(m["bronnen.toml"].Data), `url = "https://`, `url = "https://x\u001b[2J`, 1)
	m["bronnen.toml"] = &fstest.MapFile{Data: []byte(src)}
	if _, err := Load(m); err == nil || !strings.Contains(err.Error(), "alleen volledige https-adressen") {
		t.Fatalf("got %v", err)
	}
}

// bidiControls are every bidirectional control: the Arabic letter mark,
// LRM and RLM, the embeddings and overrides, and the isolates.
var bidiControls = []rune{'\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'}

func TestEveryBidiControl(t *testing.T) {
	for _, r := range bidiControls {
		in := "a" + string(r) + "b"
		if got := Clean(in); got != "ab" {
			t.Errorf("Clean(%q) = %q, want \"ab\"", in, got)
		}
		want := fmt.Sprintf(`a\u%04xb`, r)
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidURLIsStrict(t *testing.T) {
	good := []string{"https://www.mboraad.nl/", "https://zoek.officielebekendmakingen.nl/kst-35925-VIII-189.html", "https://x.nl/a?b=c&d=e#f", "https://x.nl/a%20b", "https://nl.wikipedia.org/wiki/A_(b)"}
	bad := []string{"http://x.nl/", "https://", "x.nl", "https://x<img/src=x/onerror=alert(1)>", "https://x.nl/\"a", "https://x.nl/'a", "https://x.nl/a b",
		"https://x.nl/\u200f", "https://x.nl/\u061c", "https://x.nl/\u202e", "https://x.nl/\x1b[2J", "https://x.nl/\u00e9", "https://x.nl/a\\b", "https://x.nl/[a]", "javascript:alert(1)"}
	for _, u := range good {
		if !validURL(u) {
			t.Errorf("refused %q", u)
		}
	}
	for _, u := range bad {
		if validURL(u) {
			t.Errorf("accepted %q", u)
		}
	}
	// Through the loader, as controleer sees it.
	m := defaultFS(t)
	src := strings.Replace(string(m["bronnen.toml"].Data), `url = "https://`, `url = "https://x<img/src=x/onerror=alert(1)>`, 1)
	m["bronnen.toml"] = &fstest.MapFile{Data: []byte(src)}
	if _, err := Load(m); err == nil || !strings.Contains(err.Error(), "alleen volledige https-adressen") {
		t.Fatalf("got %v", err)
	}
}
