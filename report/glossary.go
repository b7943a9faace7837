package report

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// GlossaryMarkdown lists every term of the content with its whole
// explanation and where it comes from, for "afstandswijzer begrippen".
func GlossaryMarkdown(c *content.Content) string {
	var b strings.Builder
	b.WriteString("# Begrippen\n\n")
	if len(c.Terms) == 0 {
		b.WriteString("Deze inhoud heeft geen begrippenlijst.\n")
		return b.String()
	}
	for _, t := range c.Terms {
		fmt.Fprintf(&b, "- **%s:** %s", esc(t.Name), esc(t.Text))
		if src := oneLine(t.Source); src != "" {
			fmt.Fprintf(&b, " *(Bron: %s)*", esc(src))
		}
		b.WriteString(ownMark(t.Brontype))
		b.WriteString("\n")
	}
	return b.String()
}

// GlossaryJSON lists every term for scripts.
func GlossaryJSON(c *content.Content) ([]byte, error) {
	out := []jsonTerm{}
	for _, t := range c.Terms {
		out = append(out, jsonTerm{ID: t.ID, Name: t.Name, Text: oneLine(t.Text), Source: oneLine(t.Source), Brontype: t.Brontype})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	return append(data, '\n'), err
}
