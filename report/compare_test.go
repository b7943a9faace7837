package report

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/decision"

	"github.com/afstandswijzer/afstandswijzer/content"
	"golang.org/x/net/html/atom"
)

func caseAnswers(t *testing.T, e *decision.Engine, name string) Answers {
	t.Helper()
	cs, err := content.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name == name {
			a, err := e.ParseAnswers(c.File, c.Answers, decision.ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
	}
	t.Fatalf("no case %s", name)
	return nil
}

func row(t *testing.T, c *decision.Comparison, id string) decision.CompareRow {
	t.Helper()
	for _, r := range c.Rows {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no row %s", id)
	return decision.CompareRow{}
}

func TestCompare(t *testing.T) {
	e := engine(t)
	hybride := caseAnswers(t, e, "hybride-nederlands")
	gastles := caseAnswers(t, e, "gastles-bedrijf")
	// The same answers as hybride, with the multiple choice in another
	// order: that is not a difference.
	same := with(hybride, "activiteiten", "samenwerken,uitleg")
	half := Answers{"rol": {"docent"}}
	c := e.Compare([]decision.CompareFile{
		{Name: "team-a.toml", Answers: hybride},
		{Name: "kapot.toml", Err: "kapot.toml, regel 3: onbekende vraag \"vrom\"\nkapot.toml, regel 4: nog iets"},
		{Name: "team-b.toml", Answers: gastles},
		{Name: "team-c.toml", Answers: same},
		{Name: "team-d.toml", Answers: half},
	})
	if !slices.Equal(c.Columns, []string{"team-a.toml", "team-b.toml", "team-c.toml", "team-d.toml"}) {
		t.Fatalf("columns = %v", c.Columns)
	}
	if len(c.Failed) != 1 || c.Failed[0].Name != "kapot.toml" {
		t.Errorf("failed = %v", c.Failed)
	}
	if !slices.Equal(c.Incomplete, []string{"team-d.toml"}) {
		t.Errorf("incomplete = %v", c.Incomplete)
	}
	if r := row(t, c, "rol"); r.Differs || r.Cells[0] != "Docent" {
		t.Errorf("rol: %+v", r)
	}
	if r := row(t, c, "activiteiten"); !slices.Equal(r.Cells, []string{"Uitleg krijgen, Samenwerken", "Uitleg krijgen, Vooraf oriënteren", "Uitleg krijgen, Samenwerken", decision.NotAnswered}) || !r.Differs {
		t.Errorf("activiteiten: %+v", r.Cells)
	}
	if r := row(t, c, "kaders_passen"); r.Cells[1] != decision.NotAsked || r.Cells[0] != "Het past binnen de kaders" {
		t.Errorf("kaders_passen: %v", r.Cells)
	}
	bot := row(t, c, "bot")
	if !slices.Equal(bot.Cells, []string{"kan meetellen", "nog niet duidelijk", "kan meetellen", "nog niet duidelijk"}) || !bot.Differs {
		t.Errorf("bot: %v", bot.Cells)
	}
	// A rule that applies everywhere is listed and not marked; one that
	// applies in no file is not listed.
	if r := row(t, c, "kwaliteitszorg"); r.Differs || !slices.Equal(r.Cells, []string{"ja", "ja", "ja", "ja"}) {
		t.Errorf("kwaliteitszorg: %+v", r)
	}
	// Not knowing about frameworks (team-b) still leaves the choice to the
	// team; only the unfinished file has no such rule yet.
	if r := row(t, c, "team-kiest-methode"); !r.Differs || !slices.Equal(r.Cells, []string{"ja", "ja", "ja", "nee"}) {
		t.Errorf("team-kiest-methode: %+v", r)
	}
	for _, r := range c.Rows {
		if r.ID == "studentenraad-instemming-urennorm" {
			t.Errorf("rule that applies in no file is listed")
		}
	}

	md := CompareMarkdown(c)
	for _, want := range []string{
		"| ≠ | Vraag of uitkomst | team-a.toml | team-b.toml | team-c.toml | team-d.toml |",
		"| ≠ | Vorm | Hybride les | Live online les | Hybride les | (niet beantwoord) |",
		"|   | Rol | Docent | Docent | Docent | Docent |",
		"| ≠ | Begeleide onderwijstijd |",
		"- kapot.toml: kapot.toml, regel 3: onbekende vraag \"vrom\"; kapot.toml, regel 4: nog iets",
		"nog niet alle vragen zijn beantwoord in team-d.toml",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}

	data, err := CompareJSON(c)
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Files []string `json:"bestanden"`
		Rows  []struct {
			ID      string `json:"id"`
			Values  []any  `json:"waarden"`
			Differs bool   `json:"verschilt"`
		} `json:"rijen"`
		Failed []struct{ Bestand, Reden string } `json:"niet_geladen"`
	}
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Files) != 4 || len(j.Failed) != 1 || !strings.Contains(j.Failed[0].Reden, "regel 3") {
		t.Errorf("JSON: %s", data)
	}
	for _, r := range j.Rows {
		// The verdict's outcome, as in the summary's JSON (issue 14).
		if r.ID == "bot" && (r.Values[0] != "kan_meetellen" || r.Values[1] != "onduidelijk") {
			t.Errorf("JSON bot values = %v", r.Values)
		}
	}

	page, err := CompareHTML(c, handoutDate)
	if err != nil {
		t.Fatal(err)
	}
	doc := assertHandout(t, page, e.C.Meta.Version)
	tables := findAll(doc, atom.Table)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	rows := findAll(tables[0], atom.Tr)
	if len(rows) != len(c.Rows)+1 {
		t.Errorf("%d table rows, want %d", len(rows), len(c.Rows)+1)
	}
	if th := findAll(rows[0], atom.Th); len(th) != 6 || textOf(th[2]) != "team-a.toml" {
		t.Errorf("header has %d cells", len(th))
	}
	marked := 0
	for _, r := range rows[1:] {
		if textOf(findAll(r, atom.Td)[0]) == "≠" {
			marked++
		}
	}
	if marked != c.Differences() || marked == 0 {
		t.Errorf("%d rows marked ≠, want %d", marked, c.Differences())
	}
}

func TestCompareAllCasesGolden(t *testing.T) {
	e := engine(t)
	cs, err := content.Cases()
	if err != nil {
		t.Fatal(err)
	}
	var files []decision.CompareFile
	for _, c := range cs {
		files = append(files, decision.CompareFile{Name: c.Name, Answers: caseAnswers(t, e, c.Name)})
	}
	golden(t, "vergelijk-casussen.md.golden", []byte(CompareMarkdown(e.Compare(files))))
}

func TestCompareNothingLoaded(t *testing.T) {
	c := engine(t).Compare([]decision.CompareFile{{Name: "a.toml", Err: "bestaat niet"}})
	if len(c.Columns) != 0 || len(c.Rows) != 0 || !strings.Contains(CompareMarkdown(c), "- a.toml: bestaat niet") {
		t.Errorf("%+v\n%s", c, CompareMarkdown(c))
	}
}

// The stacked layout has every row and every value the table has, one
// "name: value" line per file, and ≠ only on rows that differ.
func TestCompareStacked(t *testing.T) {
	e := engine(t)
	c := e.Compare([]decision.CompareFile{
		{Name: "team_a.toml", Answers: caseAnswers(t, e, "hybride-nederlands")},
		{Name: "team-b.toml", Answers: caseAnswers(t, e, "gastles-bedrijf")},
		{Name: "kapot.toml", Err: "kapot.toml, regel 3: onbekende vraag"},
	})
	md := CompareStacked(c, "Met --format markdown krijg je de tabel.")
	if strings.Contains(md, "|---|") {
		t.Fatalf("stacked layout contains a table:\n%s", md)
	}
	for _, want := range []string{
		"*Met --format markdown krijg je de tabel.*",
		"**Rol**\n\n- team\\_a.toml: Docent\n- team-b.toml: Docent\n\n",
		"**Vorm** ≠\n\n- team\\_a.toml: Hybride les\n- team-b.toml: Live online les\n\n",
		"**Begeleide onderwijstijd** ≠\n\n- team\\_a.toml: kan meetellen\n- team-b.toml: nog niet duidelijk\n\n",
		"- kapot.toml: kapot.toml, regel 3",
		"Dit is geen juridisch advies.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("stacked layout lacks %q:\n%s", want, md)
		}
	}
	if got := strings.Count(md, " ≠\n"); got != c.Differences() {
		t.Errorf("%d rows marked ≠, want %d", got, c.Differences())
	}
	if got := strings.Count(md, "\n- team-b.toml: "); got != len(c.Rows) {
		t.Errorf("team-b has %d lines, want one per row (%d)", got, len(c.Rows))
	}
}

// The table is used only when its widest line fits the terminal.
func TestCompareFitsWidth(t *testing.T) {
	c := &decision.Comparison{Columns: []string{"a.toml", "b"}, Rows: []decision.CompareRow{
		{Label: "Rol", Cells: []string{"Docent", "Onderwijsteam"}},
		{Label: "Vooraf oriënteren", Cells: []string{"ja", "nee"}},
	}}
	// Columns ≠ (1), label ("Vraag of uitkomst", 17), a.toml (6), b (13),
	// each padded by 2; 3 separators; margins 2+2. ë counts as one column.
	want := 4 + 3 + (1 + 2) + (17 + 2) + (6 + 2) + (13 + 2)
	if got := CompareTableWidth(c); got != want {
		t.Errorf("TableWidth = %d, want %d", got, want)
	}
	if !CompareFits(c, want) || CompareFits(c, want-1) {
		t.Errorf("FitsWidth is not exactly TableWidth <= width")
	}
	e := engine(t)
	cs, err := content.Cases()
	if err != nil {
		t.Fatal(err)
	}
	var files []decision.CompareFile
	for _, x := range cs {
		files = append(files, decision.CompareFile{Name: x.Name, Answers: caseAnswers(t, e, x.Name)})
	}
	if CompareFits(e.Compare(files), 80) {
		t.Errorf("six cases side by side claim to fit 80 columns")
	}
}

// File names and error texts come from outside: in the comparison they
// stay literal text, in Markdown, in the handout and at the terminal.
func TestCompareEscapesHostileText(t *testing.T) {
	e := engine(t)
	hostile := []string{
		"*concept*_v2.toml",
		"<script>alert(1)</script>.toml",
		"a|b.toml",
		"https://evil.example/x.toml",
		"[klik](javascript:alert(1)).toml",
		"\x1b[31mrood\x1b[0m.toml",
	}
	files := []decision.CompareFile{}
	for _, name := range hostile {
		files = append(files, decision.CompareFile{Name: name, Answers: base()})
	}
	files = append(files, decision.CompareFile{Name: "# kop.toml", Err: "regel 1: **vet** <b>x</b>\n\x1b]0;titel\x07www.evil.example"})
	files = append(files, decision.CompareFile{Name: "half_`x`.toml", Answers: Answers{"rol": {"docent"}}})
	c := e.Compare(files)
	for _, md := range []string{CompareMarkdown(c), CompareStacked(c, "")} {
		if strings.ContainsRune(md, '\x1b') || strings.ContainsRune(md, '\x07') {
			t.Errorf("control characters reach the Markdown")
		}
		for _, raw := range []string{"*concept*", "<script>", "a|b", "https://evil", "[klik]", "**vet**", "<b>", "www.evil", "`x`", "\n# kop"} {
			if strings.Contains(md, raw) {
				t.Errorf("%q reaches the Markdown unescaped", raw)
			}
		}
		page, err := HTMLPage(Page{Title: compareTitle, Markdown: md, Version: c.Version, Date: handoutDate})
		if err != nil {
			t.Fatal(err)
		}
		doc := htmlDoc(t, page)
		if n := findAll(doc, atom.Script); len(n) > 0 {
			t.Error("script element in the handout")
		}
		for _, a := range findAll(doc, atom.A) {
			t.Errorf("a file name became a link: %s", textOf(a))
		}
		for _, a := range []atom.Atom{atom.Em, atom.Strong, atom.Code, atom.B, atom.H1} {
			for _, n := range findAll(doc, a) {
				if txt := textOf(n); strings.Contains(txt, "concept") || strings.Contains(txt, "vet") || txt == "x" || strings.Contains(txt, "kop") {
					t.Errorf("outside text became <%s>: %q", a, txt)
				}
			}
		}
		text := textOf(doc)
		for _, want := range []string{"*concept*_v2.toml", "<script>alert(1)</script>.toml", "https://evil.example/x.toml", "[klik](javascript:alert(1)).toml", `\x1b[31mrood\x1b[0m.toml`, "regel 1: **vet** <b>x</b>", `\x1b]0;titel\x07www.evil.example`, "half_`x`.toml"} {
			if !strings.Contains(text, want) {
				t.Errorf("handout does not show %q literally", want)
			}
		}
		out, err := Terminal(md, 200, TerminalOptions{NoColor: true})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x1b[31m") {
			t.Error("a terminal escape from a file name reaches the terminal")
		}
		if !strings.Contains(out, `\x1b[31mrood\x1b[0m.toml`) {
			t.Errorf("the terminal does not show the file name's escapes:\n%s", out)
		}
	}
}
