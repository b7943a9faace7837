package content

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// Tests from the second review of the content against the sources (issue 8,
// section 1): each pins a class of error that was found, so it cannot come
// back. The quotes (citaat) are the source's own words and are checked in
// faithful_test.go; these tests read what the program writes itself.

// readerText is one text the program shows, with where it comes from.
type readerText struct{ where, text string }

// ownTexts collects every text the content writes in its own words: every
// string field except quotes, ids, conditions, URLs and the fixed values
// (theme, part, phase, priority, certainty). Case titles and stories count
// too.
func ownTexts(t *testing.T, c *Content) []readerText {
	t.Helper()
	skip := map[string]bool{"Quote": true, "ID": true, "WhenSrc": true, "URL": true, "File": true,
		"Value": true, "Kind": true, "Theme": true, "Part": true, "Phase": true, "Priority": true,
		"Certainty": true, "Ask": true, "Version": true, "VOURL": true, "Source": true}
	var out []readerText
	var walk func(where string, v reflect.Value)
	walk = func(where string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(where, v.Elem())
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(Cond{}) {
				return
			}
			id := ""
			if f := v.FieldByName("ID"); f.IsValid() && f.Kind() == reflect.String {
				id = " " + f.String()
			}
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				if !f.IsExported() || skip[f.Name] {
					continue
				}
				walk(where+id+"."+f.Name, v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(where, v.Index(i))
			}
		case reflect.String:
			if s := strings.TrimSpace(v.String()); s != "" {
				out = append(out, readerText{where, s})
			}
		}
	}
	walk("", reflect.ValueOf(c))
	cs, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range cs {
		out = append(out, readerText{"casus " + x.Name, x.Title}, readerText{"casus " + x.Name, x.Story})
	}
	if len(out) < 300 {
		t.Fatalf("only %d texts collected", len(out))
	}
	return out
}

var sentenceEnd = regexp.MustCompile(`[.?!:;]\s|\n`)

func sentences(s string) []string {
	var out []string
	for _, x := range sentenceEnd.Split(s+" ", -1) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// B1: short sentences. The quotes are the source's long sentences; the
// program's own words stay under 26 words a sentence.
func TestOwnSentencesAreShort(t *testing.T) {
	for _, x := range ownTexts(t, loaded(t)) {
		for _, s := range sentences(x.text) {
			if n := len(strings.Fields(s)); n > 25 {
				t.Errorf("%s: sentence of %d words: %q", x.where, n, s)
			}
		}
	}
}

// A doubled word ("verandert het het didactisch model") reads as a typo.
func TestNoDoubledWords(t *testing.T) {
	for _, x := range ownTexts(t, loaded(t)) {
		// Adjacent words only: "art. 11 en 13, en het" or "toetsen
		// (toetsen voor een cijfer)" are fine.
		w := strings.Fields(strings.ToLower(x.text))
		for i := 1; i < len(w); i++ {
			if w[i] == w[i-1] {
				t.Errorf("%s: %q twice in %q", x.where, w[i], x.text)
			}
		}
	}
}

// A vo practice example is not an mbo rule: what the Inspectie saw schools
// do (camera agreements, looking in on each other's lessons, quizzes and
// break-out rooms) appears only among the examples and findings, marked as
// vo research, never as a question's help, a rule, a party's task or a
// checklist step.
func TestVOPracticeStaysInExamples(t *testing.T) {
	practice := regexp.MustCompile(`(?i)camera|absentie|aanwezigheid|break-out|quizvragen|kahoot|mentimeter|dagstart|dagindeling|infographic|wandel|meekijk|kijk mee`)
	c := loaded(t)
	check := func(where, s string) {
		if m := practice.FindString(s); m != "" {
			t.Errorf("%s: vo practice %q outside the examples: %q", where, m, s)
		}
	}
	for _, q := range c.Questions {
		check("question "+q.ID, q.Text+" "+q.Help+" "+q.IfNo+" "+q.Background)
		for _, o := range q.Options {
			check("question "+q.ID+" option "+o.Value, o.Label+" "+o.Help)
		}
	}
	for _, r := range c.Rules {
		check("rule "+r.ID, r.Title+" "+r.Text+" "+r.Agree+" "+strings.Join(r.Actions, " "))
	}
	for _, p := range c.Parties {
		for _, task := range p.Tasks {
			check("party "+p.ID, task.Text)
		}
	}
	for _, a := range c.Actions {
		// The teacher's own choice to have a colleague look in is theirs:
		// the steps that follow from that answer may name it.
		if strings.HasPrefix(a.ID, "evaluatie-") {
			continue
		}
		check("action "+a.ID, a.Text)
	}
	for _, term := range c.Terms {
		check("term "+term.ID, term.Text)
	}
}

// Jargon is explained where it is used: a text that uses the word also
// says what it means.
func TestJargonIsExplained(t *testing.T) {
	explained := []struct {
		word  *regexp.Regexp
		means string
	}{
		{regexp.MustCompile(`(?i)\bsummatief\b`), "toetsen voor een cijfer"},
		{regexp.MustCompile(`(?i)\bformatief\b`), "tussendoor nagaan"},
		{regexp.MustCompile(`\bBOL\b`), "beroepsopleidende leerweg"},
		{regexp.MustCompile(`\bBBL\b`), "beroepsbegeleidende leerweg"},
		{regexp.MustCompile(`(?i)\bbreak-out rooms\b`), "kleine groepjes"},
		{regexp.MustCompile(`(?i)\binfographic\b`), "overzichtelijke plaat"},
		{regexp.MustCompile(`(?i)\bextern genormeerde\b`), "vaste norm"},
		{regexp.MustCompile(`(?i)\binterventie\b`), "ingrijpen"},
		{regexp.MustCompile(`(?i)\bdidactische? model(len)?\b`), "manier"},
		{regexp.MustCompile(`(?i)\binformatiebeveiliging\b`), "veilig omgaan met gegevens"},
	}
	for _, x := range ownTexts(t, loaded(t)) {
		// A title names the topic; its resource or rule explains it. "Zoek
		// daar naar" uses the site's own words, to search for.
		if strings.HasSuffix(x.where, ".Title") || strings.HasSuffix(x.where, ".Label") || strings.HasSuffix(x.where, ".Short") || strings.HasSuffix(x.where, ".LookFor") {
			continue
		}
		for _, e := range explained {
			if e.word.MatchString(x.text) && !strings.Contains(x.text, e.means) {
				t.Errorf("%s: %q without %q: %q", x.where, e.word.FindString(x.text), e.means, x.text)
			}
		}
	}
}

// No English where Dutch has a plain word.
func TestNoNeedlessEnglish(t *testing.T) {
	english := regexp.MustCompile(`(?i)\b(engineer|check|meeting|skills|assessment|teacher|learning)\b`)
	for _, x := range ownTexts(t, loaded(t)) {
		if m := english.FindString(x.text); m != "" {
			t.Errorf("%s: English %q in %q", x.where, m, x.text)
		}
	}
}

// The OR's consent right is about important changes of the institution's
// educational objectives, or the board's decisions on distance education:
// every sentence that gives the OR a consent right says one of the two, and
// never makes "buiten de kaders" the reason.
func TestORConsentSentences(t *testing.T) {
	or := regexp.MustCompile(`\bOR\b|ondernemingsraad`)
	n := 0
	for _, x := range ownTexts(t, loaded(t)) {
		for _, s := range sentences(x.text) {
			if !or.MatchString(s) || !strings.Contains(s, "instemmingsrecht") {
				continue
			}
			n++
			if !strings.Contains(s, "belangrijke verandering") && !strings.Contains(s, "besluiten") {
				t.Errorf("%s: OR consent without 'belangrijke verandering' or 'besluiten': %q", x.where, s)
			}
			if strings.Contains(s, "buiten de kaders") {
				t.Errorf("%s: OR consent tied to 'buiten de kaders': %q", x.where, s)
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d sentences about the OR's consent", n)
	}
}

// Claims keep the scope of their sources: wetgeving.md says the bill was
// not law "as far as could be seen", that the visit once in four years is
// the framework, not a promise; the handreiking says the programme (not all
// rules) makes no distinction between physical and distance education,
// that privacy is "belangrijk om geborgd te hebben", not an obligation it
// states, and that the docent can steer "op het betreffende moment".
func TestHedgesKept(t *testing.T) {
	needs := map[string]string{
		"36 670":             "Voor zover bekend",
		"eens per vier jaar": "uitgangspunt",
	}
	forbidden := []string{
		"regels maken geen verschil",
		"moeten dan goed geregeld zijn",
		"nog geen wet.",
		// The second condition is steering the learning process at
		// that moment, not only helping a student who is stuck (which a
		// chat answered later also seems to do).
		"vastloopt",
	}
	for _, x := range ownTexts(t, loaded(t)) {
		for claim, hedge := range needs {
			if strings.Contains(x.text, claim) && !strings.Contains(x.text, hedge) {
				t.Errorf("%s: %q without %q: %q", x.where, claim, hedge, x.text)
			}
		}
		for _, f := range forbidden {
			if strings.Contains(x.text, f) && !strings.Contains(x.text, "Voor zover bekend") {
				t.Errorf("%s: says %q: %q", x.where, f, x.text)
			}
		}
	}
}

// Advice is not a duty: the handreiking calls taking students' input
// seriously "verstandig"; a party's task that names it says so.
func TestAdviceIsNotATask(t *testing.T) {
	c := loaded(t)
	for _, p := range c.Parties {
		for _, task := range p.Tasks {
			if strings.Contains(task.Text, "input van studenten") && !strings.Contains(task.Text, "verstandig") {
				t.Errorf("partij %s: advice given as a task: %q", p.ID, task.Text)
			}
		}
	}
}

// A resource that links the Doorpakken article instead of a page that is
// gone (marked twijfel in bronnen.md) says it is that article, and that the
// page it replaces is probably no longer online.
func TestReplacementLinksSayWhatTheyAre(t *testing.T) {
	const article = "https://mbodigitaal.nl/2023/01/martijn-timmer-en-manon-geven-doorpakken-op-digitalisering-is-geen-project-van-iters-geworden/"
	c := loaded(t)
	titles := map[string]string{}
	n := 0
	for _, r := range c.Resources {
		if prev, ok := titles[r.URL+"\x00"+r.Title]; ok {
			t.Errorf("%s and %s: same title and address", prev, r.ID)
		}
		titles[r.URL+"\x00"+r.Title] = r.ID
		if r.URL != article {
			continue
		}
		n++
		if !strings.Contains(r.Title, "artikel") || !strings.Contains(r.LookFor, "waarschijnlijk niet meer online") {
			t.Errorf("%s: title %q / zoek %q do not say it is the article standing in for a page that is gone", r.ID, r.Title, r.LookFor)
		}
	}
	if n != 2 {
		t.Fatalf("%d resources link the Doorpakken article, want 2", n)
	}
}

// Point 5 in the cases: a case that answers "buiten de kaders of verandert
// het didactisch model" says so in its story; a new way of teaching is by
// itself the team's choice.
func TestCaseStoriesJustifyOutsideFrameworks(t *testing.T) {
	cs, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, x := range cs {
		if !regexp.MustCompile(`(?m)^kaders_passen\s*=\s*"verandert"`).Match(x.Answers) {
			continue
		}
		n++
		if !strings.Contains(x.Story, "beleidskaders") && !strings.Contains(x.Story, "didactisch") {
			t.Errorf("casus %s answers 'verandert' but its story names neither the frameworks nor the didactic model: %q", x.Name, x.Story)
		}
	}
	if n == 0 {
		t.Fatal("no case answers kaders_passen = verandert")
	}
}
