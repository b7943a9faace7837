package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/tui"
)

func cmdSummary(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "samenvatting")
	answersPath := c.fs.String("antwoorden", "", "lees je antwoorden uit `BESTAND` (TOML)")
	format := c.fs.String("format", "markdown", "`FORMAAT` van de uitvoer: markdown, html of json")
	out := c.fs.String("uit", "", outHelp)
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *answersPath == "" {
		return c.fail(stderr, "geef een antwoordenbestand op met --antwoorden BESTAND")
	}
	if !validFormat(stderr, "samenvatting", *format, "markdown", "json", "html") {
		return exitUsage
	}
	if !outPathOK(stderr, "samenvatting", *out) {
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
		text = []byte(report.Markdown(s))
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: %v\n", err)
		return exitFail
	}
	if *out == "" {
		_, err = stdout.Write(text)
	} else {
		err = tui.WriteFileAtomic(*out, text)
		if err == nil {
			abs, _ := filepath.Abs(*out)
			fmt.Fprintf(stderr, "Samenvatting opgeslagen in %s\n", abs)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: kan %s niet schrijven: %s\n", cmp.Or(*out, "de uitvoer"), tui.FileError(err))
		return exitFail
	}
	return exitOK
}

// outHelp describes --uit; overwriting is on purpose (a script writes the
// same file again), so the help says so.
const outHelp = "schrijf naar `BESTAND` in plaats van naar het scherm; een bestaand bestand wordt overschreven"

// outPathOK checks an output path before any work is done, so a typo is
// reported as bad input (exit 2) with the path named: a folder given as
// file, or a folder that does not exist. Empty means stdout.
func outPathOK(stderr io.Writer, cmd, path string) bool {
	if path == "" {
		return true
	}
	problem := ""
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		problem = fmt.Sprintf("%s is een map; geef een bestandsnaam op, bijvoorbeeld %s", path, filepath.Join(path, "uitvoer.md"))
	} else if dir := filepath.Dir(path); dir != "" {
		st, err := os.Stat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problem = fmt.Sprintf("kan %s niet schrijven: de map %s bestaat niet", path, dir)
		case err != nil:
			problem = fmt.Sprintf("kan %s niet schrijven: %s", path, tui.FileError(err))
		case !st.IsDir():
			problem = fmt.Sprintf("kan %s niet schrijven: %s is geen map", path, dir)
		}
	}
	if problem == "" {
		return true
	}
	fmt.Fprintf(stderr, "afstandswijzer %s: %s\n", cmd, problem)
	return false
}
