package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// runAtTerminal runs a command with stdout a file that the Env calls a
// terminal, as a teacher's window is; it returns what reached the file.
func runAtTerminal(t *testing.T, noColor bool, args ...string) (int, string, string) {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "terminal"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	env, _, errOut := testEnv("")
	env.Stdout = f
	env.IsTerminal = func(x any) bool { return x == any(f) }
	env.LookupEnv = func(k string) (string, bool) {
		if k == "NO_COLOR" && noColor {
			return "1", true
		}
		return "", false
	}
	code := Main(args, env)
	data, _ := os.ReadFile(f.Name())
	return code, string(data), errOut.String()
}

// Issue 8: samenvatting and casus NAAM at a terminal are formatted like a
// pager (at most 100 columns), piped they stay Markdown.
func TestSummaryFormattedAtTerminal(t *testing.T) {
	for _, args := range [][]string{
		{"samenvatting", "--antwoorden", "../testdata/voorbeeld.toml"},
		{"casus", "hybride-nederlands"}, // stdin is no terminal: no TUI
		{"begrippen"},
	} {
		for _, noColor := range []bool{false, true} {
			code, out, errOut := runAtTerminal(t, noColor, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d %s", args, code, errOut)
			}
			plain := ansi.Strip(out)
			if strings.Contains(plain, "](#begrip-") || strings.Contains(plain, "**") {
				t.Errorf("%v (NO_COLOR %v): Markdown syntax at the terminal:\n%s", args, noColor, plain)
			}
			if noColor && strings.Contains(out, "\x1b[38;") {
				t.Errorf("%v: colour under NO_COLOR", args)
			}
			for _, l := range strings.Split(plain, "\n") {
				if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > 100 && !strings.Contains(l, "https://") {
					t.Errorf("%v: a line of %d columns: %q", args, w, l)
				}
			}
		}
	}
	// Piped: Markdown, for scripts and files.
	_, out, _ := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml")
	if !strings.HasPrefix(out, "# Afstandsonderwijs in je les") || !strings.Contains(out, "](#begrip-") {
		t.Errorf("piped summary is not Markdown:\n%.300s", out)
	}
}
