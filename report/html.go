package report

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/afstandswijzer/afstandswijzer/decision"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
// (goldmark's default), and only https links and in-page anchors (inert,
// below): a hand-out is opened on school computers, so nothing in it may
// run or load anything.
// Built on first use, not in package init: most runs make no HTML.
var markdownHTML = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Linkify),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(inert{}, 100), util.Prioritized(glossaryAnchors{}, 101))),
	)
})

// inert makes the document safe to open: a link whose target is not
// https (or an anchor in the page) becomes its text, an image becomes its
// alt text and address (the README promises nothing is loaded from the
// internet), and bare URLs get class "url", so the print stylesheet does
// not print such a URL twice. goldmark has already decoded entities in
// link targets, so &#106;avascript: is checked as javascript:.
type inert struct{}

func (inert) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var bad []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if !SafeHref(string(n.Destination)) {
				bad = append(bad, n)
			}
		case *ast.AutoLink:
			if n.AutoLinkType != ast.AutoLinkURL || !SafeHref(string(n.URL(src))) {
				bad = append(bad, n)
			} else {
				n.SetAttributeString("class", []byte("url"))
			}
		case *ast.Image:
			bad = append(bad, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range bad {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		switch n := n.(type) {
		case *ast.Link:
			// Keep the words, drop the link.
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
		case *ast.AutoLink:
			parent.InsertBefore(parent, n, ast.NewString(n.Label(src)))
		case *ast.Image:
			alt := strings.TrimSpace(string(nodeText(n, src)))
			parent.InsertBefore(parent, n, ast.NewString([]byte(strings.TrimSpace(alt+" ("+string(n.Destination)+")"))))
		}
		parent.RemoveChild(parent, n)
	}
}

// nodeText is the plain text inside n (an image's alt text).
func nodeText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

// SafeHref reports whether a hand-out may link to target: an https
// address with a host, or an anchor in the same page.
func SafeHref(target string) bool {
	if strings.HasPrefix(target, "#") {
		return !strings.ContainsAny(target, "\"\\<> \t\n\r")
	}
	u, err := url.Parse(target)
	return err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil &&
		!strings.ContainsAny(target, "\"\\<> \t\n\r")
}

// HTMLPage renders p as one HTML5 file: inline CSS only, no scripts, fonts
// or images, and a print stylesheet for A4.
func HTMLPage(p Page) ([]byte, error) {
	var body bytes.Buffer
	if err := markdownHTML().Convert([]byte(p.Markdown), &body); err != nil {
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
	// The last guard: whatever the Markdown held, a page that could run
	// or load something is not written.
	if err := CheckInert(b.Bytes()); err != nil {
		return nil, fmt.Errorf("HTML maken lukt niet: %w", err)
	}
	return b.Bytes(), nil
}

// CheckInert parses an HTML page as a browser would and reports the first
// thing in it that could run or load something: a script, an event handler
// (on…), an element that embeds or loads (img, iframe, object, embed,
// link, meta refresh, form…), a src attribute, or a link that is not
// https or an anchor in the page.
func CheckInert(page []byte) error {
	doc, err := nethtml.Parse(bytes.NewReader(page))
	if err != nil {
		return err
	}
	var bad error
	var walk func(n *nethtml.Node)
	walk = func(n *nethtml.Node) {
		if bad != nil {
			return
		}
		if n.Type == nethtml.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Link, atom.Form,
				atom.Frame, atom.Frameset, atom.Svg, atom.Math, atom.Video, atom.Audio, atom.Source,
				atom.Picture, atom.Base, atom.Noscript, atom.Template, atom.Input, atom.Button:
				// Task-list checkboxes are the one input: disabled, no form.
				if n.DataAtom != atom.Input || !isCheckbox(n) {
					bad = fmt.Errorf("element <%s> in de HTML", n.Data)
					return
				}
			case atom.Meta:
				for _, a := range n.Attr {
					if strings.EqualFold(a.Key, "http-equiv") {
						bad = fmt.Errorf("<meta http-equiv> in de HTML")
						return
					}
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(key, "on"), key == "src", key == "srcset", key == "formaction", key == "action", key == "style" && n.DataAtom != atom.Style:
					bad = fmt.Errorf("attribuut %s in <%s>", a.Key, n.Data)
				case key == "href" && !SafeHref(a.Val):
					bad = fmt.Errorf("link naar %q in de HTML", a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return bad
}

func isCheckbox(n *nethtml.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "type" && a.Val == "checkbox" {
			return true
		}
	}
	return false
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
