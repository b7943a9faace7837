package content

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// defaultFS copies the embedded content into a writable MapFS.
func defaultFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range Files {
		data, err := fs.ReadFile(Default(), name)
		if err != nil {
			t.Fatalf("embedded %s: %v", name, err)
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}

func TestDefaultContentLoads(t *testing.T) {
	c, err := Load(Default())
	if err != nil {
		t.Fatalf("embedded content does not load:\n%v", err)
	}
	if len(c.Questions) < 12 || len(c.Rules) < 15 || len(c.Resources) == 0 || len(c.Examples) == 0 {
		t.Fatalf("content looks incomplete: %d questions, %d rules, %d resources, %d examples",
			len(c.Questions), len(c.Rules), len(c.Resources), len(c.Examples))
	}
	for _, q := range c.Questions {
		if q.Line == 0 {
			t.Errorf("question %q has no line number", q.ID)
		}
	}
}

// lineOf returns the 1-based line of the first occurrence of s in src.
func lineOf(src, s string) int {
	i := strings.Index(src, s)
	if i < 0 {
		return 0
	}
	return strings.Count(src[:i], "\n") + 1
}

// urennormWhen is the condition of the first rule that reads urennorm.
const urennormWhen = `when = 'urennorm in ["ja", "weet_niet"]'`

func TestBrokenContent(t *testing.T) {
	type mutation func(m fstest.MapFS) (file string, line int)
	replace := func(file, old, new string) mutation {
		return func(m fstest.MapFS) (string, int) {
			src := string(m[file].Data)
			if !strings.Contains(src, old) {
				t.Fatalf("fixture: %q not in %s", old, file)
			}
			line := lineOf(src, old)
			m[file] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
			return file, line
		}
	}
	appendTo := func(file, text string) mutation {
		return func(m fstest.MapFS) (string, int) {
			src := string(m[file].Data)
			if !strings.HasSuffix(src, "\n") {
				src += "\n"
			}
			line := strings.Count(src, "\n") + 1 + strings.Count(strings.SplitN(text, "!", 2)[0], "\n")
			m[file] = &fstest.MapFile{Data: []byte(src + strings.Replace(text, "!", "", 1))}
			return file, line
		}
	}
	cases := []struct {
		name   string
		mutate mutation
		want   string
		noLine bool
	}{
		{"syntax error", appendTo("vragen.toml", "!x = = 1\n"), "geen geldige TOML", false},
		{"unknown key", replace("vragen.toml", `kort = "Rol"`, "kleur = \"rood\"\nkort = \"Rol\""), `onbekende sleutel "vraag.kleur"`, false},
		{"duplicate question id", replace("vragen.toml", `id = "vorm"`, `id = "rol"`), `vraag-id "rol" komt twee keer voor`, false},
		{"unknown question in condition", replace("regels.toml", urennormWhen, `when = 'urenorm in ["ja", "weet_niet"]'`), `onbekende vraag-id "urenorm"`, false},
		{"option the question lacks", replace("regels.toml", urennormWhen, `when = 'urennorm == "misschien"'`), `vraag "urennorm" heeft geen optie "misschien"`, false},
		{"option lacking in list", replace("regels.toml", urennormWhen, `when = 'urennorm in ["ja", "misschien"]'`), `geen optie "misschien"`, false},
		{"condition does not parse", replace("regels.toml", urennormWhen, `when = 'urennorm == '`), "geen geldige expressie", false},
		{"condition is not a yes/no", replace("regels.toml", urennormWhen, `when = 'urennorm + "x"'`), "klopt niet", false},
		{"unknown priority", replace("acties.toml", `prioriteit = "laag"`, `prioriteit = "dringend"`), `prioriteit "dringend" is ongeldig`, false},
		{"ask names an unknown action", replace("vragen.toml", `navragen = "urennorm-navragen"`, `navragen = "urennorm-vragen"`), `noemt actie "urennorm-vragen"`, false},
		{"ask on a question without weet_niet", replace("vragen.toml", "  [[vraag.optie]]\n  waarde = \"studenten\"", "navragen = \"bot-navragen\"\n  [[vraag.optie]]\n  waarde = \"studenten\""), `geen optie "weet_niet"`, false},
		{"duplicate term", replace("begrippen.toml", `id = "bpv"`, `id = "bot"`), `begrip-id "bot" komt twee keer voor`, false},
		{"term without source", replace("begrippen.toml", `bron = "WEB art. 7.4.8 lid 2; controleer de actuele tekst op wetten.overheid.nl"`, `bron = ""`), `mist "bron"`, true},
		{"finding with a bad condition", replace("bevindingen.toml", `when = 'vorm == "hybride" || ervaring == "weinig"'`, `when = 'vorm == "hybrid"'`), `geen optie "hybrid"`, false},
		{"non-https url", replace("bronnen.toml", `url = "https://`, `url = "http://`), "alleen volledige https-adressen", false},
		{"duplicate rule id", replace("regels.toml", `id = "raden-gesprek"`, `id = "bevoegd-gezag-kwaliteit"`), `regel-id "bevoegd-gezag-kwaliteit" komt twee keer voor`, false},
		{"bad part", replace("regels.toml", `deel = "Achteraf"`, `deel = "Later"`), `deel "Later" is ongeldig`, false},
		{"bad kind", replace("vragen.toml", `soort = "meer"`, `soort = "veel"`), `soort "veel" is ongeldig`, false},
		{"theme not listed", replace("voorbeelden.toml", `thema = "`, `thema = "Onbekend thema`), `staat niet in "themas"`, false},
		{"question depends on later question", replace("vragen.toml", `when = 'beleidskaders == "ja"'`, `when = 'vorm == "hybride"'`), `hangt af van "vorm"`, false},
		{"wrong value type", replace("regels.toml", `acties = [`, `acties = 3
oud = [`), "verkeerd type", false},
		{"missing file", func(m fstest.MapFS) (string, int) { delete(m, "voorbeelden.toml"); return "voorbeelden.toml", 0 }, "dit bestand ontbreekt", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := defaultFS(t)
			file, line := tc.mutate(m)
			_, err := Load(m)
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %v", err)
			}
			for _, p := range ps {
				if p.File != file || !strings.Contains(p.Msg, tc.want) {
					continue
				}
				if !tc.noLine && p.Line != line {
					t.Errorf("problem %q at line %d, want line %d", p.Msg, p.Line, line)
				}
				return
			}
			t.Fatalf("no problem in %s containing %q; got:\n%v", file, tc.want, err)
		})
	}
}

func TestProblemsAreAllReported(t *testing.T) {
	m := defaultFS(t)
	src := string(m["bronnen.toml"].Data)
	src = strings.Replace(src, `url = "https://`, `url = "http://`, 2)
	m["bronnen.toml"] = &fstest.MapFile{Data: []byte(src)}
	_, err := Load(m)
	var ps Problems
	if !errors.As(err, &ps) || len(ps) < 2 {
		t.Fatalf("want at least two problems, got %v", err)
	}
}
