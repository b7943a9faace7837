package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/afstandswijzer/afstandswijzer/decision"
	linemode "github.com/afstandswijzer/afstandswijzer/linemode"
	"github.com/afstandswijzer/afstandswijzer/tui"
)

func runTUI(env *Env, args []string) int {
	stdin, stdout, stderr := env.Stdin, env.Stdout, env.Stderr
	c := newFlags(env, "afstandswijzer")
	plain := c.fs.Bool("eenvoudig", false, "stel de vragen als gewone regels, zonder volledig scherm (voor schermlezers en scripts)")
	cont := c.fs.Bool("verder", false, "ga verder met je bewaarde antwoorden zonder dat het programma het vraagt (zonder deze optie begint een script opnieuw)")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	inTerm, outTerm := env.IsTerminal(stdin), env.IsTerminal(env.terminal)
	if *plain || !inTerm || !outTerm {
		// A full-screen program cannot work without a terminal on both
		// sides; the line mode can, so pipes and scripts get it.
		// Only a person at a terminal is asked whether to continue: a
		// script's first line answers question 1, so without --verder it
		// starts fresh (the old session is kept until the first answer).
		resume := linemode.ResumeFresh
		switch {
		case *cont:
			resume = linemode.ResumeContinue
		case inTerm:
			resume = linemode.ResumeAsk
		}
		// Script: a pipe or file stops at an invalid line (exit 2);
		// Width 0 is 80; at a terminal its width (stdout itself is
		// wrapped in the output boundary, so the line mode cannot ask).
		width := 0
		if f, ok := env.terminal.(*os.File); ok && outTerm {
			width = terminalWidth(f)
		}
		// ctrl+c ends on a new line saying where the answers are.
		intr := make(chan os.Signal, 1)
		signal.Notify(intr, os.Interrupt)
		defer signal.Stop(intr)
		err := linemode.Run(linemode.Options{Engine: decision.New(ct), In: stdin, Out: stdout, Err: stderr, Script: !inTerm, Resume: resume, Now: env.Now, Width: width, Interrupt: intr})
		return interviewExit(stderr, err)
	}
	// Without --verder the full screen opens on its welcome menu, which
	// offers "Ga verder waar je was" first when there is a session.
	// tui.Run prints where the answers are after quitting, runs the line
	// mode for TERM=dumb, and returns tui.ErrUnsaved (exit 1) when the
	// reader quit with answers that could not be saved.
	return interviewExit(stderr, tui.Run(tui.Options{Engine: decision.New(ct), Resume: *cont}))
}

// interviewExit is the exit code of an interview in either presenter: in
// the line mode (also under TERM=dumb) input that ends early or an invalid
// piped line is bad input; anything else that went wrong is a failure.
func interviewExit(stderr io.Writer, err error) int {
	switch {
	case errors.Is(err, linemode.ErrInput):
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "afstandswijzer: %v\n", err)
		return exitFail
	}
	return exitOK
}
