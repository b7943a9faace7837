package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestKeyProblem(t *testing.T) {
	text := "Lesgeven op afstand was een uitdaging. Vooral hybride lessen, waarin een deel thuis zit, vroegen veel. Zie art. 7.2.7 voor meer."
	for _, c := range []struct {
		key string
		ok  bool
	}{
		{"", true},
		{"Vooral hybride lessen, waarin een deel thuis zit, vroegen veel.", true},
		{"Lesgeven op afstand was een uitdaging.  Vooral hybride lessen, waarin een deel\n thuis zit, vroegen veel.", true},
		{"Zie art. 7.2.7 voor meer.", true},
		{"Vooral hybride lessen vroegen veel.", false},                                           // words left out
		{"Vooral hybride lessen, waarin een deel thuis zit", false},                              // half a sentence
		{"op afstand was een uitdaging.", false},                                                 // starts mid-sentence
		{"Lesgeven op afstand was geen uitdaging.", false},                                       // meaning changed
		{"Vooral hybride lessen, waarin een deel thuis zit, vroegen veel. Dat is nieuw.", false}, // a sentence added
	} {
		if got := KeyProblem(c.key, text) == ""; got != c.ok {
			t.Errorf("KeyProblem(%q) ok = %v, want %v", c.key, got, c.ok)
		}
	}
}

// A summary never shows a kern that is not the finding's own words: a
// wrong kern falls back to the whole text.
func TestKeyText(t *testing.T) {
	f := &Finding{Text: "Een. Twee drie.", Key: "Twee drie."}
	if f.KeyText() != "Twee drie." {
		t.Errorf("KeyText = %q", f.KeyText())
	}
	f.Key = "Vier."
	if f.KeyText() != f.Text {
		t.Errorf("a wrong kern is shown: %q", f.KeyText())
	}
	f.Key = ""
	if f.KeyText() != f.Text {
		t.Errorf("no kern: %q", f.KeyText())
	}
}

// The loader names the file and line of a kern that is not verbatim.
func TestLoadRejectsWrongKey(t *testing.T) {
	m := defaultFS(t)
	src := string(m["bevindingen.toml"].Data)
	old := `kern = "Vooral de werkdruk die leraren ervoeren, was hoger dan voor de coronacrisis."`
	if !strings.Contains(src, old) {
		t.Fatalf("fixture: %q not in bevindingen.toml", old)
	}
	line := lineOf(src, old)
	m["bevindingen.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, `kern = "De werkdruk van leraren was veel hoger."`, 1))}
	_, err := Load(m)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want Problems, got %v", err)
	}
	for _, p := range ps {
		if p.File == "bevindingen.toml" && p.Line == line && strings.Contains(p.Msg, `"kern"`) && strings.Contains(p.Msg, "welbevinden") {
			return
		}
	}
	t.Fatalf("no problem on bevindingen.toml line %d about kern; got:\n%v", line, err)
}

// Every finding in the default content has a kern, and it is its own
// words: the summary shows the key sentence, not the whole text.
func TestDefaultFindingsHaveKeys(t *testing.T) {
	c, err := Load(Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range c.Findings {
		if strings.TrimSpace(f.Key) == "" {
			t.Errorf("finding %s has no kern", f.ID)
		}
		if p := KeyProblem(f.Key, f.Text); p != "" {
			t.Errorf("finding %s: %s", f.ID, p)
		}
	}
}
