package tui

import (
	"os"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// PageSummary shows the summary of answers full screen in the summary's
// own pager (the keys of less and glow, the verdict on the first screen,
// q stops) for `afstandswijzer samenvatting` at a terminal, when the text
// is taller than the window. There is no review to go back to; nothing
// is saved unless the reader asks (o, x, a). Only Engine is taken from
// opt's required fields; NoColor is read as Run does.
func PageSummary(e *decision.Engine, a decision.Answers, opt Options) error {
	opt.Engine, opt.Answers, opt.SessionPath, opt.pager = e, a, "-", true
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		opt.NoColor = true
	}
	opt.ASCII = opt.ASCII || wantASCII(opt.NoColor, os.Getenv("TERM"))
	return runProgram(newApp(opt), "", opt)
}
