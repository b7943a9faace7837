package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

func TestBackKeepsAnswersAndPreselects(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "enter")      // start
	press(m, "2", "enter") // rol: onderwijsteam
	press(m, "1", "enter") // beleidskaders: ja
	mustContain(t, m, "Past je plan binnen die beleidskaders?", "vraag 3 van ongeveer")
	press(m, "3", "enter") // kaders_passen: weet_niet
	press(m, "esc", "esc") // back to beleidskaders
	mustContain(t, m, "> 1. Ja")
	press(m, "backspace") // back to rol
	mustContain(t, m, "> 2. Onderwijsteam", "vraag 1 van ongeveer")
	if len(m.c.answers) != 3 {
		t.Fatalf("going back erased answers: %v", m.c.answers)
	}
	// Forward again: the later answer is still preselected.
	press(m, "enter", "enter")
	mustContain(t, m, "> 3. Weet ik niet")
	// Back from the first question leads to the welcome screen, which now
	// offers to continue.
	press(m, "esc", "esc", "esc")
	mustContain(t, m, "Ga verder waar je was")
}

func TestMultipleChoiceToggling(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	a := decision.Answers{"rol": {"docent"}, "beleidskaders": {"nee"}, "vorm": {"synchroon"}}
	m.c.setAnswers(a)
	send(m, questionMsg{q: opt.Engine.C.Question("activiteiten")})
	mustContain(t, m, "[ ] 1. Uitleg krijgen")
	press(m, "1", "space", "3", "space") // a number moves, space toggles
	press(m, "down", "space")            // down from 3 is 4
	press(m, "3", "space")               // and 3 off again
	mustContain(t, m, "[x] 1. Uitleg krijgen", "[ ] 3. Zelfstandig werken", "[x] 4. Toetsen")
	press(m, "enter")
	if got := m.c.answers["activiteiten"]; !slices.Equal(got, []string{"uitleg", "toetsen"}) {
		t.Fatalf("activiteiten = %v", got)
	}
	// Back: the set is preselected; clearing it gives an empty answer.
	press(m, "esc")
	mustContain(t, m, "[x] 1. Uitleg krijgen", "[x] 4. Toetsen")
	press(m, "1", "space", "4", "space", "enter")
	if got, ok := m.c.answers["activiteiten"]; !ok || len(got) != 0 {
		t.Fatalf("empty answer not saved: %v %v", got, ok)
	}
	mustContain(t, m, "interactie")
}

func TestReviewChangeNamesDroppedAnswers(t *testing.T) {
	opt, _ := testOptions(t)
	e := opt.Engine
	writeSession(t, opt, fullPath(e, decision.Answers{"beleidskaders": {"ja"}, "kaders_passen": {"verandert"}}))
	m := newSized(opt, 80, 24)
	press(m, "enter") // ga verder: complete, so the review opens
	mustContain(t, m, "Kloppen je antwoorden?", "> Naar de samenvatting", "enter naar de samenvatting")
	press(m, "g")
	mustContain(t, m, "Past in kaders")
	press(m, "g", "down", "enter") // beleidskaders
	mustContain(t, m, "Heeft je instelling beleidskaders")
	press(m, "2", "enter") // nee: kaders_passen no longer applies
	mustContain(t, m, "Kloppen je antwoorden?", "Niet meer van toepassing: Past in kaders")
	press(m, "G")
	mustContain(t, m,
		"Tellen niet mee",
		"Past in kaders („Het valt buiten de kaders of verandert het didactisch model”)")
	if !m.c.answers.Has("kaders_passen") {
		t.Fatal("the dropped answer was erased; it should be kept")
	}
	// Change it back: the old answer counts again, no question is asked.
	press(m, "g", "down", "enter", "1", "enter")
	mustContain(t, m, "Daardoor gelden nu ook: Past in kaders")
	mustNotContain(t, m, "Deze antwoorden tellen niet mee")
}

func TestReviewAsksNewlyVisibleQuestions(t *testing.T) {
	opt, _ := testOptions(t)
	e := opt.Engine
	writeSession(t, opt, fullPath(e, decision.Answers{"beleidskaders": {"nee"}}))
	m := newSized(opt, 80, 24)
	press(m, "enter", "g", "down", "enter", "1", "enter") // beleidskaders: ja
	mustContain(t, m, "Past je plan binnen die beleidskaders?")
	press(m, "2", "enter")
	mustContain(t, m, "Kloppen je antwoorden?", "Daardoor gelden nu ook: Past in kaders")
	if got := m.c.answers["kaders_passen"]; !slices.Equal(got, []string{"verandert"}) {
		t.Fatalf("kaders_passen = %v", got)
	}
}

func TestResumeFromSavedSession(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, decision.Answers{"rol": {"trainer"}, "beleidskaders": {"nee"}})
	m := newSized(opt, 80, 24)
	mustContain(t, m, "1. Ga verder waar je was", "Je hebt al 2 vragen beantwoord.", "2. Begin opnieuw")
	press(m, "enter")
	mustContain(t, m, "Welke vorm van afstandsonderwijs", "vraag 3 van ongeveer")
	press(m, "esc", "esc")
	mustContain(t, m, "> 5. Trainer of opleider")
}

func TestStartOverKeepsSessionUntilFirstAnswer(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, decision.Answers{"rol": {"trainer"}})
	m := newSized(opt, 80, 24)
	press(m, "2", "enter") // begin opnieuw
	mustContain(t, m, "> 1. Docent")
	data, _ := os.ReadFile(opt.SessionPath)
	if !strings.Contains(string(data), "trainer") {
		t.Fatal("the old session was replaced before there is an answer")
	}
	press(m, "enter")
	data, _ = os.ReadFile(opt.SessionPath)
	if strings.Contains(string(data), "trainer") || !strings.Contains(string(data), `rol = "docent"`) {
		t.Fatalf("session not updated:\n%s", data)
	}
}

func TestAutosaveAfterEveryAnswer(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "enter", "3", "enter")
	a, err := opt.Engine.ParseAnswers("sessie", mustRead(t, opt.SessionPath), decision.ParseOptions{KeepHidden: true})
	if err != nil || !slices.Equal(a["rol"], []string{"teamleider"}) {
		t.Fatalf("session = %v, %v", a, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(opt.SessionPath))
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

// A failed autosave shows a banner with the reason until a save
// succeeds, a offers to save elsewhere, and quitting asks first.
func TestAutosaveFailureBanner(t *testing.T) {
	opt, _ := testOptions(t)
	blocker := filepath.Join(t.TempDir(), "bestand")
	os.WriteFile(blocker, nil, 0o644)
	opt.SessionPath = filepath.Join(blocker, "sessie.toml") // a file as folder
	m := newSized(opt, 80, 24)
	press(m, "enter", "enter")
	mustContain(t, m, "Je antwoorden worden niet bewaard (een deel van het pad is geen map)", "Druk op a om ze ergens anders op te slaan")
	press(m, "enter")
	mustContain(t, m, "Past je plan", "Je antwoorden worden niet bewaard") // it stays
	// Quitting asks first; any other key stays.
	press(m, "q")
	mustContain(t, m, "Toch stoppen?")
	if m.quitting {
		t.Fatal("q quit without asking")
	}
	press(m, "n")
	mustNotContain(t, m, "Toch stoppen?")
	// a saves elsewhere and says where; the banner goes.
	press(m, "a")
	saved := filepath.Join(opt.Dir, "afstandswijzer-antwoorden-2026-11-22.toml")
	mustShow(t, m, "Je antwoorden staan in "+saved)
	mustNotContain(t, m, "worden niet bewaard")
	if a, err := opt.Engine.ParseAnswers("x", mustRead(t, saved), decision.ParseOptions{KeepHidden: true}); err != nil || len(a) != 2 {
		t.Fatalf("saved answers: %v %v", a, err)
	}
	// Now nothing is lost: q quits at once.
	press(m, "q")
	if !m.quitting || m.quitUnsaved {
		t.Fatal("q does not quit after saving")
	}
	// Another answer fails again; j (down everywhere else) does not
	// confirm, q again confirms quitting without saving.
	m = newSized(opt, 80, 24)
	press(m, "enter", "enter", "q", "j")
	if m.quitting {
		t.Fatal("j stopt: j is omlaag, geen ja")
	}
	press(m, "q", "q")
	if !m.quitting || !m.quitUnsaved {
		t.Fatal("q q stopt niet, of telt niet als stoppen zonder bewaren")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// openSummary resumes a complete session and opens the summary.
func openSummary(t *testing.T, opt Options, w, h int) *app {
	t.Helper()
	writeSession(t, opt, fullPath(opt.Engine, nil))
	m := newSized(opt, w, h)
	press(m, "enter", "v")
	mustContain(t, m, "samenvatting")
	return m
}

// sumOf returns the summary screen (under an open links list too).
func sumOf(t *testing.T, m *app) *summaryScreen {
	t.Helper()
	s, ok := m.stack[0].(*summaryScreen)
	if !ok {
		t.Fatalf("not a summary but %T", m.stack[0])
	}
	return s
}

func TestSummarySavesWithoutOverwriting(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 80, 24)
	press(m, "o")
	first := filepath.Join(opt.Dir, "afstandswijzer-samenvatting-2026-11-22.md")
	mustContain(t, m, "De samenvatting staat in")
	if got := string(mustRead(t, first)); got != sumOf(t, m).doc.Markdown() {
		t.Fatal("the file is not the Markdown summary")
	}
	press(m, "o")
	second := filepath.Join(opt.Dir, "afstandswijzer-samenvatting-2026-11-22-2.md")
	mustRead(t, second)
	if !strings.Contains(strings.ReplaceAll(screenText(m), "\n", ""), "-2.md") {
		t.Fatalf("full path not shown:\n%s", screenText(m))
	}
	press(m, "a")
	mustContain(t, m, "Je antwoorden staan in")
	ans := mustRead(t, filepath.Join(opt.Dir, "afstandswijzer-antwoorden-2026-11-22.toml"))
	// The saved answers are accepted by `samenvatting --antwoorden`.
	if _, err := opt.Engine.ParseAnswers("antwoorden", ans, decision.ParseOptions{}); err != nil {
		t.Fatalf("answers file is wrong: %v", err)
	}
}

func TestSummarySectionsAndReview(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 80, 24)
	s := sumOf(t, m)
	if len(s.starts) != len(s.doc.Sections) {
		t.Fatalf("sections: %v for %d parts", s.starts, len(s.doc.Sections))
	}
	press(m, "n", "n")
	if s.vp.YOffset() != s.starts[1] {
		t.Fatalf("n jumps to %d, want %d", s.vp.YOffset(), s.starts[1])
	}
	mustContain(t, m, s.doc.Sections[1].Title, "deel 2 van")
	press(m, "p")
	if s.vp.YOffset() != s.starts[0] {
		t.Fatalf("p jumps to %d", s.vp.YOffset())
	}
	press(m, "r")
	mustContain(t, m, "Kloppen je antwoorden?")
}

func TestSummaryLinks(t *testing.T) {
	opt, op := testOptions(t)
	m := openSummary(t, opt, 80, 24)
	press(m, "l")
	mustContain(t, m, "links in je samenvatting", "https://zoek.officielebekendmakingen.nl/kst-35925-VIII-189.html")
	press(m, "down", "enter")
	links := summaryOrder(sumOf(t, m).sum)
	if len(op.urls) != 1 || op.urls[0] != links[1].URL {
		t.Fatalf("opened: %v", op.urls)
	}
	mustContain(t, m, "Geopend in je browser")
	op.err = os.ErrNotExist
	press(m, "enter")
	mustShow(t, m, "Je browser ging niet open. Kopieer dit adres:", links[1].URL)
	press(m, "esc")
	mustContain(t, m, "samenvatting")
}

func TestOnlyContentHTTPSURLsOpen(t *testing.T) {
	allowed := map[string]bool{"https://example.nl/": true, "http://example.nl/": true}
	for u, want := range map[string]bool{
		"https://example.nl/":  true,
		"http://example.nl/":   false,
		"https://elders.nl/":   false,
		"file:///etc/passwd":   false,
		"https://example.nl/x": false,
	} {
		if got := safeURL(u, allowed); got != want {
			t.Errorf("safeURL(%q) = %v", u, got)
		}
	}
}

func TestResourcesFilterAndOpen(t *testing.T) {
	opt, op := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "down", "enter")
	mustContain(t, m, "alle bronnen", "Regels en kwaliteit", "https://zoek.officielebekendmakingen.nl")
	press(m, "/", "e", "x", "a", "m", "e", "n", "enter")
	mustContain(t, m, "Examens op afstand", "Toetsen en examens")
	mustNotContain(t, m, "Uitleg geven tijdens afstandsonderwijs")
	press(m, "enter")
	if len(op.urls) != 1 || op.urls[0] != "https://mbo.lesopafstand.nl" {
		t.Fatalf("opened: %v", op.urls)
	}
	press(m, "esc") // clears the filter
	mustContain(t, m, "Kamerbrief met de Handreiking")
	press(m, "/", "z", "z", "z")
	mustContain(t, m, "Niets gevonden")
	press(m, "esc", "esc")
	mustContain(t, m, "Begin met de vragen")
}

func TestTooSmallWindow(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 59, 30)
	mustContain(t, m, "Maak het venster groter (minstens 60 bij 15).")
	m.Update(keyMsgSize(80, 14))
	mustContain(t, m, "Maak het venster groter")
	m.Update(keyMsgSize(60, 15))
	mustContain(t, m, "Begin met de vragen")
}

func TestEveryScreenFitsTheWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 15}, {80, 24}, {100, 30}, {120, 40}} {
		opt, _ := testOptions(t)
		writeSession(t, opt, fullPath(opt.Engine, nil))
		m := newSized(opt, size[0], size[1])
		check := func(where string) {
			lines := strings.Split(screenText(m), "\n")
			if len(lines) > size[1] {
				t.Fatalf("%dx%d %s: %d lines", size[0], size[1], where, len(lines))
			}
			for _, l := range lines {
				if w := len([]rune(l)); w > size[0] {
					t.Fatalf("%dx%d %s: line too wide (%d): %q", size[0], size[1], where, w, l)
				}
			}
		}
		check("welcome")
		press(m, "2", "enter")
		check("question")
		press(m, "w")
		check("why")
		press(m, "?")
		check("toetsen")
		press(m, "?", "w", "esc", "1", "enter")
		check("review")
		press(m, "v")
		check("summary")
		press(m, "l")
		check("links")
		press(m, "esc", "?")
		check("samenvatting toetsen")
		press(m, "?", "i")
		check("begrippen")
	}
}

func TestNoColor(t *testing.T) {
	opt, _ := testOptions(t)
	opt.NoColor = true
	m := openSummary(t, opt, 100, 30)
	if s := m.View().Content; strings.Contains(s, "\x1b[38") || strings.Contains(s, "\x1b[48") {
		t.Fatalf("color on the NO_COLOR screen: %q", s[:200])
	}
	press(m, "r")
	if s := m.View().Content; strings.Contains(s, "\x1b[38") {
		t.Fatal("color on the NO_COLOR screen")
	}
}

func TestCtrlCQuits(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	for _, k := range []string{"ctrl+c", "q"} {
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s does not quit", k)
		}
	}
}

// A trainer opens an example case: the review screen shows the case and its
// answers, a change re-derives the path, and nothing is autosaved over the
// teacher's own session.
// A case opens on its story, then the review of its answers; without a
// story on the review at once.
func TestCaseOpensOnReview(t *testing.T) {
	opt, _ := testOptions(t)
	e := opt.Engine
	opt.Answers = fullPath(e, decision.Answers{"vorm": {"hybride"}, "beleidskaders": {"ja"}, "kaders_passen": {"past"}})
	opt.Title = "Hybride les Nederlands"
	session := opt.SessionPath
	opt.SessionPath = "-"
	m := newSized(opt, 80, 24)
	mustContain(t, m, "Casus: Hybride les Nederlands", "Dit antwoordde de docent in de casus")
	opt.Story = "Een docent Nederlands geeft een hybride les."
	m = newSized(opt, 80, 24)
	mustContain(t, m, "Casus: Hybride les Nederlands", "Een docent Nederlands geeft een hybride les.")
	press(m, "enter")
	mustContain(t, m, "Casus: Hybride les Nederlands", "Dit antwoordde de docent in de casus")
	press(m, "g", "down")
	mustContain(t, m, ">  2. Beleidskaders", "Past in kaders")
	press(m, "enter", "2", "enter") // beleidskaders: nee
	mustContain(t, m, "Niet meer van toepassing: Past in kaders")
	if _, err := os.Stat(session); err == nil {
		t.Fatal("a case overwrote the saved session")
	}
}

func TestSummarySavesHandout(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 80, 24)
	press(m, "x")
	page := string(mustRead(t, filepath.Join(opt.Dir, "afstandswijzer-hand-out-2026-11-22.html")))
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, "Begeleide onderwijstijd") {
		t.Fatalf("handout is not the HTML summary:\n%.300s", page)
	}
	mustContain(t, m, "De hand-out om af te drukken staat in")
	// h no longer does anything here: it saved silently before.
	press(m, "h")
	if files, _ := filepath.Glob(filepath.Join(opt.Dir, "*.html")); len(files) != 1 {
		t.Fatalf("h still saves something: %v", files)
	}
}

func TestLinksCopyToClipboard(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 80, 24)
	press(m, "l")
	_, cmd := m.Update(keyMsg("c"))
	if cmd == nil {
		t.Fatal("c gives no clipboard command")
	}
	want := summaryOrder(sumOf(t, m).sum)[0].URL
	if msg := cmd(); fmt.Sprint(msg) != fmt.Sprint(tea.SetClipboard(want)()) {
		t.Fatalf("clipboard message %#v, want the URL %s", msg, want)
	}
	mustContain(t, m, "Gekopieerd naar je klembord", want)
}

func TestResourcesSlashStartsNewSearch(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "down", "enter")
	press(m, "/", "e", "c", "i", "o", "enter", "/", "x")
	if r := m.top().(*resourcesScreen); r.filter != "x" {
		t.Fatalf("filter %q, want a new search \"x\"", r.filter)
	}
}

func TestResumeOptionSkipsWelcome(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, decision.Answers{"rol": {"trainer"}, "beleidskaders": {"nee"}})
	opt.Resume = true
	m := newSized(opt, 80, 24)
	mustContain(t, m, "Welke vorm van afstandsonderwijs", "vraag 3 van ongeveer")
}

// On a small window the open explanation must not push the choices away.
func TestWhyKeepsChoicesInView(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "enter", "enter", "enter", "enter", "enter") // to activiteiten
	mustContain(t, m, "Kies alles wat past")
	press(m, "2", "space", "w")
	mustContain(t, m, "> [x] 2. Samenwerken", "7. Checken en evalueren", "Waarom we dit vragen")
}

// A URL in the rendered summary stands on its own line: Glamour joined a
// loose list item's paragraphs ("...189.htmlZoek daar naar"), found in tmux.
func TestSummaryURLsStandAlone(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 100, 30)
	n := 0
	for _, line := range strings.Split(ansi.Strip(sumOf(t, m).vp.GetContent()), "\n") {
		if i := strings.Index(line, "https://"); i >= 0 {
			n++
			if rest := strings.TrimSpace(line[i:]); strings.Contains(rest, " ") || strings.Contains(rest, "Zoek") {
				t.Fatalf("URL shares its line: %q", line)
			}
		}
	}
	if n == 0 {
		t.Fatal("no URL in the summary")
	}
}
