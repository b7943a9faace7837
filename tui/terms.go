package tui

import "github.com/afstandswijzer/afstandswijzer/content"

// contentTerms maps the content's begrippen (begrippen.toml) onto the
// screen's entries, in file order.
func contentTerms(ct *content.Content) []glossTerm {
	out := make([]glossTerm, 0, len(ct.Terms))
	for _, t := range ct.Terms {
		out = append(out, glossTerm{name: t.Name, text: t.Text, source: t.Source})
	}
	return out
}
