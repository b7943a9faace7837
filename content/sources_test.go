package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// mutate loads the default content with one replacement in file.
func mutate(t *testing.T, file, old, new string) *Content {
	t.Helper()
	m := defaultFS(t)
	src := string(m[file].Data)
	if !strings.Contains(src, old) {
		t.Fatalf("fixture: %q not in %s", old, file)
	}
	m[file] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
	c, err := Load(m)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return c
}

// Every text the default content shows says whose it is (issue 14,
// section 2).
func TestDefaultContentSaysWhoseEveryTextIs(t *testing.T) {
	ps, counts := CheckSources(loaded(t))
	if len(ps) > 0 {
		t.Fatalf("default content:\n%v", ps)
	}
	for _, k := range SourceKinds {
		if counts[k] == 0 {
			t.Errorf("no text of brontype %q: %v", k, counts)
		}
	}
	t.Logf("texts per brontype: %v", counts)
}

// controleer refuses a shown text without brontype, a handreiking text
// with nothing to lean on and a legal text without the advice to check
// the current law; Load still loads them, so an older folder works.
func TestCheckSourcesRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, file, old, new, want string
	}{
		{"action without brontype", "acties.toml", "fase = \"vooraf\"\nbrontype = \"wijzer\"\n", "fase = \"vooraf\"\n", `actie "beleidskaders-navragen" mist "brontype"`},
		{"rule without brontype", "regels.toml", "deel = \"Algemeen\"\nbrontype = \"handreiking\"\n", "deel = \"Algemeen\"\n", `regel "bevoegd-gezag-kwaliteit" mist "brontype"`},
		{"rule actions without brontype", "regels.toml", "acties_brontype = \"wijzer\"\n", "", `regel "or-instemming", acties mist "brontype"`},
		{"question help without brontype", "vragen.toml", "brontype = \"wijzer\"\n", "", `vraag "rol", uitleg mist "brontype"`},
		{"task without brontype", "partijen.toml", "  brontype = \"handreiking\"\n  regel = \"bevoegd-gezag-kwaliteit\"\n", "", `taak van partij "bevoegd_gezag" mist "brontype"`},
		{"term without brontype", "begrippen.toml", "brontype = \"handreiking\"\nregel = \"bot-voorwaarden\"\n", "", `begrip "bot" mist "brontype"`},
		{"example without brontype", "voorbeelden.toml", "brontype = \"inspectie-vo\"\n", "", `voorbeeld "schoolleiders-toegang-lessen" mist "brontype"`},
		{"finding without brontype", "bevindingen.toml", "brontype = \"inspectie-vo\"\n", "", `bevinding "didactisch-handelen" mist "brontype"`},
		{"note without brontype", "meta.toml", "brontype = \"wijzer\"\n", "", `bot_noot mist "brontype"`},
		{"handreiking action without quote", "acties.toml", "brontype = \"wijzer\"\n", "brontype = \"handreiking\"\n", `actie "beleidskaders-navragen" heeft brontype "handreiking" maar geen citaat`},
		{"handreiking task leaning on no rule", "partijen.toml", `regel = "bevoegd-gezag-kwaliteit"`, `regel = "bestaat-niet"`, `"regel" noemt regel "bestaat-niet"`},
		{"law without check", "begrippen.toml", `bron = "WEB art. 7.4.8 lid 2; controleer de actuele tekst op wetten.overheid.nl"`, `bron = "WEB art. 7.4.8 lid 2"`, `begrip "oer" heeft brontype "wet" maar zegt niet`},
		{"background without check", "regels.toml", `achtergrond = "WEB art. 8a.1.5. Controleer de actuele tekst op wetten.overheid.nl."`, `achtergrond = "WEB art. 8a.1.5."`, `regel "raden-gesprek", achtergrond heeft brontype "wet"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, _ := CheckSources(mutate(t, tc.file, tc.old, tc.new))
			if len(ps) != 1 || !strings.Contains(ps[0].String(), tc.want) || ps[0].Line == 0 {
				t.Fatalf("want one problem with %q and a line, got:\n%v", tc.want, ps)
			}
		})
	}
}

// A brontype that is not one of the four is a load error, with its line.
func TestLoadRefusesUnknownBrontype(t *testing.T) {
	m := defaultFS(t)
	src := string(m["acties.toml"].Data)
	m["acties.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(src, `brontype = "wijzer"`, `brontype = "wijzr"`, 1))}
	_, err := Load(m)
	if err == nil || !strings.Contains(err.Error(), `brontype "wijzr" is ongeldig`) || !strings.Contains(err.Error(), "acties.toml, regel ") {
		t.Fatalf("got %v", err)
	}
}
