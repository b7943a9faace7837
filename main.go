// Command afstandswijzer helps mbo teachers decide, step by step, how they
// may use distance education in a lesson, and shows which rules apply.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/tui"
	"github.com/charmbracelet/x/term"
)

// Set by the release build through -ldflags "-X main.version=...".
var (
	version = ""
	commit  = ""
	date    = ""
)

// now is the clock for dates in handouts; tests replace it.
var now = time.Now

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
  afstandswijzer --eenvoudig           de vragenlijst als gewone regels (voor schermlezers en scripts)
  afstandswijzer --verder              ga verder met je bewaarde antwoorden, zonder dat het programma het vraagt
  afstandswijzer samenvatting --antwoorden BESTAND [--format markdown|html|json] [--uit BESTAND]
                                       maak een samenvatting van een antwoordenbestand
  afstandswijzer casus [NAAM] [--format markdown|html] [--uit BESTAND] [--antwoorden-naar BESTAND]
                                       toon de voorbeeldcasussen, of de samenvatting van één casus
  afstandswijzer vergelijk BESTAND BESTAND ... [--format markdown|html|json] [--uit BESTAND]
                                       zet 2 tot 20 antwoordenbestanden naast elkaar
  afstandswijzer controleer [--links]  controleer de inhoud (vragen, regels, bronnen); met --links ook de links
  afstandswijzer inhoud --naar MAP     schrijf de ingebouwde inhoud naar MAP om zelf aan te passen
  afstandswijzer bronnen [--format markdown|json]
                                       toon alle bronnen met hun adres
  afstandswijzer help                  toon deze hulp

Meer over één opdracht: afstandswijzer OPDRACHT --help.
`

// usageEnd closes the general help, after the options of the interview.
const usageEnd = `
Elke opdracht kent --inhoud MAP, --help en --version.
Alles blijft op je eigen computer: het programma stuurt niets naar internet.
Zonder terminal (bijvoorbeeld met invoer uit een bestand) stelt het programma
de vragen vanzelf als gewone regels en begint het opnieuw; met --verder gaat
het verder met je bewaarde antwoorden.
Afsluitcodes: 0 gelukt, 1 mislukt, 2 verkeerd gebruik of ongeldige invoer.
`

// run is main without os.Exit, so tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runTUI(args, stdin, stdout, stderr)
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
	case "casus":
		return cmdCase(rest, stdout, stderr)
	case "vergelijk":
		return cmdCompare(rest, stdout, stderr)
	case "help", "hulp":
		// The same text as --help: one place lists everything.
		return runTUI([]string{"--help"}, stdin, stdout, stderr)
	case "versie", "version":
		fmt.Fprintln(stdout, versionString())
		return exitOK
	default:
		fmt.Fprintf(stderr, "afstandswijzer: onbekende opdracht %q; geldig zijn: samenvatting, casus, vergelijk, controleer, inhoud, bronnen\nZie afstandswijzer --help.\n", cmd)
		return exitUsage
	}
}

// isTerminal reports whether r or w is a terminal (and not a pipe, a file
// or a test buffer).
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
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

// common is a Dutch flag set with the options every command shares.
type common struct {
	fs      *flag.FlagSet
	inhoud  string
	help    bool
	version bool
}

func newFlags(name string) *common {
	c := &common{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	// The flag package's own messages and listing are English and use one
	// dash; parse and printOptions write ours instead.
	c.fs.SetOutput(io.Discard)
	c.fs.Usage = func() {}
	c.fs.StringVar(&c.inhoud, "inhoud", "", "gebruik de inhoud uit `MAP` in plaats van de ingebouwde inhoud")
	c.fs.BoolVar(&c.help, "help", false, "toon deze hulp")
	c.fs.BoolVar(&c.help, "h", false, "toon deze hulp")
	c.fs.BoolVar(&c.version, "version", false, "toon de versie")
	return c
}

// prog is how messages name the command: "afstandswijzer vergelijk".
func (c *common) prog() string {
	if c.fs.Name() == "afstandswijzer" {
		return "afstandswijzer"
	}
	return "afstandswijzer " + c.fs.Name()
}

// fail reports a usage error: one line with the problem, one pointer to
// the help, so the message is not buried under the full option list.
func (c *common) fail(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "%s: %s\nZie %s --help.\n", c.prog(), fmt.Sprintf(format, args...), c.prog())
	return exitUsage
}

// printOptions lists the options in Dutch, with two dashes, the command's
// own options first and the shared ones last.
func (c *common) printOptions(w io.Writer) {
	shared := map[string]int{"inhoud": 1, "help": 2, "version": 3}
	var list []*flag.Flag
	c.fs.VisitAll(func(f *flag.Flag) {
		if f.Name != "h" {
			list = append(list, f)
		}
	})
	slices.SortStableFunc(list, func(a, b *flag.Flag) int { return shared[a.Name] - shared[b.Name] })
	const col = 24
	for _, f := range list {
		arg, text := flag.UnquoteUsage(f)
		left := "  --" + f.Name
		if arg != "" {
			left += " " + arg
		}
		if f.Name == "help" {
			left += ", -h"
		}
		if f.DefValue != "" && f.DefValue != "false" {
			text += " (standaard: " + f.DefValue + ")"
		}
		pad := strings.Repeat(" ", col)
		body := strings.TrimLeft(wrapIndent(text, pad, 79), " ")
		if len(left) >= col-1 {
			fmt.Fprintf(w, "%s\n%s%s\n", left, pad, body)
		} else {
			fmt.Fprintf(w, "%-*s%s\n", col, left, body)
		}
	}
}

// parse handles --help, --version and bad flags; done means: exit with code.
func (c *common) parse(args []string, stdout, stderr io.Writer) (code int, done bool) {
	if err := c.fs.Parse(args); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			return c.fail(stderr, "%s", dutchFlagError(err)), true
		}
		c.help = true
	}
	if c.help {
		if c.fs.Name() == "afstandswijzer" {
			fmt.Fprint(stdout, usage)
			fmt.Fprintln(stdout, "\nOpties bij de vragenlijst (afstandswijzer zonder opdracht):")
			c.printOptions(stdout)
			fmt.Fprint(stdout, usageEnd)
			return exitOK, true
		}
		fmt.Fprintf(stdout, "%s\n", strings.TrimSpace(helpTexts[c.fs.Name()]))
		fmt.Fprintln(stdout, "\nOpties:")
		c.printOptions(stdout)
		return exitOK, true
	}
	if c.version {
		fmt.Fprintln(stdout, versionString())
		return exitOK, true
	}
	if c.fs.NArg() > 0 {
		return c.fail(stderr, "onverwacht argument %q", c.fs.Arg(0)), true
	}
	return 0, false
}

// dutchFlagError translates the flag package's errors, naming options
// with two dashes as everywhere else.
func dutchFlagError(err error) string {
	msg := err.Error()
	if m := flagErrRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("ongeldige waarde %s voor --%s", m[1], m[2])
	}
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: -"):
		return "onbekende optie --" + strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
	case strings.HasPrefix(msg, "flag needs an argument: -"):
		return "optie --" + strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-") + " heeft een waarde nodig"
	}
	return msg
}

var flagErrRE = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-(\S+): `)

var helpTexts = map[string]string{
	"samenvatting": "Gebruik: afstandswijzer samenvatting --antwoorden BESTAND [--format markdown|html|json] [--uit BESTAND]\n\nMaakt een samenvatting van een antwoordenbestand (TOML). Zonder --uit komt de samenvatting op het scherm. Met --format html krijg je één HTML-bestand om uit te delen of af te drukken.",
	"casus":        "Gebruik: afstandswijzer casus [NAAM] [--format markdown|html] [--uit BESTAND] [--antwoorden-naar BESTAND]\n\nZonder NAAM: toont de voorbeeldcasussen voor een studiemiddag, met naam, titel en verhaal. Met NAAM: toont het verhaal en de samenvatting van die casus. Met --antwoorden-naar schrijf je de antwoorden van de casus naar een bestand, om aan te passen.",
	"vergelijk":    "Gebruik: afstandswijzer vergelijk BESTAND BESTAND ... [--format markdown|html|json] [--uit BESTAND]\n\nZet 2 tot 20 antwoordenbestanden naast elkaar, bijvoorbeeld één per team: alle antwoorden, of het telt als begeleide onderwijstijd, en welke regels gelden. Rijen waarin de bestanden verschillen, hebben een ≠. Een bestand dat niet klopt, wordt genoemd met de reden; de andere worden wel vergeleken, en de afsluitcode is dan 2. Is je terminal te smal voor de tabel, dan staan de antwoorden onder elkaar; --format markdown of html geeft altijd de tabel.",
	"controleer":   "Gebruik: afstandswijzer controleer [--inhoud MAP] [--links]\n\nControleert de inhoud: of de bestanden kloppen, of alle vragen, regels, bronnen en voorbeelden bereikbaar zijn, en of elk pad door de vragen eindigt in een samenvatting. Met --links ook of alle links nog werken (gebruikt internet). Afsluitcode 0 als alles klopt, 1 met een lijst van problemen.",
	"inhoud":       "Gebruik: afstandswijzer inhoud --naar MAP\n\nSchrijft de ingebouwde inhoud (TOML-bestanden) naar MAP. Pas die bestanden aan en gebruik ze met --inhoud MAP.",
	"bronnen":      "Gebruik: afstandswijzer bronnen [--format markdown|json]\n\nToont alle bronnen met hun adres, per thema.",
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

// validFormat reports an unknown --format value; true when it is valid.
func validFormat(stderr io.Writer, cmd, format string, valid ...string) bool {
	if slices.Contains(valid, format) {
		return true
	}
	fmt.Fprintf(stderr, "afstandswijzer %s: onbekend formaat %q; geldig zijn: %s\n", cmd, format, strings.Join(valid, ", "))
	return false
}

// load loads the command's content and reports broken content, which is
// bad input (exit 2) for every command but controleer.
func (c *common) load(stderr io.Writer) (*content.Content, bool) {
	ct, err := loadContent(c.inhoud)
	if err != nil {
		reportContentError(stderr, err)
		return nil, false
	}
	return ct, true
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

func runTUI(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newFlags("afstandswijzer")
	plain := c.fs.Bool("eenvoudig", false, "stel de vragen als gewone regels, zonder volledig scherm (voor schermlezers en scripts)")
	cont := c.fs.Bool("verder", false, "ga verder met je bewaarde antwoorden zonder dat het programma het vraagt (zonder deze optie begint een script opnieuw)")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	inTerm, outTerm := isTerminal(stdin), isTerminal(stdout)
	if *plain || !inTerm || !outTerm {
		// A full-screen program cannot work without a terminal on both
		// sides; the line mode can, so pipes and scripts get it.
		// Only a person at a terminal is asked whether to continue: a
		// script's first line answers question 1, so without --verder it
		// starts fresh (the old session is kept until the first answer).
		resume := tui.ResumeFresh
		switch {
		case *cont:
			resume = tui.ResumeContinue
		case inTerm:
			resume = tui.ResumeAsk
		}
		err := tui.RunPlain(tui.PlainOptions{Engine: decision.New(ct), In: stdin, Out: stdout, Err: stderr, Echo: !inTerm, Resume: resume})
		switch {
		case errors.Is(err, tui.ErrPlainInputEnded):
			return exitUsage
		case err != nil:
			fmt.Fprintf(stderr, "afstandswijzer: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	// Without --verder the full screen opens on its welcome menu, which
	// offers "Ga verder waar je was" first when there is a session.
	if err := tui.Run(tui.Options{Engine: decision.New(ct), Resume: *cont}); err != nil {
		fmt.Fprintf(stderr, "afstandswijzer: %v\n", err)
		return exitFail
	}
	return exitOK
}

func cmdSummary(args []string, stdout, stderr io.Writer) int {
	c := newFlags("samenvatting")
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
		text, err = report.HTML(s, now())
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

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	c := newFlags("controleer")
	links := c.fs.Bool("links", false, "controleer ook of alle links nog werken (gebruikt internet)")
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
	fmt.Fprintf(stdout, "  Alle %s mogelijke antwoordpaden eindigen in een samenvatting (gecontroleerd in %s stappen).\n", dutchNumber(rep.Paths), dutchNumber(big.NewInt(int64(rep.States))))
	if *links {
		return checkLinks(ct, stdout)
	}
	return exitOK
}

// dutchNumber writes n with dots between groups of three digits, as Dutch
// readers expect: 2.519.424.000.
func dutchNumber(n *big.Int) string {
	s := n.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return sign + s
}

// linkClient is replaced in tests by a client for a local test server.
var linkClient *http.Client

// checkLinks is the only place the program goes on the internet, and only
// with --links: it reports every link as fine, redirected or broken.
func checkLinks(ct *content.Content, stdout io.Writer) int {
	urls := content.UniqueURLs(ct)
	fmt.Fprintf(stdout, "\nLinks controleren (%d adressen, dit kan even duren)...\n", len(urls))
	results := content.CheckLinks(context.Background(), urls, content.LinkOptions{Client: linkClient})
	var ok, moved, broken int
	for _, r := range results {
		switch r.Status {
		case content.LinkOK:
			ok++
			fmt.Fprintf(stdout, "  werkt        %s\n", r.URL)
		case content.LinkRedirected:
			moved++
			fmt.Fprintf(stdout, "  doorgestuurd %s\n               nieuw adres: %s\n", r.URL, r.NewURL)
		default:
			broken++
			fmt.Fprintf(stdout, "  KAPOT        %s\n               %s\n", r.URL, r.Err)
		}
	}
	fmt.Fprintf(stdout, "%d werken, %d doorgestuurd, %d kapot.\n", ok, moved, broken)
	if broken > 0 {
		fmt.Fprintln(stdout, "Pas de kapotte links aan in bronnen.toml (of meta.toml) en controleer opnieuw.")
		return exitFail
	}
	return exitOK
}

func printProblems(w io.Writer, ps content.Problems) {
	fmt.Fprintf(w, "De inhoud heeft %d %s:\n", len(ps), plural(len(ps), "probleem", "problemen"))
	for _, p := range ps {
		fmt.Fprintf(w, "  - %s\n", p)
	}
}

func cmdExport(args []string, stdout, stderr io.Writer) int {
	c := newFlags("inhoud")
	dir := c.fs.String("naar", "", "schrijf de inhoud naar `MAP` (een nieuwe of lege map)")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *dir == "" {
		return c.fail(stderr, "geef een map op met --naar MAP")
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
		fmt.Fprintf(stderr, "afstandswijzer inhoud: kan de map %s niet maken: %s\n", *dir, tui.FileError(err))
		return exitFail
	}
	for _, name := range content.Files {
		data, err := fs.ReadFile(src, name)
		if err == nil {
			err = tui.WriteFileAtomic(filepath.Join(*dir, name), data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer inhoud: kan %s niet schrijven: %s\n", name, tui.FileError(err))
			return exitFail
		}
	}
	abs, _ := filepath.Abs(*dir)
	fmt.Fprintf(stdout, "De inhoud staat in %s (%d bestanden).\nPas de bestanden aan, controleer ze met:\n  afstandswijzer controleer --inhoud %s\nen gebruik ze met --inhoud %s.\n", abs, len(content.Files), *dir, *dir)
	return exitOK
}

func cmdSources(args []string, stdout, stderr io.Writer) int {
	c := newFlags("bronnen")
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

// answersFileError is why an answers file could not be used, in Dutch.
type answersFileError struct {
	path  string
	isDir bool  // a folder was given instead of a file
	read  error // set when the file could not be read
	bad   error // set when its content is wrong
}

func (e *answersFileError) Error() string {
	if e.isDir {
		return fmt.Sprintf("%s is een map, geen bestand; geef een antwoordenbestand op, bijvoorbeeld %s", e.path, filepath.Join(e.path, "antwoorden.toml"))
	}
	if e.read != nil {
		return fmt.Sprintf("kan %s niet lezen: %s", e.path, tui.FileError(e.read))
	}
	return "het antwoordenbestand klopt niet:\n" + e.bad.Error()
}

// readAnswers reads an answers file strictly. A [casus] table (title and
// story of an example case) is allowed and returned separately, so a
// trainer can use the case files with every command.
func readAnswers(e *decision.Engine, path string) (decision.Answers, content.CaseInfo, error) {
	// Check for a folder first: reading one fails with an English
	// "is a directory" that FileError does not translate.
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, content.CaseInfo{}, &answersFileError{path: path, isDir: true}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, content.CaseInfo{}, &answersFileError{path: path, read: err}
	}
	info, rest, _, err := content.SplitCase(path, data)
	if err != nil {
		return nil, info, &answersFileError{path: path, bad: err}
	}
	a, err := e.ParseAnswers(path, rest, decision.ParseOptions{})
	if err != nil {
		return nil, info, &answersFileError{path: path, bad: err}
	}
	return a, info, nil
}

// indentLines indents every line after the first, for multi-line messages.
func indentLines(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }

// parsePositional is parse for commands that take arguments: flags may
// come before, between or after them (vergelijk a.toml b.toml --format html).
func (c *common) parsePositional(args []string, stdout, stderr io.Writer) (pos []string, code int, done bool) {
	rest := args
	for {
		if err := c.fs.Parse(rest); err != nil {
			// Let parse report it: it knows help and the Dutch messages.
			code, done := c.parse(rest, stdout, stderr)
			return nil, code, done
		}
		left := c.fs.Args()
		if consumed := len(rest) - len(left); consumed > 0 && rest[consumed-1] == "--" {
			pos = append(pos, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		pos, rest = append(pos, left[0]), left[1:]
	}
	code, done = c.parse(nil, stdout, stderr)
	return pos, code, done
}

func cmdCase(args []string, stdout, stderr io.Writer) int {
	c := newFlags("casus")
	format := c.fs.String("format", "markdown", "`FORMAAT` van de uitvoer: markdown of html")
	out := c.fs.String("uit", "", outHelp)
	answersTo := c.fs.String("antwoorden-naar", "", "schrijf de antwoorden van de casus naar `BESTAND`, om aan te passen; een bestaand bestand wordt niet overschreven")
	names, code, done := c.parsePositional(args, stdout, stderr)
	if done {
		return code
	}
	cases, err := content.Cases()
	if err != nil {
		// The cases are embedded and tested: this is a build bug.
		fmt.Fprintf(stderr, "afstandswijzer casus: de ingebouwde casussen kloppen niet:\n  %s\n", indentLines(err.Error()))
		return exitFail
	}
	if len(names) == 0 {
		if *out != "" || *answersTo != "" {
			return c.fail(stderr, "geef de naam van een casus op, bijvoorbeeld: afstandswijzer casus %s", cases[0].Name)
		}
		fmt.Fprintf(stdout, "Voorbeeldcasussen voor een studiemiddag (%d):\n", len(cases))
		for _, cs := range cases {
			fmt.Fprintf(stdout, "\n%s\n  %s\n%s\n", cs.Name, cs.Title, wrapIndent(cs.Story, "  ", 78))
		}
		fmt.Fprintf(stdout, "\nBekijk een casus met: afstandswijzer casus NAAM\n")
		return exitOK
	}
	if len(names) > 1 {
		return c.fail(stderr, "geef één casus op, niet %d", len(names))
	}
	var cs *content.Case
	for _, x := range cases {
		if x.Name == names[0] {
			cs = x
		}
	}
	if cs == nil {
		fmt.Fprintf(stderr, "afstandswijzer casus: onbekende casus %q; geldig zijn: %s\n", names[0], strings.Join(content.CaseNames(cases), ", "))
		return exitUsage
	}
	if !validFormat(stderr, "casus", *format, "markdown", "html") || !outPathOK(stderr, "casus", *out) || !outPathOK(stderr, "casus", *answersTo) {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	e := decision.New(ct)
	a, err := e.ParseAnswers(cs.File, cs.Answers, decision.ParseOptions{})
	if err != nil {
		// Only possible with --inhoud: the cases follow the built-in questions.
		fmt.Fprintf(stderr, "afstandswijzer casus: de casus past niet bij deze inhoud:\n  %s\n", indentLines(err.Error()))
		return exitUsage
	}
	if *answersTo != "" {
		if _, err := os.Stat(*answersTo); err == nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: %s bestaat al; kies een nieuwe naam, dan overschrijf ik niets\n", *answersTo)
			return exitUsage
		}
		head := "# Casus: " + cs.Title + "\n" + wrapIndent(cs.Story, "# ", 78) + "\n#\n"
		if err := tui.WriteFileAtomic(*answersTo, append([]byte(head), e.FormatAnswers(a)...)); err != nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: kan %s niet schrijven: %s\n", *answersTo, tui.FileError(err))
			return exitFail
		}
		abs, _ := filepath.Abs(*answersTo)
		fmt.Fprintf(stdout, "De antwoorden van de casus %q staan in %s.\nPas ze aan en bekijk de samenvatting met:\n  afstandswijzer samenvatting --antwoorden %s\n", cs.Name, abs, *answersTo)
		return exitOK
	}
	// In a terminal, a trainer gets the case on the review screen to
	// discuss every answer and change one to show what changes.
	if !flagSet(c.fs, "format") && *out == "" && isTerminal(os.Stdin) && isTerminal(stdout) {
		if err := tui.Run(tui.Options{Engine: e, Answers: a, Title: cs.Title, SessionPath: "-"}); err != nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	md := fmt.Sprintf("> **Casus: %s**\n>\n> %s\n\n", cs.Title, cs.Story) + report.Markdown(e.Summarize(a))
	text := []byte(md)
	if *format == "html" {
		text, err = report.HTMLPage(report.Page{Title: "Casus: " + cs.Title, Markdown: md, Version: ct.Meta.Version, Date: now()})
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer casus: %v\n", err)
			return exitFail
		}
	}
	return writeOutput("casus", *out, text, stdout, stderr)
}

// writeOutput writes a result to stdout, or to path and says where.
func writeOutput(cmd, path string, text []byte, stdout, stderr io.Writer) int {
	var err error
	if path == "" {
		_, err = stdout.Write(text)
	} else if err = tui.WriteFileAtomic(path, text); err == nil {
		abs, _ := filepath.Abs(path)
		fmt.Fprintf(stderr, "Opgeslagen in %s\n", abs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer %s: kan %s niet schrijven: %s\n", cmd, cmp.Or(path, "de uitvoer"), tui.FileError(err))
		return exitFail
	}
	return exitOK
}

// wrapIndent wraps running text at width, each line starting with prefix.
func wrapIndent(s, prefix string, width int) string {
	var lines []string
	line := prefix
	for _, w := range strings.Fields(s) {
		if line != prefix && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = prefix
		}
		if line != prefix {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}

const (
	compareMin = 2
	compareMax = 20
)

func cmdCompare(args []string, stdout, stderr io.Writer) int {
	c := newFlags("vergelijk")
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
	if !outPathOK(stderr, "vergelijk", *out) {
		return exitUsage
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	e := decision.New(ct)
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
	result := e.Compare(files)
	if len(result.Columns) < compareMin {
		fmt.Fprintf(stderr, "afstandswijzer vergelijk: maar %d van de %d bestanden kon ik lezen; dat is te weinig om te vergelijken\n", len(result.Columns), len(paths))
		return exitUsage
	}
	var (
		text []byte
		err  error
	)
	switch {
	case *format == "json":
		text, err = report.CompareJSON(result)
	case *format == "html":
		text, err = report.CompareHTML(result, now())
	case *format == "" && *out == "" && isTerminal(stdout):
		f := stdout.(*os.File)
		var s string
		s, err = renderTerminal(terminalComparison(result, terminalWidth(f)), f)
		text = []byte(s)
	default:
		text = []byte(report.CompareMarkdown(result))
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer vergelijk: %v\n", err)
		return exitFail
	}
	if code := writeOutput("vergelijk", *out, text, stdout, stderr); code != exitOK {
		return code
	}
	if len(result.Failed) > 0 {
		// The others were compared, but a script must notice the gap.
		return exitUsage
	}
	return exitOK
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

// terminalWidth is the width of the terminal out, or 100 when unknown.
func terminalWidth(out *os.File) int {
	if w, _, err := term.GetSize(out.Fd()); err == nil && w > 20 {
		return w
	}
	return 100
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

// renderTerminal formats Markdown for the terminal with Glamour. The style
// is chosen once and passed explicitly (Glamour v2 has no automatic style);
// NO_COLOR with any non-empty value gives plain text.
func renderTerminal(md string, out *os.File) (string, error) {
	style := styles.DarkStyle
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		style = styles.NoTTYStyle
	} else if isTerminal(os.Stdin) && !lipgloss.HasDarkBackground(os.Stdin, out) {
		// The query needs a terminal on both sides; otherwise keep dark.
		style = styles.LightStyle
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(terminalWidth(out)))
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// flagSet reports whether the user gave flag name on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}
