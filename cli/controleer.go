package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/linkcheck"
)

func cmdCheck(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "controleer")
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
	fmt.Fprintf(stdout, "  Elke tekst zegt van wie hij is: %d van de handreiking, %d uit de wet, %d uit het vo-onderzoek van de Inspectie, %d van de wijzer zelf.\n",
		rep.Sources[content.SourceHandreiking], rep.Sources[content.SourceLaw], rep.Sources[content.SourceInspectie], rep.Sources[content.SourceWijzer])
	if *links {
		return checkLinks(env, ct)
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

// checkLinks is the only place the program goes on the internet, and only
// with --links: it reports every link as fine, redirected or broken.
func checkLinks(env *Env, ct *content.Content) int {
	stdout := env.Stdout
	urls := content.UniqueURLs(ct)
	fmt.Fprintf(stdout, "\nLinks controleren (%d adressen, dit kan even duren)...\n", len(urls))
	results := linkcheck.Check(context.Background(), urls, linkcheck.Options{Client: env.HTTP})
	var ok, moved, broken int
	for _, r := range results {
		switch r.Status {
		case linkcheck.OK:
			ok++
			fmt.Fprintf(stdout, "  werkt        %s\n", r.URL)
		case linkcheck.Redirected:
			moved++
			fmt.Fprintf(stdout, "  doorgestuurd %s\n               nieuw adres: %s\n", r.URL, r.NewURL)
		default:
			broken++
			fmt.Fprintf(stdout, "  KAPOT        %s\n               %s\n", r.URL, r.Err)
		}
	}
	fmt.Fprintf(stdout, "%d werken, %d doorgestuurd, %d kapot.\n", ok, moved, broken)
	if offline(results) {
		fmt.Fprintf(stdout, "Alle links falen op dezelfde manier (%s): waarschijnlijk is deze computer offline. Controleer je internetverbinding en probeer het opnieuw.\n", results[0].Err)
		return exitFail
	}
	if broken > 0 {
		fmt.Fprintln(stdout, "Pas de kapotte links aan in bronnen.toml (of meta.toml) en controleer opnieuw.")
		return exitFail
	}
	return exitOK
}

// offline reports whether every link failed with the same network error
// (no address, no connection, no answer): then the links are probably
// fine and the computer is not on the internet.
func offline(results []linkcheck.Result) bool {
	if len(results) < 2 {
		return false
	}
	kind := results[0].Kind
	switch kind {
	case linkcheck.KindNoAddress, linkcheck.KindNoConnection, linkcheck.KindTimeout:
	default:
		return false
	}
	for _, r := range results {
		if r.Status != linkcheck.Broken || r.Kind != kind {
			return false
		}
	}
	return true
}

// printProblems lists the first content.MaxProblems problems: a broken
// file can have thousands, and the first ones are the ones to fix.
func printProblems(w io.Writer, ps content.Problems) {
	fmt.Fprintf(w, "De inhoud heeft %d %s:\n", len(ps), plural(len(ps), "probleem", "problemen"))
	for _, p := range ps[:min(len(ps), content.MaxProblems)] {
		fmt.Fprintf(w, "  - %s\n", p)
	}
	if len(ps) > content.MaxProblems {
		fmt.Fprintf(w, "  %s\n", content.More(len(ps)-content.MaxProblems))
	}
}
