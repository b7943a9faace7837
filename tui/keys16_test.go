package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// everyKey is every key a reader might press (ctrl+c aside, which always
// stops).
var everyKey = func() []string {
	var out []string
	for r := ' ' + 1; r < 127; r++ {
		out = append(out, string(r))
	}
	return append(out, "enter", "esc", "backspace", "tab", "shift+tab", "space", "up", "down",
		"left", "right", "pgup", "pgdown", "home", "end", "ctrl+d", "ctrl+u")
}()

// anyKeyMsg is keyMsg for every key in everyKey.
func anyKeyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	return keyMsg(k)
}

// keyScreen is one screen (or state of one) to test the keys of.
type keyScreen struct {
	name string
	open func(t *testing.T) *app
}

// firstMany is the first multiple-choice question of the test content.
func firstMany(e *decision.Engine) *content.Question {
	for _, q := range e.C.Questions {
		if q.Kind == content.Many {
			return q
		}
	}
	return nil
}

func keyScreens() []keyScreen {
	fromSession := func(keys ...string) func(t *testing.T) *app {
		return func(t *testing.T) *app {
			opt, _ := testOptions(t)
			writeSession(t, opt, fullPath(opt.Engine, nil))
			m := newSized(opt, 120, 40)
			press(m, keys...)
			return m
		}
	}
	many := func(keys ...string) func(t *testing.T) *app {
		return func(t *testing.T) *app {
			opt, _ := testOptions(t)
			m := newSized(opt, 120, 40)
			m.replace(newQuestion(m.c, firstMany(opt.Engine), false))
			send(m, keyMsgSize(120, 40))
			press(m, keys...)
			return m
		}
	}
	story := func(t *testing.T) *app {
		opt, _ := testOptions(t)
		opt.Answers = fullPath(opt.Engine, nil)
		opt.Title = "Hybride les"
		opt.Story = strings.Repeat("Sanne geeft Nederlands bij de opleiding Verzorgende IG, niveau 3. ", 30)
		opt.SessionPath = "-"
		opt.FromPicker = true
		return newSized(opt, 80, 24)
	}
	return []keyScreen{
		{"welkom", fromSession()},
		{"welkom zonder sessie", func(t *testing.T) *app { opt, _ := testOptions(t); return newSized(opt, 120, 40) }},
		{"vraag", fromSession("2", "enter")},
		{"vraag met uitleg", fromSession("2", "enter", "w")},
		{"meerkeuze", many()},
		{"meerkeuze met uitleg", many("w")},
		{"je antwoorden", fromSession("enter")},
		{"samenvatting", fromSession("enter", "enter")},
		{"links", fromSession("enter", "enter", "l")},
		{"alle bronnen", fromSession("3", "enter")},
		{"alle bronnen, zoeken", fromSession("3", "enter", "/")},
		{"begrippen", fromSession("i")},
		{"casus: verhaal", story},
		{"casus: antwoorden", func(t *testing.T) *app { m := story(t); press(m, "enter"); return m }},
	}
}

// state is what a key can change: the screen, the stack, the key list,
// quitting.
func state(m *app) string {
	var types []string
	for _, s := range m.stack {
		types = append(types, fmt.Sprintf("%T", s))
	}
	return fmt.Sprintf("%s|%v|%v|%v|%v|%v\n%s", types, m.allKeys, m.quitting, m.confirmQuit, m.back, m.quitUnsaved, screenText(m))
}

// listedKeys are the keys of the full help (?) of the screen on top,
// without the binding that closes the list itself (it holds esc).
func listedKeys(m *app) map[string]bool {
	out := map[string]bool{"?": true}
	cols := append(append([][]key.Binding{}, m.top().keys(m.c).full...), m.globalFull())
	for _, col := range cols {
		for _, b := range col {
			if b.Help().Desc == m.global.Less.Help().Desc {
				continue
			}
			for _, k := range b.Keys() {
				out[k] = true
			}
		}
	}
	return out
}

// Issue 16, point 6: ? lists every key that works on that screen. Each
// key is pressed on a fresh copy of the screen; a key that changes
// anything must be in the full help.
func TestHelpListsEveryKeyThatWorks(t *testing.T) {
	for _, sc := range keyScreens() {
		first := sc.open(t)
		listed := listedKeys(first)
		// A key that changed nothing leaves the screen as it was, so the
		// next key is tried on it; after a change, on a fresh copy.
		m := first
		before := state(m)
		for _, k := range everyKey {
			if ts, ok := m.top().(typingScreen); ok && ts.typing() && (len(k) == 1 || k == "space") {
				continue // typed text, not a key
			}
			send(m, anyKeyMsg(k))
			if state(m) == before {
				continue
			}
			if !listed[k] {
				t.Errorf("%s: %q werkt, maar ? noemt hem niet", sc.name, k)
			}
			m = sc.open(t)
			before = state(m)
		}
	}
}

// Issue 16, point 6: the begrippen screen does not offer itself.
func TestGlossaryDoesNotOfferItself(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 120, 40)
	press(m, "i", "?")
	mustContain(t, m, "esc/backspace/i terug")
	mustNotContain(t, m, "i begrippen")
}

// Issue 16, point 8: the welcome headline stays in view at 60x20, also
// with a notice above the menu.
func TestWelcomeHeadlineStaysInView(t *testing.T) {
	for _, note := range []bool{false, true} {
		opt, _ := testOptions(t)
		writeSession(t, opt, decision.Answers{"rol": {"docent"}})
		m := newApp(opt)
		if note {
			m.c.sessionNote = strings.Repeat("Dit is een lange melding over je bewaarde antwoorden. ", 4)
		}
		send(m, keyMsgSize(60, 20))
		mustContain(t, m, "Mag je afstandsonderwijs gebruiken in je les?", "1. Ga verder waar je was")
	}
}

// Issue 16, point 9: the links and resources screens make every address
// an OSC 8 hyperlink, and a long address is broken the one way: never
// next to a hyphen, continuation lines indented deeper.
func TestLinksAreHyperlinksAndWrapOneWay(t *testing.T) {
	long := "https://www.example.nl/een-heel-lange-pagina-over-afstandsonderwijs-in-het-mbo-met-streepjes/en-nog-meer"
	got := urlText("  ", long, 40)
	lines := strings.Split(ansi.Strip(got), "\n")
	if len(lines) < 3 || strings.Join(lines, "") == "" {
		t.Fatalf("niet gebroken: %q", lines)
	}
	joined := ""
	for i, l := range lines {
		if ansi.StringWidth(l) > 40 {
			t.Fatalf("regel te breed: %q", l)
		}
		want := "  "
		if i > 0 {
			want = "    "
		}
		if !strings.HasPrefix(l, want) || strings.HasPrefix(l, want+" ") {
			t.Fatalf("regel %d niet ingesprongen als %q: %q", i, want, l)
		}
		piece := strings.TrimSpace(l)
		if i < len(lines)-1 && (strings.HasSuffix(piece, "-") || strings.HasPrefix(strings.TrimSpace(lines[i+1]), "-")) {
			t.Fatalf("gebroken bij een streepje: %q / %q", l, lines[i+1])
		}
		joined += piece
	}
	if joined != long {
		t.Fatalf("adres niet heel: %q", joined)
	}
	if strings.Count(got, ansi.SetHyperlink(long)) != len(lines) {
		t.Fatalf("niet elk stuk is een hyperlink: %q", got)
	}
	opt, _ := testOptions(t)
	for _, keys := range [][]string{{"3", "enter"}, {"enter", "enter", "l"}} {
		writeSession(t, opt, fullPath(opt.Engine, nil))
		m := newSized(opt, 80, 24)
		press(m, keys...)
		if !strings.Contains(m.View().Content, "\x1b]8;;https://") {
			t.Fatalf("%v: geen OSC 8-hyperlink:\n%q", keys, m.View().Content)
		}
	}
}

// Issue 16, point 1: the summary pages as less and glow do; b and d page
// there, and no key of the summary writes a file or opens a screen by a
// pager key.
func TestSummaryPagerKeys(t *testing.T) {
	opt, _ := testOptions(t)
	m := openSummary(t, opt, 80, 24)
	vp := &sumOf(t, m).vp
	h := vp.Height()
	steps := []struct {
		key  string
		want int
	}{
		{"f", h}, {"b", 0}, {"space", h}, {"u", h - h/2}, {"d", h}, {"k", h - 1}, {"j", h}, {"g", 0},
	}
	for _, st := range steps {
		press(m, st.key)
		if got := vp.YOffset(); got != st.want {
			t.Fatalf("%s: regel %d, verwacht %d", st.key, got, st.want)
		}
	}
	press(m, "G")
	if !vp.AtBottom() {
		t.Fatal("G gaat niet naar het einde")
	}
	mustContain(t, m, "· samenvatting")
	noFilesIn(t, opt.Dir)
	press(m, "o")
	mustContain(t, m, "De samenvatting staat in")
	press(m, "x")
	mustContain(t, m, "De hand-out om af te drukken staat in")
}

// Issue 16, point 2: esc closes what is open first, then goes back.
func TestEscClosesFirstThenGoesBack(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, fullPath(opt.Engine, nil))
	m := newSized(opt, 80, 24)
	press(m, "esc")
	mustContain(t, m, "· welkom") // the first screen: esc never quits
	if m.quitting {
		t.Fatal("esc stopt op het welkomstscherm")
	}
	press(m, "2", "enter", "enter", "w") // question 2, explanation open
	mustContain(t, m, "vraag 2 van", "Waarom we dit vragen")
	press(m, "esc")
	mustContain(t, m, "vraag 2 van")
	mustNotContain(t, m, "Waarom we dit vragen")
	press(m, "?", "esc")
	mustContain(t, m, "vraag 2 van")
	mustNotContain(t, m, "minder toetsen")
	press(m, "esc")
	mustContain(t, m, "vraag 1 van")

	// A case picked in the list: esc on its story goes back to the list.
	opt, _ = testOptions(t)
	opt.Answers, opt.Title, opt.Story, opt.SessionPath = fullPath(opt.Engine, nil), "Hybride les", "Sanne geeft les.", "-"
	m = newSized(opt, 80, 24)
	press(m, "esc")
	if m.quitting || m.back {
		t.Fatal("esc op het verhaal van een casus zonder lijst stopt")
	}
	opt.FromPicker = true
	m = newSized(opt, 80, 24)
	press(m, "enter", "esc")
	mustContain(t, m, "Sanne geeft les.")
	press(m, "?")
	mustContain(t, m, "esc terug naar de casussen")
	press(m, "esc", "esc")
	if !m.quitting || !m.back {
		t.Fatal("esc op het verhaal gaat niet terug naar de lijst")
	}
}

// Issue 16, point 3: a digit moves the cursor to that numbered row and
// never acts; the review's rows show their numbers.
func TestDigitsOnlyMove(t *testing.T) {
	opt, _ := testOptions(t)
	writeSession(t, opt, fullPath(opt.Engine, nil))
	m := newSized(opt, 80, 24)
	press(m, "enter", "2")
	mustContain(t, m, "· je antwoorden", ">  2. Beleidskaders")
	m.replace(newQuestion(m.c, firstMany(opt.Engine), false))
	send(m, keyMsgSize(80, 24))
	press(m, "2")
	mustContain(t, m, "> [ ] 2. ")
}

// Issue 16, point 4: the quit question does not take j (down) for yes,
// and its help line shows its own keys.
func TestQuitConfirmationKeys(t *testing.T) {
	opt, _ := testOptions(t)
	opt.SessionPath = filepath.Join(t.TempDir(), "bestand", "sessie.toml")
	os.WriteFile(filepath.Dir(opt.SessionPath), nil, 0o644) // autosave fails
	m := newSized(opt, 80, 24)
	press(m, "enter", "enter", "q")
	mustContain(t, m, "Toch stoppen?", "q toch stoppen", "a eerst ergens anders opslaan", "esc blijven")
	mustNotContain(t, m, "j:")
	press(m, "j")
	if m.quitting {
		t.Fatal("j stopt")
	}
	press(m, "q", "q")
	if !m.quitting || !m.quitUnsaved {
		t.Fatal("q q stopt niet")
	}
}

// Issue 16, point 5: tab and shift+tab go to the next and the previous
// question, as in huh.
func TestTabMovesBetweenQuestions(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "enter")
	send(m, anyKeyMsg("tab"))
	mustContain(t, m, "vraag 2 van")
	send(m, anyKeyMsg("shift+tab"))
	mustContain(t, m, "vraag 1 van")
}

// Issue 16, point 7: at 60 columns the short help keeps what is needed
// to go on: space on multiple choice, how to close the explanation.
func TestShortHelpAt60Columns(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 60, 20)
	m.replace(newQuestion(m.c, firstMany(opt.Engine), false))
	send(m, keyMsgSize(60, 20))
	lines := strings.Split(screenText(m), "\n")
	help := lines[len(lines)-1]
	for _, want := range []string{"enter verder", "spatie aan/uit", "q stoppen"} {
		if !strings.Contains(help, want) {
			t.Fatalf("korte hulp op 60 kolommen mist %q: %q", want, help)
		}
	}
	press(m, "w")
	lines = strings.Split(screenText(m), "\n")
	if help := lines[len(lines)-1]; !strings.Contains(help, "esc uitleg dicht") || !strings.Contains(help, "spatie aan/uit") {
		t.Fatalf("korte hulp met uitleg open mist esc of spatie: %q", help)
	}
}

// Issue 16, point 12: the answers that no longer count do not push the
// review's rows off an 80x24 screen, however many there are.
func TestDroppedAnswersLeaveTheRowsInView(t *testing.T) {
	opt, _ := testOptions(t)
	e := opt.Engine
	full := fullPath(e, nil)
	var most decision.Answers
	for _, q := range e.Visible(full) {
		for _, o := range q.Options {
			a := full.Clone()
			a[q.ID] = []string{o.Value}
			if len(e.Dropped(a)) > len(e.Dropped(most)) && e.Complete(a) {
				most = a
			}
		}
	}
	if len(e.Dropped(most)) < 2 {
		t.Fatalf("no change drops two answers or more: %d", len(e.Dropped(most)))
	}
	writeSession(t, opt, most)
	m := newSized(opt, 80, 24)
	press(m, "enter")
	mustContain(t, m, "> Naar de samenvatting", "Tellen niet mee")
	rows := regexp.MustCompile(`(?m)^ +[0-9]+\. `).FindAllString(screenText(m), -1)
	if len(rows) < 8 {
		t.Fatalf("%d answers dropped leave %d rows in view:\n%s", len(e.Dropped(most)), len(rows), screenText(m))
	}
}

// Issue 16, point 11: the summary as a pager has no review to go back to:
// r and esc do nothing, q stops, and the help does not offer r.
func TestSummaryPagerAlone(t *testing.T) {
	opt, _ := testOptions(t)
	opt.Answers, opt.SessionPath, opt.pager = fullPath(opt.Engine, nil), "-", true
	m := newSized(opt, 80, 24)
	mustContain(t, m, "· samenvatting", "In het kort")
	press(m, "r", "esc")
	mustContain(t, m, "· samenvatting")
	press(m, "?")
	mustNotContain(t, m, "wijzigen")
	press(m, "q")
	if !m.quitting {
		t.Fatal("q stopt de pager niet")
	}
	if m.quitMessage() != "" {
		t.Fatalf("melding na de pager: %q", m.quitMessage())
	}
}

// Issue 16, point 10: the program sets no window title, so there is none
// to restore when it ends.
func TestNoWindowTitle(t *testing.T) {
	opt, _ := testOptions(t)
	if title := newSized(opt, 80, 24).View().WindowTitle; title != "" {
		t.Fatalf("venstertitel %q", title)
	}
}

// Issue 16, point 9: an address in the status line (opened, copied, to
// copy over SSH) is shown as on the links screen: under the text, wrapped
// the one way, as an OSC 8 hyperlink.
func TestStatusAddressesAsLinks(t *testing.T) {
	opt, _ := remoteOptions(t)
	m := openSummary(t, opt, 60, 24)
	press(m, "l")
	url := m.top().(*linksScreen).links[1].URL
	press(m, "down", "enter")
	v := m.View().Content
	if !strings.Contains(v, ansi.SetHyperlink(url)) {
		t.Fatalf("geen hyperlink naar %s in de statusregel:\n%q", url, v)
	}
	want := strings.Split(ansi.Strip(urlText("  ", url, 60)), "\n")
	text := screenText(m)
	for _, l := range want {
		if !strings.Contains(text, l) {
			t.Fatalf("statusregel breekt het adres anders (%q mist):\n%s", l, text)
		}
	}
}
