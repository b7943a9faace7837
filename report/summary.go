package report

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Section titles of the Markdown summary, in the order they appear. The
// answer comes first: a teacher who reads one screen has the verdict, who
// must agree and what to do next; the answers they gave close the document.
const (
	SecBrief     = "In het kort"
	SecBOT       = "Begeleide onderwijstijd"
	SecBefore    = "Regel dit vooraf"
	SecWho       = "Wie beslist wat"
	SecRules     = "Regels die gelden"
	SecAfter     = "Achteraf: kwaliteitszorg en toezicht"
	SecFindings  = "Wat de Inspectie zag"
	SecExamples  = "Voorbeelden uit de praktijk"
	SecSources   = "Hulp en bronnen"
	SecTerms     = "Begrippen"
	SecSituation = "Bijlage: jouw antwoorden"
)

// maxNextSteps bounds the steps in "In het kort"; the full checklist
// follows in its own section.
const maxNextSteps = decision.MaxNext

// Document is a summary as data: the TUI pages through Sections and the
// files join them, so the screen, the file and the paper say the same.
type Document struct {
	Title string
	// Intro stands under the title, before the first section (e.g. that
	// the summary is provisional).
	Intro    string
	Sections []Section
	// Footer closes the document (disclaimer and source).
	Footer string
	// terms are the glossary entries the document links to, in order of
	// first use.
	terms []term
}

// Section is one "## " part of a document. Body is Markdown without the
// section's own heading; its subheadings start at "###".
type Section struct {
	Title string
	Body  string
}

// Markdown joins the document into one Markdown text.
func (d Document) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", d.Title)
	b.WriteString(d.Intro)
	for _, sec := range d.Sections {
		fmt.Fprintf(&b, "## %s\n\n%s", sec.Title, sec.Body)
	}
	b.WriteString(d.Footer)
	return b.String()
}

// Markdown renders the summary as one Markdown document.
func Markdown(s *decision.Summary) string { return Summary(s).Markdown() }

// Summary lays out the summary as a document: the answer first (In het
// kort, the verdict), then what to arrange and who decides, the rules with
// the handreiking's words, what happens afterwards, the vo research,
// help, the glossary, and the teacher's own answers as an appendix.
func Summary(s *decision.Summary) Document {
	d := Document{Title: "Afstandsonderwijs in je les: samenvatting"}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	// Terms are linked to the glossary at their first use, in document
	// order: every text that may name a term goes through lk.
	gl := newLinker(termsOf(s))
	lk := func(text string) string { return gl.link(esc(text)) }
	// section closes the text written so far (the intro, or the previous
	// section) and starts a new section.
	cur := -1
	flush := func() {
		if cur < 0 {
			d.Intro = b.String()
		} else {
			d.Sections[cur].Body = b.String()
		}
		b.Reset()
	}
	section := func(title string) {
		flush()
		d.Sections = append(d.Sections, Section{Title: title})
		cur = len(d.Sections) - 1
	}
	if !s.Complete {
		w("*Let op: nog niet alle vragen zijn beantwoord. Deze samenvatting is voorlopig.*\n\n")
	}

	section(SecBrief)
	br := briefOf(s)
	writeBrief(&b, br, lk)

	section(SecBOT)
	writeVerdict(&b, s, lk)

	// The checklist says each step once: the steps already in "In het
	// kort" are not repeated here.
	section(SecBefore)
	shown := map[string]bool{}
	for _, t := range append(append([]string{}, br.Ask...), br.Next[:min(len(br.Next), maxNextSteps)]...) {
		shown[oneLine(t)] = true
	}
	var rest []decision.ActionItem
	for _, a := range s.Before {
		if !shown[oneLine(a.Text)] {
			rest = append(rest, a)
		}
	}
	switch {
	case len(s.Before) == 0:
		w("Er is vooraf niets extra te regelen.\n\n")
	case len(rest) == 0:
		w("Alles wat je vooraf regelt, staat bij %s.\n\n", SecBrief)
	default:
		if len(rest) < len(s.Before) {
			w("Naast de stappen bij %s:\n\n", SecBrief)
		}
		for _, a := range rest {
			w("- [ ] %s\n", lk(a.Text))
		}
		w("\n")
	}

	section(SecWho)
	for _, p := range s.Parties {
		w("- **%s:** %s\n", esc(p.Party.Name), lk(strings.Join(p.Tasks, " ")))
	}
	w("\n")

	section(SecRules)
	w("Bij elke regel: waarom die voor jou geldt (staat er niets, dan geldt de regel altijd), de tekst uit de handreiking en de achtergrond in de wet. %s\n\n", checkLaw)
	for _, part := range []string{"Algemeen", "Vooraf"} {
		if rules := rulesIn(s, part); len(rules) > 0 {
			w("### %s\n\n", handreikingPart(part))
			for _, r := range rules {
				writeRule(&b, r, lk)
			}
			w("\n")
		}
	}

	section(SecAfter)
	if rules := rulesIn(s, "Achteraf"); len(rules) > 0 {
		w("Uit de handreiking, deel Achteraf:\n\n")
		for _, r := range rules {
			writeRule(&b, r, lk)
		}
		w("\n")
	}
	if len(s.After) > 0 {
		w("Na de les:\n\n")
		for _, a := range s.After {
			w("- [ ] %s\n", lk(a.Text))
		}
		w("\n")
	}

	// Findings and examples come from research in secondary education:
	// each section says so, with the research's own caveat.
	if fs := findingsOf(s); len(fs) > 0 {
		section(SecFindings)
		w("*%s. %s*\n\n", esc(strings.TrimSuffix(voSource(s), ".")), esc(voCaveat(s)))
		for _, f := range fs {
			w("- **%s** %s\n", esc(sentence(f.Title)), lk(f.Text))
		}
		w("\n")
	}

	if len(s.Examples) > 0 {
		section(SecExamples)
		if len(findingsOf(s)) > 0 {
			w("*Uit hetzelfde onderzoek in het vo: ter inspiratie, geen regels voor het mbo.*\n\n")
		} else {
			w("*%s. %s Ter inspiratie, geen regels voor het mbo.*\n\n", esc(strings.TrimSuffix(voSource(s), ".")), esc(voCaveat(s)))
		}
		for _, x := range s.Examples {
			w("- %s\n", lk(x.Text))
		}
		w("\n")
	}

	section(SecSources)
	// In theme order, one item per site: mbo.lesopafstand.nl has many
	// topics, and its address once is enough.
	var sources []*content.Resource
	for _, theme := range s.Meta.Themes {
		for _, r := range s.Sources {
			if r.Theme == theme {
				sources = append(sources, r)
			}
		}
	}
	writeResources(&b, sources)
	w("\n")

	d.terms = gl.used()
	if used := d.terms; len(used) > 0 {
		section(SecTerms)
		// The first sentence defines the term; the rest of an entry says
		// again what the rules above say. The whole glossary is in the
		// interview and in "afstandswijzer begrippen".
		for _, t := range used {
			w("- **%s:** %s\n", esc(t.Name), esc(firstSentence(t.Text)))
		}
		w("\n")
	}

	section(SecSituation)
	if len(s.Answers) == 0 {
		w("Je hebt nog geen vragen beantwoord.\n\n")
	} else {
		w("| Vraag | Jouw antwoord |\n|---|---|\n")
		for _, a := range s.Answers {
			w("| %s | %s |\n", esc(a.Question.Short), esc(a.Text()))
		}
		w("\n")
	}
	if len(s.Dropped) > 0 {
		w("Deze antwoorden tellen niet mee, omdat de vraag bij je andere antwoorden niet geldt: %s.\n\n", esc(decision.ShortList(s.Dropped)))
	}

	flush()
	w("---\n\n")
	// The disclaimer names the handreiking; the source is named here only
	// when edited content leaves it out.
	src := ""
	if !strings.Contains(oneLine(s.Meta.Disclaimer), oneLine(s.Meta.Title)) {
		src = fmt.Sprintf(" Bron: %s (%s, %s).", esc(s.Meta.Title), esc(s.Meta.Publisher), esc(s.Meta.Date))
	}
	w("*%s%s Inhoudsversie %s.*\n", esc(s.Meta.Disclaimer), src, esc(s.Meta.Version))
	d.Footer = b.String()
	return d
}

// writeBrief writes "In het kort": the verdict in one sentence, who must
// agree or advise, whom to ask and at most maxNextSteps steps, as
// checkboxes: they are the first steps of the checklist.
func writeBrief(b *strings.Builder, br brief, lk func(string) string) {
	fmt.Fprintf(b, "**%s**\n\n", lk(br.Verdict))
	// One tight list: on the first screen every line counts. Several
	// items get a line each.
	item := func(label string, items []string) {
		switch len(items) {
		case 0:
		case 1:
			fmt.Fprintf(b, "- **%s** %s\n", label, lk(items[0]))
		default:
			fmt.Fprintf(b, "- **%s**\n", label)
			for _, it := range items {
				fmt.Fprintf(b, "  - %s\n", lk(it))
			}
		}
	}
	item("Wie moet instemmen of advies geven:", br.Agree)
	item("Wat je nog moet navragen:", br.Ask)
	if len(br.Agree)+len(br.Ask) > 0 {
		b.WriteString("\n")
	}
	if next := br.Next[:min(len(br.Next), maxNextSteps)]; len(next) > 0 {
		b.WriteString("Je volgende stappen:\n\n")
		for _, it := range next {
			fmt.Fprintf(b, "- [ ] %s\n", lk(it))
		}
		b.WriteString("\n")
	}
}

// writeVerdict writes the verdict. When a condition is not met or not yet
// clear, each of the three is on a line of its own: which one fails is
// the first thing to fix. When the conditions are not asked (an exam),
// the reason says why.
func writeVerdict(b *strings.Builder, s *decision.Summary, lk func(string) string) {
	v := s.Verdict
	fmt.Fprintf(b, "**%s**\n\n", esc(sentence(v.Label())))
	conds := conditionsOf(s)
	switch {
	case v.Counts != nil && *v.Counts:
		// All three met: the sentence in "In het kort" says so; the note
		// below says what else decides it.
	case botNotApplicable(s) || len(conds) == 0:
		if r := strings.TrimSpace(v.Reason); r != "" {
			fmt.Fprintf(b, "%s\n\n", lk(r))
		}
	default:
		b.WriteString("Dit kan alleen als aan alle drie de voorwaarden is voldaan:\n\n")
		for _, c := range conds {
			fmt.Fprintf(b, "- %s: %s\n", esc(c.Name), lk(c.State))
		}
		b.WriteString("\n")
	}
	if n := verdictNote(s); n != "" {
		fmt.Fprintf(b, "%s\n\n", lk(n))
	}
}

// condition is one of the three BOT conditions as the verdict shows it.
type condition struct {
	ID    string
	Name  string
	State string
}

// conditionsOf lists the BOT conditions that were asked, each with its
// state and, when not met, how it could be met. Conditions that were not
// asked at all (they do not apply to this form) are left out.
func conditionsOf(s *decision.Summary) []condition {
	no := map[string]*content.Question{}
	for _, q := range s.Verdict.No {
		no[q.ID] = q
	}
	unknown := map[string]bool{}
	for _, q := range s.Verdict.Unknown {
		unknown[q.ID] = true
	}
	answered := map[string]*content.Question{}
	for _, a := range s.Answers {
		answered[a.Question.ID] = a.Question
	}
	var out []condition
	for _, id := range s.Meta.BOT {
		q := answered[id]
		if q == nil {
			q = no[id]
		}
		if q == nil {
			continue
		}
		c := condition{ID: id, Name: conditionName(q)}
		switch {
		case no[id] != nil:
			c.State = "niet voldaan."
			if fix := oneLine(q.IfNo); fix != "" {
				c.State += " " + fix
			}
		case unknown[id]:
			c.State = "nog niet duidelijk."
		default:
			c.State = "voldaan."
		}
		out = append(out, c)
	}
	return out
}

// conditionName is a question's short label without its "BOT: " group,
// capitalised: "Bijsturen".
func conditionName(q *content.Question) string {
	name := oneLine(q.Short)
	if i := strings.LastIndex(name, ": "); i >= 0 {
		name = name[i+2:]
	}
	if name == "" {
		return name
	}
	r := []rune(name)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func rulesIn(s *decision.Summary, part string) []decision.AppliedRule {
	var out []decision.AppliedRule
	for _, r := range s.Rules {
		if r.Rule.Part == part {
			out = append(out, r)
		}
	}
	return out
}

// writeRule writes a rule once, as one list item: its point as a bold
// title, why it applies (only when that depends on the answers), the
// handreiking's own words and the legal background. The plain-language
// retelling (Rule.Text) is left out here: it says the quote's point a
// second time; it is in the JSON and the interview. One tight list item per
// rule keeps the section short on screen and on paper.
func writeRule(b *strings.Builder, r decision.AppliedRule, lk func(string) string) {
	fmt.Fprintf(b, "- **%s**", esc(sentence(r.Rule.Title)))
	if len(r.Why) > 0 {
		fmt.Fprintf(b, " *Waarom:* %s.", lk(r.WhyText()))
	}
	fmt.Fprintf(b, " „%s”", esc(r.Rule.Quote))
	if bg := background(r.Rule.Background); bg != "" {
		fmt.Fprintf(b, " *Achtergrond:* %s", lk(bg))
	}
	b.WriteString("\n")
}

// handreikingPart names a part of the handreiking as a heading.
func handreikingPart(part string) string { return "Handreiking, deel " + part }

// checkLaw is said once above the rules instead of under every article.
const checkLaw = "Controleer de actuele tekst op wetten.overheid.nl."

// background is a rule's legal background without a label of its own
// (the summary writes "Achtergrond:" once) and without the reminder to
// check wetten.overheid.nl, which the rules section gives once.
func background(s string) string {
	s = oneLine(s)
	for {
		t := strings.TrimSpace(strings.TrimPrefix(s, "Achtergrond:"))
		if t == s {
			break
		}
		s = t
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, checkLaw))
	if len(s) > 0 {
		r := []rune(s)
		s = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	return s
}

// writeResources writes the resources of one theme as a list. Resources
// on the same site (mbo.lesopafstand.nl has many topics) share one item
// with the address once and a line per topic.
func writeResources(b *strings.Builder, rs []*content.Resource) {
	var urls []string
	byURL := map[string][]*content.Resource{}
	for _, r := range rs {
		if _, ok := byURL[r.URL]; !ok {
			urls = append(urls, r.URL)
		}
		byURL[r.URL] = append(byURL[r.URL], r)
	}
	for _, u := range urls {
		group := byURL[u]
		if len(group) == 1 {
			writeResource(b, group[0])
			continue
		}
		// The topics say what each title says; the titles stay in the JSON.
		fmt.Fprintf(b, "- **%s** (%s)  \n  %s  \n  Zoek daar naar:\n", esc(host(u)), esc(group[0].Organisation), u)
		for _, r := range group {
			look := strings.TrimSuffix(oneLine(r.LookFor), ".")
			if look == "" {
				look = oneLine(r.Title)
			}
			fmt.Fprintf(b, "  - %s\n", esc(look))
		}
	}
}

// host is a URL's site name without "www.", as a short title.
func host(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	return strings.TrimPrefix(p.Host, "www.")
}

// writeResource writes one resource as a list item: title and
// organisation, the URL as text, and what to look for there. Hard line
// breaks, not a blank line: a blank line makes a loose list item, and
// Glamour then runs its two paragraphs together on one line.
func writeResource(b *strings.Builder, r *content.Resource) {
	fmt.Fprintf(b, "- **%s** (%s)  \n  %s", esc(r.Title), esc(r.Organisation), r.URL)
	if look := strings.TrimSpace(r.LookFor); look != "" {
		fmt.Fprintf(b, "  \n  Zoek daar naar: %s", esc(look))
	}
	b.WriteString("\n")
}

// SourcesMarkdown lists every resource of the content, by theme.
func SourcesMarkdown(c *content.Content) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Bronnen over afstandsonderwijs\n\n")
	fmt.Fprintf(&b, "Alle bronnen uit de %s (%s, %s), per thema.\n\n", esc(c.Meta.Title), esc(c.Meta.Publisher), esc(c.Meta.Date))
	for _, theme := range c.Meta.Themes {
		var in []*content.Resource
		for _, r := range c.Resources {
			if r.Theme == theme {
				in = append(in, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", esc(theme))
		for _, r := range in {
			writeResource(&b, r)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// sentence ends a title with a full stop, unless it already ends with a
// full stop, question mark or exclamation mark.
func sentence(title string) string {
	title = oneLine(title)
	if title == "" || strings.ContainsAny(title[len(title)-1:], ".?!") {
		return title
	}
	return title + "."
}

// firstSentence is the first sentence of text: up to the first ". ",
// "? " or "! " that is followed by a capital letter, so "art. 7.2.7" and
// "bijv. een" do not end it.
func firstSentence(text string) string {
	text = oneLine(text)
	for i := 0; i+2 < len(text); i++ {
		if strings.ContainsRune(".?!", rune(text[i])) && text[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(text[i+2:])
			if unicode.IsUpper(r) {
				return text[:i+1]
			}
		}
	}
	return text
}

// oneLine folds whitespace, so content written over several TOML lines
// stays one Markdown line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
