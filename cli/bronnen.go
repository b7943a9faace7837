package cli

import (
	"fmt"

	"github.com/afstandswijzer/afstandswijzer/report"
)

func cmdSources(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "bronnen")
	format := c.fs.String("format", "markdown", "`FORMAAT` van de uitvoer: markdown of json")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if !validFormat(stderr, "bronnen", *format, "markdown", "json") {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	if *format == "json" {
		data, err := report.SourcesJSON(ct)
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer bronnen: %v\n", err)
			return exitFail
		}
		stdout.Write(data)
		return exitOK
	}
	fmt.Fprint(stdout, report.SourcesMarkdown(ct))
	return exitOK
}
