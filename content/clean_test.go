package content

import (
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
