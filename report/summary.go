package report

import (
	"fmt"
	"strings"

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
