package cli

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/tui"
)

func cmdSummary(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "samenvatting")
	answersPath := c.fs.String("antwoorden", "", "lees je antwoorden uit `BESTAND` (TOML)")
	format := c.fs.String("format", "", "`FORMAAT` van de uitvoer: markdown, html of json (zonder --format: opgemaakt in de terminal, anders markdown)")
	out := c.fs.String("uit", "", outHelp)
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *answersPath == "" {
		return c.fail(stderr, "geef een antwoordenbestand op met --antwoorden BESTAND")
	}
	if *format != "" && !validFormat(stderr, "samenvatting", *format, "markdown", "json", "html") {
		return exitUsage
	}
	*out = toStdout(env, *out)
	if !outPathOK(stderr, "samenvatting", *out, append(contentInputs(c.inhoud), *answersPath)...) {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	e := decision.New(ct)
	answers, _, err := readAnswers(e, *answersPath)
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: %s\n", indentLines(err.Error()))
		return exitUsage
	}
	s := e.Summarize(answers)
	if !s.Complete {
		// Short names, as on screen: an id like bot_sturen means nothing
		// to a teacher.
		var open []string
		for _, q := range e.Visible(answers) {
			if !answers.Has(q.ID) {
				open = append(open, cmp.Or(q.Short, q.ID))
			}
		}
		fmt.Fprintf(stderr, "Let op: nog niet beantwoord: %s. De samenvatting is voorlopig.\n", strings.Join(open, ", "))
	}
	var text []byte
	switch *format {
	case "json":
		text, err = report.JSON(s)
	case "html":
		text, err = report.HTML(s, env.Now())
	default:
		md := report.Markdown(s)
		if *format == "" && *out == "" {
			// At a terminal the summary is read, not processed: formatted,
			// and in the summary's pager when taller than the window.
			if done, err := showTerminal(env, e, answers, md); done {
				if err != nil {
					fmt.Fprintf(stderr, "afstandswijzer samenvatting: %v\n", err)
					return exitFail
				}
				return exitOK
			}
		}
		text = []byte(md)
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: %v\n", err)
		return exitFail
	}
	return writeOutput("samenvatting", *out, cmp.Or(*format, "markdown"), text, stdout, stderr)
}

// showTerminal shows the summary formatted at a terminal: in the
// full-screen program's pager when both sides are a terminal and the text
// is taller than the window (PAGER=cat prints it instead, as git does),
// else printed. It renders once. done is false when stdout is no terminal.
func showTerminal(env *Env, e *decision.Engine, a decision.Answers, md string) (done bool, err error) {
	f, ok := env.terminal.(*os.File)
	if !ok || !env.IsTerminal(f) {
		return false, nil
	}
	text, err := renderTerminal(env, md, f)
	if err != nil {
		return true, err
	}
	if p, _ := env.LookupEnv("PAGER"); p != "cat" && env.IsTerminal(env.Stdin) {
		if _, h, err := term.GetSize(f.Fd()); err == nil && h > 0 && strings.Count(text, "\n") >= h {
			return true, tui.PageSummary(e, a, tui.Options{Now: env.Now})
		}
	}
	_, err = io.WriteString(f, text)
	return true, err
}
