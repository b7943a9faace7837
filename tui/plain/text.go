package plain

import (
	"regexp"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/tui/internal/wrap"
)

// Text writes a summary document as plain text for a screen reader or a
// terminal without Markdown: no #, *, | or [ ] marks, headings on their own
// line, table rows as "cell: cell", list items with a hanging indent,
// wrapped at width between words. It follows the document's section order.
func Text(d report.Document, width int) string {
	var b strings.Builder
	// Titles stand alone on a line; not in capitals, which some screen
	// readers spell out letter by letter.
	b.WriteString(wrap.Words(d.Title, width) + "\n\n")
	writeMD(&b, d.Intro, width)
	for _, s := range d.Sections {
		b.WriteString(wrap.Words(s.Title, width) + "\n\n")
		writeMD(&b, s.Body, width)
	}
	writeMD(&b, d.Footer, width)
	return b.String()
}

var (
	mdLink   = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)
	mdStrong = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	mdEm     = regexp.MustCompile(`\*([^*\s][^*]*)\*`)
)

// inline removes emphasis and link marks; a link keeps its address.
func inline(s string) string {
	s = mdLink.ReplaceAllString(s, "$1 ($2)")
	s = mdStrong.ReplaceAllString(s, "$1")
	s = mdEm.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, `\|`, "|")
	return strings.TrimRight(s, " ")
}

func writeMD(b *strings.Builder, md string, width int) {
	lines := strings.Split(md, "\n")
	blank := true
	out := func(s string) {
		b.WriteString(s + "\n")
		blank = s == ""
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			if !blank {
				out("")
			}
		case t == "---":
			// A rule only separates the footer; a blank line does that.
		case strings.HasPrefix(t, "#"):
			out(wrap.Words(inline(strings.TrimSpace(strings.TrimLeft(t, "#"))), width))
		case strings.HasPrefix(t, "|"):
			// The header row and the |---| line are dropped: each row
			// reads as "first cell: the rest".
			if i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "|-") {
				i++
				continue
			}
			cells := strings.Split(strings.Trim(strings.ReplaceAll(t, `\|`, "\x00"), "|"), "|")
			for j := range cells {
				cells[j] = strings.ReplaceAll(strings.TrimSpace(cells[j]), "\x00", "|")
			}
			out(wrap.Indent("- ", inline(cells[0]+": "+strings.Join(cells[1:], " ")), width))
		case strings.HasPrefix(t, "- [ ] "):
			out(wrap.Indent("- ", inline(t[6:]), width))
		case strings.HasPrefix(t, "- "):
			// A list item may go on over indented lines (hard breaks).
			text := t[2:]
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "  ") && strings.TrimSpace(lines[i+1]) != "" {
				i++
				text += "\n" + strings.TrimSpace(lines[i])
			}
			var parts []string
			for j, p := range strings.Split(text, "\n") {
				prefix := "  "
				if j == 0 {
					prefix = "- "
				}
				parts = append(parts, wrap.Indent(prefix, inline(p), width))
			}
			out(strings.Join(parts, "\n"))
		case strings.HasPrefix(t, ">"):
			out(wrap.Indent("  ", inline(strings.TrimSpace(strings.TrimPrefix(t, ">"))), width))
		default:
			out(wrap.Words(inline(t), width))
		}
	}
	if !blank {
		out("")
	}
}
