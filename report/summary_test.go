package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

func TestPartialSummaryIsProvisional(t *testing.T) {
	e := engine(t)
	s := e.Summarize(Answers{"rol": {"docent"}})
	if s.Complete || s.Verdict.Counts != nil {
		t.Fatalf("partial: complete=%v verdict=%v", s.Complete, s.Verdict.Label())
	}
	if !strings.Contains(Markdown(s), "voorlopig") {
		t.Fatal("partial summary does not say it is provisional")
	}
}

func TestJSONShape(t *testing.T) {
	e := engine(t)
	data, err := JSON(e.Summarize(with(base(), "bot_sturen", "nee")))
	if err != nil {
		t.Fatal(err)
	}
	var j map[string]any
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"antwoorden", "bot", "regels", "acties", "bronnen", "voorbeelden"} {
		if _, ok := j[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	bot := j["bot"].(map[string]any)
	// Issue 14, point 3: "uitkomst", never "telt".
	if bot["uitkomst"] != "telt_niet" || bot["reden"] == "" || bot["brontype"] != "handreiking" || bot["telt"] != nil {
		t.Errorf("bot = %v", bot)
	}
	rule := j["regels"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "titel", "tekst", "bron", "waarom", "brontype"} {
		if _, ok := rule[k]; !ok {
			t.Errorf("rule key %q missing", k)
		}
	}
	src := j["bronnen"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "titel", "url", "organisatie", "thema"} {
		if _, ok := src[k]; !ok {
			t.Errorf("resource key %q missing", k)
		}
	}
	if j["antwoorden"].(map[string]any)["activiteiten"] == nil {
		t.Error("multiple choice answer missing")
	}
	// The three outcomes, and no other value.
	for a, want := range map[string]Answers{
		"onduidelijk":   with(base(), "bot_sturen", "weet_niet"),
		"kan_meetellen": base(),
		"telt_niet":     with(base(), "vorm", "examen", "bot_begeleiding", "nee"),
	} {
		data, _ = JSON(e.Summarize(want))
		if !strings.Contains(string(data), `"uitkomst": "`+a+`"`) || strings.Contains(string(data), `"telt"`) {
			t.Errorf("outcome %s not in:\n%s", a, data)
		}
	}
	// Every rule, action and glossary entry carries its brontype.
	for _, k := range []string{"regels", "acties", "begrippen"} {
		for _, x := range j[k].([]any) {
			if bt, _ := x.(map[string]any)["brontype"].(string); !slices.Contains(content.SourceKinds, bt) {
				t.Errorf("%s: %v has brontype %q", k, x, bt)
			}
		}
	}
}

func TestMarkdownGolden(t *testing.T) {
	e := engine(t)
	cases := map[string]Answers{
		"live-online":         base(),
		"asynchroon-geen-bot": with(base(), "vorm", "asynchroon", "activiteiten", "zelfstandig", "bot_interactie", "nee", "bot_sturen", "nee", "bot_begeleiding", "nee", "ervaring", "weinig"),
		"examen-onzeker":      with(base(), "rol", "teamleider", "beleidskaders", "weet_niet", "kaders_passen", "-", "vorm", "examen", "activiteiten", "toetsen", "bot_sturen", "weet_niet", "urennorm", "weet_niet", "voorzieningen", "ja", "input_studenten", "nee", "samenhang", "deels", "ondersteuning", "ja", "nieuwe_tools", "ja", "evaluatie", "nog_niet"),
	}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			got := Markdown(e.Summarize(a))
			path := filepath.Join("testdata", name+".md.golden")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update)", err)
			}
			if got != string(want) {
				t.Errorf("summary differs from %s (run go test ./report -update and review the diff)", path)
			}
		})
	}
}

func BenchmarkMarkdown(b *testing.B) {
	e := engine(b)
	a := base()
	for b.Loop() {
		_ = Markdown(e.Summarize(a))
	}
}

// Issue 14, point 11: no visible Markdown escape in the Markdown file or
// on screen: "Kahoot!" stays "Kahoot!" ("![" cannot start an image once
// "[" is escaped).
func TestNoVisibleEscapes(t *testing.T) {
	s := voorbeeld(t)
	md := Markdown(s)
	if !strings.Contains(md, "Kahoot! of Mentimeter") || strings.Contains(md, `\!`) {
		t.Errorf("Kahoot escaped in the Markdown:\n%s", md)
	}
	if got := esc("![x](javascript:y)"); !strings.Contains(got, `!\[x\]`) {
		t.Errorf("an image or link survives escaping: %q", got)
	}
}
