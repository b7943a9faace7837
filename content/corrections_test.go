package content

import (
	"strings"
	"testing"
)

// The corrections of issue 14, section 1, that live in the content alone.
// Each fails on the content before the issue.

// Point 4: "de activiteit moet deel zijn van het programma in de OER en
// ook zo zijn ingepland" is in neither source.
func TestNoInventedOERCondition(t *testing.T) {
	for _, s := range texts(loaded(t)) {
		if strings.Contains(s, "ingepland") {
			t.Errorf("invented condition: %q", s)
		}
	}
}

// Point 8: the bevoegd gezag is expected to set up quality assurance; the
// teacher feeds it, and does not ensure it.
func TestTeacherFeedsQualityAssurance(t *testing.T) {
	c := loaded(t)
	r := ruleByID(t, c, "kwaliteitszorg")
	if !strings.Contains(r.Text, "Van het bestuur wordt verwacht") {
		t.Errorf("kwaliteitszorg: %s", r.Text)
	}
	for _, s := range append(r.Actions, c.Question("evaluatie").Help) {
		if strings.HasPrefix(s, "Zorg dat") || strings.Contains(s, "zorgt dat de kwaliteit") {
			t.Errorf("the teacher or the bestuur 'ensures' quality assurance: %q", s)
		}
	}
}

// Point 9: the OR's consent right cites the handreiking, not WOR art. 23
// (wetgeving.md found no article); Entree has no BPV minimum.
func TestGlossaryCorrections(t *testing.T) {
	c := loaded(t)
	if or := c.Term("or"); strings.Contains(or.Source, "WOR") {
		t.Errorf("OR: %q", or.Source)
	}
	if u := c.Term("urennorm"); !strings.Contains(u.Text, "behalve bij Entree") || strings.Contains(u.Text, "voor elk een eigen minimum") {
		t.Errorf("urennorm: %q", u.Text)
	}
}

// Point 10: quotes are the source's words only (TestQuotesAreVerbatim
// refuses "[...]"); the typo is named outside the quote.
func TestTypoNamedOutsideTheQuote(t *testing.T) {
	src := string(defaultFS(t)["regels.toml"].Data)
	if !strings.Contains(src, `# "instemmingsgericht" staat zo in de handreiking`) {
		t.Error("the typo in the OR quote is not explained next to it")
	}
}

// Point 11: Dutch. One spelling of ict in the wijzer's own words (quotes
// and the names of organisations keep theirs), "een-op-een" as one word,
// "meetellen als", no sentence of a finding's key starting with "Maar",
// the vo examples' jargon explained, no "deze les" where an exam may be
// meant.
func TestDutchCorrections(t *testing.T) {
	c := loaded(t)
	quoted := map[string]bool{}
	for _, r := range c.Rules {
		quoted[r.Quote] = true
	}
	for _, q := range c.Questions {
		quoted[q.Quote] = true
	}
	for _, r := range c.Resources {
		quoted[r.Organisation] = true
	}
	for _, s := range texts(c) {
		if strings.Contains(s, "ICT") && !quoted[s] {
			t.Errorf("ICT in capitals: %q", s)
		}
		if strings.Contains(s, "van een op een") || strings.Contains(s, "Telt een activiteit niet als") {
			t.Errorf("Dutch: %q", s)
		}
	}
	for _, x := range c.Findings {
		if strings.HasPrefix(x.KeyText(), "Maar ") {
			t.Errorf("finding %s: key starts with 'Maar'", x.ID)
		}
	}
	for _, x := range c.Examples {
		if strings.Contains(x.Text, "sociaal-emotionele ontwikkeling") && !strings.Contains(x.Text, "hoe leerlingen zich voelen") {
			t.Errorf("example %s: jargon not explained", x.ID)
		}
	}
	for _, a := range c.Actions {
		if strings.Contains(a.Text, "deze les") {
			t.Errorf("action %s says 'deze les', also on an exam path", a.ID)
		}
	}
	for _, r := range c.Rules {
		for _, a := range r.Actions {
			if strings.Contains(a, "deze les") {
				t.Errorf("rule %s: %q", r.ID, a)
			}
		}
	}
	if c.Term("kwaliteitsborging") == nil || c.Term("examinering") == nil {
		t.Error("kwaliteitsborging and examinering are not explained")
	}
}

// Point 6: the wijzer's own readings stay only when marked as its own.
func TestOwnReadingsAreMarked(t *testing.T) {
	c := loaded(t)
	for _, a := range c.Actions {
		if (strings.Contains(a.Text, "Alleen beschikbaar zijn voor vragen") || strings.Contains(a.Text, "studentondersteuning")) && a.Brontype != SourceWijzer {
			t.Errorf("action %s: the wijzer's reading with brontype %q", a.ID, a.Brontype)
		}
	}
	for _, q := range c.Questions {
		if strings.Contains(q.Help, "Alleen beschikbaar zijn voor vragen") || (strings.Contains(q.Help, "studentondersteuning") && q.Brontype != SourceWijzer) {
			t.Errorf("question %s: the wijzer's reading in %s help", q.ID, q.Brontype)
		}
	}
	if r := ruleByID(t, c, "studenten-betrekken-samenhang"); !strings.Contains(r.Text, "is het verstandig") {
		t.Errorf("the source's 'is het verstandig' became an imperative: %s", r.Text)
	}
}
