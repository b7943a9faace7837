package report

import (
	"encoding/json"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// JSON shapes: Dutch keys, stable for scripts.
type jsonSummary struct {
	Version  string            `json:"inhoudsversie"`
	Complete bool              `json:"compleet"`
	Answers  map[string]any    `json:"antwoorden"`
	Dropped  []string          `json:"vervallen"`
	BOT      jsonVerdict       `json:"bot"`
	Rules    []jsonRule        `json:"regels"`
	Parties  []jsonParty       `json:"partijen"`
	Actions  []jsonAction      `json:"acties"`
	Sources  []jsonResource    `json:"bronnen"`
	Examples []jsonExample     `json:"voorbeelden"`
	Source   map[string]string `json:"handreiking"`
	// Added with "In het kort"; the keys above are a contract and stay.
	Brief    jsonBrief     `json:"in_het_kort"`
	Findings []jsonFinding `json:"bevindingen"`
	Terms    []jsonTerm    `json:"begrippen"`
	// VOCaveat goes with every example and finding: vo research, no
	// representative picture.
	VOCaveat string `json:"vo_voorbehoud"`
}

type jsonBrief struct {
	Verdict string   `json:"oordeel"`
	Agree   []string `json:"instemming_of_advies"`
	Ask     []string `json:"navragen"`
	Next    []string `json:"volgende_stappen"`
}

type jsonFinding struct {
	ID     string `json:"id"`
	Theme  string `json:"thema"`
	Title  string `json:"titel"`
	Text   string `json:"tekst"`
	Source string `json:"bron"`
	// VO marks research in secondary education, not an mbo rule.
	VO bool `json:"vo"`
}

type jsonTerm struct {
	ID     string `json:"id"`
	Name   string `json:"naam"`
	Text   string `json:"uitleg"`
	Source string `json:"bron,omitempty"`
	// Brontype says whose the text is: handreiking, wet, inspectie-vo or
	// wijzer (this program's own advice or reading).
	Brontype string `json:"brontype"`
}

// jsonVerdict is the verdict on begeleide onderwijstijd. Outcome replaces
// the boolean "telt" (content 2026.12): the three conditions are
// necessary, not sufficient, so the best outcome is "can count".
type jsonVerdict struct {
	// Outcome is decision.OutcomeCan, OutcomeCannot or OutcomeUnclear:
	// "kan_meetellen", "telt_niet" or "onduidelijk", nothing else.
	Outcome string   `json:"uitkomst"`
	Reason  string   `json:"reden"`
	No      []string `json:"niet_voldaan"`
	Unknown []string `json:"onduidelijk"`
	Label   string   `json:"label"`
	// Brontype is whose Reason is (the handreiking's three conditions).
	Brontype string     `json:"brontype"`
	Notes    []jsonLine `json:"noten"`
}

// jsonLine is a text with whose it is.
type jsonLine struct {
	Text     string `json:"tekst"`
	Brontype string `json:"brontype"`
}

type jsonRule struct {
	ID     string   `json:"id"`
	Title  string   `json:"titel"`
	Text   string   `json:"tekst"`
	Source jsonSrc  `json:"bron"`
	Why    []string `json:"waarom"`
	// Brontype is whose Text is; ActionsBrontype (in "acties") says
	// whose the rule's steps are.
	Brontype string `json:"brontype"`
}

type jsonSrc struct {
	Part  string `json:"deel"`
	Quote string `json:"citaat"`
}

type jsonParty struct {
	ID    string   `json:"id"`
	Name  string   `json:"naam"`
	Tasks []string `json:"taken"`
	// TaskBrontypes says whose each task is, in the order of Tasks.
	TaskBrontypes []string `json:"taken_brontype"`
}

type jsonAction struct {
	Text  string `json:"tekst"`
	Phase string `json:"fase"`
	// From is the rule or action the step comes from.
	From     string `json:"herkomst"`
	Brontype string `json:"brontype"`
}

type jsonResource struct {
	ID           string `json:"id"`
	Title        string `json:"titel"`
	URL          string `json:"url"`
	Organisation string `json:"organisatie"`
	Theme        string `json:"thema"`
	LookFor      string `json:"zoek,omitempty"`
}

type jsonExample struct {
	ID     string `json:"id"`
	Text   string `json:"tekst"`
	Theme  string `json:"thema"`
	Source string `json:"bron"`
	// VO marks an example from secondary education, not an mbo rule.
	VO bool `json:"vo"`
}

// JSON renders the summary for scripts.
func JSON(s *decision.Summary) ([]byte, error) {
	j := jsonSummary{
		Version:  s.Meta.Version,
		Complete: s.Complete,
		Answers:  map[string]any{},
		Dropped:  []string{},
		BOT: jsonVerdict{Outcome: string(s.Verdict.Outcome()), Reason: oneLine(s.Verdict.Reason), No: ids(s.Verdict.No), Unknown: ids(s.Verdict.Unknown),
			Label: s.Verdict.Label(), Brontype: decision.ReasonBrontype, Notes: jsonLines(s.Verdict.Notes)},
		Rules:    []jsonRule{},
		Parties:  []jsonParty{},
		Actions:  []jsonAction{},
		Sources:  []jsonResource{},
		Examples: []jsonExample{},
		Source:   map[string]string{"titel": s.Meta.Title, "uitgever": s.Meta.Publisher, "datum": s.Meta.Date, "url": s.Meta.URL},
	}
	for _, a := range s.Answers {
		if a.Question.Kind == content.Many {
			j.Answers[a.Question.ID] = append([]string{}, a.Values...)
		} else if len(a.Values) > 0 {
			j.Answers[a.Question.ID] = a.Values[0]
		}
	}
	j.Dropped = append(j.Dropped, ids(s.Dropped)...)
	for _, r := range s.Rules {
		why := r.Why
		if len(why) == 0 {
			why = []string{"geldt altijd"}
		}
		j.Rules = append(j.Rules, jsonRule{ID: r.Rule.ID, Title: r.Rule.Title, Text: strings.TrimSpace(r.Rule.Text),
			Source: jsonSrc{Part: r.Rule.Part, Quote: oneLine(r.Rule.Quote)}, Why: why, Brontype: r.Rule.Brontype})
	}
	for _, p := range s.Parties {
		jp := jsonParty{ID: p.Party.ID, Name: p.Party.Name, Tasks: []string{}, TaskBrontypes: []string{}}
		for _, t := range p.Tasks {
			jp.Tasks = append(jp.Tasks, t.Text)
			jp.TaskBrontypes = append(jp.TaskBrontypes, t.Brontype)
		}
		j.Parties = append(j.Parties, jp)
	}
	for _, a := range append(append([]decision.ActionItem{}, s.Before...), s.After...) {
		j.Actions = append(j.Actions, jsonAction{Text: oneLine(a.Text), Phase: a.Phase, From: a.From, Brontype: a.Brontype})
	}
	for _, r := range s.Sources {
		j.Sources = append(j.Sources, jsonResource{ID: r.ID, Title: r.Title, URL: r.URL, Organisation: r.Organisation, Theme: r.Theme, LookFor: oneLine(r.LookFor)})
	}
	for _, x := range s.Examples {
		j.Examples = append(j.Examples, jsonExample{ID: x.ID, Text: oneLine(x.Text), Theme: x.Theme, Source: exampleSource(s, x), VO: true})
	}
	br := briefOf(s)
	j.Brief = jsonBrief{Verdict: br.Verdict, Agree: oneLines(decision.Texts(br.Agree)), Ask: oneLines(decision.Texts(br.Ask)), Next: oneLines(decision.Texts(br.Next))}
	j.Findings = []jsonFinding{}
	for _, f := range findingsOf(s) {
		j.Findings = append(j.Findings, jsonFinding{ID: f.ID, Theme: f.Theme, Title: oneLine(f.Title), Text: oneLine(f.Text), Source: f.Source, VO: true})
	}
	// The terms the summary uses, as its glossary lists them (in full).
	j.Terms = []jsonTerm{}
	for _, t := range Summary(s).terms {
		j.Terms = append(j.Terms, jsonTerm{ID: t.ID, Name: oneLine(t.Name), Text: oneLine(t.Text), Source: oneLine(t.Source), Brontype: t.Brontype})
	}
	j.VOCaveat = voCaveat(s)
	out, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// jsonLines is lines for JSON, never nil.
func jsonLines(lines []decision.Line) []jsonLine {
	out := []jsonLine{}
	for _, l := range lines {
		out = append(out, jsonLine{Text: oneLine(l.Text), Brontype: l.Brontype})
	}
	return out
}

// oneLines folds each text, and is never nil: JSON gets [] not null.
func oneLines(texts []string) []string {
	out := []string{}
	for _, t := range texts {
		out = append(out, oneLine(t))
	}
	return out
}

func ids(qs []*content.Question) []string {
	out := []string{}
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

// SourcesJSON lists every resource of the content for scripts.
func SourcesJSON(c *content.Content) ([]byte, error) {
	out := []jsonResource{}
	for _, r := range c.Resources {
		out = append(out, jsonResource{ID: r.ID, Title: r.Title, URL: r.URL, Organisation: r.Organisation, Theme: r.Theme, LookFor: oneLine(r.LookFor)})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	return append(data, '\n'), err
}
