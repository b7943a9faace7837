package content

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

func (l *loader) required(file string, line int, what, key, value string) {
	if strings.TrimSpace(value) == "" {
		l.add(file, line, "%s mist %q (verplicht, mag niet leeg zijn)", what, key)
	}
}

func (l *loader) checkMeta(m *Meta) {
	const f = "meta.toml"
	src := l.src[f]
	for key, v := range map[string]string{"versie": m.Version, "titel": m.Title, "uitgever": m.Publisher, "datum": m.Date, "url": m.URL, "disclaimer": m.Disclaimer} {
		if strings.TrimSpace(v) == "" {
			l.add(f, 0, "%q ontbreekt of is leeg (verplicht)", key)
		}
	}
	if m.URL != "" {
		l.checkURL(f, KeyLine(src, "url"), m.URL)
	}
	if m.VOURL != "" {
		l.checkURL(f, KeyLine(src, "vo_url"), m.VOURL)
	}
	if len(m.Themes) == 0 {
		l.add(f, KeyLine(src, "themas"), "\"themas\" is leeg; noem de thema's die bronnen en voorbeelden gebruiken")
	}
	seen := map[string]bool{}
	for _, t := range m.Themes {
		if seen[t] {
			l.add(f, KeyLine(src, "themas"), "thema %q staat dubbel in \"themas\"", t)
		}
		seen[t] = true
	}
}

func (l *loader) checkMetaBOT(c *Content) {
	const f = "meta.toml"
	line := KeyLine(l.src[f], "bot_vragen")
	if len(c.Meta.BOT) != 3 {
		l.add(f, line, "\"bot_vragen\" moet precies drie vraag-ids noemen (interactie, sturen, begeleiding); nu %d", len(c.Meta.BOT))
	}
	for _, id := range c.Meta.BOT {
		q := c.byID[id]
		if q == nil {
			l.add(f, line, "\"bot_vragen\" noemt vraag %q, maar die bestaat niet; bekende vragen: %s", id, strings.Join(questionIDs(c), ", "))
			continue
		}
		if q.Kind != One || q.Option("ja") == nil || q.Option("nee") == nil {
			l.add(q.File, q.Line, "vraag %q telt mee voor begeleide onderwijstijd en moet soort \"een\" zijn met de opties \"ja\" en \"nee\"", id)
		}
		if strings.TrimSpace(q.IfNo) == "" {
			l.add(q.File, q.Line, "vraag %q telt mee voor begeleide onderwijstijd en mist \"bij_nee\": wat er nodig is om wel mee te tellen", id)
		}
	}
}

func questionIDs(c *Content) []string {
	ids := make([]string, len(c.Questions))
	for i, q := range c.Questions {
		ids[i] = q.ID
	}
	return ids
}

func (l *loader) checkQuestions(c *Content) {
	const f = "vragen.toml"
	lines := tableLines(l.src[f], "vraag")
	if len(c.Questions) == 0 {
		l.add(f, 0, "er staan geen vragen in; voeg [[vraag]]-blokken toe")
	}
	for i, q := range c.Questions {
		q.File, q.Line = f, at(lines, i)
		what := fmt.Sprintf("vraag %d", i+1)
		if q.ID != "" {
			what = fmt.Sprintf("vraag %q", q.ID)
		}
		if !identRe.MatchString(q.ID) {
			l.add(f, l.field(f, q.Line, "id"), "%s: id %q is ongeldig; gebruik kleine letters, cijfers en _ en begin met een letter (bijvoorbeeld \"vorm\" of \"bot_sturen\")", what, q.ID)
		} else if c.byID[q.ID] != nil {
			l.add(f, l.field(f, q.Line, "id"), "vraag-id %q komt twee keer voor (ook op regel %d); elke id moet uniek zijn", q.ID, c.byID[q.ID].Line)
		} else {
			c.byID[q.ID] = q
		}
		l.required(f, q.Line, what, "tekst", q.Text)
		l.required(f, q.Line, what, "kort", q.Short)
		l.required(f, q.Line, what, "uitleg", q.Help)
		if q.Kind != One && q.Kind != Many {
			l.add(f, l.field(f, q.Line, "soort"), "%s: soort %q is ongeldig; geldig zijn \"een\" (één keuze) en \"meer\" (meerdere keuzes)", what, q.Kind)
		}
		if len(q.Options) < 2 {
			l.add(f, q.Line, "%s heeft %d opties; een vraag heeft er minstens twee ([[vraag.optie]])", what, len(q.Options))
		}
		seen := map[string]bool{}
		for _, o := range q.Options {
			if !itemIDRe.MatchString(o.Value) {
				l.add(f, q.Line, "%s: optie-waarde %q is ongeldig; gebruik kleine letters, cijfers, _ en -", what, o.Value)
			}
			if seen[o.Value] {
				l.add(f, q.Line, "%s: optie-waarde %q komt twee keer voor", what, o.Value)
			}
			seen[o.Value] = true
			l.required(f, q.Line, what+", optie "+o.Value, "label", o.Label)
		}
	}
	// Conditions are compiled after all ids are known; a question may only
	// depend on questions asked before it, so the order of asking is
	// well-defined and the walk over answers always ends.
	earlier := map[string]bool{} // grows with i: rebuilding it was quadratic
	for _, q := range c.Questions {
		q.When = l.compile(c, f, l.field(f, q.Line, "when"), q.WhenSrc)
		for _, v := range q.When.Vars {
			if !earlier[v] && c.byID[v] != nil {
				l.add(f, l.field(f, q.Line, "when"), "vraag %q hangt af van %q, maar die vraag komt later of is dezelfde; een voorwaarde mag alleen eerdere vragen gebruiken", q.ID, v)
			}
		}
		earlier[q.ID] = true
	}
}

// item is what the shared check needs of one content item: its id, where
// to record its place, the fields that must not be empty and its
// condition (when is nil for kinds without one).
type item struct {
	id       string
	file     *string
	line     *int
	required [][2]string // key, value
	whenSrc  string
	when     *Cond
}

// itemKind is one [[table]] of items in one file, for checkItems.
type itemKind struct {
	file, table, kind string
	n                 int
	at                func(i int) item
	// extra checks what is particular to the kind; field gives the line
	// of one of the item's keys.
	extra func(i int, what string, line int, field func(key string) int)
}

// checkItems is the check every kind of item shares: place, id, required
// fields, the kind's own checks, then the condition, in that order.
func (l *loader) checkItems(c *Content, k itemKind) {
	lines := tableLines(l.src[k.file], k.table)
	seen := map[string]int{}
	for i := 0; i < k.n; i++ {
		it := k.at(i)
		line := at(lines, i)
		*it.file, *it.line = k.file, line
		what := l.itemID(k.file, line, k.kind, i, it.id, seen)
		for _, kv := range it.required {
			l.required(k.file, line, what, kv[0], kv[1])
		}
		field := func(key string) int { return l.field(k.file, line, key) }
		if k.extra != nil {
			k.extra(i, what, line, field)
		}
		if it.when != nil {
			*it.when = l.compile(c, k.file, field("when"), it.whenSrc)
		}
	}
}

// checkKinds checks rules, parties, actions, resources, examples, terms
// and findings: one table instead of seven loops that differed only in
// their fields.
func (l *loader) checkKinds(c *Content) {
	taskLines := tableLines(l.src["partijen.toml"], "partij.taak")
	task := 0
	for _, k := range []itemKind{
		{file: "regels.toml", table: "regel", kind: "regel", n: len(c.Rules),
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
			}},
		{file: "partijen.toml", table: "partij", kind: "partij", n: len(c.Parties),
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
					t.When = l.compile(c, p.File, l.field(p.File, t.Line, "when"), t.WhenSrc)
				}
			}},
		{file: "acties.toml", table: "actie", kind: "actie", n: len(c.Actions),
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
			}},
		{file: "bronnen.toml", table: "bron", kind: "bron", n: len(c.Resources),
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
			}},
		{file: "voorbeelden.toml", table: "voorbeeld", kind: "voorbeeld", n: len(c.Examples),
			at: func(i int) item {
				e := c.Examples[i]
				return item{e.ID, &e.File, &e.Line, [][2]string{{"tekst", e.Text}}, e.WhenSrc, &e.When}
			},
			extra: func(i int, what string, _ int, field func(string) int) {
				e := c.Examples[i]
				l.checkTheme(c, e.File, field("thema"), what, e.Theme)
				if strings.TrimSpace(e.Source) == "" {
					e.Source = c.Meta.VOSource
				}
			}},
		{file: "begrippen.toml", table: "begrip", kind: "begrip", n: len(c.Terms),
			at: func(i int) item {
				t := c.Terms[i]
				return item{id: t.ID, file: &t.File, line: &t.Line, required: [][2]string{{"naam", t.Name}, {"uitleg", t.Text}, {"bron", t.Source}}}
			}},
		{file: "bevindingen.toml", table: "bevinding", kind: "bevinding", n: len(c.Findings),
			at: func(i int) item {
				x := c.Findings[i]
				return item{x.ID, &x.File, &x.Line, [][2]string{{"thema", x.Theme}, {"titel", x.Title}, {"tekst", x.Text}}, x.WhenSrc, &x.When}
			},
			extra: func(i int, what string, line int, field func(string) int) {
				x := c.Findings[i]
				if p := KeyProblem(x.Key, x.Text); p != "" {
					l.add(x.File, field("kern"), "%s: %s", what, p)
				}
				if strings.TrimSpace(x.Source) == "" {
					x.Source = c.Meta.VOSource
				}
				if strings.TrimSpace(x.Source) == "" {
					l.add(x.File, line, "%s mist \"bron\"; zet die bij de bevinding of zet \"vo_bron\" in meta.toml", what)
				}
			}},
	} {
		l.checkItems(c, k)
	}
}

func (l *loader) checkPriority(f string, line int, what, p string) {
	if p != "" && !slices.Contains(Priorities, p) {
		l.add(f, line, "%s: prioriteit %q is ongeldig; geldig zijn %s (leeg is \"normaal\")", what, p, quoteList(Priorities))
	}
}

// checkAsk checks each question's "navragen": an action that exists, for
// a question that can be answered "weet_niet".
func (l *loader) checkAsk(c *Content) {
	const f = "vragen.toml"
	for _, q := range c.Questions {
		if q.Ask == "" {
			continue
		}
		line := l.field(f, q.Line, "navragen")
		if c.Action(q.Ask) == nil {
			ids := make([]string, len(c.Actions))
			for i, a := range c.Actions {
				ids[i] = a.ID
			}
			l.add(f, line, "vraag %q: \"navragen\" noemt actie %q, maar die staat niet in acties.toml; bekende acties: %s", q.ID, q.Ask, strings.Join(ids, ", "))
		}
		if q.Option(WeetNiet) == nil {
			l.add(f, line, "vraag %q heeft \"navragen\" maar geen optie %q; navragen geldt alleen bij dat antwoord", q.ID, WeetNiet)
		}
	}
}

// itemID checks an item's id (format, uniqueness) and returns how to name
// the item in messages.
func (l *loader) itemID(f string, line int, kind string, i int, id string, seen map[string]int) string {
	what := fmt.Sprintf("%s %d", kind, i+1)
	if id == "" {
		l.add(f, line, "%s mist \"id\" (verplicht)", what)
		return what
	}
	what = fmt.Sprintf("%s %q", kind, id)
	if !itemIDRe.MatchString(id) {
		l.add(f, line, "%s: id is ongeldig; gebruik kleine letters, cijfers, - en _", what)
	}
	if prev, dup := seen[id]; dup {
		l.add(f, l.field(f, line, "id"), "%s-id %q komt twee keer voor (ook op regel %d); elke id moet uniek zijn", kind, id, l.field(f, prev, "id"))
	}
	seen[id] = line
	return what
}

func (l *loader) checkTheme(c *Content, f string, line int, what, theme string) {
	if !slices.Contains(c.Meta.Themes, theme) {
		l.add(f, line, "%s: thema %q staat niet in \"themas\" in meta.toml; geldig zijn %s", what, theme, quoteList(c.Meta.Themes))
	}
}

func (l *loader) checkURL(f string, line int, raw string) {
	if !validURL(raw) {
		l.add(f, line, "url %q is ongeldig; alleen volledige https-adressen zijn toegestaan (https://...), zonder spaties, aanhalingstekens, < of >", raw)
	}
}

// validURL accepts a full https URL of only the characters RFC 3986 allows
// outside an IPv6 host, less the quote: no space, <, >, ", ', [, ], \,
// control or bidi mark, and nothing outside ASCII, so a URL can close no
// HTML attribute or Markdown link and hide nothing on screen.
func validURL(raw string) bool {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~:/?#@!$&()*+,;=%", c) >= 0) {
			return false
		}
	}
	u, err := url.Parse(raw)
	return err == nil && u.Scheme == "https" && u.Host != ""
}
