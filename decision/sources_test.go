package decision

import (
	"slices"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// Issue 14, point 2: the OR's consent right on decisions about distance
// education holds unconditionally, so "In het kort" and "Wie beslist wat"
// show it whenever the plan is not known to fit frameworks the OR already
// agreed to. Checked for every answer of every question the OR's rule and
// tasks read (the other answers cannot change it), on top of every form.
func TestORConsentOnEveryPath(t *testing.T) {
	e := engine(t)
	n := 0
	for _, over := range assignments(e, "rol", "beleidskaders", "kaders_passen", "vorm") {
		a := base()
		for k, v := range over {
			a[k] = v
		}
		eff := e.Effective(a)
		kaders, passen := eff["beleidskaders"][0], ""
		if v, ok := eff["kaders_passen"]; ok {
			passen = v[0]
		}
		want := passen != "past"
		s := e.Summarize(a)
		agree := strings.Join(Texts(s.Brief.Agree), " ")
		var orRow []Line
		for _, p := range s.Parties {
			if p.Party.ID == "ondernemingsraad" {
				orRow = p.Tasks
			}
		}
		has := slices.Contains(s.RuleIDs(), "or-instemming")
		if has != want || strings.Contains(agree, "OR heeft instemmingsrecht") != want || (len(orRow) == 2) == want {
			t.Fatalf("beleidskaders %s, kaders_passen %q: rule %v, agree %q, OR tasks %d", kaders, passen, has, agree, len(orRow))
		}
		for _, r := range s.Rules {
			if r.Rule.ID == "or-instemming" && !strings.Contains(r.Rule.Text, "belangrijke veranderingen van de onderwijskundige doelstellingen") {
				t.Fatalf("or-instemming lost its wording: %s", r.Rule.Text)
			}
		}
		n++
	}
	if n != 5*3*3*5 {
		t.Fatalf("checked %d paths", n)
	}
}

// Issue 14, point 11: the row "Docent (jij)" is not shown to someone in
// bestuur or beleid, and no one is told to ask their teamleider: one
// phrase says whom to ask.
func TestWhomToAsk(t *testing.T) {
	e := engine(t)
	for _, rol := range e.C.Question("rol").Values() {
		s := e.Summarize(with(base(), "rol", rol))
		docent := false
		for _, p := range s.Parties {
			docent = docent || p.Party.ID == "docent"
		}
		if docent == (rol == "bestuur") {
			t.Errorf("rol %s: docent row shown = %v", rol, docent)
		}
	}
	for _, a := range e.C.Actions {
		if strings.Contains(a.Text, "teamleider") || strings.Contains(a.Text, "opleidingsmanager") {
			t.Errorf("action %s names a teamleider or opleidingsmanager instead of 'je leidinggevende': %q", a.ID, a.Text)
		}
	}
	for _, r := range e.C.Rules {
		for _, t2 := range r.Actions {
			if strings.Contains(t2, "teamleider") || strings.Contains(t2, "opleidingsmanager") {
				t.Errorf("rule %s action names a teamleider: %q", r.ID, t2)
			}
		}
	}
}

// Every line a summary shows carries its brontype, on every path the
// random walk draws.
func TestSummaryLinesCarryBrontype(t *testing.T) {
	e := engine(t)
	for _, a := range []Answers{base(), with(base(), "vorm", "examen", "bot_sturen", "nee"), with(base(), "beleidskaders", "weet_niet", "kaders_passen", "-", "urennorm", "weet_niet")} {
		s := e.Summarize(a)
		var lines []Line
		for _, it := range append(slices.Clone(s.Before), s.After...) {
			lines = append(lines, Line{Text: it.Text, Brontype: it.Brontype})
		}
		for _, p := range s.Parties {
			lines = append(lines, p.Tasks...)
		}
		lines = append(lines, s.Verdict.Notes...)
		for _, l := range lines {
			if !slices.Contains(content.SourceKinds, l.Brontype) {
				t.Errorf("%q has brontype %q", l.Text, l.Brontype)
			}
		}
	}
}

// controleer (Check) refuses content that hides a BOT question on some
// path, as the exam exception did, and content with a text without
// brontype.
func TestCheckRefusesExamExceptionAndMissingBrontype(t *testing.T) {
	e := engine(t)
	c := *e.C
	c.Questions = slices.Clone(c.Questions)
	for i, q := range c.Questions {
		if q.ID == "bot_sturen" {
			b := *q
			b.When = mustCompile(t, e.C, `vorm != "examen"`)
			c.Questions[i] = &b
		}
	}
	c.Actions = slices.Clone(c.Actions)
	b := *c.Actions[0]
	b.Brontype = ""
	c.Actions[0] = &b
	rep := New(&c).Check()
	var exam, src bool
	for _, p := range rep.Problems {
		exam = exam || strings.Contains(p.Msg, `vraag "bot_sturen" over begeleide onderwijstijd wordt bij sommige antwoorden niet gesteld`)
		src = src || strings.Contains(p.Msg, `mist "brontype"`)
	}
	if !exam || !src {
		t.Fatalf("exam exception reported %v, missing brontype reported %v:\n%v", exam, src, rep.Problems)
	}
	if rep := e.Check(); len(rep.Problems) != 0 || rep.Sources[content.SourceWijzer] == 0 {
		t.Fatalf("default content: %v, sources %v", rep.Problems, rep.Sources)
	}
}
