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

// checkBOTNotes places and compiles the notes under the BOT verdict.
func (l *loader) checkBOTNotes(c *Content) {
	const f = "meta.toml"
	lines := tableLines(l.src[f], "bot_noot")
	for i, n := range c.Meta.BOTNotes {
		n.Line = at(lines, i)
		what := fmt.Sprintf("bot_noot %d", i+1)
		l.required(f, n.Line, what, "tekst", n.Text)
		l.checkKindValue(f, l.field(f, n.Line, "brontype"), what, "brontype", n.Brontype)
		n.When = l.compile(c, f, l.field(f, n.Line, "when"), n.WhenSrc)
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
		l.checkKindValue(f, l.field(f, q.Line, "brontype"), what, "brontype", q.Brontype)
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
// and findings: one table of kinds (kinds.go) instead of seven loops that
// differed only in their fields.
func (l *loader) checkKinds(c *Content) {
	for _, k := range []itemKind{l.ruleKind(c), l.partyKind(c), l.actionKind(c), l.resourceKind(c),
		l.exampleKind(c), l.termKind(c), l.findingKind(c)} {
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
