package report

import (
	"encoding/json"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// JSON shapes of a round: Dutch keys like the summary's, no names.
type jsonRound struct {
	Version      string              `json:"inhoudsversie"`
	Case         string              `json:"casus"`
	Participants int                 `json:"deelnemers"`
	Questions    []jsonRoundQuestion `json:"vragen"`
	Outcomes     []jsonRoundOutcome  `json:"uitkomsten"`
	Failed       []jsonFailure       `json:"niet_geladen"`
}

type jsonRoundQuestion struct {
	ID       string            `json:"id"`
	Short    string            `json:"kort"`
	Text     string            `json:"tekst"`
	Answers  []jsonRoundAnswer `json:"antwoorden"`
	Answered int               `json:"beantwoord"`
	Open     int               `json:"open"`
	NotAsked int               `json:"niet_gevraagd"`
	Quote    string            `json:"citaat"`
	// BOT is the place among the BOT conditions, 0 for other questions.
	BOT   int                  `json:"bot_voorwaarde"`
	Rules []jsonRoundRule      `json:"regels"`
	Per   []jsonRoundPerAnswer `json:"per_antwoord"`
	// Seen is how many got the question: the rule counts are out of it.
	Seen int `json:"gekregen"`
}

// jsonRoundAnswer: Value is "" for "geen van deze" of a multiple choice.
type jsonRoundAnswer struct {
	Value   string `json:"waarde"`
	Label   string `json:"label"`
	Count   int    `json:"aantal"`
	Percent int    `json:"procent"`
}

type jsonRoundRule struct {
	ID    string `json:"id"`
	Title string `json:"titel"`
	Quote string `json:"citaat"`
}

type jsonRoundPerAnswer struct {
	Value string `json:"waarde"`
	// Outcome is the BOT verdict with this answer when the other
	// conditions are "ja"; only for a BOT condition.
	Outcome decision.Outcome  `json:"bot_uitkomst,omitempty"`
	Rules   []jsonRoundEffect `json:"regels"`
}

type jsonRoundEffect struct {
	ID      string `json:"id"`
	Applies int    `json:"geldt_bij"`
}

type jsonRoundOutcome struct {
	Outcome decision.Outcome `json:"uitkomst"`
	Label   string           `json:"label"`
	Count   int              `json:"aantal"`
	Percent int              `json:"procent"`
}

// RoundJSON renders the round for scripts.
func RoundJSON(r Round) ([]byte, error) {
	j := jsonRound{Version: r.Version, Case: r.Case, Participants: r.Tally.Participants,
		Questions: []jsonRoundQuestion{}, Outcomes: []jsonRoundOutcome{}, Failed: []jsonFailure{}}
	for i, qt := range r.Tally.Questions {
		rv := r.Reveals[i]
		q := jsonRoundQuestion{ID: qt.Question.ID, Short: oneLine(qt.Question.Short), Text: oneLine(qt.Question.Text),
			Answered: qt.Answered, Open: qt.Open, NotAsked: qt.NotAsked, Quote: oneLine(qt.Question.Quote),
			BOT: rv.BOT, Seen: rv.Seen, Answers: []jsonRoundAnswer{}, Rules: []jsonRoundRule{}, Per: []jsonRoundPerAnswer{}}
		for _, o := range qt.Options {
			q.Answers = append(q.Answers, jsonRoundAnswer{Value: o.Value, Label: o.Label, Count: o.Count, Percent: percent(o.Count, qt.Answered)})
		}
		for _, rule := range rv.Rules {
			q.Rules = append(q.Rules, jsonRoundRule{ID: rule.ID, Title: oneLine(rule.Title), Quote: oneLine(rule.Quote)})
		}
		for _, o := range rv.Options {
			per := jsonRoundPerAnswer{Value: o.Value, Outcome: o.Outcome, Rules: []jsonRoundEffect{}}
			for _, e := range o.Rules {
				per.Rules = append(per.Rules, jsonRoundEffect{ID: e.Rule.ID, Applies: e.Applies})
			}
			q.Per = append(q.Per, per)
		}
		j.Questions = append(j.Questions, q)
	}
	for _, oc := range r.Tally.Outcomes {
		j.Outcomes = append(j.Outcomes, jsonRoundOutcome{Outcome: oc.Outcome, Label: oc.Outcome.Label(), Count: oc.Count, Percent: percent(oc.Count, r.Tally.Participants)})
	}
	for _, f := range r.Failed {
		j.Failed = append(j.Failed, jsonFailure{File: f.Name, Reason: f.Err})
	}
	out, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
