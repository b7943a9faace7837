package room

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/report"
)

// revealBody is what the handreiking says behind the question: its own
// sentence, the rules the question feeds with their sentences, and per
// answer what the summary concludes, counted over this room.
func (b *Beamer) revealBody() []string {
	rv, ok := b.revealNow()
	if !ok {
		return nil
	}
	var out []string
	add := func(s string) { out = append(out, strings.Split(s, "\n")...) }
	if q := clean(rv.Question.Quote); q != "" {
		add(bBold.Render("Uit de handreiking"))
		add(wrap.BreakIndent("  ", b.quote(q), b.w))
		add("")
	}
	if rv.BOT > 0 {
		add(bBold.Render(wrap.Break(fmt.Sprintf("Voorwaarde %d van %d voor begeleide onderwijstijd", rv.BOT, rv.BOTOf), b.w)))
		add(wrap.Break("Alleen als aan alle voorwaarden is voldaan, kan het meetellen. Met dit antwoord, als de andere voorwaarden ja zijn:", b.w))
		for _, o := range rv.Options {
			add(wrap.BreakIndent("  "+clean(o.Label)+": ", o.Outcome.Label(), b.w))
		}
		add("")
	}
	if len(rv.Rules) == 0 {
		if rv.BOT == 0 {
			add(wrap.Break("Geen regel uit de handreiking hangt van deze vraag af.", b.w))
		}
		return out
	}
	add(bBold.Render("Regels die van deze vraag afhangen"))
	for _, r := range rv.Rules {
		add(wrap.BreakIndent("  - ", clean(r.Title), b.w))
		switch q := clean(r.Quote); {
		case q == "":
		case q == clean(rv.Question.Quote):
			// Often the rule quotes the same sentence as the question.
			add("    (dezelfde zin als hierboven)")
		default:
			add(wrap.BreakIndent("    ", b.quote(q), b.w))
		}
	}
	add("")
	if rv.Seen == 0 {
		add(wrap.Break("Nog niemand kreeg deze vraag: per antwoord is er nog niets te tellen.", b.w))
		return out
	}
	add(bBold.Render(wrap.Break(fmt.Sprintf("Welke regels gelden per antwoord (bij de %d die de vraag %s)", rv.Seen, report.Plural(rv.Seen, "kreeg", "kregen")), b.w)))
	arrow := "→ "
	if b.opt.ASCII {
		arrow = "-> "
	}
	for _, o := range rv.Options {
		add(wrap.BreakIndent("  ", clean(o.Label), b.w))
		for _, e := range effects(o, rv.Seen) {
			add(wrap.BreakIndent("    "+arrow, e, b.w))
		}
	}
	return out
}

// effects says which rules apply with one answer: "geldt" for everyone,
// or for how many; none is said too, so silence never means "unknown".
func effects(o decision.OptionReveal, seen int) []string {
	var parts []string
	for _, r := range o.Rules {
		switch {
		case r.Always(seen):
			parts = append(parts, clean(r.Rule.Title))
		case !r.Never():
			parts = append(parts, fmt.Sprintf("%s (bij %d van de %d, door hun andere antwoorden)", clean(r.Rule.Title), r.Applies, seen))
		}
	}
	if len(parts) == 0 {
		return []string{"geen van deze regels"}
	}
	return parts
}

// quote puts text between quotation marks; ASCII ones on the console.
func (b *Beamer) quote(s string) string {
	if b.opt.ASCII {
		return `"` + s + `"`
	}
	return "„" + s + "”"
}

// outcomeReveal explains the verdicts: the handreiking's sentence with the
// conditions, and how the room answered each condition, so the trainer
// can show which one made it "telt niet mee".
func (b *Beamer) outcomeReveal() []string {
	var out []string
	add := func(s string) { out = append(out, strings.Split(s, "\n")...) }
	var conds []*decision.QuestionTally
	for _, id := range b.eng.C.Meta.BOT {
		if qt := b.count.tally.Question(id); qt != nil {
			conds = append(conds, qt)
		}
	}
	if len(conds) > 0 {
		if q := clean(conds[0].Question.Quote); q != "" {
			add(bBold.Render("Uit de handreiking"))
			add(wrap.BreakIndent("  ", b.quote(q), b.w))
			add("")
		}
	}
	n := strconv.Itoa(len(b.eng.C.Meta.BOT))
	if n == "3" {
		n = "drie de" // the loader requires three; as the verdict says it
	}
	add(wrap.Break("Het kan alleen meetellen als aan alle "+n+" voorwaarden is voldaan. Is één voorwaarde niet voldaan, dan telt het niet mee.", b.w))
	add("")
	if len(conds) == 0 {
		add(wrap.Break("Niemand kreeg de vragen over deze voorwaarden.", b.w))
		return out
	}
	add(bBold.Render("Zo antwoordde de zaal per voorwaarde"))
	for _, qt := range conds {
		var parts []string
		for _, o := range qt.Options {
			parts = append(parts, fmt.Sprintf("%s %d", clean(o.Label), o.Count))
		}
		add(wrap.BreakIndent("  "+clean(qt.Question.Short)+": ", strings.Join(parts, " · "), b.w))
	}
	return out
}
