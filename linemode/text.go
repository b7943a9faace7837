package linemode

import (
	"regexp"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/report"
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
	mdEscape = regexp.MustCompile("\\\\[!-/:-@\\[-`{-~]")
	// mdLabel is a list item that is only a bold label ("**Je eerste
	// stappen:**"): the checkbox items after it belong under it.
	mdLabel = regexp.MustCompile(`^\*\*[^*]+:\*\*$`)
)

// escBase is where escaped punctuation is parked while the marks are
// removed (a private-use plane no text here uses), so an escaped "*" or
// "[" in a file name is not read as emphasis or a link.
const escBase = 0xF0000

// inline removes emphasis and link marks and Markdown's backslash
// escapes. A link to another place keeps its address; an in-page link (a
// term's entry under "Begrippen") is just its text, since a plain text has
// no places to jump to.
func inline(s string) string {
	s = mdEscape.ReplaceAllStringFunc(s, func(m string) string { return string(rune(escBase + int(m[1]))) })
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := mdLink.FindStringSubmatch(m)
		if strings.HasPrefix(sub[2], "#") {
			return sub[1]
		}
		return sub[1] + " (" + sub[2] + ")"
	})
	s = mdStrong.ReplaceAllString(s, "$1")
	s = mdEm.ReplaceAllString(s, "$1")
	s = strings.Map(func(r rune) rune {
		if r >= escBase && r < escBase+0x80 {
			return r - escBase
		}
		return r
	}, s)
	return strings.TrimRight(s, " ")
}

func writeMD(b *strings.Builder, md string, width int) {
	lines := strings.Split(md, "\n")
	blank := true
	out := func(s string) {
		b.WriteString(s + "\n")
		blank = s == ""
	}
	nested := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "- ") {
			nested = false
		}
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
			if nested {
				out(wrap.Indent("  - ", inline(t[6:]), width))
			} else {
				out(wrap.Indent("- ", inline(t[6:]), width))
			}
			continue
		case strings.HasPrefix(t, "- "):
			// "In het kort" continues its list with a label and the
			// first steps as checkboxes (a nested list would cost a blank
			// line on the full screen); here they go under the label.
			nested = mdLabel.MatchString(strings.TrimSpace(t[2:]))
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
