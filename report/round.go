package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Round is one round of a study afternoon as the beamer showed it: per
// question the room's answers and the reveal, and the room's verdicts.
// It holds no names: a hand-out goes round the room, and the beamer too
// is anonymous unless the trainer asks.
type Round struct {
	// Case names the round's case; empty for "eigen les".
	Case    string
	Tally   *decision.Tally
	Reveals []decision.Reveal // one per Tally.Questions, same order
	Version string
	// Failed are answer files that could not be read, with the reason.
	Failed []decision.CompareFile
}

// NewRound counts the participants of a round and computes every
// question's reveal.
func NewRound(e *decision.Engine, caseName string, ps []decision.Participant) Round {
	r := Round{Case: caseName, Tally: e.Tally(ps), Version: e.C.Meta.Version}
	for _, qt := range r.Tally.Questions {
		r.Reveals = append(r.Reveals, e.Reveal(qt.Question, ps))
	}
	return r
}

const roundTitle = "Ronde van de studiemiddag"

// percent rounds n of total to a whole percentage; 0 of 0 is 0.
func percent(n, total int) int {
	if total == 0 {
		return 0
	}
	return (n*100 + total/2) / total
}

// textBar is a bar of ten blocks, so the hand-out reads like the beamer
// without images or styles.
func textBar(n, total int) string {
	const width = 10
	filled := 0
	if total > 0 {
		filled = (n*width + total/2) / total
	}
	if n > 0 && filled == 0 {
		filled = 1
	}
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

// RoundMarkdown renders the round: the source of the HTML hand-out.
func RoundMarkdown(r Round) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %s\n\n", roundTitle)
	if r.Case != "" {
		w("Casus: %s. ", esc(r.Case))
	}
	w("Deelnemers: %d. Per vraag staat hoe de zaal antwoordde, zonder namen, en wat de handreiking erover zegt.\n\n", r.Tally.Participants)
	for i, qt := range r.Tally.Questions {
		writeRoundQuestion(&b, i+1, qt, r.Reveals[i], r.Tally.Participants)
	}
	w("## Uitkomst van de zaal\n\n**Kan dit meetellen als begeleide onderwijstijd (BOT)?**\n\n")
	w("| Uitkomst | Aantal | Procent | Balk |\n|---|---|---|---|\n")
	for _, oc := range r.Tally.Outcomes {
		if oc.Count > 0 || isVerdict(oc.Outcome) {
			w("| %s | %d | %d%% | %s |\n", esc(UpperFirst(oc.Outcome.Label())), oc.Count, percent(oc.Count, r.Tally.Participants), textBar(oc.Count, r.Tally.Participants))
		}
	}
	w("\nProcenten van de %d deelnemers.\n\n", r.Tally.Participants)
	if len(r.Failed) > 0 {
		w("**Niet meegeteld:**\n\n")
		for _, f := range r.Failed {
			w("- %s: %s\n", esc(f.Name), esc(errLine(f.Err)))
		}
		w("\n")
	}
	w("---\n\n*Inhoudsversie %s. Dit is geen juridisch advies.*\n", esc(r.Version))
	return b.String()
}

func isVerdict(o decision.Outcome) bool {
	return o == decision.OutcomeCan || o == decision.OutcomeCannot || o == decision.OutcomeUnclear
}

// Plural picks the verb for a count: "1 kreeg", "2 kregen" (the round
// hand-out and the beamer say it the same way).
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// UpperFirst capitalises the first letter (an option label as a sentence).
func UpperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// writeRoundQuestion writes one question as the beamer shows it, then
// its reveal.
func writeRoundQuestion(b *strings.Builder, n int, qt decision.QuestionTally, rv decision.Reveal, people int) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	q := qt.Question
	w("## Vraag %d: %s\n\n**%s**\n\n", n, esc(q.Short), esc(q.Text))
	w("| Antwoord | Aantal | Procent | Balk |\n|---|---|---|---|\n")
	for _, o := range qt.Options {
		w("| %s | %d | %d%% | %s |\n", esc(UpperFirst(o.Label)), o.Count, percent(o.Count, qt.Answered), textBar(o.Count, qt.Answered))
	}
	w("\n%d van de %d deelnemers %s", qt.Answered, people, Plural(qt.Answered, "antwoordde", "antwoordden"))
	if qt.Open > 0 {
		w(", %d nog niet", qt.Open)
	}
	if qt.NotAsked > 0 {
		w(", %d %s deze vraag niet", qt.NotAsked, Plural(qt.NotAsked, "kreeg", "kregen"))
	}
	w(". Procenten van wie antwoordde.")
	if len(qt.Options) > 0 && qt.Options[len(qt.Options)-1].Value == "" {
		w(" Meer antwoorden mogelijk: samen kan het meer dan 100%% zijn.")
	}
	w("\n\n")
	if quote := oneLine(q.Quote); quote != "" {
		w("Uit de handreiking: „%s”\n\n", esc(quote))
	}
	if rv.BOT > 0 {
		w("Dit is voorwaarde %d van %d voor begeleide onderwijstijd. Alleen als aan alle voorwaarden is voldaan, kan het meetellen. Met dit antwoord, als de andere voorwaarden ja zijn:\n\n", rv.BOT, rv.BOTOf)
		for _, o := range rv.Options {
			w("- %s: %s\n", esc(o.Label), esc(o.Outcome.Label()))
		}
		w("\n")
	}
	if len(rv.Rules) == 0 {
		if rv.BOT == 0 {
			w("Geen regel uit de handreiking hangt van deze vraag af.\n\n")
		}
		return
	}
	w("**Regels die van deze vraag afhangen:**\n\n")
	for _, r := range rv.Rules {
		w("- %s", esc(sentence(r.Title)))
		if quote := oneLine(r.Quote); quote != "" && quote != oneLine(q.Quote) {
			w(" „%s”", esc(quote))
		}
		w("\n")
	}
	w("\n")
	if rv.Seen == 0 {
		w("Niemand kreeg deze vraag: per antwoord is er niets te tellen.\n\n")
		return
	}
	w("**Welke regels gelden per antwoord** (bij de %d die de vraag %s):\n\n", rv.Seen, Plural(rv.Seen, "kreeg", "kregen"))
	for _, o := range rv.Options {
		w("- %s: %s\n", esc(o.Label), roundEffects(o, rv.Seen))
	}
	w("\n")
}

// roundEffects is the beamer's list of rules per answer, in one line.
func roundEffects(o decision.OptionReveal, seen int) string {
	var parts []string
	for _, r := range o.Rules {
		switch {
		case r.Always(seen):
			parts = append(parts, esc(r.Rule.Title))
		case !r.Never():
			parts = append(parts, fmt.Sprintf("%s (bij %d van de %d, door hun andere antwoorden)", esc(r.Rule.Title), r.Applies, seen))
		}
	}
	if len(parts) == 0 {
		return "geen van deze regels"
	}
	return strings.Join(parts, "; ")
}

// RoundHTML renders the round as a printable, inert hand-out.
func RoundHTML(r Round, date time.Time) ([]byte, error) {
	title := roundTitle
	if r.Case != "" {
		title += ": " + oneLine(content.Sanitize(r.Case))
	}
	return HTMLPage(Page{Title: title, Markdown: RoundMarkdown(r), Version: r.Version, Date: date})
}

// errLine puts a reason of several lines on one: "; " between lines, a
// space after a line that ends in ":" (an introduction, not a point).
func errLine(msg string) string {
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		l = strings.TrimSpace(l)
		if i > 0 {
			if strings.HasSuffix(b.String(), ":") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
