package report

import (
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
	Agree   []string
	Ask     []string
	Next    []string
}

func briefOf(s *decision.Summary) brief {
	b := s.Brief
	br := brief{Verdict: oneLine(b.Verdict), Agree: b.Agree, Ask: b.Ask, Next: b.Next}
	if br.Verdict == "" {
		br.Verdict = s.Verdict.Label() + "."
	}
	return br
}

// verdictNote is the one extra line under the verdict (what else decides
// it, or the urennorm).
func verdictNote(s *decision.Summary) string { return oneLine(s.Verdict.Note) }

// botNotApplicable is true when the BOT conditions are not asked on this
// path (an exam).
func botNotApplicable(s *decision.Summary) bool { return s.Verdict.NotApplicable }

// term is a glossary entry; Words are the forms to link in running text
// (content.Term.Words: the long form and the abbreviation).
type term struct {
	ID, Name, Text, Source string
	Words                  []string
}

func termsOf(s *decision.Summary) []term {
	var out []term
	for _, t := range s.Terms {
		out = append(out, term{ID: t.ID, Name: t.Name, Text: t.Text, Source: t.Source, Words: t.Words()})
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
func partyLine(p decision.PartyRow) []string {
	var out []string
	if len(p.Tasks) == 0 {
		return out
	}
	conditional := map[string]bool{}
	for _, t := range p.Party.Tasks {
		if t.When.Program != nil || strings.TrimSpace(t.WhenSrc) != "" {
			conditional[t.Text] = true
		}
	}
	for _, t := range p.Tasks {
		if conditional[t] {
			// Whole: such a task may ask a question and answer it in
			// its second sentence.
			return append(out, oneLine(t))
		}
	}
	return append(out, firstSentence(p.Tasks[0]))
}
