package content

import (
	"errors"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Tests that pin issue 8, section 1, on the content itself: every URL and
// quote traces back to the shared sources, and the wording says no more
// than the handreiking. The sources sit beside the repository, as ../shared
// from its root.

const (
	bronnenPath   = "../../shared/bronnen.md"
	wetgevingPath = "../../shared/wetgeving.md"
	seed004Path   = "../../shared/seeds/004_9c07745cd83b0817.txt"
	seed000Path   = "../../shared/seeds/000_fd34fea3b08ae633.txt"
)

func shared(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		// In CI the sources are always there: a missing file must fail,
		// or the check would pass without comparing anything.
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found: CI needs the shared sources beside the repository (../shared from its root)", path)
		}
		t.Skipf("%s not found: the shared sources must sit beside the repository (../shared from its root) for this check", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func loaded(t *testing.T) *Content {
	t.Helper()
	c, err := Load(Default())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// texts collects every string field of the content, recursively: what the
// program can show a reader.
func texts(c *Content) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(Cond{}) {
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.String:
			out = append(out, v.String())
		}
	}
	walk(reflect.ValueOf(c))
	return out
}

var urlRe = regexp.MustCompile(`https://[^\s|)<>"]+`)

// Every URL comes from shared/bronnen.md, and none it marks "twijfel".
func TestURLsAreInBronnen(t *testing.T) {
	md := shared(t, bronnenPath)
	ok := map[string]bool{}
	doubt := map[string]bool{}
	for _, line := range strings.Split(md, "\n") {
		for _, u := range urlRe.FindAllString(line, -1) {
			u = strings.TrimRight(u, ".,;:")
			if strings.Contains(line, "| twijfel |") {
				doubt[u] = true
			} else {
				ok[u] = true
			}
		}
	}
	c := loaded(t)
	urls := UniqueURLs(c)
	if !slices.Contains(urls, c.Meta.VOURL) {
		t.Error("the vo research URL is not among the checked URLs")
	}
	for _, u := range urls {
		switch {
		case !ok[u] && doubt[u]:
			t.Errorf("%s is marked twijfel in bronnen.md", u)
		case !ok[u]:
			t.Errorf("%s is not in bronnen.md", u)
		}
		if strings.Contains(u, "__trashed") {
			t.Errorf("%s: an address in the bin", u)
		}
	}
	// URLs written in any text (not only url fields) count too.
	for _, s := range texts(c) {
		for _, u := range urlRe.FindAllString(s, -1) {
			if u = strings.TrimRight(u, ".,;:"); !ok[u] {
				t.Errorf("text links %s, which is not (or only as twijfel) in bronnen.md", u)
			}
		}
	}
}

// editorial strips what a quote may add to the source: [sic] and an
// insertion in square brackets.
var editorial = regexp.MustCompile(`\s*\[[^\]]*\]`)

// Every citaat is a verbatim passage of the handreiking, apart from
// whitespace and marked insertions.
func TestQuotesAreVerbatim(t *testing.T) {
	seed := fold(shared(t, seed004Path))
	c := loaded(t)
	check := func(what, quote string) {
		if strings.TrimSpace(quote) == "" {
			return
		}
		if !strings.Contains(seed, fold(editorial.ReplaceAllString(quote, ""))) {
			t.Errorf("%s: quote not in the handreiking:\n%s", what, quote)
		}
		// A quote is the source's words only: no "[sic]", no insertion
		// (issue 14, point 10); a remark goes outside the quote.
		if strings.Contains(quote, "[") {
			t.Errorf("%s: an insertion in square brackets inside the quote: %s", what, quote)
		}
	}
	n := 0
	for _, q := range c.Questions {
		check("question "+q.ID, q.Quote)
		n++
	}
	for _, r := range c.Rules {
		check("rule "+r.ID, r.Quote)
		n++
	}
	for _, a := range c.Actions {
		check("actie "+a.ID, a.Quote)
	}
	for _, x := range c.Terms {
		check("begrip "+x.ID, x.Quote)
	}
	for _, x := range c.Meta.BOTNotes {
		check("bot_noot", x.Quote)
	}
	if n < 20 {
		t.Fatalf("only %d quotes checked", n)
	}
}

// Every article named in the content stands in shared/wetgeving.md.
func TestArticlesAreInWetgeving(t *testing.T) {
	wet := shared(t, wetgevingPath)
	art := regexp.MustCompile(`art\. (\d+(?:\.\d+)*[a-z]?(?:\.\d+)*)`)
	c := loaded(t)
	for _, s := range texts(c) {
		for _, m := range art.FindAllStringSubmatch(s, -1) {
			if !strings.Contains(wet, "art. "+m[1]) {
				t.Errorf("article %s is not in wetgeving.md (in %q)", m[1], s)
			}
		}
	}
}

// Point 1: nothing says "telt mee": the conditions are necessary, not
// sufficient.
func TestNoTextSaysItCounts(t *testing.T) {
	re := regexp.MustCompile(`(?i)\btelt\s+(mee|als)\b`)
	c := loaded(t)
	all := texts(c)
	cs, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range cs {
		all = append(all, x.Title, x.Story, string(x.Answers))
	}
	for _, s := range all {
		if re.MatchString(s) {
			t.Errorf("says it counts: %q", s)
		}
	}
	r := ruleByID(t, c, "bot-voorwaarden")
	if !strings.Contains(r.Title+r.Text, "kan") || !strings.Contains(r.Text, "alleen") {
		t.Errorf("bot-voorwaarden does not say 'kan alleen': %q", r.Text)
	}
}

func ruleByID(t *testing.T, c *Content, id string) *Rule {
	t.Helper()
	for _, r := range c.Rules {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %q", id)
	return nil
}

// Point 5: the OR's consent is about important changes of the
// institution's educational objectives.
func TestORConsentWording(t *testing.T) {
	c := loaded(t)
	r := ruleByID(t, c, "or-instemming")
	for _, want := range []string{"belangrijke", "onderwijskundige doelstellingen", "didactische modellen"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("or-instemming lacks %q: %s", want, r.Text)
		}
	}
	for _, s := range texts(c) {
		for _, bad := range []string{"onderwijsdoelen", "kan dus pas doorgaan"} {
			if strings.Contains(s, bad) {
				t.Errorf("%q in %q", bad, s)
			}
		}
	}
	for _, p := range c.Parties {
		for _, task := range p.Tasks {
			if strings.Contains(task.Text, "instemmingsrecht") && p.ID == "ondernemingsraad" && !strings.Contains(task.Text, "belangrijke") {
				t.Errorf("OR task without 'belangrijke': %s", task.Text)
			}
		}
	}
	// The source's typo stays in the quote, unmarked: the quote is its
	// words only.
	if !strings.Contains(r.Quote, "instemmingsgericht op") {
		t.Errorf("quote: %s", r.Quote)
	}
}

// Point 8: the wording of three help texts.
func TestHelpWording(t *testing.T) {
	c := loaded(t)
	if r := ruleByID(t, c, "inspectie-toezicht"); !strings.Contains(r.Text, "grip heeft op de kwaliteitsborging van het onderwijs en de examinering") {
		t.Errorf("inspectie-toezicht: %s", r.Text)
	}
	if r := ruleByID(t, c, "programma-evenwichtig"); !strings.Contains(r.Text, "Fysiek onderwijs is in de praktijk vaak de norm, maar strikt genomen hoeft het niet") {
		t.Errorf("programma-evenwichtig: %s", r.Text)
	}
	// Fewer hours: the legal background says when (issue 14, point 7).
	q := c.Question("urennorm")
	if !strings.Contains(q.Background, "aantoonbaar van voldoende kwaliteit") || !strings.Contains(q.Background, "jaarverslag") || !strings.Contains(q.Background, "de studentenraad instemmen") {
		t.Errorf("urennorm background does not say when fewer hours are allowed:\n%s", q.Background)
	}
}

// Point 12: Dutch and link nits.
func TestNits(t *testing.T) {
	c := loaded(t)
	if o := c.Question("ondersteuning").Option("nee"); o.Help != "Niet, voor zover je weet." {
		t.Errorf("ondersteuning nee: %q", o.Help)
	}
	if q := c.Question("activiteiten"); !strings.Contains(q.Help, "mbo.lesopafstand.nl") {
		t.Errorf("activiteiten help does not say which site: %s", q.Help)
	}
	for _, s := range texts(c) {
		if strings.Contains(s, "Achtergrond:") {
			t.Errorf("'Achtergrond:' in the content; the presenters add the label: %q", s)
		}
		if strings.Contains(s, "Hebben jij of je team") {
			t.Errorf("grammar: %q", s)
		}
	}
	for _, r := range c.Resources {
		// Presenters write "title (organisation)".
		if strings.ContainsAny(r.Organisation, "()") {
			t.Errorf("%s: organisation %q gives double brackets", r.ID, r.Organisation)
		}
		if r.ID == "vo-raad-samenvatting" && r.Theme == "Regels en kwaliteit" {
			t.Errorf("the VO-raad summary is practice, not rules")
		}
	}
	tools := c.Question("nieuwe_tools").Option("nee")
	if strings.Contains(tools.Help, "al gebruikt") {
		t.Errorf("nieuwe_tools nee mixes 'not new' with 'no personal data': %q", tools.Help)
	}
}

// Point 11: the glossary.
func TestGlossary(t *testing.T) {
	c := loaded(t)
	want := []string{"bot", "bpv", "oer", "urennorm", "bevoegd-gezag", "or", "onderwijskundige-doelstellingen", "studentenraad", "instemmingsrecht", "adviesrecht", "kwaliteitszorg", "kwaliteitsborging", "examinering"}
	var got []string
	for _, term := range c.Terms {
		got = append(got, term.ID)
		if !regexp.MustCompile(`Handreiking|WEB|WOR`).MatchString(term.Source) {
			t.Errorf("%s: source %q names neither the handreiking nor a law", term.ID, term.Source)
		}
		// B1: short sentences.
		for _, sentence := range regexp.MustCompile(`[.?!:;]\s`).Split(term.Text+" ", -1) {
			if n := len(strings.Fields(sentence)); n > 25 {
				t.Errorf("%s: sentence of %d words: %q", term.ID, n, sentence)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("terms %v, want %v", got, want)
	}
	if c.Term("oer") == nil || c.Term("onbekend") != nil {
		t.Fatal("Term lookup")
	}
	if w := c.Term("bot").Words(); !slices.Equal(w, []string{"Begeleide onderwijstijd", "BOT"}) {
		t.Errorf("bot words %q", w)
	}
	if w := c.Term("urennorm").Words(); !slices.Equal(w, []string{"Urennorm"}) {
		t.Errorf("urennorm words %q", w)
	}
}

// Point 10: the eight themes of the Inspectie's findings, each marked as
// vo research with the report's own caveat.
func TestFindingsAreTheEightThemes(t *testing.T) {
	seed := shared(t, seed000Path)
	c := loaded(t)
	want := []string{"Didactisch handelen", "Interactie", "Zelfstandig werken", "Extra aandacht", "Toegankelijkheid", "Professionalisering", "Welbevinden", "Inhaalmogelijkheden"}
	var got []string
	lines := strings.Split(seed, "\n")
	for _, x := range c.Findings {
		got = append(got, x.Theme)
		found := false
		for _, l := range lines {
			found = found || strings.TrimSpace(l) == x.Theme
		}
		if !found {
			t.Errorf("theme %q is not a heading of seed 000", x.Theme)
		}
		if x.Source != c.Meta.VOSource {
			t.Errorf("%s: source %q", x.ID, x.Source)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("themes %v, want %v", got, want)
	}
	m := c.Meta
	if !strings.Contains(m.VOSource, "voortgezet onderwijs") || !strings.Contains(m.VOSource, "2020") || !strings.Contains(m.VOSource, "2021") {
		t.Errorf("vo_bron %q", m.VOSource)
	}
	if !strings.Contains(m.VOCaveat, "representatief") || !strings.Contains(fold(seed), "Een representatief beeld levert het onderzoek niet op") {
		t.Errorf("vo_voorbehoud %q", m.VOCaveat)
	}
	for _, x := range c.Examples {
		if x.Source != m.VOSource {
			t.Errorf("example %s not marked as vo research: %q", x.ID, x.Source)
		}
	}
	// The finding the issue names: hybrid lessons take much effort.
	for _, x := range c.Findings {
		if x.ID == "professionalisering" && (!strings.Contains(x.Text, "hybride") || !strings.Contains(x.When.Source, `"hybride"`)) {
			t.Errorf("professionalisering: %s / %s", x.Text, x.When.Source)
		}
	}
}

// A content folder from before the glossary and the findings still loads:
// an institution's own folder, or the TUI's frozen copy.
func TestOlderContentFolderLoads(t *testing.T) {
	m := defaultFS(t)
	for _, f := range OptionalFiles {
		delete(m, f)
	}
	c, err := Load(m)
	if err != nil || len(c.Terms) != 0 || len(c.Findings) != 0 {
		t.Fatalf("without optional files: %v", err)
	}
	if _, err := os.Stat("../tui/testdata/inhoud/meta.toml"); err == nil {
		if _, err := Load(os.DirFS("../tui/testdata/inhoud")); err != nil {
			t.Fatalf("the TUI's frozen content: %v", err)
		}
	}
	// A missing required file still names only the required files.
	m = defaultFS(t)
	delete(m, "regels.toml")
	_, err = Load(m)
	if err == nil || strings.Contains(err.Error(), "begrippen.toml") {
		t.Fatalf("missing regels.toml: %v", err)
	}
}
