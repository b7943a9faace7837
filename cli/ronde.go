package cli

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

// roundMax bounds the files of one round: a room of 500 with room to
// spare, so a wrong glob (a whole home folder) is refused, not read.
const roundMax = 1000

const roundHelp = "Maakt van de antwoordenbestanden van een ronde (bijvoorbeeld MAP/*.toml, of alleen MAP) wat de beamer liet zien: per vraag hoeveel deelnemers elk antwoord gaven, met procenten, wat de handreiking over de vraag zegt, welke regels ervan afhangen en of het als begeleide onderwijstijd kan meetellen. Zonder namen. Met --format html krijg je een hand-out om uit te delen of af te drukken. Een bestand dat niet klopt, wordt genoemd met de reden; de andere tellen wel mee, en de afsluitcode is dan 2."

func cmdRound(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "ronde")
	format := c.fs.String("format", "", "`FORMAAT` van de uitvoer: markdown, html of json (zonder --format: opgemaakt in de terminal, anders markdown)")
	out := c.fs.String("uit", "", outHelp)
	caseName := c.fs.String("casus", "", "zet `NAAM` als casus boven de ronde (zonder --casus: de titel van de casus in de bestanden, als die overal dezelfde is)")
	paths, code, done := c.parsePositional(args, stdout, stderr)
	if done {
		return code
	}
	paths, err := roundFiles(paths)
	if err != nil {
		return c.fail(stderr, "%s", err)
	}
	if len(paths) == 0 || len(paths) > roundMax {
		return c.fail(stderr, "geef 1 tot %d antwoordenbestanden op (nu %d), bijvoorbeeld: afstandswijzer ronde studiemiddag/*.toml", roundMax, len(paths))
	}
	if *format != "" && !validFormat(stderr, "ronde", *format, "markdown", "html", "json") {
		return exitUsage
	}
	// "-" and standard output by its path write to standard output, as
	// in the other commands.
	*out = toStdout(env, *out)
	if !outPathOK(stderr, "ronde", *out, append(contentInputs(c.inhoud), paths...)...) {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	e := decision.New(ct)
	var (
		people []decision.Participant
		failed []decision.CompareFile
		titles = map[string]bool{}
	)
	names := columnNames(paths)
	for i, p := range paths {
		a, info, err := readAnswers(e, p)
		if err != nil {
			failed = append(failed, decision.CompareFile{Name: p, Err: err.Error()})
			fmt.Fprintf(stderr, "afstandswijzer ronde: %s telt niet mee: %s\n", p, indentLines(err.Error()))
			continue
		}
		titles[info.Title] = true
		people = append(people, decision.Participant{Name: names[i], Answers: a})
	}
	if len(people) == 0 {
		fmt.Fprintf(stderr, "afstandswijzer ronde: geen van de %d bestanden kon ik lezen\n", len(paths))
		return exitUsage
	}
	name := *caseName
	if name == "" && len(titles) == 1 {
		for t := range titles {
			name = t
		}
	}
	r := report.NewRound(e, name, people)
	r.Failed = failed
	return writeRound(env, r, *format, *out, len(failed) > 0)
}

// writeRound writes the round in format; a round with files left out
// exits 2 after writing, so a script notices the gap.
func writeRound(env *Env, r report.Round, format, out string, gap bool) int {
	stderr := env.Stderr
	var (
		text []byte
		err  error
	)
	switch {
	case format == "json":
		text, err = report.RoundJSON(r)
	case format == "html":
		text, err = report.RoundHTML(r, env.Now())
	case format == "" && out == "" && env.IsTerminal(env.terminal):
		f := env.terminal.(*os.File)
		var s string
		if s, err = renderTerminal(env, report.RoundMarkdown(r), f); err == nil {
			_, err = io.WriteString(f, s)
		}
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer ronde: %v\n", err)
			return exitFail
		}
		return map[bool]int{false: exitOK, true: exitUsage}[gap]
	default:
		text = []byte(report.RoundMarkdown(r))
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer ronde: %v\n", err)
		return exitFail
	}
	if code := writeOutput("ronde", out, cmp.Or(format, "markdown"), text, env.Stdout, stderr); code != exitOK {
		return code
	}
	if gap {
		return exitUsage
	}
	return exitOK
}

// roundFiles expands one folder to its .toml files, sorted: on Windows
// the shell does not expand MAP\*.toml, so the folder itself is enough.
func roundFiles(paths []string) ([]string, error) {
	if len(paths) != 1 {
		return paths, nil
	}
	st, err := os.Stat(paths[0])
	if err != nil || !st.IsDir() {
		return paths, nil
	}
	entries, err := os.ReadDir(paths[0])
	if err != nil {
		return nil, fmt.Errorf("kan de map %s niet lezen: %s", paths[0], fileReason(err))
	}
	// ReadDir, not Glob: a folder name with [ or * is not a pattern.
	var files []string
	for _, en := range entries {
		if !en.IsDir() && strings.EqualFold(filepath.Ext(en.Name()), ".toml") {
			files = append(files, filepath.Join(paths[0], en.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("in de map %s staan geen antwoordenbestanden (.toml)", paths[0])
	}
	slices.Sort(files)
	return files, nil
}
