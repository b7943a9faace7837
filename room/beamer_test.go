package room

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// beamerRound is a round of n participants on the real content, each on
// a random but fixed path; one name is hostile, one is not Latin.
func beamerRound(e *decision.Engine, n int) RoundView {
	rng := rand.New(rand.NewPCG(7, 11))
	rv := RoundView{Case: "gastles-bedrijf"}
	for i := range n {
		a := decision.Answers{}
		for q := e.Next(a); q != nil; q = e.Next(a) {
			if q.Kind == content.Many {
				vals := []string{}
				for _, o := range q.Options {
					if rng.IntN(3) == 0 {
						vals = append(vals, o.Value)
					}
				}
				a[q.ID] = vals
				continue
			}
			a[q.ID] = []string{q.Options[rng.IntN(len(q.Options))].Value}
		}
		name := fmt.Sprintf("deelnemer-%d", i+1)
		switch i {
		case 0:
			name = "Zoë"
		case 1:
			name = "\x1b[31mRood\x1b[0m"
		case 2:
			name = "Ольга"
		}
		rv.Participants = append(rv.Participants, BeamerParticipant{Name: name, Answers: a})
	}
	// One is still busy: two answers.
	if n > 3 {
		rv.Participants[3].Answers = decision.Answers{"rol": {"docent"}, "beleidskaders": {"ja"}}
	}
	return rv
}

// runBeamer drives the beamer with teatest and returns the final screen
// as plain text, and the model.
func runBeamer(t *testing.T, snap func() RoundView, opt BeamerOptions, w, h int, keys ...string) (string, *Beamer) {
	t.Helper()
	b := NewBeamer(testEngine(t), snap, opt)
	tm := teatest.NewTestModel(t, b, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	for _, k := range keys {
		tm.Send(beamerKey(k))
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Beamer)
	return screen(final), final
}

func screen(b *Beamer) string {
	lines := strings.Split(ansi.Strip(b.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

func beamerKey(k string) tea.KeyPressMsg {
	switch k {
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	}
	return keyMsg(k)
}

func fixed(rv RoundView) func() RoundView { return func() RoundView { return rv } }

func TestBeamerGolden(t *testing.T) {
	e := testEngine(t)
	room := beamerRound(e, 12)
	cases := []struct {
		name  string
		ascii bool
		w, h  int
		keys  []string
	}{
		{"verborgen", false, 80, 24, nil},
		{"antwoorden", false, 80, 24, []string{"t"}},
		{"antwoorden", false, 120, 40, []string{"t"}},
		{"namen", false, 80, 24, []string{"t", "m"}},
		{"meer-keuzes", false, 80, 24, []string{"n", "n", "n", "n", "t"}},
		{"regel", false, 80, 24, []string{"n", "n", "w"}},
		{"regel", false, 120, 40, []string{"n", "n", "w"}},
		{"regel-omlaag", false, 80, 24, []string{"n", "n", "w", "j", "j", "j", "j", "j", "j", "j", "j"}},
		{"voorwaarde", false, 120, 40, []string{"n", "n", "n", "n", "n", "w"}},
		{"uitkomst", false, 80, 24, []string{"G", "t"}},
		{"uitkomst", false, 120, 40, []string{"G", "t", "m"}},
		{"uitkomst-waarom", false, 80, 24, []string{"G", "w"}},
		{"ascii", true, 80, 24, []string{"n", "t"}},
		{"toetsen", false, 80, 24, []string{"?"}},
		{"te-klein", false, 39, 11, nil},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s-%dx%d", c.name, c.w, c.h), func(t *testing.T) {
			out, _ := runBeamer(t, fixed(room), BeamerOptions{ASCII: c.ascii}, c.w, c.h, c.keys...)
			golden.RequireEqual(t, out)
		})
	}
}
