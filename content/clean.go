package content

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Clean removes terminal control sequences and other control characters
// from text that came from a file, keeping newlines and tabs. Content and
// answer files are edited by people and shared between institutions: an
// escape sequence in them must never move the cursor, change the window
// title or hide text when it is displayed.
func Clean(s string) string {
	if !needsClean(s) {
		return s
	}
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		// Bidirectional marks, embeddings, overrides and isolates can make
		// text read differently on screen than in the file (the "Trojan
		// Source" trick): the same set as Sanitize (unsafeRune).
		if unicode.IsControl(r) || unsafeRune(r) {
			return -1
		}
		return r
	}, s)
}

func needsClean(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || unsafeRune(r) {
			return true
		}
	}
	return false
}

// cleanAll cleans every displayed text field of the loaded content.
func cleanAll(c *Content) {
	m := &c.Meta
	for _, p := range []*string{&m.Version, &m.Title, &m.Publisher, &m.Date, &m.Disclaimer,
		&m.BOTNotApplicableLabel, &m.BOTNotApplicableReason, &m.BOTNotApplicableNote, &m.VOSource, &m.VOCaveat} {
		*p = Clean(*p)
	}
	for _, n := range m.BOTNotes {
		n.Text, n.Quote = Clean(n.Text), Clean(n.Quote)
	}
	for i := range m.Themes {
		m.Themes[i] = Clean(m.Themes[i])
	}
	for _, q := range c.Questions {
		for _, p := range []*string{&q.Short, &q.Text, &q.Help, &q.Quote, &q.Background, &q.IfNo} {
			*p = Clean(*p)
		}
		for _, o := range q.Options {
			o.Label, o.Help = Clean(o.Label), Clean(o.Help)
		}
	}
	for _, r := range c.Rules {
		for _, p := range []*string{&r.Title, &r.Text, &r.Quote, &r.Background, &r.Agree} {
			*p = Clean(*p)
		}
		for i := range r.Actions {
			r.Actions[i] = Clean(r.Actions[i])
		}
	}
	for _, p := range c.Parties {
		p.Name = Clean(p.Name)
		for _, t := range p.Tasks {
			t.Text = Clean(t.Text)
		}
	}
	for _, a := range c.Actions {
		a.Text, a.Quote = Clean(a.Text), Clean(a.Quote)
	}
	for _, r := range c.Resources {
		for _, p := range []*string{&r.Title, &r.Organisation, &r.Theme, &r.LookFor} {
			*p = Clean(*p)
		}
	}
	for _, x := range c.Examples {
		x.Text, x.Theme, x.Source = Clean(x.Text), Clean(x.Theme), Clean(x.Source)
	}
	for _, t := range c.Terms {
		t.Name, t.Text, t.Source, t.Quote = Clean(t.Name), Clean(t.Text), Clean(t.Source), Clean(t.Quote)
	}
	for _, x := range c.Findings {
		for _, p := range []*string{&x.Theme, &x.Title, &x.Text, &x.Source} {
			*p = Clean(*p)
		}
	}
}
