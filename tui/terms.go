package tui

import "github.com/afstandswijzer/afstandswijzer/content"

// contentTerms maps the content's begrippen onto the screen's entries.
// The begrippenlijst (issue 8, point 11) is not in content.Content yet;
// until it is, the glossary says it is empty.
func contentTerms(*content.Content) []glossTerm { return nil }
