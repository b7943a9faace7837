package room

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// lastLine is the help line at the bottom of a screen.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

// The short help fits every width and always keeps ? and q, on the main
// screen and in the comparison; less important keys go first.
func TestDashboardShortHelpFits(t *testing.T) {
	r := testRoom(t)
	for _, w := range []int{40, 52, 64, 80, 100, 120, 160} {
		for _, keys := range [][]string{nil, {"v"}} {
			out, _ := runDash(t, r, testInfo, w, 30, keys...)
			help := lastLine(out)
			if got := ansi.StringWidth(help); got > w {
				t.Errorf("%d columns %v: help line is %d wide: %q", w, keys, got, help)
			}
			for _, want := range []string{"? toetsen", "q stoppen"} {
				if !strings.Contains(help, want) {
					t.Errorf("%d columns %v: %q missing: %q", w, keys, want, help)
				}
			}
			if strings.Contains(help, "…") {
				t.Errorf("%d columns %v: help line cut off: %q", w, keys, help)
			}
		}
	}
	// The keys that lead the room stay longest; at 120 columns every
	// key of the dashboard but the least used fits.
	out, _ := runDash(t, r, testInfo, 100, 30)
	for _, want := range []string{"spatie selecteren", "v vergelijken", "r ronde", "p beamer"} {
		if !strings.Contains(lastLine(out), want) {
			t.Errorf("100 columns: %q missing: %q", want, lastLine(out))
		}
	}
	out, _ = runDash(t, r, testInfo, 120, 30)
	for _, want := range []string{"spatie selecteren", "v vergelijken", "h hand-out", "x verwijderen", "r ronde", "p beamer"} {
		if !strings.Contains(lastLine(out), want) {
			t.Errorf("120 columns: %q missing: %q", want, lastLine(out))
		}
	}
}

// ? shows all keys, as on every screen, and ? again hides them.
func TestDashboardFullHelp(t *testing.T) {
	r := testRoom(t)
	full := []string{"omhoog", "omlaag", "alles of niets", "vergelijken", "hand-out", "verwijderen", "grote code", "minder toetsen", "stoppen"}
	out, _ := runDash(t, r, testInfo, 80, 30, "?")
	for _, want := range full {
		if !strings.Contains(out, want) {
			t.Errorf("after ?: %q missing:\n%s", want, out)
		}
	}
	out, _ = runDash(t, r, testInfo, 80, 30, "?", "?")
	if strings.Contains(out, "minder toetsen") || !strings.Contains(lastLine(out), "? toetsen") {
		t.Errorf("after ? ?: still all keys:\n%s", out)
	}
	out, m := runDash(t, r, testInfo, 80, 30, "v", "?")
	if m.mode != modeCompare {
		t.Fatalf("after v ?: mode %d", m.mode)
	}
	for _, want := range []string{"omhoog", "pagina", "hand-out", "terug", "minder toetsen", "stoppen"} {
		if !strings.Contains(out, want) {
			t.Errorf("comparison after ?: %q missing:\n%s", want, out)
		}
	}
	// The full list fits a narrow window too, and so does the rest.
	out, _ = runDash(t, r, testInfo, 40, 30, "?")
	for i, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("40 columns, line %d is too wide: %q", i, l)
		}
	}
}

// q means stop everywhere: in the comparison too it asks first, and n
// goes back to the comparison.
func TestDashboardCompareQuitAsks(t *testing.T) {
	r := testRoom(t)
	_, m := runDash(t, r, testInfo, 80, 24, "v", "q")
	if m.mode != modeStop {
		t.Errorf("after v q: mode %d", m.mode)
	}
	_, m = runDash(t, r, testInfo, 80, 24, "v", "q", "n")
	if m.mode != modeCompare {
		t.Errorf("after v q n: mode %d", m.mode)
	}
	_, m = runDash(t, r, testInfo, 80, 24, "v", "esc")
	if m.mode != modeMain {
		t.Errorf("after v esc: mode %d", m.mode)
	}
}

// The name screen names its keys as the TUI does while typing: q is a
// letter there, so ctrl+c stops.
func TestNameScreenKeys(t *testing.T) {
	r := testRoom(t)
	m := newPartModel(r, &ticket{})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	help := lastLine(ansi.Strip(m.View().Content))
	if !strings.Contains(help, "ctrl+c stoppen") || strings.Contains(help, "esc") {
		t.Errorf("help line: %q", help)
	}
}

// The dashboard names participants as their files are named, so the
// trainer can match the list with MAP/*.toml and `vergelijk` afterwards;
// the log says which file a changed name got.
func TestDashboardNamesMatchFiles(t *testing.T) {
	e := testEngine(t)
	r, err := newRoom(e, t.TempDir(), 40, func() time.Time { return testDate }, caseInfo{})
	if err != nil {
		t.Fatal(err)
	}
	a := path(e, func(int) int { return 0 })
	for _, name := range []string{"../../x", "a..x", "Team Één"} {
		p := joinDirect(t, r, name)
		if err := r.start(p, a); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(r.dir, "*.toml"))
	var base []string
	for _, f := range files {
		base = append(base, strings.TrimSuffix(filepath.Base(f), ".toml"))
	}
	if strings.Join(base, ",") != "a-x,team-een,x" {
		t.Fatalf("files: %v", base)
	}
	out, _ := runDash(t, r, testInfo, 80, 30, "x")
	for _, b := range base {
		if !regexp.MustCompile(`\] ` + regexp.QuoteMeta(b) + ` `).MatchString(out) {
			t.Errorf("%s is not listed by name:\n%s", b, out)
		}
	}
	for _, bad := range []string{"../../x", "a..x", "Team Één"} {
		if strings.Contains(out, "] "+bad) {
			t.Errorf("the list shows %q, the file has another name:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "a-x verwijderen?") {
		t.Errorf("the delete question does not name the file:\n%s", out)
	}
	var cols []string
	for _, f := range r.compareFiles(nil) {
		cols = append(cols, f.Name)
	}
	if strings.Join(cols, ",") != "a-x,team-een,x" {
		t.Errorf("comparison columns: %v", cols)
	}
	var log []string
	for len(r.events) > 0 {
		log = append(log, (<-r.events).Text)
	}
	if !slices.Contains(log, "../../x doet mee als x (1 in de zaal)") || !slices.Contains(log, "a..x doet mee als a-x (2 in de zaal)") {
		t.Errorf("log: %q", log)
	}
}
