package report

import (
	"slices"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// This file is the one place where the report reads what decision adds to
// a summary for "In het kort", the glossary and the findings.

// brief is "In het kort": the verdict in one sentence, who must agree or
// advise, whom to ask and the next steps.
type brief struct {
	Verdict string
	Agree   []decision.Line
	Ask     []decision.Line
	Next    []decision.Line
}

func briefOf(s *decision.Summary) brief {
	b := s.Brief
	br := brief{Verdict: oneLine(b.Verdict), Agree: b.Agree, Ask: b.Ask, Next: b.Next[:min(len(b.Next), maxNextSteps)]}
	if br.Verdict == "" {
		br.Verdict = s.Verdict.Label() + "."
	}
	return br
}

// wijzer marks the program's own advice, so a reader can tell it from the
// handreiking's words: "Tips van de wijzer" as a label over a group, or
// after one line.
const (
	wijzerTips  = "tips van de wijzer"
	wijzerLabel = "Tips van de wijzer"
	wijzerOwn   = "van de wijzer"
)

// isWijzer is true for the program's own advice or reading.
func isWijzer(brontype string) bool { return brontype == content.SourceWijzer }

// splitWijzer splits lines into those from a source (handreiking, law,
// Inspectie) and the wijzer's own, each in their order.
func splitWijzer(lines []decision.Line) (sourced, own []decision.Line) {
	for _, l := range lines {
		if isWijzer(l.Brontype) {
			own = append(own, l)
		} else {
			sourced = append(sourced, l)
		}
	}
	return sourced, own
}

// term is a glossary entry; Words are the forms to link in running text
// (content.Term.Words: the long form and the abbreviation).
type term struct {
	ID, Name, Text, Source, Brontype string
	Words                            []string
}

func termsOf(s *decision.Summary) []term {
	var out []term
	for _, t := range s.Terms {
		out = append(out, term{ID: t.ID, Name: t.Name, Text: t.Text, Source: t.Source, Brontype: t.Brontype, Words: t.Words()})
	}
	return out
}

// finding is one thing the Inspectie saw in its vo research.
type finding struct {
	ID, Theme, Title, Text, Source string
	// Key is what the summary shows under the title: the finding's key
	// sentences, verbatim from Text (content.Finding.KeyText).
	Key string
}

func findingsOf(s *decision.Summary) []finding {
	var out []finding
	for _, f := range s.Findings {
		src := strings.TrimSpace(f.Source)
		if src == "" {
			src = voSource(s)
		}
		out = append(out, finding{ID: f.ID, Theme: f.Theme, Title: f.Title, Text: f.Text, Source: src, Key: f.KeyText()})
	}
	return out
}

const (
	defaultVOSource = "Onderzoek naar afstandsonderwijs in het voortgezet onderwijs (vo), Inspectie van het Onderwijs, november 2020 tot maart 2021"
	defaultVOCaveat = "Het onderzoek gaat over het voortgezet onderwijs, niet over het mbo. Volgens de Inspectie zelf geeft het geen representatief beeld."
)

// voSource and voCaveat say where examples and findings come from and the
// research's own caveat.
func voSource(s *decision.Summary) string {
	if v := oneLine(s.Meta.VOSource); v != "" {
		return v
	}
	return defaultVOSource
}

func voCaveat(s *decision.Summary) string {
	if v := oneLine(s.Meta.VOCaveat); v != "" {
		return v
	}
	return defaultVOCaveat
}

// exampleSource is where a practice example comes from.
func exampleSource(s *decision.Summary, x *content.Example) string {
	if src := oneLine(x.Source); src != "" {
		return src
	}
	return voSource(s)
}

// maxExamples bounds the practice examples in the summary: they are vo
// practice for inspiration, and a teacher reads three, not eight.
const maxExamples = 3

// examplesOf picks at most maxExamples of the examples that apply, one per
// theme, in content order: each one then speaks to a different part of the
// answers (working together, support, agreements), instead of three about
// the camera. The JSON keeps them all.
func examplesOf(s *decision.Summary) []*content.Example {
	var out []*content.Example
	seen := map[string]bool{}
	for _, x := range s.Examples {
		if len(out) == maxExamples {
			break
		}
		if !seen[x.Theme] {
			seen[x.Theme] = true
			out = append(out, x)
		}
	}
	return out
}

// partyLine is what "Wie beslist wat" says of a party, in one short line:
// the first task that holds because of the answers (a task with a
// condition), or, when there is none, its first task (the content lists a
// party's main role first) shortened to its first sentence. What
// the parties always do, the rules say with the handreiking's words; the
// JSON keeps every task.
func partyLine(p decision.PartyRow) decision.Line {
	if len(p.Tasks) == 0 {
		return decision.Line{}
	}
	conditional := map[string]bool{}
	for _, t := range p.Party.Tasks {
		// A condition that only reads the role says who reads the row,
		// not what the answers changed.
		if t.When.Program != nil && !slices.Equal(t.When.Vars, []string{"rol"}) {
			conditional[t.Text] = true
		}
	}
	for _, t := range p.Tasks {
		if conditional[t.Text] {
			// Whole: such a task may ask a question and answer it in
			// its second sentence.
			return decision.Line{Text: oneLine(t.Text), Brontype: t.Brontype}
		}
	}
	return decision.Line{Text: firstSentence(p.Tasks[0].Text), Brontype: p.Tasks[0].Brontype}
}
