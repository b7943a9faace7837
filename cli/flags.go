package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// common is a Dutch flag set with the options every command shares.
type common struct {
	env     *Env
	fs      *flag.FlagSet
	inhoud  string
	help    bool
	version bool
}

func newFlags(env *Env, name string) *common {
	c := &common{env: env, fs: flag.NewFlagSet(name, flag.ContinueOnError)}
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
			fmt.Fprint(stdout, usage())
			fmt.Fprintln(stdout, "\nOpties bij de vragenlijst (afstandswijzer zonder opdracht):")
			c.printOptions(stdout)
			fmt.Fprint(stdout, usageEnd)
			return exitOK, true
		}
		cmd := lookup(c.fs.Name())
		fmt.Fprintf(stdout, "Gebruik: %s\n\n%s\n", cmd.synopsis(), strings.TrimSpace(cmd.Help))
		fmt.Fprintln(stdout, "\nOpties:")
		c.printOptions(stdout)
		return exitOK, true
	}
	if c.version {
		fmt.Fprintln(stdout, versionString(c.env.Build))
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
	if m := flagErrRE().FindStringSubmatch(msg); m != nil {
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

// flagErrRE is compiled on first use: package init runs on every start.
var flagErrRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-(\S+): `)
})
