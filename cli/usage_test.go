package cli

import (
	"strings"
	"testing"
)

// The general help is generated from the command table: every command is
// in it with its synopsis and short line, and its own --help starts with
// the same synopsis. A command without a synopsis or short line fails.
func TestUsageListsEveryCommand(t *testing.T) {
	code, out, _ := runCmd(t, "--help")
	if code != exitOK {
		t.Fatalf("--help exit %d", code)
	}
	for _, c := range commands() {
		if c.Short == "" || c.Help == "" {
			t.Errorf("%s: Short and Help must say what the command does", c.Name)
		}
		if !strings.Contains(out, "  "+c.synopsis()) || !strings.Contains(out, c.Short) {
			t.Errorf("general help misses %q (%q):\n%s", c.synopsis(), c.Short, out)
		}
		if c.Name == "help" || c.Name == "versie" {
			continue
		}
		_, own, _ := runCmd(t, c.Name, "--help")
		if !strings.HasPrefix(own, "Gebruik: "+c.synopsis()+"\n") {
			t.Errorf("%s --help does not start with its synopsis:\n%s", c.Name, own)
		}
	}
}

// Every long option a command accepts is named in its synopsis, so the
// general help never hides an option (--inhoud, --help and --version are
// shared by all and said once at the end).
func TestSynopsisNamesEveryOption(t *testing.T) {
	shared := map[string]bool{"inhoud": true, "help": true, "version": true, "h": true}
	for _, c := range commands() {
		if c.Name == "help" || c.Name == "versie" {
			continue
		}
		_, own, _ := runCmd(t, c.Name, "--help")
		_, opts, ok := strings.Cut(own, "\nOpties:\n")
		if !ok {
			t.Fatalf("%s --help has no options list:\n%s", c.Name, own)
		}
		for _, line := range strings.Split(opts, "\n") {
			f := strings.Fields(line)
			// Only option lines, not a continued description that
			// starts with an option's name.
			if len(f) == 0 || !strings.HasPrefix(line, "  --") {
				continue
			}
			name := strings.TrimRight(strings.TrimPrefix(f[0], "--"), ",")
			if !shared[name] && !strings.Contains(c.Args, "--"+name) {
				t.Errorf("%s: option --%s is not in the synopsis %q", c.Name, name, c.synopsis())
			}
		}
	}
}
