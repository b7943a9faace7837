package report

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// glossaryAnchors gives each entry of the "Begrippen" section the id that
// the summary's in-page links point to (Anchor of the term's name), so a
// term linked at its first use jumps to its explanation in the handout.
// Markdown has no syntax for an id that both goldmark and Glamour accept,
// so the HTML converter adds it.
type glossaryAnchors struct{}

func (glossaryAnchors) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	inTerms := false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			if h.Level <= 2 {
				inTerms = h.Level == 2 && plainText(h, src) == SecTerms
			}
			continue
		}
		if !inTerms || n.Kind() != ast.KindList {
			continue
		}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			if name := leadingStrong(item, src); name != "" {
				item.SetAttributeString("id", []byte(Anchor(name)))
			}
		}
	}
}

// leadingStrong is the text of the bold name that starts a glossary
// entry ("**Urennorm:** …"), without the colon.
func leadingStrong(item ast.Node, src []byte) string {
	block := item.FirstChild()
	if block == nil {
		return ""
	}
	em, ok := block.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSpace(plainText(em, src)), ":")
}

// plainText joins the text under n.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		if s, ok := c.(*ast.String); ok && entering {
			b.Write(s.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
