package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
)

func TestCasePicker(t *testing.T) {
	cases := []*content.Case{
		{Name: "een", Title: "Hybride les Nederlands", Story: "Een docent Nederlands geeft een hybride les."},
		{Name: "twee", Title: "Examen op afstand", Story: "Een mondeling examen via video."},
	}
	m := newCasePicker(cases, true)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	screen := ansi.Strip(m.View().Content)
	for _, want := range []string{"> 1. Hybride les Nederlands", "Een docent Nederlands", "2. Examen op afstand", "enter openen", "q stoppen"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("picker lacks %q:\n%s", want, screen)
		}
	}
	m.Update(keyMsg("down"))
	if _, cmd := m.Update(keyMsg("enter")); cmd == nil || m.chosen != cases[1] {
		t.Fatalf("enter picks %v", m.chosen)
	}
	m = newCasePicker(cases, true)
	m.Update(keyMsg("q"))
	if m.chosen != nil {
		t.Fatal("q picks a case anyway")
	}
	m.Update(keyMsg("2"))
	if m.list.cursor != 1 {
		t.Fatal("a number does not pick")
	}
}
