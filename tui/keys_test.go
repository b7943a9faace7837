package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// screens opens each screen of the program from a complete session and
// returns its header title with the keys that lead there.
var screens = []struct {
	title string
	keys  []string
}{
	{"welkom", nil},
	{"Rol", []string{"2", "enter"}},
	{"je antwoorden", []string{"enter"}},
	{"samenvatting", []string{"enter", "enter"}},
	{"links in je samenvatting", []string{"enter", "enter", "l"}},
	{"alle bronnen", []string{"3", "enter"}},
	{"begrippen", []string{"i"}},
}

// Keys mean one thing everywhere: ? the full key list, q stop (always in
// the short help, which fits the width), b the begrippen, esc back.
func TestKeysMeanOneThingEverywhere(t *testing.T) {
	for _, width := range []int{60, 80, 120} {
		for _, sc := range screens {
			opt, _ := testOptions(t)
			writeSession(t, opt, fullPath(opt.Engine, nil))
			m := newSized(opt, width, 30)
			press(m, sc.keys...)
			mustContain(t, m, "· "+sc.title)
			lines := strings.Split(screenText(m), "\n")
			help := lines[len(lines)-1]
			if !strings.Contains(help, "q stoppen") || !strings.Contains(help, "? toetsen") {
				t.Fatalf("%s at %d: short help without q or ?: %q", sc.title, width, help)
			}
			for _, l := range lines {
				if len([]rune(l)) > width {
					t.Fatalf("%s at %d: line too wide: %q", sc.title, width, l)
				}
			}
			press(m, "?")
			want := []string{"?/esc minder toetsen", "q stoppen"}
			if sc.title != "begrippen" {
				want = append(want, "i begrippen")
			}
			mustContain(t, m, want...)
			press(m, "?")
			mustNotContain(t, m, "minder toetsen")
			if sc.title != "begrippen" {
				press(m, "i")
				mustContain(t, m, "· begrippen")
				press(m, "esc")
				mustContain(t, m, "· "+sc.title)
			}
			press(m, "q")
			if !m.quitting {
				t.Fatalf("%s: q does not quit", sc.title)
			}
		}
	}
}

// The begrippen screen lists the terms and explains the chosen one; it
// opens from a question and esc goes back to that question. The terms are
// a local stand-in until content.Content.Terms lands.
func TestGlossary(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	m.c.terms = []glossTerm{
		{name: "BOT", text: "Begeleide onderwijstijd: onderwijs met een docent erbij.", source: "Handreiking, deel Algemeen"},
		{name: "OER", text: "Onderwijs- en examenregeling.", source: ""},
	}
	press(m, "enter", "i")
	mustContain(t, m, "> BOT", "Begeleide onderwijstijd: onderwijs met een docent erbij.", "Bron: Handreiking, deel Algemeen")
	press(m, "down")
	mustContain(t, m, "> OER", "Onderwijs- en examenregeling.")
	mustNotContain(t, m, "Bron:")
	press(m, "i") // i again closes it, like esc
	mustContain(t, m, "Wat is je rol?")
}

// Symbols have ASCII stand-ins for terminals that cannot show them.
func TestASCIISymbols(t *testing.T) {
	opt, _ := testOptions(t)
	opt.ASCII = true
	writeSession(t, opt, fullPath(opt.Engine, decision.Answers{"bot_sturen": {"nee"}}))
	m := newSized(opt, 120, 40)
	press(m, "enter")
	mustContain(t, m, "x Telt niet mee", "x BOT: bijsturen")
	press(m, "g", "enter", "w")
	for _, r := range "✓✗█░┃│" {
		if strings.ContainsRune(screenText(m), r) {
			t.Fatalf("%q on an ASCII screen:\n%s", r, screenText(m))
		}
	}
}

// The side panel stands beside the text; below 130 columns it gets at
// least 40 columns or is hidden. "Telt niet mee" lists the conditions not
// met, one per line.
func TestSidePanel(t *testing.T) {
	for _, width := range []int{99, 100, 110, 129, 200} {
		opt, _ := testOptions(t)
		writeSession(t, opt, fullPath(opt.Engine, decision.Answers{"bot_sturen": {"nee"}, "bot_interactie": {"nee"}}))
		m := newSized(opt, width, 40)
		press(m, "enter")
		var bar int = -1
		for _, l := range strings.Split(screenText(m), "\n") {
			if i := strings.Index(l, "│ Wat je nu weet"); i >= 0 {
				bar = len([]rune(l[:i]))
			}
		}
		switch {
		case width < panelMin && bar >= 0:
			t.Fatalf("%d: panel shown", width)
		case width >= panelMin && bar < 0:
			t.Fatalf("%d: no panel", width)
		case width >= panelMin && width-bar-2 < 40:
			t.Fatalf("%d: panel %d columns", width, width-bar-2)
		case bar > textMax+2:
			t.Fatalf("%d: panel far from the text (column %d)", width, bar)
		}
		if width >= panelMin {
			mustContain(t, m, "Niet voldaan:", "✗ BOT: interactie", "✗ BOT: bijsturen")
		}
	}
}

// A second window on the same session says so when it starts.
func TestSecondWindowSaysSo(t *testing.T) {
	opt, _ := testOptions(t)
	other, release := session.Claim(opt.SessionPath)
	if other {
		t.Fatal("first window sees another window")
	}
	defer release()
	// A mark left by this same process counts as ours; one by another
	// running process (the parent of this test) counts as another window.
	lock := opt.SessionPath + ".open"
	os.WriteFile(lock, []byte(itoa(os.Getppid())+"\n"), 0o600)
	if other, _ := session.Claim(opt.SessionPath); !other {
		t.Fatal("second window does not see the first")
	}
	opt.otherWindow = true
	m := newSized(opt, 80, 24)
	mustContain(t, m, "Dit programma is al open in een ander venster")
	// A mark of a process that is gone is taken over.
	os.WriteFile(lock, []byte("999999999\n"), 0o600)
	if other, rel := session.Claim(opt.SessionPath); other {
		t.Fatal("old marker counts as another window")
	} else {
		rel()
	}
	if _, err := os.Stat(lock); err == nil {
		t.Fatal("marker not cleaned up")
	}
	_ = filepath.Base(lock)
}

// NewModel is the program as a tea.Model for a caller with its own
// tea.Program (the SSH server).
func TestNewModel(t *testing.T) {
	opt, _ := testOptions(t)
	var mdl tea.Model = NewModel(opt)
	mdl.Init()
	mdl, _ = mdl.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	mdl, _ = mdl.Update(keyMsg("enter"))
	// Under the same panic guard as Run.
	g, ok := mdl.(guard)
	if !ok {
		t.Fatalf("NewModel gives %T, not the guarded program", mdl)
	}
	a := g.inner.(*app)
	send(a, keyMsg("enter"))
	if !strings.Contains(screenText(a), "Heeft je instelling beleidskaders") {
		t.Fatalf("NewModel does not work:\n%s", screenText(a))
	}
}

func TestWantASCII(t *testing.T) {
	for _, c := range []struct {
		noColor bool
		term    string
		want    bool
	}{{false, "xterm-256color", false}, {false, "linux", true}, {true, "xterm-256color", true}} {
		if got := wantASCII(c.noColor, c.term); got != c.want {
			t.Errorf("wantASCII(%v, %q) = %v", c.noColor, c.term, got)
		}
	}
}

// While typing a search, q is a letter, and the help says ctrl+c stops.
func TestTypingKeepsAWayOut(t *testing.T) {
	opt, _ := testOptions(t)
	m := newSized(opt, 80, 24)
	press(m, "2", "enter", "/", "q")
	mustContain(t, m, "Zoek: q", "ctrl+c stoppen")
	if m.quitting {
		t.Fatal("q quit during a search")
	}
	press(m, "ctrl+c")
	if !m.quitting {
		t.Fatal("ctrl+c does not quit during a search")
	}
}

// View changes nothing: the shared state and the screen are the same
// after drawing, and drawing twice gives the same frame.
func TestViewChangesNothing(t *testing.T) {
	for _, sc := range screens {
		opt, _ := testOptions(t)
		writeSession(t, opt, fullPath(opt.Engine, nil))
		m := newSized(opt, 100, 30)
		press(m, sc.keys...)
		press(m, "?")
		state := func() string {
			return fmt.Sprintf("%+v|%+v|%+v", *m.c, reflect.ValueOf(m.top()).Elem().Interface(), m.allKeys)
		}
		before := state()
		first := m.View().Content
		if second := m.View().Content; first != second {
			t.Fatalf("%s: drawing twice gives two different screens", sc.title)
		}
		if after := state(); after != before {
			t.Fatalf("%s: View changed the state", sc.title)
		}
	}
}
