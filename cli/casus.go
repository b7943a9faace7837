package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/store/safefile"
	"github.com/afstandswijzer/afstandswijzer/tui"
)

func cmdCase(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "casus")
	o := caseOpts{
		format:    c.fs.String("format", "markdown", "`FORMAAT` van de uitvoer: markdown of html"),
		out:       c.fs.String("uit", "", outHelp),
		answersTo: c.fs.String("antwoorden-naar", "", "schrijf de antwoorden van de casus naar `BESTAND`, om aan te passen; een bestaand bestand wordt niet overschreven"),
	}
	names, code, done := c.parsePositional(args, stdout, stderr)
	if done {
		return code
	}
	// Every option is checked before anything is shown, also without a
	// name: a wrong --format or --inhoud is an error, never ignored.
	if !validFormat(stderr, "casus", *o.format, "markdown", "html") {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	cases, err := content.Cases()
	if err != nil {
		// The cases are embedded and tested: this is a build bug.
		fmt.Fprintf(stderr, "afstandswijzer casus: de ingebouwde casussen kloppen niet:\n  %s\n", indentLines(err.Error()))
		return exitFail
	}
	if len(names) == 0 && *o.out == "" && *o.answersTo == "" && !flagSet(c.fs, "format") && env.IsTerminal(env.Stdin) && env.IsTerminal(env.terminal) {
		// At a terminal a trainer picks a case from a list; esc on the
		// case's story comes back to the list.
		return pickAndShowCases(ct, cases, stderr)
	}
	if len(names) == 0 {
		return listCases(c, o, cases)
	}
	if len(names) > 1 {
		return c.fail(stderr, "geef één casus op, niet %d", len(names))
	}
	cs := findCase(cases, names[0])
	if cs == nil {
		fmt.Fprintf(stderr, "afstandswijzer casus: onbekende casus %q; geldig zijn: %s\n", names[0], strings.Join(content.CaseNames(cases), ", "))
		return exitUsage
	}
	return showCase(c, o, ct, cs)
}

// caseOpts are the options of casus besides the shared ones.
type caseOpts struct {
	format, out, answersTo *string
}

func findCase(cases []*content.Case, name string) *content.Case {
	for _, x := range cases {
		if x.Name == name {
			return x
		}
	}
	return nil
}

// listCases prints every case with its name, title and story: casus
// without a name, away from a terminal.
func listCases(c *common, o caseOpts, cases []*content.Case) int {
	stdout, stderr := c.env.Stdout, c.env.Stderr
	if *o.out != "" || *o.answersTo != "" {
		return c.fail(stderr, "geef de naam van een casus op, bijvoorbeeld: afstandswijzer casus %s", cases[0].Name)
	}
	if flagSet(c.fs, "format") {
		return c.fail(stderr, "--format geldt voor één casus; geef de naam van een casus op, bijvoorbeeld: afstandswijzer casus %s --format %s", cases[0].Name, *o.format)
	}
	fmt.Fprintf(stdout, "Voorbeeldcasussen voor een studiemiddag (%d):\n", len(cases))
	for _, cs := range cases {
		fmt.Fprintf(stdout, "\n%s\n  %s\n%s\n", cs.Name, cs.Title, wrapIndent(cs.Story, "  ", 78))
	}
	fmt.Fprintf(stdout, "\nBekijk een casus met: afstandswijzer casus NAAM\n")
	return exitOK
}

// showCase writes the case's answers (--antwoorden-naar) and shows or
// writes its summary.
func showCase(c *common, o caseOpts, ct *content.Content, cs *content.Case) int {
	env, stdout, stderr := c.env, c.env.Stdout, c.env.Stderr
	out, answersTo, format := toStdout(env, *o.out), *o.answersTo, *o.format
	if !outPathOK(stderr, "casus", out, contentInputs(c.inhoud)...) || !outPathOK(stderr, "casus", answersTo, contentInputs(c.inhoud)...) {
		return exitUsage
	}
	if out != "" && answersTo != "" && (cleanAbs(out) == cleanAbs(answersTo) || safefile.Same(out, answersTo)) {
		return c.fail(stderr, "--uit en --antwoorden-naar zijn hetzelfde bestand; kies twee namen, één voor de samenvatting en één voor de antwoorden")
	}
	e := decision.New(ct)
	a, err := e.ParseAnswers(cs.File, cs.Answers, decision.ParseOptions{})
	if err != nil {
		// Only possible with --inhoud: the cases follow the built-in questions.
		fmt.Fprintf(stderr, "afstandswijzer casus: de casus past niet bij deze inhoud:\n  %s\n", indentLines(err.Error()))
		return exitUsage
	}
	if answersTo != "" {
		if code := writeCaseAnswers(stdout, stderr, e, a, cs, answersTo); code != exitOK || out == "" {
			return code
		}
	}
	// In a terminal, a trainer gets the case on the review screen to
	// discuss every answer and change one to show what changes.
	if !flagSet(c.fs, "format") && out == "" && env.IsTerminal(env.Stdin) && env.IsTerminal(env.terminal) {
		if err := tui.Run(tui.Options{Engine: e, Answers: a, Title: cs.Title, Story: cs.Story, SessionPath: "-"}); err != nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	mdText := fmt.Sprintf("> **Casus: %s**\n>\n> %s\n\n", cs.Title, cs.Story) + report.Markdown(e.Summarize(a))
	if !flagSet(c.fs, "format") && out == "" {
		// Output to a terminal without keyboard input (e.g. stdin from a
		// file): formatted, like samenvatting.
		if done, err := printTerminal(env, mdText); done {
			if err != nil {
				fmt.Fprintf(stderr, "afstandswijzer casus: %v\n", err)
				return exitFail
			}
			return exitOK
		}
	}
	text := []byte(mdText)
	if format == "html" {
		text, err = report.HTMLPage(report.Page{Title: "Casus: " + cs.Title, Markdown: mdText, Version: ct.Meta.Version, Date: env.Now()})
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: %v\n", err)
			return exitFail
		}
	}
	return writeOutput("casus", out, format, text, stdout, stderr)
}

// writeCaseAnswers writes the case's answers to a new file, to adapt.
func writeCaseAnswers(stdout, stderr io.Writer, e *decision.Engine, a decision.Answers, cs *content.Case, answersTo string) int {
	head := "# Casus: " + cs.Title + "\n" + wrapIndent(cs.Story, "# ", 78) + "\n#\n"
	data := safeOutput("toml", append([]byte(head), e.FormatAnswers(a)...))
	// O_EXCL: a teacher's edited answers are never overwritten, not
	// even by a file made between a check and the write.
	if err := safefile.CreateNew(answersTo, data, safefile.ExportMode); err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stderr, "afstandswijzer casus: %s bestaat al; kies een nieuwe naam, dan overschrijf ik niets\n", answersTo)
			return exitUsage
		}
		fmt.Fprintf(stderr, "afstandswijzer casus: kan %s niet schrijven: %s\n", answersTo, fileReason(err))
		return exitFail
	}
	abs, _ := filepath.Abs(answersTo)
	fmt.Fprintf(stdout, "De antwoorden van de casus %q staan in %s.\nPas ze aan en bekijk de samenvatting met:\n  afstandswijzer samenvatting --antwoorden %s\n", cs.Name, abs, answersTo)
	return exitOK
}

// pickAndShowCases lets a trainer pick a case at a terminal and shows it
// on its story; esc there (tui.ErrBack) returns to the list.
func pickAndShowCases(ct *content.Content, cases []*content.Case, stderr io.Writer) int {
	e := decision.New(ct)
	last := ""
	for {
		picked, err := tui.PickCase(cases, tui.PickOptions{Selected: last})
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: %v\n", err)
			return exitFail
		}
		if picked == nil {
			return exitOK
		}
		a, err := e.ParseAnswers(picked.File, picked.Answers, decision.ParseOptions{})
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: de casus past niet bij deze inhoud:\n  %s\n", indentLines(err.Error()))
			return exitUsage
		}
		err = tui.Run(tui.Options{Engine: e, Answers: a, Title: picked.Title, Story: picked.Story, SessionPath: "-", FromPicker: true})
		switch {
		case errors.Is(err, tui.ErrBack):
			last = picked.Name
			continue
		case err != nil:
			fmt.Fprintf(stderr, "afstandswijzer casus: %v\n", err)
			return exitFail
		}
		return exitOK
	}
}
