package report

import (
	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// This file is the one place where the report reads what the content
// branch adds to a summary (Brief, Findings, Terms, Verdict.Note, the vo
// source and caveat). Until that lands, "In het kort" is derived from what
// the summary already has.

// brief is "In het kort": the verdict in one sentence, who must agree or
// advise, whom to ask and the next steps.
type brief struct {
	Verdict string
	Agree   []string
	Ask     []string
	Next    []string
}

// consentRules are the conditional rules in which a council must agree or
// may advise.
var consentRules = []string{"or-instemming", "studentenraad-instemming-urennorm", "studentenraad-advies-voorzieningen"}

func briefOf(s *decision.Summary) brief {
	br := brief{Verdict: s.Verdict.Label() + "."}
	for _, id := range consentRules {
		for _, r := range s.Rules {
			if r.Rule.ID == id {
				br.Agree = append(br.Agree, oneLine(r.Rule.Title)+".")
			}
		}
	}
	for _, a := range s.Answers {
		if len(a.Values) == 1 && a.Values[0] == "weet_niet" {
			br.Ask = append(br.Ask, oneLine(a.Question.Short)+": vraag het je teamleider of opleidingsmanager.")
		}
	}
	for _, a := range s.Before {
		br.Next = append(br.Next, oneLine(a.Text))
	}
	return br
}

// verdictNote is the one extra line under the verdict (what else decides
// it, or the urennorm).
func verdictNote(s *decision.Summary) string { return "" }

// botNotApplicable is true when the BOT conditions are not asked on this
// path (an exam).
func botNotApplicable(s *decision.Summary) bool { return false }

// term is a glossary entry.
type term struct {
	ID, Name, Text, Source string
}

func termsOf(s *decision.Summary) []term { return nil }

// finding is one thing the Inspectie saw in its vo research.
type finding struct {
	ID, Theme, Title, Text, Source string
}

func findingsOf(s *decision.Summary) []finding { return nil }

// voSource and voCaveat say where examples and findings come from and the
// research's own caveat.
func voSource(s *decision.Summary) string {
	return "Onderzoek naar afstandsonderwijs in het voortgezet onderwijs (vo), Inspectie van het Onderwijs, november 2020 tot maart 2021"
}

func voCaveat(s *decision.Summary) string {
	return "Het onderzoek gaat over het voortgezet onderwijs, niet over het mbo. Volgens de Inspectie zelf geeft het geen representatief beeld."
}

// exampleSource is where a practice example comes from.
func exampleSource(s *decision.Summary, x *content.Example) string { return voSource(s) }
