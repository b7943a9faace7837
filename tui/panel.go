package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// panelSplit returns the width of the main text and of the side panel (0
// when hidden). The panel stands right beside the text, not at the far
// edge of a wide window, and gets panelWidth columns or is hidden.
func panelSplit(width int) (text, panel int) {
	if width < panelMin {
		return min(width, textMax), 0
	}
	return min(width-panelWidth-3, textMax), panelWidth
}

// withPanel draws the live result beside the body on wide windows. It
// joins line by line: lipgloss.JoinHorizontal measured every line twice
// and cost most of a key press.
func withPanel(c *common, width, h int, body func(c *common, w, h int) string) string {
	textW, panelW := panelSplit(width)
	if panelW == 0 {
		return body(c, textW, h)
	}
	left := strings.Split(fitHeight(body(c, textW, h), h), "\n")
	right := strings.Split(fitHeight(panelView(c, panelW, h), h), "\n")
	bar := " " + c.st.panelBar.Render(c.st.sym.bar) + " "
	var b strings.Builder
	for i := range h {
		l := left[i]
		b.WriteString(l)
		if pad := textW - ansi.StringWidth(l); pad > 0 {
			b.WriteString(strings.Repeat(" ", pad))
		}
		b.WriteString(bar)
		b.WriteString(right[i])
		if i < h-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// panelView shows what is known so far: the verdict, the conditions not
// met (one per line) and the rules that already apply, all from the
// engine.
func panelView(c *common, w, h int) string {
	s := c.live
	sym := c.st.sym
	var b lineBuilder
	b.add(c.st.heading.Render("Wat je nu weet"))
	b.add("")
	b.add(c.st.faint.Render("Begeleide onderwijstijd:"))
	label := s.Verdict.Label()
	switch {
	case s.Verdict.Counts == nil:
		b.add(c.st.faint.Render(wrapText(label, w)))
	case *s.Verdict.Counts:
		b.add(c.st.good.Render(wrapIndent(sym.check+" ", label, w)))
	default:
		b.add(c.st.bad.Render(wrapIndent(sym.cross+" ", label, w)))
		b.add(c.st.faint.Render("Niet voldaan:"))
		for _, q := range s.Verdict.No {
			b.add(wrapIndent("  "+sym.cross+" ", clean(q.Short), w))
		}
	}
	b.add("")
	b.add(c.st.faint.Render("Regels die gelden: " + itoa(len(s.Rules))))
	for i, r := range s.Rules {
		item := strings.Split(wrapIndent("• ", clean(r.Rule.Title), w), "\n")
		if len(b.lines)+len(item) > h-1 {
			b.add(c.st.faint.Render("… en nog " + itoa(len(s.Rules)-i)))
			break
		}
		b.add(strings.Join(item, "\n"))
	}
	return strings.Join(b.lines, "\n")
}
