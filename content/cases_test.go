package content

import (
	"strings"
	"testing"
)

func TestCasesEmbedded(t *testing.T) {
	cs, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 6 {
		t.Fatalf("%d cases, want at least 6", len(cs))
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if c.Title == "" || len(c.Story) < 80 {
			t.Errorf("%s: title %q, story of %d characters", c.File, c.Title, len(c.Story))
		}
		if strings.Contains(c.Story, "\n") || strings.Contains(c.Story, `\`) {
			t.Errorf("%s: story is not one paragraph: %q", c.File, c.Story)
		}
		if seen[c.Title] {
			t.Errorf("%s: title used twice", c.File)
		}
		seen[c.Title] = true
		if strings.Contains(string(c.Answers), "[casus]") {
			t.Errorf("%s: [casus] not stripped", c.File)
		}
	}
}

func TestSplitCase(t *testing.T) {
	src := "versie = 1\n[antwoorden]\nrol = \"docent\"\n[casus]\ntitel = \"T\"\nverhaal = '''\n[niet een tabel]\nnog tekst'''\n[daarna]\nx = 1\n"
	info, rest, found, err := SplitCase("c.toml", []byte(src))
	if err != nil || !found {
		t.Fatalf("found %v, err %v", found, err)
	}
	if info.Title != "T" || info.Story != "[niet een tabel]\nnog tekst" {
		t.Errorf("info = %+v", info)
	}
	want := "versie = 1\n[antwoorden]\nrol = \"docent\"\n\n\n\n\n\n[daarna]\nx = 1\n"
	if string(rest) != want {
		t.Errorf("rest = %q\nwant %q (same line numbers, [casus] blanked)", rest, want)
	}

	// No [casus]: the data comes back unchanged.
	plain := "versie = 1\n[antwoorden]\n"
	_, rest, found, err = SplitCase("a.toml", []byte(plain))
	if err != nil || found || string(rest) != plain {
		t.Errorf("no casus: found %v, err %v, rest %q", found, err, rest)
	}

	bad := []struct{ src, want string }{
		{"versie = 1\n\n[casus]\ntitel = \"T\"\nverhal = \"x\"\n", `c.toml, regel 5: onbekende sleutel "verhal" in [casus]`},
		{"versie = 1\n[casus]\nverhaal = \"x\"\n", "c.toml, regel 2: [casus] heeft geen titel"},
		{"versie = 1\n[casus]\ntitel = \"T\"\nverhaal = x\n", "c.toml, regel 4: de tabel [casus] is geen geldige TOML"},
	}
	for _, b := range bad {
		_, _, _, err := SplitCase("c.toml", []byte(b.src))
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%q: err %v, want %q", b.src, err, b.want)
		}
	}
}
