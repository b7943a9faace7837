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
}

func findingsOf(s *decision.Summary) []finding {
	var out []finding
	for _, f := range s.Findings {
		src := strings.TrimSpace(f.Source)
		if src == "" {
			src = voSource(s)
		}
		out = append(out, finding{ID: f.ID, Theme: f.Theme, Title: f.Title, Text: f.Text, Source: src})
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
