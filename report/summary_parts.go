package report

import (
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// The sections of the summary, one function each (Summary puts them in
// order).

// writeBrief writes "In het kort": the verdict in one sentence, who must
// agree or advise, whom to ask and at most maxNextSteps steps, as
// checkboxes: they are the first steps of the checklist. The wijzer's own
// advice is grouped under a label that says so.
func writeBrief(w *docWriter, br brief) {
	w.f("**%s**\n\n", w.lk(br.Verdict))
	// One tight list: on the first screen every line counts. The items
	// are whole sentences, so several share their label's paragraph.
	item := func(label string, lines []decision.Line) {
		sourced, own := splitWijzer(lines)
		for _, g := range []struct {
			label string
			lines []decision.Line
		}{{label, sourced}, {ownLabel(label), own}} {
			if len(g.lines) > 0 {
				linked := make([]string, len(g.lines))
				for i, l := range g.lines {
					linked[i] = w.lk(l.Text)
				}
				w.f("- **%s** %s\n", g.label, strings.Join(linked, " "))
			}
		}
	}
	item("Wie beslist mee:", br.Agree)
	item("Wat je nog moet navragen:", br.Ask)
	// The steps continue the same list under a label of their own: a
	// heading or a paragraph would cost a blank line.
	writeSteps(w, "Je eerste stappen:", br.Next)
	if len(br.Agree)+len(br.Ask)+len(br.Next) > 0 {
		w.f("\n")
	}
}

// writeSteps writes checklist items under label: those from a source
// first, then the wijzer's own under the label marked as its tips. An
// empty label writes the sourced items without one.
func writeSteps(w *docWriter, label string, items []decision.Line) {
	sourced, own := splitWijzer(items)
	for _, g := range []struct {
		label string
		items []decision.Line
	}{{label, sourced}, {ownLabel(label), own}} {
		if len(g.items) == 0 {
			continue
		}
		if g.label != "" {
			w.f("- **%s**\n", g.label)
		}
		for _, it := range g.items {
			w.f("- [ ] %s\n", w.lk(it.Text))
		}
	}
}

// ownLabel marks a label as the wijzer's: "Je eerste stappen (tips van de
// wijzer):", or "Tips van de wijzer:" on its own.
func ownLabel(label string) string {
	if label == "" {
		return wijzerLabel + ":"
	}
	return strings.TrimSuffix(label, ":") + " (" + wijzerTips + "):"
}

// steps turns checklist items into lines with their brontype.
func steps(items []decision.ActionItem) []decision.Line {
	out := make([]decision.Line, len(items))
	for i, it := range items {
		out[i] = decision.Line{Text: it.Text, Brontype: it.Brontype}
	}
	return out
}

// writeVerdict writes the verdict. When a condition is not met or not yet
// clear, each of the three is on a line of its own: which one fails is
// the first thing to fix. The notes follow, the wijzer's own marked.
func writeVerdict(w *docWriter, s *decision.Summary) {
	v := s.Verdict
	// The label and the text after it share a paragraph: one blank line
	// less on the first screens.
	w.f("**%s**", esc(sentence(v.Label())))
	conds := conditionsOf(s)
	switch {
	case v.Counts != nil && *v.Counts:
		// All three met: the sentence in "In het kort" says so.
	case len(conds) == 0:
		if r := strings.TrimSpace(v.Reason); r != "" {
			w.f(" %s", w.lk(r))
		}
	default:
		w.f(" Dit kan alleen als aan alle drie de voorwaarden is voldaan:\n\n")
		for _, c := range conds {
			w.f("- %s: %s\n", esc(c.Name), w.lk(c.State))
		}
		w.f("\n")
		if len(v.Notes) == 0 {
			return
		}
	}
	for i, n := range v.Notes {
		if i > 0 || len(conds) == 0 || (v.Counts != nil && *v.Counts) {
			w.f(" ")
		}
		if isWijzer(n.Brontype) {
			w.f("*%s:* ", sentenceCase(wijzerOwn))
		}
		w.f("%s", w.lk(n.Text))
	}
	w.f("\n\n")
}

// sentenceCase capitalises the first letter.
func sentenceCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// writeBefore writes the checklist before the lesson. It says each step
// once: the steps already in "In het kort" are not repeated here.
func writeBefore(w *docWriter, s *decision.Summary, br brief) {
	shown := map[string]bool{}
	for _, l := range append(append([]decision.Line{}, br.Ask...), br.Next...) {
		shown[oneLine(l.Text)] = true
	}
	var rest []decision.ActionItem
	for _, a := range s.Before {
		if !shown[oneLine(a.Text)] {
			rest = append(rest, a)
		}
	}
	switch {
	case len(s.Before) == 0:
		w.f("Er is vooraf niets extra te regelen.\n\n")
	case len(rest) == 0:
		w.f("Alles wat je vooraf regelt, staat bij %s.\n\n", SecBrief)
	default:
		writeSteps(w, "", steps(rest))
		w.f("\n")
	}
}

// backgroundSaid returns a function that says whether a legal background
// was just given in full by the rule above (the Inspectie's two rules
// share their law), remembering the last one.
func backgroundSaid() func(string) bool {
	last := ""
	return func(bg string) bool {
		if last != "" && strings.HasPrefix(last, bg) {
			return true
		}
		last = bg
		return false
	}
}

// writeRules writes the rules of the parts Algemeen and Vooraf in one
// list, in the handreiking's order: a heading per part costs two lines
// (the JSON gives each rule's part; Achteraf has a section of its own).
func writeRules(w *docWriter, s *decision.Summary, said func(string) bool) {
	n := 0
	for _, part := range []string{"Algemeen", "Vooraf"} {
		for _, r := range rulesIn(s, part) {
			writeRule(&w.b, r, w.lk, said)
			n++
		}
	}
	if n > 0 {
		w.f("\n")
	}
}

// writeAfter writes the part Achteraf and what to do after the lesson,
// which continues the same list under a label: a heading would cost a
// blank line.
func writeAfter(w *docWriter, s *decision.Summary, said func(string) bool) {
	rules := rulesIn(s, "Achteraf")
	for _, r := range rules {
		writeRule(&w.b, r, w.lk, said)
	}
	writeSteps(w, "Na de les:", steps(s.After))
	if len(rules)+len(s.After) > 0 {
		w.f("\n")
	}
}

// writeFindings writes the Inspectie's vo findings, with the research's
// own caveat.
func writeFindings(w *docWriter, s *decision.Summary) {
	w.f("*%s. %s*\n\n", esc(strings.TrimSuffix(voSource(s), ".")), esc(caveatShort(voCaveat(s))))
	for _, f := range findingsOf(s) {
		w.f("- **%s** %s\n", esc(sentence(f.Title)), w.lk(f.Key))
	}
	w.f("\n")
}

// writeExamples writes at most maxExamples practice examples from the
// same vo research: for inspiration, no rules for the mbo.
func writeExamples(w *docWriter, s *decision.Summary) {
	if len(findingsOf(s)) > 0 {
		w.f("*Uit hetzelfde onderzoek in het vo: ter inspiratie, geen regels voor het mbo.*\n\n")
	} else {
		w.f("*%s. %s Ter inspiratie, geen regels voor het mbo.*\n\n", esc(strings.TrimSuffix(voSource(s), ".")), esc(voCaveat(s)))
	}
	for _, x := range examplesOf(s) {
		w.f("- %s\n", w.lk(x.Text))
	}
	w.f("\n")
}

// writeSources writes the resources in theme order, one item per site:
// mbo.lesopafstand.nl has many topics, and its address once is enough.
func writeSources(w *docWriter, s *decision.Summary) {
	var sources []*content.Resource
	for _, theme := range s.Meta.Themes {
		for _, r := range s.Sources {
			if r.Theme == theme {
				sources = append(sources, r)
			}
		}
	}
	writeResources(&w.b, sources)
	w.f("\n")
}
