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
		// The steps already under "In het kort" are not repeated; its
		// heading says they are the first ones.
		for _, a := range rest {
			w("- [ ] %s\n", lk(a.Text))
		}
		w("\n")
	}

	section(SecWho)
	for _, p := range s.Parties {
		w("- **%s:** %s\n", esc(p.Party.Name), lk(strings.Join(partyLine(p), " ")))
	}
	w("\n")

	section(SecRules)
	// The parts of the handreiking in one list, in its order: a heading per
	// part costs two lines and the teacher does not need it (the JSON
	// gives each rule's part; Achteraf has a section of its own).
	var parts []string
	for _, part := range []string{"Algemeen", "Vooraf"} {
		if len(rulesIn(s, part)) > 0 {
			parts = append(parts, part)
		}
	}
	// A background that the rule just above already gave in full is not
	// written out again (the Inspectie's two rules share their law).
	last := ""
	said := func(bg string) bool {
		if last != "" && strings.HasPrefix(last, bg) {
			return true
		}
		last = bg
		return false
	}
	for _, part := range parts {
		for _, r := range rulesIn(s, part) {
			writeRule(&b, r, lk, said)
		}
	}
	if len(parts) > 0 {
		w("\n")
	}

	section(SecAfter)
	// The section's title names the part of the handreiking. What to do
	// after the lesson continues the same list under a label: a heading
	// would cost a blank line.
	rules := rulesIn(s, "Achteraf")
	for _, r := range rules {
		writeRule(&b, r, lk, said)
	}
	if len(s.After) > 0 {
		w("- **Na de les:**\n")
		for _, a := range s.After {
			w("- [ ] %s\n", lk(a.Text))
		}
	}
	if len(rules)+len(s.After) > 0 {
		w("\n")
	}

	// Findings and examples come from research in secondary education:
	// each section says so, with the research's own caveat.
	if fs := findingsOf(s); len(fs) > 0 {
		section(SecFindings)
		w("*%s. %s*\n\n", esc(strings.TrimSuffix(voSource(s), ".")), esc(caveatShort(voCaveat(s))))
		for _, f := range fs {
			w("- **%s** %s\n", esc(sentence(f.Title)), lk(f.Key))
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
		for _, x := range examplesOf(s) {
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
			w("- **%s:** %s\n", esc(t.Name), esc(definition(t.Text)))
		}
		w("\n")
	}

	section(SecSituation)
	if len(s.Answers) == 0 {
		w("Je hebt nog geen vragen beantwoord.\n\n")
	} else {
		writeAnswers(&b, s.Answers)
	}
	if len(s.Dropped) > 0 {
		w("Deze antwoorden tellen niet mee, omdat de vraag bij je andere antwoorden niet geldt: %s.\n\n", esc(decision.ShortList(s.Dropped)))
	}

	flush()
	// The disclaimer names the handreiking; the source is named here only
	// when edited content leaves it out.
	src := ""
	if !strings.Contains(oneLine(s.Meta.Disclaimer), oneLine(s.Meta.Title)) {
		src = fmt.Sprintf(" Bron: %s (%s, %s).", esc(s.Meta.Title), esc(s.Meta.Publisher), esc(s.Meta.Date))
	}
	// Where to check the law is said once, here, next to the disclaimer
	// that says to check it, rather than above the rules.
	w("*%s%s %s Inhoudsversie %s.*\n", esc(s.Meta.Disclaimer), src, lawSite, esc(s.Meta.Version))
	d.Footer = b.String()
	return d
}

// writeBrief writes "In het kort": the verdict in one sentence, who must
// agree or advise, whom to ask and at most maxNextSteps steps, as
// checkboxes: they are the first steps of the checklist.
func writeBrief(b *strings.Builder, br brief, lk func(string) string) {
	fmt.Fprintf(b, "**%s**\n\n", lk(br.Verdict))
	// One tight list: on the first screen every line counts. The items
	// are whole sentences, so several share their label's paragraph.
	item := func(label string, items []string) {
		if len(items) == 0 {
			return
		}
		linked := make([]string, len(items))
		for i, it := range items {
			linked[i] = lk(it)
		}
		fmt.Fprintf(b, "- **%s** %s\n", label, strings.Join(linked, " "))
	}
	item("Wie beslist mee:", br.Agree)
	item("Wat je nog moet navragen:", br.Ask)
	// The steps continue the same list under a label of their own: a
	// heading or a paragraph would cost a blank line.
	if next := br.Next[:min(len(br.Next), maxNextSteps)]; len(next) > 0 {
		b.WriteString("- **Je eerste stappen:**\n")
		for _, it := range next {
			fmt.Fprintf(b, "- [ ] %s\n", lk(it))
		}
	}
	if len(br.Agree)+len(br.Ask)+len(br.Next) > 0 {
		b.WriteString("\n")
	}
}

// writeVerdict writes the verdict. When a condition is not met or not yet
// clear, each of the three is on a line of its own: which one fails is
// the first thing to fix. When the conditions are not asked (an exam),
// the reason says why.
func writeVerdict(b *strings.Builder, s *decision.Summary, lk func(string) string) {
	v := s.Verdict
	// The label and the text after it share a paragraph: one blank line
	// less on the first screens.
	fmt.Fprintf(b, "**%s**", esc(sentence(v.Label())))
	conds := conditionsOf(s)
	note := verdictNote(s)
	switch {
	case v.Counts != nil && *v.Counts:
		// All three met: the sentence in "In het kort" says so; the note
		// says what else decides it.
		if note != "" {
			fmt.Fprintf(b, " %s", lk(note))
			note = ""
		}
		b.WriteString("\n\n")
	case botNotApplicable(s) || len(conds) == 0:
		if r := strings.TrimSpace(v.Reason); r != "" {
			fmt.Fprintf(b, " %s", lk(r))
		}
		b.WriteString("\n\n")
	default:
		b.WriteString(" Dit kan alleen als aan alle drie de voorwaarden is voldaan:\n\n")
		for _, c := range conds {
			fmt.Fprintf(b, "- %s: %s\n", esc(c.Name), lk(c.State))
		}
		b.WriteString("\n")
	}
	if note != "" {
		fmt.Fprintf(b, "%s\n\n", lk(note))
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
func writeRule(b *strings.Builder, r decision.AppliedRule, lk func(string) string, said func(string) bool) {
	fmt.Fprintf(b, "- **%s**", esc(sentence(r.Rule.Title)))
	if len(r.Why) > 0 {
		fmt.Fprintf(b, " *Waarom:* %s.", lk(r.WhyText()))
	}
	fmt.Fprintf(b, " „%s”", esc(r.Rule.Quote))
	switch bg := background(r.Rule.Background); {
	case bg == "":
	case said(bg):
		b.WriteString(" *Achtergrond:* als hierboven.")
	default:
		fmt.Fprintf(b, " *Achtergrond:* %s", lk(bg))
	}
	b.WriteString("\n")
}

// checkLaw ends many backgrounds in the content; the summary leaves it
// out there and says lawSite once, in the footer.
const checkLaw = "Controleer de actuele tekst op wetten.overheid.nl."

// lawSite says where the current text of the law is.
const lawSite = "Wetten: wetten.overheid.nl."

// background is a rule's legal background without a label of its own
// (the summary writes "Achtergrond:" once) and without the reminder to
// check wetten.overheid.nl, which the footer gives once.
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

// writeResources writes the resources as a list. Resources on the same
// site (mbo.lesopafstand.nl has many topics) share one item with the
// address once and the topics in one sentence.
func writeResources(b *strings.Builder, rs []*content.Resource) {
	var urls []string
	byURL := map[string][]*content.Resource{}
	for _, r := range rs {
		if _, ok := byURL[r.URL]; !ok {
			urls = append(urls, r.URL)
		}
		byURL[r.URL] = append(byURL[r.URL], r)
	}
	// An organisation written as "Full name, ABBR" is named in full once,
	// then by its abbreviation, as in running text.
	named := map[string]bool{}
	org := func(r *content.Resource) string {
		o := oneLine(r.Organisation)
		i := strings.LastIndex(o, ", ")
		if i < 0 || !named[o] {
			named[o] = true
			return o
		}
		return o[i+2:]
	}
	for _, u := range urls {
		group := byURL[u]
		if len(group) == 1 {
			r := *group[0]
			r.Organisation = org(group[0])
			writeResource(b, &r, true)
			continue
		}
		// The topics say what each title says; the titles stay in the JSON.
		var looks []string
		for _, r := range group {
			look := strings.TrimSuffix(firstSentence(r.LookFor), ".")
			if look == "" {
				look = oneLine(r.Title)
			}
			looks = append(looks, look)
		}
		fmt.Fprintf(b, "- **%s** (%s). Zoek daar naar %s.  \n  %s\n", esc(host(u)), esc(org(group[0])), esc(topicList(looks)), u)
	}
}

// repeats is true when a search hint says what the title says: one holds
// the other, apart from case, a leading article and the final full stop.
func repeats(hint, title string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSuffix(oneLine(s), "."))
		for _, art := range []string{"de ", "het ", "een "} {
			s = strings.TrimPrefix(s, art)
		}
		return s
	}
	h, t := norm(hint), norm(title)
	return h != "" && t != "" && (strings.Contains(h, t) || strings.Contains(t, h))
}

// topicPrefix is how the content names a topic of a site in "zoek":
// "het onderwerp 'lesontwerp'".
const topicPrefix = "het onderwerp "

// topicList joins what to look for into one phrase: "de onderwerpen
// 'lesontwerp', 'multimedia' en 'uitleg geven', en de pagina waar je zelf
// vragen kunt stellen" rather than a line per topic.
func topicList(looks []string) string {
	var topics, other []string
	for _, l := range looks {
		if t, ok := strings.CutPrefix(l, topicPrefix); ok && len(t) > 2 && strings.HasPrefix(t, "'") && strings.HasSuffix(t, "'") {
			topics = append(topics, t)
		} else {
			other = append(other, l)
		}
	}
	var parts []string
	switch len(topics) {
	case 0:
	case 1:
		parts = append(parts, topicPrefix+topics[0])
	default:
		parts = append(parts, "de onderwerpen "+andList(topics))
	}
	parts = append(parts, other...)
	if len(other) > 1 {
		// Hints are phrases with "en" in them: a semicolon keeps them
		// apart.
		return strings.Join(parts, "; ")
	}
	if len(parts) > 1 && len(topics) > 1 {
		// "de onderwerpen 'a' en 'b', en de pagina ...": a comma keeps the
		// last topic apart from the rest.
		return strings.Join(parts[:len(parts)-1], ", ") + ", en " + parts[len(parts)-1]
	}
	return andList(parts)
}

// andList joins items as Dutch does: "a, b en c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " en " + items[len(items)-1]
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
// organisation, the URL as text on a line of its own, and what to look
// for there. Hard line breaks, not a blank line: a blank line makes a
// loose list item, and Glamour then runs its two paragraphs together on
// one line. short keeps only the first sentence of "zoek" (the summary);
// the full list of resources gives it all.
func writeResource(b *strings.Builder, r *content.Resource, short bool) {
	look := oneLine(r.LookFor)
	if !short {
		fmt.Fprintf(b, "- **%s** (%s)  \n  %s", esc(r.Title), esc(r.Organisation), r.URL)
		if look != "" {
			fmt.Fprintf(b, "  \n  Zoek daar naar: %s", esc(look))
		}
		b.WriteString("\n")
		return
	}
	// Short: what to look for shares the title's lines, the URL stands
	// last on a line of its own. Only an address above the page (zekerheid
	// "ouder": a site or a parent page) needs its search hint here, and not
	// when the hint only says the title again; the full list of resources
	// gives every hint.
	fmt.Fprintf(b, "- **%s** (%s)", esc(r.Title), esc(r.Organisation))
	if r.Certainty != "ouder" || repeats(look, r.Title) {
		look = ""
	}
	if look = firstSentence(look); look != "" {
		fmt.Fprintf(b, ". Zoek daar naar: %s", esc(look))
	}
	fmt.Fprintf(b, "  \n  %s\n", r.URL)
}

// answersWidth is how wide a line of answers is packed: with Glamour's
// margin and the bullet it fits an 80-column terminal.
const answersWidth = 74

// writeAnswers writes the answers as "Vraag: antwoord" pairs, several to a
// list item but never one split over two: a table spends a line on each
// of sixteen short answers, and a header and a rule besides. (A hard line
// break inside a paragraph does not survive Glamour; list items do.)
func writeAnswers(b *strings.Builder, answers []decision.AnswerLine) {
	var line []string
	n := 0
	flush := func() {
		if len(line) > 0 {
			fmt.Fprintf(b, "- %s\n", strings.Join(line, " · "))
		}
		line, n = nil, 0
	}
	for _, a := range answers {
		q, t := oneLine(a.Question.Short), oneLine(a.Text())
		width := utf8.RuneCountInString(q) + 2 + utf8.RuneCountInString(t)
		if n > 0 && n+3+width > answersWidth {
			flush()
		}
		if n > 0 {
			n += 3
		}
		line = append(line, fmt.Sprintf("**%s:** %s", esc(q), esc(t)))
		n += width
	}
	flush()
	b.WriteString("\n")
}

// caveatShort is the research's caveat without the elaboration after a
// colon: "geeft het geen representatief beeld" stays, why it was done goes
// (it is in the JSON's vo_voorbehoud).
func caveatShort(c string) string {
	var out []string
	for _, s := range content.Sentences(c) {
		if i := strings.Index(s, ": "); i > 0 {
			s = s[:i] + "."
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// definition is a glossary entry as the summary gives it: the first
// sentence, up to a colon that starts an elaboration. The whole entry is
// in "afstandswijzer begrippen"; the part after the colon is often what a
// rule above says in the law's words.
func definition(text string) string {
	d := firstSentence(text)
	if i := strings.Index(d, ": "); i > 0 {
		d = d[:i] + "."
	}
	return d
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
			writeResource(&b, r, false)
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
