package room

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

// newTestBeamer is a beamer at w x h, driven by Update directly.
func newTestBeamer(t *testing.T, snap func() RoundView, w, h int) *Beamer {
	t.Helper()
	b := NewBeamer(testEngine(t), snap, BeamerOptions{})
	b.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return b
}

func press(b *Beamer, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = b.Update(beamerKey(k))
	}
	return cmd
}

func isDone(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(BeamerDoneMsg)
	return ok
}

func TestBeamerLeaveKeys(t *testing.T) {
	room := beamerRound(testEngine(t), 5)
	for _, c := range []struct {
		keys []string
		done bool
	}{
		{[]string{"q"}, true},
		{[]string{"esc"}, true},
		{[]string{"?", "esc"}, false},
		{[]string{"?", "esc", "esc"}, true},
		{[]string{"w", "esc"}, false},
		{[]string{"w", "esc", "esc"}, true},
		{[]string{"w", "?", "esc", "esc"}, false},
		{[]string{"w", "q"}, true},
		{[]string{"t", "n", "m"}, false},
	} {
		b := newTestBeamer(t, fixed(room), 80, 24)
		if got := isDone(press(b, c.keys...)); got != c.done {
			t.Errorf("%v: leaves %v, want %v", c.keys, got, c.done)
		}
	}
}

func TestBeamerPages(t *testing.T) {
	room := beamerRound(testEngine(t), 12)
	b := newTestBeamer(t, fixed(room), 80, 24)
	pages := b.pages()
	if pages[len(pages)-1] != outcomePage || len(pages) != len(b.count.tally.Questions)+1 {
		t.Fatalf("pages %v: the questions, then the outcome", pages)
	}
	for _, c := range []struct {
		keys []string
		want int
	}{
		{[]string{"p"}, 0},
		{[]string{"left"}, 0},
		{[]string{"n"}, 1},
		{[]string{"right", "right", "left"}, 1},
		{[]string{"G"}, len(pages) - 1},
		{[]string{"G", "n", "right"}, len(pages) - 1},
		{[]string{"G", "g"}, 0},
	} {
		b := newTestBeamer(t, fixed(room), 80, 24)
		press(b, c.keys...)
		if got := b.pageIndex(); got != c.want {
			t.Errorf("%v: page %d, want %d", c.keys, got, c.want)
		}
	}
}

// Each question starts hidden; a question shown stays shown when the
// trainer comes back to it; the reveal closes on another question.
func TestBeamerResultsHiddenPerQuestion(t *testing.T) {
	room := beamerRound(testEngine(t), 12)
	b := newTestBeamer(t, fixed(room), 80, 24)
	hidden := func() bool { return strings.Contains(screen(b), "nog verborgen") }
	if !hidden() {
		t.Fatal("the first question shows the room's answers before t")
	}
	press(b, "t")
	if hidden() || !strings.Contains(screen(b), "%") {
		t.Fatal("t does not show the answers")
	}
	press(b, "n")
	if !hidden() {
		t.Fatal("the next question shows its answers before t")
	}
	press(b, "p")
	if hidden() {
		t.Fatal("going back hid a question the trainer had shown")
	}
	press(b, "w")
	if !strings.Contains(screen(b), "Uit de handreiking") {
		t.Fatal("w shows no handreiking")
	}
	press(b, "n")
	if b.reveal || strings.Contains(screen(b), "Uit de handreiking") {
		t.Fatal("the reveal stays open on the next question")
	}
	press(b, "t", "t")
	if !hidden() {
		t.Fatal("t twice does not hide the answers again")
	}
}

// The beamer counts again on its tick, from a new snapshot; a tick of an
// earlier visit is ignored, so there is one chain.
func TestBeamerRecounts(t *testing.T) {
	e := testEngine(t)
	var mu sync.Mutex
	rv := RoundView{Participants: []BeamerParticipant{{Name: "an", Answers: decision.Answers{"rol": {"docent"}}}}}
	snap := func() RoundView {
		mu.Lock()
		defer mu.Unlock()
		return RoundView{Case: rv.Case, Participants: append([]BeamerParticipant(nil), rv.Participants...)}
	}
	b := newTestBeamer(t, snap, 80, 24)
	press(b, "t")
	if !strings.Contains(screen(b), "1 van 1 antwoordde") {
		t.Fatalf("first count:\n%s", screen(b))
	}
	mu.Lock()
	rv.Participants = append(rv.Participants, BeamerParticipant{Name: "bo", Answers: decision.Answers{"rol": {"trainer"}}})
	mu.Unlock()
	old := b.chain
	init := b.Init()
	if b.chain == old {
		t.Fatal("Init starts no new chain")
	}
	if _, cmd := b.Update(beamerTickMsg{chain: old}); cmd != nil {
		t.Fatal("a stale tick starts a count")
	}
	msg := init().(beamerCountMsg)
	_, next := b.Update(msg)
	if !strings.Contains(screen(b), "2 van 2 antwoordden") {
		t.Fatalf("no new count after the tick:\n%s", screen(b))
	}
	if next == nil {
		t.Fatal("a counted tick schedules no next tick")
	}
	// A count from the earlier chain does not overwrite the new one.
	stale := msg
	stale.chain = old
	stale.count = countRound(e, func() RoundView { return RoundView{} }, "")
	b.Update(stale)
	if !strings.Contains(screen(b), "2 van 2 antwoordden") {
		t.Fatal("a stale count replaced the current one")
	}
}

// When nobody gets the current question any more, the beamer moves to
// the nearest question before it instead of showing nothing.
func TestBeamerKeepsAPage(t *testing.T) {
	var mu sync.Mutex
	kaders := decision.Answers{"rol": {"docent"}, "beleidskaders": {"ja"}, "kaders_passen": {"past"}}
	rv := RoundView{Participants: []BeamerParticipant{{Name: "an", Answers: kaders}}}
	snap := func() RoundView { mu.Lock(); defer mu.Unlock(); return rv }
	b := newTestBeamer(t, snap, 80, 24)
	press(b, "n", "n")
	if b.page != "kaders_passen" {
		t.Fatalf("page %s, want kaders_passen", b.page)
	}
	mu.Lock()
	rv = RoundView{Participants: []BeamerParticipant{{Name: "an", Answers: decision.Answers{"rol": {"docent"}, "beleidskaders": {"nee"}}}}}
	mu.Unlock()
	b.Update(b.recount(false)())
	if b.page != "beleidskaders" {
		t.Errorf("page %s, want beleidskaders", b.page)
	}
}

func TestBeamerEmptyRoom(t *testing.T) {
	b := newTestBeamer(t, fixed(RoundView{}), 80, 24)
	press(b, "t", "G", "t", "m")
	out := screen(b)
	if !strings.Contains(out, "0 deelnemers") || !strings.Contains(out, "0%") {
		t.Errorf("empty room:\n%s", out)
	}
	press(b, "g", "w")
	if !b.reveal {
		t.Error("w does not open the reveal in an empty room")
	}
}

// Names and the case come from outside: no escape sequence of theirs
// reaches the terminal, and their escapes are shown instead.
func TestBeamerHostileText(t *testing.T) {
	rv := RoundView{Case: "x\x1b]52;c;aGk=\x07y", Participants: []BeamerParticipant{
		{Name: "\x1b[2J\x1b[31mRood\u202e", Answers: decision.Answers{"rol": {"docent"}}},
	}}
	b := newTestBeamer(t, fixed(rv), 100, 30)
	press(b, "t", "m")
	raw := b.View().Content
	for _, bad := range []string{"\x1b[2J", "\x1b[31m", "\x1b]52", "\x07", "\u202e"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the view holds %q", bad)
		}
	}
	plain := ansi.Strip(raw)
	if !strings.Contains(plain, `\x1b[2J\x1b[31mRood\u202e`) || !strings.Contains(plain, `x\x1b]52;c;aGk=\x07y`) {
		t.Errorf("the escapes are not shown:\n%s", plain)
	}
}

// At 500 the screen keeps its size: the names under a bar stop after
// three lines with how many more.
func TestBeamer500(t *testing.T) {
	room := beamerRound(testEngine(t), 500)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		b := newTestBeamer(t, fixed(room), size[0], size[1])
		press(b, "t", "m")
		out := strings.TrimSuffix(screen(b), "\n")
		lines := strings.Split(out, "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line of %d columns: %q", size, w, l)
			}
		}
		if !strings.Contains(out, "meer") || !strings.Contains(out, "500 in de zaal") {
			t.Errorf("%v:\n%s", size, out)
		}
	}
}

func BenchmarkBeamer(b *testing.B) {
	room := beamerRound(testEngine(b), 500)
	bm := NewBeamer(testEngine(b), fixed(room), BeamerOptions{})
	bm.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	press(bm, "t", "m")
	b.Run("count-500", func(b *testing.B) {
		for b.Loop() {
			_ = countRound(bm.eng, bm.snap, "")
		}
	})
	b.Run("view-500", func(b *testing.B) {
		for b.Loop() {
			_ = bm.View()
		}
	})
}

// h saves the round as HTML and JSON in the room folder, without names,
// and never over an earlier file.
func TestBeamerSavesRound(t *testing.T) {
	dir := t.TempDir()
	room := beamerRound(testEngine(t), 5)
	b := NewBeamer(testEngine(t), fixed(room), BeamerOptions{Dir: dir, Now: func() time.Time { return testDate }})
	b.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(b, "h")
	if !strings.Contains(screen(b), "Ronde opgeslagen: "+filepath.Join(dir, "ronde-2026-11-26.html")) {
		t.Fatalf("no saved message:\n%s", screen(b))
	}
	press(b, "h")
	for _, name := range []string{"ronde-2026-11-26.html", "ronde-2026-11-26.json", "ronde-2026-11-26-2.html", "ronde-2026-11-26-2.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "Zoë") || strings.Contains(string(data), "deelnemer-") {
			t.Errorf("%s holds a name", name)
		}
		if strings.HasSuffix(name, ".html") {
			if err := report.CheckInert(data); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	// Without a folder, h says so.
	b = newTestBeamer(t, fixed(room), 80, 24)
	press(b, "h")
	if !strings.Contains(screen(b), "Opslaan kan hier niet") {
		t.Errorf("h without a folder:\n%s", screen(b))
	}
	// A folder that is gone: a Dutch reason, nothing panics.
	b = NewBeamer(testEngine(t), fixed(room), BeamerOptions{Dir: filepath.Join(dir, "weg")})
	b.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(b, "h")
	if !strings.Contains(screen(b), "De ronde is niet opgeslagen: ") {
		t.Errorf("h into a missing folder:\n%s", screen(b))
	}
}

// With the reveal open, the next count makes its reveal in the Cmd, off
// the Update loop; the view uses it as it is.
func TestBeamerRevealCountedOffUpdate(t *testing.T) {
	room := beamerRound(testEngine(t), 12)
	b := newTestBeamer(t, fixed(room), 80, 24)
	press(b, "n", "n", "w")
	msg := b.recount(false)().(beamerCountMsg)
	rv, ok := msg.count.reveals["kaders_passen"]
	if !ok || rv.Question.ID != "kaders_passen" {
		t.Fatalf("the count made no reveal for the open question: %v", msg.count.reveals)
	}
	b.Update(msg)
	if got := b.reveals["kaders_passen"]; got.Question != rv.Question || got.Seen != rv.Seen {
		t.Error("the beamer does not use the counted reveal")
	}
	press(b, "esc")
	if msg := b.recount(false)().(beamerCountMsg); len(msg.count.reveals) != 0 {
		t.Error("a reveal is counted while none is open")
	}
}

// A new round starts at the first question with everything hidden.
func TestBeamerNewRound(t *testing.T) {
	var mu sync.Mutex
	room := beamerRound(testEngine(t), 5)
	room.Round = 1
	snap := func() RoundView { mu.Lock(); defer mu.Unlock(); return room }
	b := newTestBeamer(t, snap, 80, 24)
	press(b, "t", "n", "t", "w")
	b.Update(b.recount(false)())
	if b.pageIndex() != 1 || !b.shown[b.page] || !b.reveal {
		t.Fatal("a count of the same round changed the page or what is shown")
	}
	mu.Lock()
	room.Round = 2
	mu.Unlock()
	b.Update(b.recount(false)())
	if b.pageIndex() != 0 || len(b.shown) != 0 || b.reveal {
		t.Errorf("new round: page %d, shown %v, reveal %v", b.pageIndex(), b.shown, b.reveal)
	}
}

// w on the last page shows the conditions and how the room answered
// each; esc closes it.
func TestBeamerOutcomeReveal(t *testing.T) {
	room := beamerRound(testEngine(t), 12)
	b := newTestBeamer(t, fixed(room), 100, 40)
	press(b, "G", "w")
	out := screen(b)
	tl := b.count.tally
	for _, id := range b.eng.C.Meta.BOT {
		qt := tl.Question(id)
		want := qt.Question.Short + ": " + qt.Question.Options[0].Label + " " + strconv.Itoa(qt.Options[0].Count)
		if !strings.Contains(out, want) {
			t.Errorf("no %q:\n%s", want, out)
		}
	}
	press(b, "esc")
	if b.reveal || b.page != outcomePage {
		t.Error("esc does not close the outcome's reveal")
	}
}
