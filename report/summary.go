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
	SecBrief  = "In het kort"
	SecBOT    = "Begeleide onderwijstijd"
	SecBefore = "Regel dit vooraf"
	SecWho    = "Wie beslist wat"
	// SecRules says whose the rules are: the handreiking's, its words
	// between „ ”.
	SecRules     = "Regels uit de handreiking"
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
// help, the glossary, and the teacher's own answers as an appendix. The
// wijzer's own advice stands apart from its sources in every section.
func Summary(s *decision.Summary) Document {
	w := &docWriter{d: Document{Title: "Afstandsonderwijs in je les: samenvatting"}, cur: -1}
	// Terms are linked to the glossary at their first use, in document
	// order: every text that may name a term goes through lk.
	gl := newLinker(termsOf(s))
	w.lk = func(text string) string { return gl.link(esc(text)) }
	if !s.Complete {
		w.f("*Let op: nog niet alle vragen zijn beantwoord. Deze samenvatting is voorlopig.*\n\n")
	}
	br := briefOf(s)
	w.section(SecBrief)
	writeBrief(w, br)
	w.section(SecBOT)
	writeVerdict(w, s)
	w.section(SecBefore)
	writeBefore(w, s, br)
	w.section(SecWho)
	for _, p := range s.Parties {
		l := partyLine(p)
		w.f("- **%s:** %s%s\n", esc(p.Party.Name), w.lk(l.Text), ownMark(l.Brontype))
	}
	w.f("\n")
	w.section(SecRules)
	said := backgroundSaid()
	writeRules(w, s, said)
	w.section(SecAfter)
	writeAfter(w, s, said)
	// Findings and examples come from research in secondary education:
	// each section says so, with the research's own caveat.
	if len(findingsOf(s)) > 0 {
		w.section(SecFindings)
		writeFindings(w, s)
	}
	if len(s.Examples) > 0 {
		w.section(SecExamples)
		writeExamples(w, s)
	}
	w.section(SecSources)
	writeSources(w, s)
	w.d.terms = gl.used()
	if len(w.d.terms) > 0 {
		w.section(SecTerms)
		// The first sentence defines the term; the whole glossary is in
		// the interview and in "afstandswijzer begrippen".
		for _, t := range w.d.terms {
			w.f("- **%s:** %s%s\n", esc(t.Name), esc(definition(t.Text)), ownMark(t.Brontype))
		}
		w.f("\n")
	}
	w.section(SecSituation)
	if len(s.Answers) == 0 {
		w.f("Je hebt nog geen vragen beantwoord.\n\n")
	} else {
		writeAnswers(&w.b, s.Answers)
	}
	if len(s.Dropped) > 0 {
		w.f("Deze antwoorden tellen niet mee, omdat de vraag bij je andere antwoorden niet geldt: %s.\n\n", esc(decision.ShortList(s.Dropped)))
	}
	w.flush()
	writeFooter(w, s)
	return w.d
}

// docWriter writes a document section by section.
type docWriter struct {
	d   Document
	b   strings.Builder
	cur int // the section being written; -1 is the intro
	lk  func(string) string
}

func (w *docWriter) f(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

// flush closes the text written so far: the intro or the current section.
func (w *docWriter) flush() {
	if w.cur < 0 {
		w.d.Intro = w.b.String()
	} else {
		w.d.Sections[w.cur].Body = w.b.String()
	}
	w.b.Reset()
}

// section closes the text so far and starts a new section.
func (w *docWriter) section(title string) {
	w.flush()
	w.d.Sections = append(w.d.Sections, Section{Title: title})
	w.cur = len(w.d.Sections) - 1
}

// ownMark follows a single line that is the wijzer's own reading.
func ownMark(brontype string) string {
	if isWijzer(brontype) {
		return " *(" + wijzerOwn + ")*"
	}
	return ""
}

// writeFooter writes the disclaimer, the source when the disclaimer does
// not name it, where to check the law and the content version.
func writeFooter(w *docWriter, s *decision.Summary) {
	src := ""
	if !strings.Contains(oneLine(s.Meta.Disclaimer), oneLine(s.Meta.Title)) {
		src = fmt.Sprintf(" Bron: %s (%s, %s).", esc(s.Meta.Title), esc(s.Meta.Publisher), esc(s.Meta.Date))
	}
	// Where to check the law is said once, here, next to the disclaimer
	// that says to check it, rather than above the rules.
	w.f("*%s%s %s Inhoudsversie %s.*\n", esc(s.Meta.Disclaimer), src, lawSite, esc(s.Meta.Version))
	w.d.Footer = w.b.String()
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
	// The quote is linked too: it may hold the only use of a term
	// (kwaliteitsborging, examinering), which the glossary then explains.
	fmt.Fprintf(b, " „%s”", lk(r.Rule.Quote))
	switch bg := background(r.Rule.Background); {
	case bg == "":
	case said(bg):
		b.WriteString(" *Achtergrond (wet):* als hierboven.")
	default:
		fmt.Fprintf(b, " *Achtergrond (wet):* %s", lk(bg))
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
