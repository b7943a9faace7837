package report

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/net/html/atom"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// voorbeeld is the summary of the example in the repository's testdata,
// the one the README and the issue measure.
func voorbeeld(t *testing.T) *decision.Summary {
	t.Helper()
	e := engine(t)
	data, err := os.ReadFile("../testdata/voorbeeld.toml")
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.ParseAnswers("voorbeeld.toml", data, decision.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return e.Summarize(a)
}

// screenLines renders md as a teacher sees it at an 80-column terminal and
// returns the lines without escape codes.
func screenLines(t *testing.T, md string, opt TerminalOptions) []string {
	t.Helper()
	out, err := Terminal(md, 80, opt)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(ansi.Strip(out), "\n"), "\n")
}

func indexOf(lines []string, want string) int {
	for i, l := range lines {
		if strings.Contains(l, want) {
			return i
		}
	}
	return -1
}

// The answer comes first: "In het kort" and the verdict open the
// document and the teacher's answers close it (TestVoorbeeldLength checks
// that they are on the first screen).
func TestVoorbeeldAnswersFirst(t *testing.T) {
	doc := Summary(voorbeeld(t))
	if doc.Sections[0].Title != SecBrief || doc.Sections[1].Title != SecBOT || doc.Sections[len(doc.Sections)-1].Title != SecSituation {
		var titles []string
		for _, sec := range doc.Sections {
			titles = append(titles, sec.Title)
		}
		t.Fatalf("section order %v", titles)
	}
}

// maxSummaryLines is issue 8's bound on the example's summary at 80
// columns. Every rule keeps its quote and background; what makes room is
// the compact layout: a short line per party, findings as title and key
// sentence, at most three examples, resources in two or three lines each,
// the glossary's definitions only, the answers packed several to a line.
const maxSummaryLines = 250

// maxFirstScreen is how far down the verdict and "In het kort" may start:
// within the first screen of an 80x24 terminal.
const maxFirstScreen = 22

// maxDecisionLines bounds the part a teacher acts on: from the top up to
// and including "Wie beslist wat" (about three screens at 80x24).
const maxDecisionLines = 70

func TestVoorbeeldLength(t *testing.T) {
	s := voorbeeld(t)
	md := Markdown(s)
	for _, style := range []TerminalOptions{{}, {Light: true}, {NoColor: true}} {
		lines := screenLines(t, md, style)
		rules := indexOf(lines, SecRules)
		t.Logf("%+v: example summary at 80 columns: %d lines, %d before %q", style, len(lines), rules, SecRules)
		if len(lines) > maxSummaryLines {
			t.Errorf("%+v: example summary is %d lines at 80 columns, want at most %d", style, len(lines), maxSummaryLines)
		}
		brief, verdict := indexOf(lines, SecBrief), indexOf(lines, s.Verdict.Label())
		if brief < 0 || brief >= maxFirstScreen || verdict < 0 || verdict >= maxFirstScreen {
			t.Errorf("%+v: %q on line %d and the verdict on line %d, want both in the first %d", style, SecBrief, brief+1, verdict+1, maxFirstScreen)
		}
		if rules < 0 || rules > maxDecisionLines {
			t.Errorf("%+v: %q starts on line %d, want the part before it within %d lines", style, SecRules, rules+1, maxDecisionLines)
		}
	}
}

// Each rule says its point once: the reminder to check the law stands
// once, no background is labelled twice, and no rule repeats its quote.
func TestRulesSayTheirPointOnce(t *testing.T) {
	s := voorbeeld(t)
	md := Markdown(s)
	if n := strings.Count(md, "wetten.overheid.nl"); n != 1 {
		t.Errorf("wetten.overheid.nl %d times, want once", n)
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "Achtergrond (wet):") && strings.Contains(line, "wetten.overheid.nl") {
			t.Errorf("background still says where to check the law: %s", line)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.Count(line, "Achtergrond") > 1 {
			t.Errorf("background labelled twice: %s", line)
		}
	}
	plain := unlink(md)
	for _, r := range s.Rules {
		if n := strings.Count(plain, esc(r.Rule.Quote)); n != 1 {
			t.Errorf("quote of %s appears %d times", r.Rule.ID, n)
		}
	}
}

// A verdict of "telt niet" lists the conditions, one line each, with what
// would meet a failed one; no long paragraph.
func TestVerdictNotMetListsConditions(t *testing.T) {
	e := engine(t)
	s := e.Summarize(with(base(), "bot_interactie", "nee", "bot_sturen", "nee"))
	body := unlink(section(t, Summary(s), SecBOT))
	var items []string
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(l, "- ") {
			items = append(items, l)
		}
	}
	if len(items) != 3 {
		t.Fatalf("want one line per condition, got %d:\n%s", len(items), body)
	}
	for i, q := range []string{"bot_interactie", "bot_sturen"} {
		ifNo := e.C.Question(q).IfNo
		if !strings.Contains(items[i], "niet voldaan") || !strings.Contains(items[i], esc(ifNo)) {
			t.Errorf("condition %s: %q", q, items[i])
		}
	}
	if !strings.Contains(items[2], "Begeleiding: voldaan") {
		t.Errorf("met condition: %q", items[2])
	}
	if strings.Contains(body, s.Verdict.Reason) {
		t.Errorf("the verdict's reason paragraph is repeated:\n%s", body)
	}
}

// unlink replaces in-page links by their text.
func unlink(md string) string { return inPageLink.ReplaceAllString(md, "$1") }

var inPageLink = regexp.MustCompile(`\[([^\]]*)\]\(#[^)]*\)`)

func section(t *testing.T, d Document, title string) string {
	t.Helper()
	for _, sec := range d.Sections {
		if sec.Title == title {
			return sec.Body
		}
	}
	t.Fatalf("no section %q", title)
	return ""
}

// "In het kort" has at most five steps; with the checklist below it every
// step of s.Before stands exactly once.
func TestChecklistSaysEachStepOnce(t *testing.T) {
	e := engine(t)
	for name, a := range map[string]Answers{
		"voorbeeld":  voorbeeld(t).Effective(),
		"onzeker":    with(base(), "beleidskaders", "weet_niet", "kaders_passen", "-", "urennorm", "weet_niet", "ondersteuning", "ja", "nieuwe_tools", "ja", "voorzieningen", "ja"),
		"live-basis": base(),
	} {
		s := e.Summarize(a)
		d := Summary(s)
		brief, rest := unlink(section(t, d, SecBrief)), unlink(section(t, d, SecBefore))
		steps := strings.Count(brief, "- [ ] ")
		if steps > maxNextSteps {
			t.Errorf("%s: %d steps in %s", name, steps, SecBrief)
		}
		for _, a := range s.Before {
			item := esc(a.Text)
			n := strings.Count(brief+rest, item)
			if n != 1 && !strings.Contains(brief, item) {
				t.Errorf("%s: step %q appears %d times", name, a.Text, n)
			}
			if strings.Contains(brief, item) && strings.Contains(rest, item) {
				t.Errorf("%s: step %q in both %s and %s", name, a.Text, SecBrief, SecBefore)
			}
		}
	}
}

// Examples and findings say they come from vo research, in Markdown and in
// JSON, with the research's caveat.
func TestExamplesMarkedVO(t *testing.T) {
	s := voorbeeld(t)
	if len(s.Examples) == 0 {
		t.Fatal("the example has no practice examples; pick answers that have some")
	}
	body := section(t, Summary(s), SecExamples)
	if !strings.Contains(body, "voortgezet onderwijs") && !strings.Contains(body, "vo") {
		t.Errorf("examples not marked as vo:\n%s", body)
	}
	data, err := JSON(s)
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Examples []struct {
			VO     bool   `json:"vo"`
			Source string `json:"bron"`
		} `json:"voorbeelden"`
		Findings []struct {
			VO bool `json:"vo"`
		} `json:"bevindingen"`
		Caveat string `json:"vo_voorbehoud"`
	}
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	for _, x := range j.Examples {
		if !x.VO || x.Source == "" {
			t.Errorf("example without vo mark or source: %+v", x)
		}
	}
	for _, f := range j.Findings {
		if !f.VO {
			t.Errorf("finding without vo mark")
		}
	}
	if !strings.Contains(j.Caveat, "representatief") {
		t.Errorf("vo_voorbehoud = %q", j.Caveat)
	}
}

func TestLinkerLinksFirstUseOnly(t *testing.T) {
	l := newLinker([]term{
		{ID: "bot", Name: "Begeleide onderwijstijd (BOT)"},
		{ID: "or", Name: "Ondernemingsraad (OR)"},
		{ID: "urennorm", Name: "Urennorm"},
	})
	got := []string{
		l.link("Zie wetten.overheid.nl/or en de ORGANISATIE; door de OR."),
		l.link("De OR en de urennorm. Begeleide onderwijstijd telt; BOT ook."),
		l.link("Urennorm en BOT."),
	}
	want := []string{
		"Zie wetten.overheid.nl/or en de ORGANISATIE; door de [OR](#begrip-ondernemingsraad-or).",
		"De OR en de [urennorm](#begrip-urennorm). [Begeleide onderwijstijd](#begrip-begeleide-onderwijstijd-bot) telt; BOT ook.",
		"Urennorm en BOT.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	var used []string
	for _, u := range l.used() {
		used = append(used, u.ID)
	}
	if !slices.Equal(used, []string{"or", "urennorm", "bot"}) {
		t.Errorf("used = %v, want order of first use", used)
	}
}

// Terms in the summary link to the glossary, which explains each linked
// term once; the handout gives each entry the id its links point to.
func TestGlossaryLinks(t *testing.T) {
	s := voorbeeld(t)
	if len(termsOf(s)) == 0 {
		t.Fatal("the example links no glossary term: this test checks nothing")
	}
	d := Summary(s)
	md := d.Markdown()
	if len(d.terms) == 0 {
		t.Fatal("no term linked")
	}
	glossary := section(t, d, SecTerms)
	for _, tm := range d.terms {
		link := "](#" + Anchor(tm.Name) + ")"
		if n := strings.Count(md, link); n != 1 {
			t.Errorf("%s linked %d times, want once (at first use)", tm.ID, n)
		}
		if strings.Index(md, link) > strings.Index(md, "## "+SecTerms) {
			t.Errorf("%s linked inside the glossary", tm.ID)
		}
		if !strings.Contains(glossary, "**"+esc(tm.Name)+":**") {
			t.Errorf("%s not in the glossary", tm.ID)
		}
	}
	page, err := HTML(s, handoutDate)
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range d.terms {
		if !strings.Contains(string(page), `<li id="`+Anchor(tm.Name)+`">`) {
			t.Errorf("handout has no entry with id %s", Anchor(tm.Name))
		}
	}
}

func TestJSONAddsBriefAndKeepsContract(t *testing.T) {
	s := voorbeeld(t)
	data, err := JSON(s)
	if err != nil {
		t.Fatal(err)
	}
	var j map[string]any
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"inhoudsversie", "compleet", "antwoorden", "vervallen", "bot", "regels", "partijen", "acties", "bronnen", "voorbeelden", "handreiking", "in_het_kort", "bevindingen", "begrippen"} {
		if _, ok := j[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	brief := j["in_het_kort"].(map[string]any)
	if brief["oordeel"] == "" || len(brief["volgende_stappen"].([]any)) > maxNextSteps {
		t.Errorf("in_het_kort = %v", brief)
	}
	bot := j["bot"].(map[string]any)
	for _, k := range []string{"uitkomst", "reden", "niet_voldaan", "onduidelijk", "label", "brontype", "noten"} {
		if _, ok := bot[k]; !ok {
			t.Errorf("bot key %q missing", k)
		}
	}
}

// Terminal wraps like a pager: never wider than MaxTextWidth, however wide
// the terminal.
func TestTerminalWidth(t *testing.T) {
	for _, c := range []struct{ in, want int }{{80, 80}, {100, 100}, {196, 100}, {40, 40}, {10, minTextWidth}, {0, 80}, {-1, 80}} {
		if got := TextWidth(c.in); got != c.want {
			t.Errorf("TextWidth(%d) = %d, want %d", c.in, got, c.want)
		}
	}
	md := Markdown(voorbeeld(t))
	for _, width := range []int{80, 196} {
		out, err := Terminal(md, width, TerminalOptions{})
		if err != nil {
			t.Fatal(err)
		}
		widest := 0
		for _, l := range strings.Split(ansi.Strip(out), "\n") {
			l = strings.TrimRight(l, " ")
			if onlyURL(l) {
				continue // a URL is never broken; the terminal wraps it
			}
			widest = max(widest, ansi.StringWidth(l))
		}
		if widest > TextWidth(width) {
			t.Errorf("width %d: a line of %d columns", width, widest)
		}
		if width == 196 && widest < 90 {
			t.Errorf("width 196: widest line %d, want the text to use up to %d", widest, MaxTextWidth)
		}
	}
}

// sgrColour matches SGR parameters that set a colour: 30-39, 40-49,
// 90-97, 100-107 (including 38;5;n and 48;2;r;g;b).
var sgr = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

func colours(s string) []string {
	var out []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.Split(m[1], ";") {
			if len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') || len(p) == 3 && p[0] == '1' && p[1] == '0' {
				out = append(out, m[0])
				break
			}
		}
	}
	return out
}

// NO_COLOR: no colour and no Markdown syntax, but bold stays bold.
func TestTerminalNoColor(t *testing.T) {
	md := Markdown(voorbeeld(t))
	out, err := Terminal(md, 80, TerminalOptions{NoColor: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := colours(out); len(c) > 0 {
		t.Errorf("colour codes under NO_COLOR: %q", c[:min(len(c), 5)])
	}
	if !strings.Contains(out, "\x1b[1m") {
		t.Error("bold is gone")
	}
	plain := ansi.Strip(out)
	for _, syntax := range []string{"**", "*Zoek daar naar:*", "*Waarom:*", "## ", "# Afstand", "`", "\\"} {
		if strings.Contains(plain, syntax) {
			t.Errorf("Markdown syntax %q in NO_COLOR output", syntax)
		}
	}
	for _, want := range []string{SecBrief, "Zoek daar naar", "Waarom:"} {
		if !strings.Contains(plain, want) {
			t.Errorf("text %q lost", want)
		}
	}
	// The box-drawing characters are left out: the accessible output has
	// none.
	if strings.ContainsAny(plain, "│─┼") {
		t.Error("box-drawing characters in NO_COLOR output")
	}
	// The dark and light styles do colour, and differently.
	dark, _ := Terminal(md, 80, TerminalOptions{})
	light, _ := Terminal(md, 80, TerminalOptions{Light: true})
	if len(colours(dark)) == 0 || dark == light {
		t.Error("dark and light styles are not coloured differently")
	}
}

// PlainText is for the line mode and screen readers: no escape sequence
// at all, no Markdown marks, no padding.
func TestTerminalPlainText(t *testing.T) {
	out, err := Terminal(Markdown(voorbeeld(t)), 80, TerminalOptions{PlainText: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("escape sequence in plain text")
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing spaces: %q", l)
			break
		}
	}
	for _, syntax := range []string{"**", "## "} {
		if strings.Contains(out, syntax) {
			t.Errorf("Markdown syntax %q in plain text", syntax)
		}
	}
	if !strings.Contains(out, SecBrief) || !strings.Contains(out, "https://") {
		t.Error("text or URLs lost")
	}
}

// A full line in a quote stays inside it: Glamour reserves one column for
// the quote indent but draws "│ " in two, so a line that fills the width
// ran over and its last word landed on a line of its own, outside the
// quote.
func TestTerminalQuoteStaysIndented(t *testing.T) {
	// Lines of every length up to the width: one of them fills it.
	var words []string
	for n := 55; n <= 75; n++ {
		words = append(words, strings.Repeat("w", n-5), "wwww")
	}
	md := "> " + strings.Join(words, " ") + "\n"
	for _, opt := range []TerminalOptions{{}, {Light: true}, {NoColor: true}} {
		out, err := Terminal(md, 80, opt)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(ansi.Strip(out), "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, strings.TrimRight(l, " "))
			}
		}
		prefix := lines[0][:strings.IndexRune(lines[0], 'w')]
		got := 0
		for _, l := range lines {
			if !strings.HasPrefix(l, prefix) {
				t.Errorf("%+v: line outside the quote: %q", opt, l)
			}
			if ansi.StringWidth(l) > 80 {
				t.Errorf("%+v: line wider than 80: %q", opt, l)
			}
			got += len(strings.Fields(strings.TrimPrefix(l, prefix)))
		}
		if got != len(words) {
			t.Errorf("%+v: %d words shown, want %d", opt, got, len(words))
		}
	}
}

func BenchmarkTerminal80(b *testing.B) {
	e := engine(b)
	md := Markdown(e.Summarize(base()))
	for b.Loop() {
		if _, err := Terminal(md, 80, TerminalOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// "afstandswijzer begrippen" lists every term in full, with its source.
func TestGlossaryMarkdown(t *testing.T) {
	c := engine(t).C
	md := GlossaryMarkdown(c)
	if len(c.Terms) == 0 {
		t.Fatal("content has no glossary")
	}
	for _, tm := range c.Terms {
		entry := "- **" + esc(tm.Name) + ":** " + esc(tm.Text)
		if !strings.Contains(md, entry) {
			t.Errorf("term %s missing or shortened", tm.ID)
		}
		if tm.Source != "" && !strings.Contains(md, esc(tm.Source)) {
			t.Errorf("term %s without its source", tm.ID)
		}
	}
	c2 := *c
	c2.Terms = nil
	if !strings.Contains(GlossaryMarkdown(&c2), "geen begrippenlijst") {
		t.Error("empty glossary not explained")
	}
}

// Content from --inhoud is outside text too: a title, quote, task, term or
// finding with Markdown or HTML in it stays literal in the summary.
func TestSummaryEscapesContent(t *testing.T) {
	e := engine(t)
	const evil = "*x* <script>alert(1)</script> [k](javascript:alert(1)) `c` | ~~s~~ # h"
	for _, r := range e.C.Rules {
		r.Title, r.Quote = evil+r.Title, r.Quote+evil
	}
	for _, p := range e.C.Parties {
		p.Name = evil + p.Name
	}
	for _, tm := range e.C.Terms {
		tm.Text = evil + tm.Text
	}
	for _, f := range e.C.Findings {
		f.Title = evil
	}
	for _, x := range e.C.Examples {
		x.Text = evil + x.Text
	}
	s := e.Summarize(voorbeeld(t).Effective())
	md := Markdown(s)
	for _, raw := range []string{"*x*", "<script>", "[k](", "`c`", "~~s~~"} {
		if strings.Contains(md, raw) {
			t.Errorf("%q reaches the Markdown unescaped", raw)
		}
	}
	page, err := HTML(s, handoutDate)
	if err != nil {
		t.Fatal(err)
	}
	doc := htmlDoc(t, page)
	if len(findAll(doc, atom.Script)) > 0 || len(findAll(doc, atom.Code)) > 0 || len(findAll(doc, atom.Del)) > 0 {
		t.Error("content became HTML")
	}
	for _, a := range findAll(doc, atom.A) {
		if href, _ := attr(a, "href"); strings.Contains(href, "javascript") {
			t.Error("content became a link")
		}
	}
	if !strings.Contains(textOf(doc), evil) {
		t.Error("content not shown literally")
	}
}
