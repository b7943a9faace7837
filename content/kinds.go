package content

import (
	"slices"
	"strings"
)

// The kinds of items checkKinds checks, one function each: its required
// fields and what is particular to it.

func (l *loader) ruleKind(c *Content) itemKind {
	return itemKind{file: "regels.toml", table: "regel", kind: "regel", n: len(c.Rules),
		at: func(i int) item {
			r := c.Rules[i]
			return item{r.ID, &r.File, &r.Line, [][2]string{{"titel", r.Title}, {"tekst", r.Text}, {"citaat", r.Quote}}, r.WhenSrc, &r.When}
		},
		extra: func(i int, what string, line int, field func(string) int) {
			r := c.Rules[i]
			if !slices.Contains(Parts, r.Part) {
				l.add(r.File, field("deel"), "%s: deel %q is ongeldig; geldig zijn %s", what, r.Part, quoteList(Parts))
			}
			for _, a := range r.Actions {
				if strings.TrimSpace(a) == "" {
					l.add(r.File, line, "%s: \"acties\" bevat een lege tekst", what)
				}
			}
			l.checkPriority(r.File, field("prioriteit"), what, r.Priority)
			l.checkKindValue(r.File, field("brontype"), what, "brontype", r.Brontype)
			l.checkKindValue(r.File, field("acties_brontype"), what, "acties_brontype", r.ActionsBrontype)
		}}
}

func (l *loader) partyKind(c *Content) itemKind {
	taskLines := tableLines(l.src["partijen.toml"], "partij.taak")
	task := 0
	return itemKind{file: "partijen.toml", table: "partij", kind: "partij", n: len(c.Parties),
		at: func(i int) item {
			p := c.Parties[i]
			return item{id: p.ID, file: &p.File, line: &p.Line, required: [][2]string{{"naam", p.Name}}}
		},
		extra: func(i int, what string, line int, _ func(string) int) {
			p := c.Parties[i]
			if len(p.Tasks) == 0 {
				l.add(p.File, line, "%s heeft geen taken; voeg [[partij.taak]]-blokken toe", what)
			}
			for _, t := range p.Tasks {
				t.Line = at(taskLines, task)
				task++
				l.required(p.File, t.Line, what+", taak", "tekst", t.Text)
				l.checkKindValue(p.File, l.field(p.File, t.Line, "brontype"), what+", taak", "brontype", t.Brontype)
				t.When = l.compile(c, p.File, l.field(p.File, t.Line, "when"), t.WhenSrc)
			}
		}}
}

func (l *loader) actionKind(c *Content) itemKind {
	return itemKind{file: "acties.toml", table: "actie", kind: "actie", n: len(c.Actions),
		at: func(i int) item {
			a := c.Actions[i]
			return item{a.ID, &a.File, &a.Line, [][2]string{{"tekst", a.Text}}, a.WhenSrc, &a.When}
		},
		extra: func(i int, what string, _ int, field func(string) int) {
			a := c.Actions[i]
			if a.Phase != Before && a.Phase != After {
				l.add(a.File, field("fase"), "%s: fase %q is ongeldig; geldig zijn \"vooraf\" en \"achteraf\"", what, a.Phase)
			}
			l.checkPriority(a.File, field("prioriteit"), what, a.Priority)
			l.checkKindValue(a.File, field("brontype"), what, "brontype", a.Brontype)
		}}
}

func (l *loader) resourceKind(c *Content) itemKind {
	return itemKind{file: "bronnen.toml", table: "bron", kind: "bron", n: len(c.Resources),
		at: func(i int) item {
			r := c.Resources[i]
			return item{r.ID, &r.File, &r.Line, [][2]string{{"titel", r.Title}, {"organisatie", r.Organisation}}, r.WhenSrc, &r.When}
		},
		extra: func(i int, what string, line int, field func(string) int) {
			r := c.Resources[i]
			if strings.TrimSpace(r.URL) == "" {
				l.add(r.File, line, "%s mist \"url\" (verplicht)", what)
			} else {
				l.checkURL(r.File, field("url"), r.URL)
			}
			l.checkTheme(c, r.File, field("thema"), what, r.Theme)
			if !slices.Contains(Certainties, r.Certainty) {
				l.add(r.File, field("zekerheid"), "%s: zekerheid %q is ongeldig; geldig zijn %s", what, r.Certainty, quoteList(Certainties))
			}
			if r.Certainty == "ouder" && strings.TrimSpace(r.LookFor) == "" {
				l.add(r.File, line, "%s verwijst naar een hogere pagina (zekerheid \"ouder\") en mist \"zoek\": wat de lezer daar moet zoeken", what)
			}
		}}
}

func (l *loader) exampleKind(c *Content) itemKind {
	return itemKind{file: "voorbeelden.toml", table: "voorbeeld", kind: "voorbeeld", n: len(c.Examples),
		at: func(i int) item {
			e := c.Examples[i]
			return item{e.ID, &e.File, &e.Line, [][2]string{{"tekst", e.Text}}, e.WhenSrc, &e.When}
		},
		extra: func(i int, what string, _ int, field func(string) int) {
			e := c.Examples[i]
			l.checkTheme(c, e.File, field("thema"), what, e.Theme)
			l.checkKindValue(e.File, field("brontype"), what, "brontype", e.Brontype)
			if strings.TrimSpace(e.Source) == "" {
				e.Source = c.Meta.VOSource
			}
		}}
}

func (l *loader) termKind(c *Content) itemKind {
	return itemKind{file: "begrippen.toml", table: "begrip", kind: "begrip", n: len(c.Terms),
		at: func(i int) item {
			t := c.Terms[i]
			return item{id: t.ID, file: &t.File, line: &t.Line, required: [][2]string{{"naam", t.Name}, {"uitleg", t.Text}, {"bron", t.Source}}}
		},
		extra: func(i int, what string, _ int, field func(string) int) {
			t := c.Terms[i]
			l.checkKindValue(t.File, field("brontype"), what, "brontype", t.Brontype)
		}}
}

func (l *loader) findingKind(c *Content) itemKind {
	return itemKind{file: "bevindingen.toml", table: "bevinding", kind: "bevinding", n: len(c.Findings),
		at: func(i int) item {
			x := c.Findings[i]
			return item{x.ID, &x.File, &x.Line, [][2]string{{"thema", x.Theme}, {"titel", x.Title}, {"tekst", x.Text}}, x.WhenSrc, &x.When}
		},
		extra: func(i int, what string, line int, field func(string) int) {
			x := c.Findings[i]
			if p := KeyProblem(x.Key, x.Text); p != "" {
				l.add(x.File, field("kern"), "%s: %s", what, p)
			}
			l.checkKindValue(x.File, field("brontype"), what, "brontype", x.Brontype)
			if strings.TrimSpace(x.Source) == "" {
				x.Source = c.Meta.VOSource
			}
			if strings.TrimSpace(x.Source) == "" {
				l.add(x.File, line, "%s mist \"bron\"; zet die bij de bevinding of zet \"vo_bron\" in meta.toml", what)
			}
		}}
}

// checkKindValue rejects a brontype that is not one of SourceKinds. A
// missing brontype loads (a folder from before brontype existed keeps
// working); "afstandswijzer controleer" refuses it (CheckSources).
func (l *loader) checkKindValue(f string, line int, what, key, v string) {
	if v != "" && !slices.Contains(SourceKinds, v) {
		l.add(f, line, "%s: %s %q is ongeldig; geldig zijn %s", what, key, v, quoteList(SourceKinds))
	}
}
