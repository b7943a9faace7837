package report

import (
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	xansi "github.com/charmbracelet/x/ansi"
)

// MaxTextWidth is the widest a summary is wrapped, like a pager: lines of
// more than about 100 characters are hard to read, so a wide terminal gets
// a margin instead.
const MaxTextWidth = 100

// minTextWidth keeps a tiny or unknown width from wrapping every word.
const minTextWidth = 20

// TerminalOptions chooses how Markdown looks at a terminal. The caller
// decides (it knows the terminal and the environment); Glamour v2 detects
// nothing itself.
type TerminalOptions struct {
	// Light selects the style for a light background; the default is dark.
	Light bool
	// NoColor (NO_COLOR set) gives text without colour and without
	// Markdown syntax: no "**", "*" or "##". Bold stays bold.
	NoColor bool
	// PlainText leaves out every escape sequence as well (bold, links):
	// for the line mode and screen readers. Implies NoColor.
	PlainText bool
}

// defaultWidth is used when the width is not known (0 or less).
const defaultWidth = 80

// TextWidth is the wrap width for a terminal of width columns:
// min(width, MaxTextWidth), never less than minTextWidth, and
// defaultWidth when the width is not known.
func TextWidth(width int) int {
	if width <= 0 {
		width = defaultWidth
	}
	return max(min(width, MaxTextWidth), minTextWidth)
}

// TerminalRenderer returns a Glamour renderer for a terminal of width
// columns. Callers that render often (the TUI) keep it; a TermRenderer is
// not safe for concurrent use.
func TerminalRenderer(width int, opt TerminalOptions) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(
		glamour.WithStyles(TerminalStyle(opt)),
		glamour.WithWordWrap(TextWidth(width)),
	)
}

// Terminal renders Markdown for a terminal of width columns. This is the
// one place where summaries, cases and comparisons get their terminal
// look.
func Terminal(md string, width int, opt TerminalOptions) (string, error) {
	r, err := TerminalRenderer(width, opt)
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	if err != nil || !opt.PlainText {
		return out, err
	}
	// Glamour pads every line to the full width; plain text does not need
	// the trailing spaces.
	lines := strings.Split(xansi.Strip(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n"), nil
}

// TerminalStyle is the Glamour style for opt.
func TerminalStyle(opt TerminalOptions) ansi.StyleConfig {
	var c ansi.StyleConfig
	switch {
	case opt.NoColor || opt.PlainText:
		c = plainStyle()
	case opt.Light:
		c = styles.LightStyleConfig
	default:
		c = styles.DarkStyleConfig
	}
	// A heading is followed directly by its text: at 80x24 the blank
	// lines after a dozen headings cost most of a screen.
	c.Heading.BlockSuffix = ""
	// Glamour reserves one column per level of quote indent but draws the
	// token "│ " in two, so a full line runs over and its last word lands
	// outside the bar. An indent of two plain spaces is drawn as wide as
	// it is reserved.
	two, space := uint(2), " "
	c.BlockQuote.Indent, c.BlockQuote.IndentToken = &two, &space
	return c
}

// plainStyle is Glamour's dark style with every colour removed and the
// Markdown markers that the "notty" and "ascii" styles print ("**", "*",
// "#", "`") replaced by text attributes. NO_COLOR forbids colour, not
// bold or underline, and a reader who asked for plain text should not
// have to read Markdown syntax.
func plainStyle() ansi.StyleConfig {
	t, f := true, false
	margin := uint(2)
	// ASCII only: no box-drawing characters in plain output.
	colSep, centerSep, rowSep := "|", "+", "-"
	return ansi.StyleConfig{
		Document: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{BlockPrefix: "\n", BlockSuffix: "\n"},
			Margin:         &margin,
		},
		List: ansi.StyleList{LevelIndent: 2},
		Heading: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{BlockSuffix: "\n", Bold: &t},
		},
		// Levels differ by attribute, not by "#" markers.
		H1:            ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Underline: &t}},
		H2:            ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Underline: &t}},
		H4:            ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Italic: &t}},
		H5:            ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Italic: &t}},
		H6:            ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Bold: &f, Italic: &t}},
		Strikethrough: ansi.StylePrimitive{CrossedOut: &t},
		Emph:          ansi.StylePrimitive{Italic: &t},
		Strong:        ansi.StylePrimitive{Bold: &t},
		HorizontalRule: ansi.StylePrimitive{
			Format: "\n--------\n",
		},
		Item:        ansi.StylePrimitive{BlockPrefix: "• "},
		Enumeration: ansi.StylePrimitive{BlockPrefix: ". "},
		Task:        ansi.StyleTask{Ticked: "[x] ", Unticked: "[ ] "},
		Link:        ansi.StylePrimitive{Underline: &t},
		ImageText:   ansi.StylePrimitive{Format: "Afbeelding: {{.text}} →"},
		CodeBlock:   ansi.StyleCodeBlock{StyleBlock: ansi.StyleBlock{Margin: &margin}},
		Table: ansi.StyleTable{
			CenterSeparator: &centerSep, ColumnSeparator: &colSep, RowSeparator: &rowSep,
		},
		DefinitionDescription: ansi.StylePrimitive{BlockPrefix: "\n  "},
	}
}
