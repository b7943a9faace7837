// Package cli is the command line of afstandswijzer: one Command per
// file, each run with an Env instead of package globals, so tests give
// every command its own input, output, clock and network client.
//
// It may import every package below it; only main imports cli.
package cli

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// Env is everything a command touches besides its arguments.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Now gives dates for hand-outs and file names.
	Now func() time.Time
	// HTTP is the client of controleer --links, the only network use.
	HTTP *http.Client
	// IsTerminal reports whether a reader or writer is a terminal.
	IsTerminal func(f any) bool
	// LookupEnv reads an environment variable (NO_COLOR, TERM).
	LookupEnv func(string) (string, bool)
	// Build is the version information stamped by the release build.
	Build Build

	// terminal is Stdout as given, before Main wrapped it in the output
	// boundary: for the is-terminal checks and for Glamour's styled text.
	terminal io.Writer
}

// Build is what the release build stamps into main through -ldflags.
type Build struct {
	Version, Commit, Date string
}

// OSEnv is the Env of a real run.
func OSEnv(b Build) *Env {
	return &Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Now:        time.Now,
		HTTP:       nil,
		IsTerminal: isTerminal,
		LookupEnv:  os.LookupEnv,
		Build:      b,
	}
}

// isTerminal reports whether f is a terminal (and not a pipe, a file or a
// test buffer).
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

// Command is one subcommand, as in Go's cmd/go: its name, its help and
// the function that runs it.
type Command struct {
	Name string
	// Aliases are other names that run the same command.
	Aliases []string
	// Args is what follows the name in the synopsis ("--naar MAP").
	Args string
	// Short is the line of the general help (afstandswijzer --help).
	Short string
	// Help is the text of NAME --help after the synopsis, before the list
	// of options.
	Help string
	Run  func(env *Env, args []string) int
}

// synopsis is the command as typed: "afstandswijzer NAAM ARGS".
func (c *Command) synopsis() string {
	return strings.TrimSpace("afstandswijzer " + c.Name + " " + c.Args)
}

// commands lists every subcommand in the order of the general help. A
// function, not a variable: the help command refers back to this list.
func commands() []*Command {
	return []*Command{
		{Name: "samenvatting", Run: cmdSummary, Args: "--antwoorden BESTAND [--format markdown|html|json] [--uit BESTAND]", Short: "maak een samenvatting van een antwoordenbestand",
			Help: "Maakt een samenvatting van een antwoordenbestand (TOML). Zonder --uit komt de samenvatting op het scherm. Met --format html krijg je één HTML-bestand om uit te delen of af te drukken."},
		{Name: "casus", Run: cmdCase, Args: "[NAAM] [--format markdown|html] [--uit BESTAND] [--antwoorden-naar BESTAND]", Short: "toon de voorbeeldcasussen, of de samenvatting van één casus",
			Help: "Zonder NAAM: toont de voorbeeldcasussen voor een studiemiddag, met naam, titel en verhaal. Met NAAM: toont het verhaal en de samenvatting van die casus. Met --antwoorden-naar schrijf je de antwoorden van de casus naar een bestand, om aan te passen."},
		{Name: "vergelijk", Run: cmdCompare, Args: "BESTAND BESTAND ... [--format markdown|html|json] [--uit BESTAND]", Short: "zet 2 tot 40 antwoordenbestanden naast elkaar",
			Help: "Zet 2 tot 40 antwoordenbestanden naast elkaar, bijvoorbeeld één per team of alle bestanden van een studiemiddag: alle antwoorden, of het kan meetellen als begeleide onderwijstijd, en welke regels gelden. Rijen waarin de bestanden verschillen, hebben een ≠. Een bestand dat niet klopt, wordt genoemd met de reden; de andere worden wel vergeleken, en de afsluitcode is dan 2. Is je terminal te smal voor de tabel, dan staan de antwoorden onder elkaar; --format markdown of html geeft altijd de tabel."},
		{Name: "ronde", Run: cmdRound, Args: "BESTAND ... [--format markdown|html|json] [--uit BESTAND] [--casus NAAM]", Short: "toon een ronde van een studiemiddag per vraag, zonder namen",
			Help: roundHelp},
		{Name: "controleer", Run: cmdCheck, Args: "[--links]", Short: "controleer de inhoud (vragen, regels, bronnen); met --links ook de links",
			Help: "Controleert de inhoud: of de bestanden kloppen, of alle vragen, regels, bronnen en voorbeelden bereikbaar zijn, en of elk pad door de vragen eindigt in een samenvatting. Met --links ook of alle links nog werken (gebruikt internet). Afsluitcode 0 als alles klopt, 1 met een lijst van problemen."},
		{Name: "inhoud", Run: cmdExport, Args: "--naar MAP", Short: "schrijf de ingebouwde inhoud naar MAP om zelf aan te passen",
			Help: "Schrijft de ingebouwde inhoud (TOML-bestanden) naar MAP. Pas die bestanden aan en gebruik ze met --inhoud MAP."},
		{Name: "bronnen", Run: cmdSources, Args: "[--format markdown|json]", Short: "toon alle bronnen met hun adres",
			Help: "Toont alle bronnen met hun adres, per thema."},
		{Name: "studiemiddag", Run: cmdStudiemiddag, Args: "[--adres HOST:POORT] [--code CODE] [--map MAP] [--casus NAAM] [--max N]", Short: "laat een zaal meedoen via ssh, met een overzicht voor de trainer",
			Help: "Laat een zaal meedoen via ssh: elke deelnemer typt één regel (ssh -p 2323 naam@adres) en krijgt de vragenlijst in zijn eigen terminal, zonder iets te installeren. Jij ziet op je scherm de code van de zaal, wie meedoet, hoe ver iedereen is en welke regels gelden. De antwoorden komen in MAP; vergelijk ze daarna met afstandswijzer vergelijk MAP/*.toml."},
		{Name: "begrippen", Run: cmdGlossary, Args: "[--format markdown|json]", Short: "leg de woorden uit de regels uit (BOT, OER, instemmingsrecht, ...)",
			Help: "Legt de woorden uit die in de regels staan, zoals begeleide onderwijstijd (BOT), OER en instemmingsrecht, met de bron van elke uitleg."},
		{Name: "versie", Aliases: []string{"version"}, Run: cmdVersion, Args: "", Short: "toon de versie",
			Help: "Toont de versie van het programma."},
		{Name: "help", Aliases: []string{"hulp"}, Run: cmdHelp, Args: "", Short: "toon deze hulp",
			Help: "Toont de hulp bij alle opdrachten."},
	}
}

// lookup finds a command by name or alias.
func lookup(name string) *Command {
	for _, c := range commands() {
		if c.Name == name {
			return c
		}
		for _, a := range c.Aliases {
			if a == name {
				return c
			}
		}
	}
	return nil
}

// usageHead opens the general help; the commands follow, from the table.
const usageHead = `afstandswijzer: bepaal stap voor stap hoe je afstandsonderwijs mag inzetten in je mbo-les.

Gebruik:
  afstandswijzer                       start de vragenlijst (in het terminalvenster)
  afstandswijzer --eenvoudig           de vragenlijst als gewone regels (voor schermlezers en scripts)
  afstandswijzer --verder              ga verder met je bewaarde antwoorden, zonder dat het programma het vraagt
`

// usageCol is where the short descriptions start in the general help.
const usageCol = 39

// usage is the general help: generated from the command table, so a new
// command cannot be left out.
func usage() string {
	var b strings.Builder
	b.WriteString(usageHead)
	for _, c := range commands() {
		left := "  " + c.synopsis()
		if len(left) < usageCol {
			fmt.Fprintf(&b, "%-*s%s\n", usageCol, left, c.Short)
		} else {
			fmt.Fprintf(&b, "%s\n%s%s\n", left, strings.Repeat(" ", usageCol), c.Short)
		}
	}
	b.WriteString("\nMeer over één opdracht: afstandswijzer OPDRACHT --help.\n")
	return b.String()
}

// usageEnd closes the general help, after the options of the interview.
const usageEnd = `
Elke opdracht kent --inhoud MAP, --help en --version.
Alles blijft op je eigen computer: het programma stuurt niets naar internet.
Zonder terminal (bijvoorbeeld met invoer uit een bestand) stelt het programma
de vragen vanzelf als gewone regels en begint het opnieuw; met --verder gaat
het verder met je bewaarde antwoorden.
Afsluitcodes: 0 gelukt, 1 mislukt, 2 verkeerd gebruik of ongeldige invoer.
`

// Main runs the program with args (without the program name) and returns
// the exit code.
func Main(args []string, env *Env) int {
	// The output boundary: every byte a command prints is sanitised.
	e := *env
	e.terminal = env.Stdout
	e.Stdout, e.Stderr = safeWriter{env.Stdout}, safeWriter{env.Stderr}
	env = &e
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.IsTerminal == nil {
		env.IsTerminal = isTerminal
	}
	if env.LookupEnv == nil {
		env.LookupEnv = func(string) (string, bool) { return "", false }
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runTUI(env, args)
	}
	c := lookup(args[0])
	if c == nil {
		var names []string
		for _, c := range commands() {
			names = append(names, c.Name)
		}
		fmt.Fprintf(env.Stderr, "afstandswijzer: onbekende opdracht %q; geldig zijn: %s\nZie afstandswijzer --help.\n", args[0], strings.Join(names, ", "))
		return exitUsage
	}
	return c.Run(env, args[1:])
}

// cmdHelp prints the same text as --help: one place lists everything.
func cmdHelp(env *Env, args []string) int {
	return runTUI(env, []string{"--help"})
}

func cmdVersion(env *Env, args []string) int {
	fmt.Fprintln(env.Stdout, versionString(env.Build))
	return exitOK
}
