package report

import (
	"fmt"
	"regexp"
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
	return RenderWith(r, md, width, opt)
}

// RenderWith is Terminal with a renderer the caller keeps (the TUI pools
// them): r must come from TerminalRenderer(width, opt). A URL longer than
// the line is kept whole, never broken inside.
func RenderWith(r *glamour.TermRenderer, md string, width int, opt TerminalOptions) (string, error) {
	md, long := holdLongURLs(md, TextWidth(width))
	out, err := r.Render(md)
	if err != nil {
		return out, err
	}
	out = restoreLongURLs(out, long, TerminalStyle(opt).Link, opt.NoColor || opt.PlainText)
	if !opt.PlainText {
		return out, nil
	}
	// Glamour pads every line to the full width; plain text does not need
	// the trailing spaces.
	lines := strings.Split(xansi.Strip(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n"), nil
}

// bareURL finds a URL written as text; trailing punctuation is not part of
// it.
var bareURL = regexp.MustCompile(`https?://[^\s<>()\[\]"]*[^\s<>()\[\]".,;:!?']`)

// urlIndent is the most a URL is indented: the document margin and two
// list levels. A URL that fits in the width minus this is never broken by
// Glamour (it moves a word that fits to the next line whole).
const urlIndent = 6

// holdLongURLs replaces each URL that does not fit on a line by a short
// token. Glamour breaks a word that is longer than the width inside the
// word ("…/brochure-" / "ruimte-in-regels"): a reader can then neither
// click nor copy it. The token goes through Glamour whole and
// restoreLongURLs puts the URL back; the terminal wraps that one line
// softly, like a pager does.
func holdLongURLs(md string, width int) (string, []string) {
	var long []string
	md = bareURL.ReplaceAllStringFunc(md, func(u string) string {
		if len(u) <= width-urlIndent {
			return u
		}
		long = append(long, u)
		return urlToken(len(long) - 1)
	})
	return md, long
}

// urlToken is letters and digits only: no Markdown syntax, no glossary
// word, nothing Glamour styles or breaks.
func urlToken(i int) string { return fmt.Sprintf("qqafstandswijzerurl%dqq", i) }

// trailingPad is the padding Glamour adds after a line's text, before any
// closing escape codes.
var trailingPad = regexp.MustCompile(`( +)((?:\x1b\[[0-9;]*m)*)$`)

// restoreLongURLs puts the URLs held by holdLongURLs back, styled as
// Glamour styles a link (colour and underline, none under NO_COLOR but the
// underline) and as an OSC 8 hyperlink, and drops the padding after them:
// such a line is as long as its URL.
func restoreLongURLs(out string, long []string, link ansi.StylePrimitive, noColor bool) string {
	if len(long) == 0 {
		return out
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		changed := false
		for j, u := range long {
			if tok := urlToken(j); strings.Contains(l, tok) {
				l = strings.ReplaceAll(l, tok, styledURL(u, link, noColor))
				changed = true
			}
		}
		if changed {
			l = trailingPad.ReplaceAllString(l, "$2")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// styledURL is u as a hyperlink in the link style.
func styledURL(u string, link ansi.StylePrimitive, noColor bool) string {
	var sgr []string
	if link.Bold != nil && *link.Bold {
		sgr = append(sgr, "1")
	}
	if link.Underline != nil && *link.Underline {
		sgr = append(sgr, "4")
	}
	if !noColor && link.Color != nil {
		if c := colourSGR(*link.Color); c != "" {
			sgr = append(sgr, c)
		}
	}
	s := xansi.SetHyperlink(u) + u + xansi.ResetHyperlink()
	if len(sgr) > 0 {
		s = "\x1b[" + strings.Join(sgr, ";") + "m" + s + "\x1b[m"
	}
	return s
}

// colourSGR turns a Glamour colour (an ANSI 256 number or #rrggbb) into
// SGR parameters for the foreground.
func colourSGR(c string) string {
	var n, r, g, b int
	if _, err := fmt.Sscanf(c, "#%02x%02x%02x", &r, &g, &b); err == nil && len(c) == 7 {
		return fmt.Sprintf("38;2;%d;%d;%d", r, g, b)
	}
	if _, err := fmt.Sscanf(c, "%d", &n); err == nil && n >= 0 && n < 256 {
		return fmt.Sprintf("38;5;%d", n)
	}
	return ""
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
	// No blank line above the title: the first screen has none to spare.
	c.Document.BlockPrefix = ""
	// The document margin stays on both sides: Glamour wraps a list item's
	// text without counting its bullet, and the right margin is where
	// those two columns go.
	two := uint(2)
	// A heading is followed directly by its text: at 80x24 the blank
	// lines after a dozen headings cost most of a screen.
	c.Heading.BlockSuffix = ""
	// Glamour reserves one column per level of quote indent but draws the
	// token "│ " in two, so a full line runs over and its last word lands
	// outside the bar. An indent of two plain spaces is drawn as wide as
	// it is reserved.
	space := " "
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
