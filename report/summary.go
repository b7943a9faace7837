package report

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Section titles of the Markdown summary. The TUI jumps between "## "
// headings, so each section is exactly one of these.
const (
	SecSituation = "Jouw situatie"
	SecBOT       = "Begeleide onderwijstijd"
	SecWho       = "Wie beslist wat"
	SecRules     = "Regels die gelden"
	SecBefore    = "Regel dit vooraf"
	SecSources   = "Hulp en bronnen"
	SecExamples  = "Voorbeelden uit de praktijk"
	SecAfter     = "Achteraf: kwaliteitszorg en toezicht"
)

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

// Summary lays out the summary as a document.
func Summary(s *decision.Summary) Document {
	d := Document{Title: "Afstandsonderwijs in je les: samenvatting"}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
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

	section(SecSituation)
	if len(s.Answers) == 0 {
		w("Je hebt nog geen vragen beantwoord.\n\n")
	} else {
		w("| Vraag | Jouw antwoord |\n|---|---|\n")
		for _, a := range s.Answers {
			w("| %s | %s |\n", cell(a.Question.Short), cell(a.Text()))
		}
		w("\n")
	}
	if len(s.Dropped) > 0 {
		w("Deze antwoorden tellen niet mee, omdat de vraag bij je andere antwoorden niet geldt: %s.\n\n", decision.ShortList(s.Dropped))
	}

	section(SecBOT)
	w("**%s.** %s\n\n", s.Verdict.Label(), s.Verdict.Reason)
	w("Afstandsonderwijs telt alleen als begeleide onderwijstijd als er interactie is met de student, als de docent op dat moment kan bijsturen, en als er directe, actieve begeleiding is.\n\n")

	section(SecWho)
	w("| Wie | Wat beslist of doet deze partij |\n|---|---|\n")
	for _, p := range s.Parties {
		w("| %s | %s |\n", cell(p.Party.Name), cell(strings.Join(p.Tasks, " ")))
	}
	w("\n")

	section(SecRules)
	for _, part := range []string{"Algemeen", "Vooraf"} {
		rules := rulesIn(s, part)
		if len(rules) == 0 {
			continue
		}
		w("### %s\n\n", part)
		for _, r := range rules {
			writeRule(&b, r, "####")
		}
	}

	section(SecBefore)
	if len(s.Before) == 0 {
		w("Er is vooraf niets extra te regelen.\n\n")
	}
	for _, a := range s.Before {
		w("- [ ] %s\n", oneLine(a.Text))
	}
	if len(s.Before) > 0 {
		w("\n")
	}

	section(SecSources)
	for _, theme := range s.Meta.Themes {
		var in []*content.Resource
		for _, r := range s.Sources {
			if r.Theme == theme {
				in = append(in, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		w("### %s\n\n", theme)
		for _, r := range in {
			writeResource(&b, r)
		}
		w("\n")
	}

	if len(s.Examples) > 0 {
		section(SecExamples)
		w("Ervaringen uit het voortgezet onderwijs (onderzoek van de Inspectie van het Onderwijs, november 2020 tot maart 2021). Ter inspiratie: het mbo kan er ook iets mee.\n\n")
		for _, x := range s.Examples {
			w("- %s *(%s)*\n", oneLine(x.Text), x.Theme)
		}
		w("\n")
	}

	section(SecAfter)
	// Directly under a "## " heading, so one level down: headings must not
	// skip a level (screen readers navigate by them).
	for _, r := range rulesIn(s, "Achteraf") {
		writeRule(&b, r, "###")
	}
	if len(s.After) > 0 {
		w("Na de les:\n\n")
		for _, a := range s.After {
			w("- [ ] %s\n", oneLine(a.Text))
		}
		w("\n")
	}

	flush()
	w("---\n\n")
	w("*%s*  \n", oneLine(s.Meta.Disclaimer))
	w("*Bron: %s (%s, %s). Inhoudsversie %s.*\n", s.Meta.Title, s.Meta.Publisher, s.Meta.Date, s.Meta.Version)
	d.Footer = b.String()
	return d
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

func writeRule(b *strings.Builder, r decision.AppliedRule, heading string) {
	fmt.Fprintf(b, "%s %s\n\n", heading, oneLine(r.Rule.Title))
	fmt.Fprintf(b, "%s\n\n", strings.TrimSpace(r.Rule.Text))
	fmt.Fprintf(b, "*Waarom:* %s.\n\n", r.WhyText())
	fmt.Fprintf(b, "> %s  \n> — Handreiking, deel %s\n\n", oneLine(r.Rule.Quote), r.Rule.Part)
	if bg := strings.TrimSpace(r.Rule.Background); bg != "" {
		fmt.Fprintf(b, "*Achtergrond:* %s\n\n", oneLine(strings.TrimPrefix(bg, "Achtergrond:")))
	}
}

// writeResource writes one resource as a list item: title and
// organisation, the URL as text, and what to look for there. Hard line
// breaks, not a blank line: a blank line makes a loose list item, and
// Glamour then runs its two paragraphs together on one line.
func writeResource(b *strings.Builder, r *content.Resource) {
	fmt.Fprintf(b, "- **%s** (%s)  \n  %s", oneLine(r.Title), oneLine(r.Organisation), r.URL)
	if look := strings.TrimSpace(r.LookFor); look != "" {
		fmt.Fprintf(b, "  \n  *Zoek daar naar:* %s", oneLine(look))
	}
	b.WriteString("\n")
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", "\\|")
}

// JSON shapes: Dutch keys, stable for scripts.
type jsonSummary struct {
	Version  string            `json:"inhoudsversie"`
	Complete bool              `json:"compleet"`
	Answers  map[string]any    `json:"antwoorden"`
	Dropped  []string          `json:"vervallen"`
	BOT      jsonVerdict       `json:"bot"`
	Rules    []jsonRule        `json:"regels"`
	Parties  []jsonParty       `json:"partijen"`
	Actions  []jsonAction      `json:"acties"`
	Sources  []jsonResource    `json:"bronnen"`
	Examples []jsonExample     `json:"voorbeelden"`
	Source   map[string]string `json:"handreiking"`
}

type jsonVerdict struct {
	Counts  *bool    `json:"telt"`
	Reason  string   `json:"reden"`
	No      []string `json:"niet_voldaan"`
	Unknown []string `json:"onduidelijk"`
}

type jsonRule struct {
	ID     string   `json:"id"`
	Title  string   `json:"titel"`
	Text   string   `json:"tekst"`
	Source jsonSrc  `json:"bron"`
	Why    []string `json:"waarom"`
}

type jsonSrc struct {
	Part  string `json:"deel"`
	Quote string `json:"citaat"`
}

type jsonParty struct {
	ID    string   `json:"id"`
	Name  string   `json:"naam"`
	Tasks []string `json:"taken"`
}

type jsonAction struct {
	Text  string `json:"tekst"`
	Phase string `json:"fase"`
	From  string `json:"herkomst"`
}

type jsonResource struct {
	ID           string `json:"id"`
	Title        string `json:"titel"`
	URL          string `json:"url"`
	Organisation string `json:"organisatie"`
	Theme        string `json:"thema"`
	LookFor      string `json:"zoek,omitempty"`
}

type jsonExample struct {
	ID    string `json:"id"`
	Text  string `json:"tekst"`
	Theme string `json:"thema"`
}

// JSON renders the summary for scripts.
func JSON(s *decision.Summary) ([]byte, error) {
	j := jsonSummary{
		Version:  s.Meta.Version,
		Complete: s.Complete,
		Answers:  map[string]any{},
		Dropped:  []string{},
		BOT:      jsonVerdict{Counts: s.Verdict.Counts, Reason: s.Verdict.Reason, No: ids(s.Verdict.No), Unknown: ids(s.Verdict.Unknown)},
		Rules:    []jsonRule{},
		Parties:  []jsonParty{},
		Actions:  []jsonAction{},
		Sources:  []jsonResource{},
		Examples: []jsonExample{},
		Source:   map[string]string{"titel": s.Meta.Title, "uitgever": s.Meta.Publisher, "datum": s.Meta.Date, "url": s.Meta.URL},
	}
	for _, a := range s.Answers {
		if a.Question.Kind == content.Many {
			j.Answers[a.Question.ID] = append([]string{}, a.Values...)
		} else if len(a.Values) > 0 {
			j.Answers[a.Question.ID] = a.Values[0]
		}
	}
	j.Dropped = append(j.Dropped, ids(s.Dropped)...)
	for _, r := range s.Rules {
		why := r.Why
		if len(why) == 0 {
			why = []string{"geldt altijd"}
		}
		j.Rules = append(j.Rules, jsonRule{ID: r.Rule.ID, Title: r.Rule.Title, Text: strings.TrimSpace(r.Rule.Text),
			Source: jsonSrc{Part: r.Rule.Part, Quote: oneLine(r.Rule.Quote)}, Why: why})
	}
	for _, p := range s.Parties {
		j.Parties = append(j.Parties, jsonParty{ID: p.Party.ID, Name: p.Party.Name, Tasks: p.Tasks})
	}
	for _, a := range append(append([]decision.ActionItem{}, s.Before...), s.After...) {
		j.Actions = append(j.Actions, jsonAction{Text: oneLine(a.Text), Phase: a.Phase, From: a.From})
	}
	for _, r := range s.Sources {
		j.Sources = append(j.Sources, jsonResource{ID: r.ID, Title: r.Title, URL: r.URL, Organisation: r.Organisation, Theme: r.Theme, LookFor: oneLine(r.LookFor)})
	}
	for _, x := range s.Examples {
		j.Examples = append(j.Examples, jsonExample{ID: x.ID, Text: oneLine(x.Text), Theme: x.Theme})
	}
	out, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func ids(qs []*content.Question) []string {
	out := []string{}
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

// SourcesMarkdown lists every resource of the content, by theme.
func SourcesMarkdown(c *content.Content) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Bronnen over afstandsonderwijs\n\n")
	fmt.Fprintf(&b, "Alle bronnen uit de %s (%s, %s), per thema.\n\n", c.Meta.Title, c.Meta.Publisher, c.Meta.Date)
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
		fmt.Fprintf(&b, "## %s\n\n", theme)
		for _, r := range in {
			writeResource(&b, r)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// SourcesJSON lists every resource of the content for scripts.
func SourcesJSON(c *content.Content) ([]byte, error) {
	out := []jsonResource{}
	for _, r := range c.Resources {
		out = append(out, jsonResource{ID: r.ID, Title: r.Title, URL: r.URL, Organisation: r.Organisation, Theme: r.Theme, LookFor: oneLine(r.LookFor)})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	return append(data, '\n'), err
}

// oneLine folds whitespace, so content written over several TOML lines
// stays one Markdown line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
