package cli

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

const (
	compareMin = 2
	compareMax = 40 // a study afternoon room holds 40 (studiemiddag --max)
)

func cmdCompare(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "vergelijk")
	format := c.fs.String("format", "", "`FORMAAT` van de uitvoer: markdown, html of json (zonder --format: opgemaakt in de terminal, anders markdown)")
	out := c.fs.String("uit", "", outHelp)
	paths, code, done := c.parsePositional(args, stdout, stderr)
	if done {
		return code
	}
	if len(paths) < compareMin || len(paths) > compareMax {
		return c.fail(stderr, "geef %d tot %d antwoordenbestanden op (nu %d), bijvoorbeeld: afstandswijzer vergelijk team-a.toml team-b.toml", compareMin, compareMax, len(paths))
	}
	// No --format means: laid out for the terminal, or Markdown in a pipe.
	if *format != "" && !validFormat(stderr, "vergelijk", *format, "markdown", "html", "json") {
		return exitUsage
	}
	*out = toStdout(env, *out)
	if !outPathOK(stderr, "vergelijk", *out, append(contentInputs(c.inhoud), paths...)...) {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	e := decision.New(ct)
	result := e.Compare(readCompareFiles(e, paths, stderr))
	if len(result.Columns) < compareMin {
		fmt.Fprintf(stderr, "afstandswijzer vergelijk: maar %d van de %d bestanden kon ik lezen; dat is te weinig om te vergelijken\n", len(result.Columns), len(paths))
		return exitUsage
	}
	var (
		text []byte
		err  error
	)
	outFormat := cmp.Or(*format, "markdown")
	switch {
	case *format == "json":
		text, err = report.CompareJSON(result)
	case *format == "html":
		text, err = report.CompareHTML(result, env.Now())
	case *format == "" && *out == "" && env.IsTerminal(env.terminal):
		// Glamour's styling goes to the terminal as it is; its input was
		// sanitised (renderTerminal).
		f := env.terminal.(*os.File)
		var s string
		s, err = renderTerminal(env, terminalComparison(result, terminalWidth(f)), f)
		if err == nil {
			_, err = io.WriteString(f, s)
		}
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer vergelijk: %v\n", err)
			return exitFail
		}
		if len(result.Failed) > 0 {
			return exitUsage
		}
		return exitOK
	default:
		text = []byte(report.CompareMarkdown(result))
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer vergelijk: %v\n", err)
		return exitFail
	}
	if code := writeOutput("vergelijk", *out, outFormat, text, stdout, stderr); code != exitOK {
		return code
	}
	if len(result.Failed) > 0 {
		// The others were compared, but a script must notice the gap.
		return exitUsage
	}
	return exitOK
}

// readCompareFiles reads every answers file; one that cannot be read is
// named with its reason and left out of the comparison.
func readCompareFiles(e *decision.Engine, paths []string, stderr io.Writer) []decision.CompareFile {
	names := columnNames(paths)
	files := make([]decision.CompareFile, len(paths))
	for i, p := range paths {
		files[i].Name = names[i]
		a, _, err := readAnswers(e, p)
		if err != nil {
			files[i].Err = err.Error()
			fmt.Fprintf(stderr, "afstandswijzer vergelijk: %s telt niet mee: %s\n", p, indentLines(err.Error()))
			continue
		}
		files[i].Answers = a
	}
	return files
}

// stackedNote tells a reader of the narrow layout how to get the table.
const stackedNote = "Je venster is te smal voor een tabel, daarom staan de antwoorden onder elkaar. Met --format markdown of --format html krijg je de tabel."

// terminalComparison picks the layout for a terminal of width columns:
// Glamour squeezes a table that is too wide until words break mid-word
// and the last column is cut, so then each row is stacked instead.
func terminalComparison(c *decision.Comparison, width int) string {
	if report.CompareFits(c, width) {
		return report.CompareMarkdown(c)
	}
	return report.CompareStacked(c, stackedNote)
}

// columnNames uses each file's base name, or the path as given when two
// files share a base name (team-a/antwoorden.toml, team-b/antwoorden.toml).
func columnNames(paths []string) []string {
	count := map[string]int{}
	for _, p := range paths {
		count[filepath.Base(p)]++
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
		if count[names[i]] > 1 {
			names[i] = p
		}
	}
	return names
}
