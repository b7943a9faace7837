package content

import (
	"fmt"
	"strings"
)

// CheckSources proves that every text the program can show says whose it
// is: a brontype on each rule, action, party task, question help, note
// under the verdict, glossary entry, example and finding; a quote to lean
// on for each "handreiking" text; "controleer de actuele tekst" in each
// "wet" text and legal background. Load accepts a missing brontype, so a
// content folder from before it existed keeps working; "afstandswijzer
// controleer" refuses it. It also counts the shown texts per brontype.
func CheckSources(c *Content) (Problems, map[string]int) {
	sc := sourceCheck{c: c, counts: map[string]int{}}
	rules := map[string]*Rule{}
	for _, r := range c.Rules {
		rules[r.ID] = r
	}
	sc.rules = rules
	for _, q := range c.Questions {
		what := fmt.Sprintf("vraag %q", q.ID)
		sc.text(q.File, q.Line, what+", uitleg", q.Brontype, q.Help, q.Quote, "")
		sc.background(q.File, q.Line, what, q.Background)
	}
	for _, n := range c.Meta.BOTNotes {
		sc.text("meta.toml", n.Line, "bot_noot", n.Brontype, n.Text, n.Quote, n.Rule)
	}
	for _, r := range c.Rules {
		what := fmt.Sprintf("regel %q", r.ID)
		sc.text(r.File, r.Line, what, r.Brontype, r.Text, r.Quote, "")
		for _, a := range r.Actions {
			sc.text(r.File, r.Line, what+", acties", r.ActionsBrontype, a, r.Quote, "")
		}
		sc.background(r.File, r.Line, what, r.Background)
	}
	for _, p := range c.Parties {
		for _, t := range p.Tasks {
			sc.text(p.File, t.Line, fmt.Sprintf("taak van partij %q", p.ID), t.Brontype, t.Text, "", t.Rule)
		}
	}
	for _, a := range c.Actions {
		sc.text(a.File, a.Line, fmt.Sprintf("actie %q", a.ID), a.Brontype, a.Text, a.Quote, a.Rule)
	}
	for _, t := range c.Terms {
		// A legal entry may say where to check the law in its "bron".
		sc.text(t.File, t.Line, fmt.Sprintf("begrip %q", t.ID), t.Brontype, t.Text+" "+t.Source, t.Quote, t.Rule)
	}
	for _, x := range c.Examples {
		sc.text(x.File, x.Line, fmt.Sprintf("voorbeeld %q", x.ID), x.Brontype, x.Text, "", "")
	}
	for _, x := range c.Findings {
		sc.text(x.File, x.Line, fmt.Sprintf("bevinding %q", x.ID), x.Brontype, x.Text, "", "")
	}
	return sc.problems, sc.counts
}

type sourceCheck struct {
	c        *Content
	rules    map[string]*Rule
	problems Problems
	counts   map[string]int
}

func (sc *sourceCheck) add(file string, line int, format string, args ...any) {
	sc.problems = append(sc.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// text checks one shown text of brontype kind; quote or rule (a rule id)
// is what a "handreiking" text leans on.
func (sc *sourceCheck) text(file string, line int, what, kind, text, quote, rule string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	switch kind {
	case "":
		sc.add(file, line, "%s mist \"brontype\": zeg van wie de tekst is; geldig zijn %s", what, quoteList(SourceKinds))
		return
	case SourceHandreiking:
		if rule != "" {
			if r := sc.rules[rule]; r == nil {
				sc.add(file, line, "%s: \"regel\" noemt regel %q, maar die bestaat niet", what, rule)
				return
			} else {
				quote = r.Quote
			}
		}
		if strings.TrimSpace(quote) == "" {
			sc.add(file, line, "%s heeft brontype \"handreiking\" maar geen citaat om op te steunen; zet de zin uit de handreiking in \"citaat\", noem een regel in \"regel\", of kies brontype \"wijzer\"", what)
		}
	case SourceLaw:
		if !strings.Contains(strings.ToLower(text), CheckLawPhrase) {
			sc.add(file, line, "%s heeft brontype \"wet\" maar zegt niet %q; zet erbij: Controleer de actuele tekst op wetten.overheid.nl.", what, CheckLawPhrase)
		}
	}
	sc.counts[kind]++
}

// background checks a legal background: always "wet", so always with the
// advice to check the current text.
func (sc *sourceCheck) background(file string, line int, what, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	sc.text(file, line, what+", achtergrond", SourceLaw, text, "", "")
}
