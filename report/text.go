package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

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
	// Not every resource comes from the handreiking: some come from the
	// Inspectie's research or were added as a newer address.
	fmt.Fprintf(&b, "Alle bronnen van deze wijzer, per thema. De meeste noemt de %s (%s, %s); andere komen van elders, zoals het onderzoek van de Inspectie.\n\n", esc(c.Meta.Title), esc(c.Meta.Publisher), esc(c.Meta.Date))
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
