package report

import (
	"bytes"
	"fmt"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"html"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Page is a standalone HTML handout made from Markdown.
type Page struct {
	// Title goes in <title>; the Markdown brings its own <h1>.
	Title    string
	Markdown string
	// Version is the content version, printed in the footer.
	Version string
	// Date is printed in the footer. It is a parameter, not time.Now, so
	// golden files stay the same from day to day.
	Date time.Time
}

// HTML renders the summary as a printable handout: the same Markdown as
// Summary.Markdown, so the screen, the file and the paper say the same.
func HTML(s *decision.Summary, date time.Time) ([]byte, error) {
	return HTMLPage(Page{
		Title:    "Afstandsonderwijs in je les: samenvatting",
		Markdown: Markdown(s),
		Version:  s.Meta.Version,
		Date:     date,
	})
}

// markdownHTML converts Markdown the way the handouts need: tables and
// task lists (the checklists), bare URLs as links, raw HTML left out
// (goldmark's default, so edited content cannot inject a script).
var markdownHTML = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Linkify),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(bareURLs{}, 100), util.Prioritized(glossaryAnchors{}, 101))),
)

// bareURLs marks autolinks (a URL written as text) with class "url", so the
// print stylesheet does not print such a URL twice.
type bareURLs struct{}

func (bareURLs) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindAutoLink {
			n.SetAttributeString("class", []byte("url"))
		}
		return ast.WalkContinue, nil
	})
}

// HTMLPage renders p as one HTML5 file: inline CSS only, no scripts, fonts
// or images, and a print stylesheet for A4.
func HTMLPage(p Page) ([]byte, error) {
	var body bytes.Buffer
	if err := markdownHTML.Convert([]byte(p.Markdown), &body); err != nil {
		return nil, fmt.Errorf("HTML maken lukt niet: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(p.Title))
	b.WriteString("<style>\n" + handoutCSS + "</style>\n</head>\n<body>\n<main>\n")
	b.Write(body.Bytes())
	b.WriteString("</main>\n<footer>\n")
	fmt.Fprintf(&b, "<p>Gemaakt met afstandswijzer op %s. Inhoudsversie %s.</p>\n",
		html.EscapeString(DutchDate(p.Date)), html.EscapeString(p.Version))
	b.WriteString("</footer>\n</body>\n</html>\n")
	return b.Bytes(), nil
}

var dutchMonths = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// DutchDate writes a date as "2 mei 2026".
func DutchDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), dutchMonths[t.Month()-1], t.Year())
}

// handoutCSS uses the reader's system fonts: nothing is fetched, so the
// file works offline and sends nothing anywhere.
const handoutCSS = `:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
main { padding-top: 1.5rem; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
blockquote { margin: .5rem 0 1rem; padding: .2rem 1rem; border-left: 4px solid #999; color: #333; }
li:has(> input[type="checkbox"]) { list-style: none; }
li > input[type="checkbox"] { margin: 0 .5rem 0 -1.3rem; }
a { color: #0645ad; overflow-wrap: anywhere; }
hr { border: 0; border-top: 1px solid #bbb; margin: 2rem 0 1rem; }
footer { color: #444; font-size: .9rem; padding-bottom: 2rem; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { font-size: 10.5pt; color: #000; }
  main, footer { max-width: none; padding: 0; }
  a { color: #000; text-decoration: underline; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 90%; }
  a.url::after { content: none; }
  a[href^="#"]::after { content: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, blockquote, li { break-inside: avoid; }
  thead { display: table-header-group; }
}
`
