// Command afstandswijzer helps mbo teachers decide, step by step, how they
// may use distance education in a lesson, and shows which rules apply.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/tui"
)

// Set by the release build through -ldflags "-X main.version=...".
var (
	version = ""
	commit  = ""
	date    = ""
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `afstandswijzer: bepaal stap voor stap hoe je afstandsonderwijs mag inzetten in je mbo-les.

Gebruik:
  afstandswijzer                       start de vragenlijst (in het terminalvenster)
  afstandswijzer samenvatting --antwoorden BESTAND [--format markdown|json] [--uit BESTAND]
                                       maak een samenvatting van een antwoordenbestand
  afstandswijzer controleer            controleer de inhoud (vragen, regels, bronnen)
  afstandswijzer inhoud --naar MAP     schrijf de ingebouwde inhoud naar MAP om zelf aan te passen
  afstandswijzer bronnen [--format markdown|json]
                                       toon alle bronnen met hun adres

Opties voor elke opdracht:
  --inhoud MAP   gebruik de inhoud uit MAP in plaats van de ingebouwde inhoud
  --help         toon deze hulp
  --version      toon de versie

Alles blijft op je eigen computer: het programma stuurt niets naar internet.
Afsluitcodes: 0 gelukt, 1 mislukt, 2 verkeerd gebruik of ongeldige invoer.
`

// run is main without os.Exit, so tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runTUI(args, stdout, stderr)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "samenvatting":
		return cmdSummary(rest, stdout, stderr)
	case "controleer":
		return cmdCheck(rest, stdout, stderr)
	case "inhoud":
		return cmdExport(rest, stdout, stderr)
	case "bronnen":
		return cmdSources(rest, stdout, stderr)
	case "help", "hulp":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "versie", "version":
		fmt.Fprintln(stdout, versionString())
		return exitOK
	default:
		fmt.Fprintf(stderr, "afstandswijzer: onbekende opdracht %q; geldig zijn: samenvatting, controleer, inhoud, bronnen (zie afstandswijzer --help)\n", cmd)
		return exitUsage
	}
}

// versionString reports the stamped version, or what the Go toolchain
// recorded for a `go install` build.
func versionString() string {
	v, c := version, commit
	if v == "" {
		if info, ok := debug.ReadBuildInfo(); ok {
			if info.Main.Version != "" && info.Main.Version != "(devel)" {
				v = info.Main.Version
			}
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" && c == "" {
					c = s.Value
				}
			}
		}
	}
	if v == "" {
		v = "ontwikkelversie (gebouwd uit de broncode)"
	}
	out := "afstandswijzer " + v
	if c != "" {
		if len(c) > 12 {
			c = c[:12]
		}
		out += " (commit " + c + ")"
	}
	if date != "" {
		out += ", " + date
	}
	return out
}

// flags builds a Dutch flag set with the options every command shares.
type common struct {
	fs      *flag.FlagSet
	inhoud  string
	help    bool
	version bool
}

func newFlags(name, synopsis string, stderr io.Writer) *common {
	c := &common{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.SetOutput(io.Discard)
	c.fs.StringVar(&c.inhoud, "inhoud", "", "gebruik de inhoud uit deze `MAP` in plaats van de ingebouwde inhoud")
	c.fs.BoolVar(&c.help, "help", false, "toon deze hulp")
	c.fs.BoolVar(&c.help, "h", false, "toon deze hulp")
	c.fs.BoolVar(&c.version, "version", false, "toon de versie")
	c.fs.Usage = func() {
		fmt.Fprintf(stderr, "Gebruik: %s\n\nOpties:\n", synopsis)
		c.fs.SetOutput(stderr)
		c.fs.PrintDefaults()
		c.fs.SetOutput(io.Discard)
	}
	return c
}

// parse handles --help, --version and bad flags; done means: exit with code.
func (c *common) parse(args []string, stdout, stderr io.Writer) (code int, done bool) {
	if err := c.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.help = true
		} else {
			fmt.Fprintf(stderr, "afstandswijzer %s: %s\n", c.fs.Name(), dutchFlagError(err))
			c.fs.Usage()
			return exitUsage, true
		}
	}
	if c.help {
		c.fs.SetOutput(stdout)
		old := c.fs.Usage
		c.fs.Usage = func() {}
		fmt.Fprintf(stdout, "%s\n", strings.TrimSpace(helpTexts[c.fs.Name()]))
		fmt.Fprintln(stdout, "\nOpties:")
		c.fs.PrintDefaults()
		c.fs.Usage = old
		return exitOK, true
	}
	if c.version {
		fmt.Fprintln(stdout, versionString())
		return exitOK, true
	}
	if c.fs.NArg() > 0 {
		fmt.Fprintf(stderr, "afstandswijzer %s: onverwacht argument %q\n", c.fs.Name(), c.fs.Arg(0))
		c.fs.Usage()
		return exitUsage, true
	}
	return 0, false
}

func dutchFlagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "onbekende optie " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "optie " + strings.TrimPrefix(msg, "flag needs an argument: ") + " heeft een waarde nodig"
	}
	return msg
}

var helpTexts = map[string]string{
	"afstandswijzer": "Gebruik: afstandswijzer [--inhoud MAP]\n\nStart de vragenlijst. Je beantwoordt een paar vragen over je les en krijgt een samenvatting: welke regels gelden, wie wat beslist, of het telt als begeleide onderwijstijd, en waar je hulp vindt.",
	"samenvatting":   "Gebruik: afstandswijzer samenvatting --antwoorden BESTAND [--format markdown|json] [--uit BESTAND]\n\nMaakt een samenvatting van een antwoordenbestand (TOML). Zonder --uit komt de samenvatting op het scherm.",
	"controleer":     "Gebruik: afstandswijzer controleer [--inhoud MAP]\n\nControleert de inhoud: of de bestanden kloppen, of alle vragen, regels, bronnen en voorbeelden bereikbaar zijn, en of elk pad door de vragen eindigt in een samenvatting. Afsluitcode 0 als alles klopt, 1 met een lijst van problemen.",
	"inhoud":         "Gebruik: afstandswijzer inhoud --naar MAP\n\nSchrijft de ingebouwde inhoud (TOML-bestanden) naar MAP. Pas die bestanden aan en gebruik ze met --inhoud MAP.",
	"bronnen":        "Gebruik: afstandswijzer bronnen [--format markdown|json]\n\nToont alle bronnen met hun adres, per thema.",
}

// loadContent loads the embedded content or the folder given with --inhoud.
// Broken content is bad input: the caller exits 2.
func loadContent(dir string) (*content.Content, error) {
	if dir == "" {
		return content.Load(content.Default())
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("de inhoudsmap %q bestaat niet of is geen map", dir)
	}
	c, err := content.Load(os.DirFS(dir))
	var ps content.Problems
	if errors.As(err, &ps) {
		// Name files with the folder, so the reader knows which copy is wrong.
		for i := range ps {
			ps[i].File = filepath.Join(dir, ps[i].File)
		}
		return nil, ps
	}
	return c, err
}

func reportContentError(stderr io.Writer, err error) {
	var ps content.Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(stderr, "afstandswijzer: de inhoud heeft %d %s:\n", len(ps), plural(len(ps), "probleem", "problemen"))
		for _, p := range ps {
			fmt.Fprintf(stderr, "  %s\n", p)
		}
		return
	}
	fmt.Fprintf(stderr, "afstandswijzer: %v\n", err)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func runTUI(args []string, stdout, stderr io.Writer) int {
	c := newFlags("afstandswijzer", "afstandswijzer [--inhoud MAP]", stderr)
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	ct, err := loadContent(c.inhoud)
	if err != nil {
		reportContentError(stderr, err)
		return exitUsage
	}
	if err := tui.Run(tui.Options{Engine: decision.New(ct)}); err != nil {
		fmt.Fprintf(stderr, "afstandswijzer: %v\n", err)
		return exitFail
	}
	return exitOK
}

func cmdSummary(args []string, stdout, stderr io.Writer) int {
	c := newFlags("samenvatting", "afstandswijzer samenvatting --antwoorden BESTAND [--format markdown|json] [--uit BESTAND]", stderr)
	answersPath := c.fs.String("antwoorden", "", "het antwoordenbestand (`BESTAND`, TOML)")
	format := c.fs.String("format", "markdown", "uitvoer: `markdown` of json")
	out := c.fs.String("uit", "", "schrijf de samenvatting naar dit `BESTAND` in plaats van naar het scherm")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *answersPath == "" {
		fmt.Fprintln(stderr, "afstandswijzer samenvatting: geef een antwoordenbestand op met --antwoorden BESTAND")
		return exitUsage
	}
	if *format != "markdown" && *format != "json" {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: onbekend formaat %q; geldig zijn: markdown, json\n", *format)
		return exitUsage
	}
	ct, err := loadContent(c.inhoud)
	if err != nil {
		reportContentError(stderr, err)
		return exitUsage
	}
	e := decision.New(ct)
	data, err := os.ReadFile(*answersPath)
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: kan %s niet lezen: %s\n", *answersPath, describeFileError(err))
		return exitUsage
	}
	answers, err := e.ParseAnswers(*answersPath, data, decision.ParseOptions{})
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: het antwoordenbestand klopt niet:\n")
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(stderr, "  %s\n", line)
		}
		return exitUsage
	}
	s := e.Summarize(answers)
	if !s.Complete {
		var open []string
		for _, q := range e.Visible(answers) {
			if !answers.Has(q.ID) {
				open = append(open, q.ID)
			}
		}
		fmt.Fprintf(stderr, "Let op: nog niet beantwoord: %s. De samenvatting is voorlopig.\n", strings.Join(open, ", "))
	}
	var text []byte
	if *format == "json" {
		text, err = s.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer samenvatting: %v\n", err)
			return exitFail
		}
	} else {
		text = []byte(s.Markdown())
	}
	if *out == "" {
		_, err = stdout.Write(text)
	} else {
		err = writeFileAtomic(*out, text)
		if err == nil {
			abs, _ := filepath.Abs(*out)
			fmt.Fprintf(stderr, "Samenvatting opgeslagen in %s\n", abs)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer samenvatting: kan niet schrijven: %s\n", describeFileError(err))
		return exitFail
	}
	return exitOK
}

func describeFileError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "het bestand of de map bestaat niet"
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// writeFileAtomic writes through a temp file in the same folder and a
// rename, so a crash never leaves half a file where a good one was.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	c := newFlags("controleer", "afstandswijzer controleer [--inhoud MAP]", stderr)
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	ct, err := loadContent(c.inhoud)
	if err != nil {
		var ps content.Problems
		if !errors.As(err, &ps) {
			fmt.Fprintf(stderr, "afstandswijzer controleer: %v\n", err)
			return exitUsage
		}
		printProblems(stdout, ps)
		return exitFail
	}
	rep := decision.New(ct).Check()
	if len(rep.Problems) > 0 {
		printProblems(stdout, rep.Problems)
		return exitFail
	}
	where := "ingebouwde inhoud"
	if c.inhoud != "" {
		where = c.inhoud
	}
	fmt.Fprintf(stdout, "De inhoud klopt (%s, versie %s).\n", where, ct.Meta.Version)
	fmt.Fprintf(stdout, "  %d vragen, %d regels, %d partijen, %d acties, %d bronnen, %d voorbeelden: alles is bereikbaar.\n",
		len(ct.Questions), len(ct.Rules), len(ct.Parties), len(ct.Actions), len(ct.Resources), len(ct.Examples))
	fmt.Fprintf(stdout, "  Alle %s mogelijke antwoordpaden eindigen in een samenvatting (%d toestanden doorlopen).\n", rep.Paths.String(), rep.States)
	return exitOK
}

func printProblems(w io.Writer, ps content.Problems) {
	fmt.Fprintf(w, "De inhoud heeft %d %s:\n", len(ps), plural(len(ps), "probleem", "problemen"))
	for _, p := range ps {
		fmt.Fprintf(w, "  - %s\n", p)
	}
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	c := newFlags("inhoud", "afstandswijzer inhoud --naar MAP", stderr)
	dir := c.fs.String("naar", "", "schrijf de inhoud naar deze `MAP`")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "afstandswijzer inhoud: geef een map op met --naar MAP")
		return exitUsage
	}
	src := content.Default()
	if c.inhoud != "" {
		if _, err := loadContent(c.inhoud); err != nil {
			reportContentError(stderr, err)
			return exitUsage
		}
		src = os.DirFS(c.inhoud)
	}
	// Never overwrite: an institution's edited copy is worth more than ours.
	for _, name := range content.Files {
		if _, err := os.Stat(filepath.Join(*dir, name)); err == nil {
			fmt.Fprintf(stderr, "afstandswijzer inhoud: %s bestaat al; kies een lege of nieuwe map, dan overschrijf ik niets\n", filepath.Join(*dir, name))
			return exitUsage
		}
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "afstandswijzer inhoud: kan de map %s niet maken: %s\n", *dir, describeFileError(err))
		return exitFail
	}
	for _, name := range content.Files {
		data, err := fs.ReadFile(src, name)
		if err == nil {
			err = writeFileAtomic(filepath.Join(*dir, name), data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer inhoud: kan %s niet schrijven: %s\n", name, describeFileError(err))
			return exitFail
		}
	}
	abs, _ := filepath.Abs(*dir)
	fmt.Fprintf(stdout, "De inhoud staat in %s (%d bestanden).\nPas de bestanden aan, controleer ze met:\n  afstandswijzer controleer --inhoud %s\nen gebruik ze met --inhoud %s.\n", abs, len(content.Files), *dir, *dir)
	return exitOK
}

func cmdSources(args []string, stdout, stderr io.Writer) int {
	c := newFlags("bronnen", "afstandswijzer bronnen [--format markdown|json]", stderr)
	format := c.fs.String("format", "markdown", "uitvoer: `markdown` of json")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *format != "markdown" && *format != "json" {
		fmt.Fprintf(stderr, "afstandswijzer bronnen: onbekend formaat %q; geldig zijn: markdown, json\n", *format)
		return exitUsage
	}
	ct, err := loadContent(c.inhoud)
	if err != nil {
		reportContentError(stderr, err)
		return exitUsage
	}
	if *format == "json" {
		data, err := decision.SourcesJSON(ct)
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer bronnen: %v\n", err)
			return exitFail
		}
		stdout.Write(data)
		return exitOK
	}
	fmt.Fprint(stdout, decision.SourcesMarkdown(ct))
	return exitOK
}
