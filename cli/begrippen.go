package cli

import (
	"fmt"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// cmdGlossary prints the glossary: the words of the rules (BOT, OER,
// instemmingsrecht, ...) explained, each with where it comes from.
func cmdGlossary(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "begrippen")
	format := c.fs.String("format", "", "`FORMAAT` van de uitvoer: markdown of json (zonder --format: opgemaakt in de terminal, anders markdown)")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *format != "" && !validFormat(stderr, "begrippen", *format, "markdown", "json") {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	if *format == "json" {
		data, err := report.GlossaryJSON(ct)
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer begrippen: %v\n", err)
			return exitFail
		}
		stdout.Write(jsonSafe(data))
		return exitOK
	}
	md := report.GlossaryMarkdown(ct)
	if *format == "" {
		if done, err := printTerminal(env, md); done {
			if err != nil {
				fmt.Fprintf(stderr, "afstandswijzer begrippen: %v\n", err)
				return exitFail
			}
			return exitOK
		}
	}
	fmt.Fprint(stdout, md)
	return exitOK
}
