package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/room"
)

// cmdStudiemiddag serves the questionnaire over SSH to a room of
// participants, with a dashboard for the trainer.
func cmdStudiemiddag(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "studiemiddag")
	addr := c.fs.String("adres", room.DefaultAddr, "luister op `HOST:POORT`")
	code := c.fs.String("code", "", "de `CODE` van de zaal (zonder deze optie: zes willekeurige tekens)")
	dir := c.fs.String("map", "", "`MAP` voor de antwoorden (zonder deze optie: studiemiddag-JJJJ-MM-DD in de huidige map)")
	casus := c.fs.String("casus", "", "iedereen begint met de antwoorden van casus `NAAM`")
	maxN := c.fs.Int("max", room.DefaultMax, "hoeveel deelnemers tegelijk mogen meedoen (`N`)")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	// Wrong use is found before anything starts: no folder, key or
	// listener for options that cannot work.
	for _, err := range []error{room.CheckAddr(*addr), checkOptionalCode(*code), room.CheckMax(*maxN)} {
		if err != nil {
			return c.fail(stderr, "%s", err)
		}
	}
	ct, ok := c.load(stderr)
	if !ok {
		return exitUsage
	}
	e := decision.New(ct)
	// At a terminal the dashboard draws with its own escape sequences, so
	// it gets the terminal itself (it shows only what it sanitised);
	// otherwise its lines pass the output boundary.
	isTerm := env.IsTerminal(env.Stdin) && env.IsTerminal(env.terminal)
	out := stdout
	if isTerm {
		out = env.terminal
	}
	cfg := room.Config{Engine: e, Addr: *addr, Code: *code, Dir: *dir, Max: *maxN,
		Stdin: env.Stdin, Stdout: out, Stderr: stderr, Now: env.Now,
		IsTerminal: isTerm}
	if v, ok := env.LookupEnv("NO_COLOR"); ok && v != "" {
		cfg.NoColor = true
	}
	cases, err := content.Cases()
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer studiemiddag: de ingebouwde casussen kloppen niet:\n  %s\n", indentLines(err.Error()))
		return exitFail
	}
	if code, ok := roomCases(c, stderr, e, cases, *casus, &cfg); !ok {
		return code
	}
	// Closing the trainer's terminal window (SIGHUP) or a shutdown
	// (SIGTERM) stops the room as q does: goodbye screens, files
	// complete, exit 0.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	if err := room.Run(ctx, cfg); err != nil {
		if ue, ok := errors.AsType[*room.UsageError](err); ok {
			return c.fail(stderr, "%s", ue.Msg)
		}
		fmt.Fprintf(stderr, "afstandswijzer studiemiddag: %v\n", err)
		return exitFail
	}
	return exitOK
}

// checkOptionalCode checks --code when given; without it the room gets a
// random code.
func checkOptionalCode(code string) error {
	if code == "" {
		return nil
	}
	return room.CheckCode(code)
}

// roomCases gives the room the cases a round can start with, and with
// --casus the first round's. A case that does not fit other content
// (--inhoud) is left out of the rounds; with --casus it is an error.
func roomCases(c *common, stderr io.Writer, e *decision.Engine, cases []*content.Case, casus string, cfg *room.Config) (int, bool) {
	found := casus == ""
	for _, cs := range cases {
		a, err := e.ParseAnswers(cs.File, cs.Answers, decision.ParseOptions{})
		if cs.Name == casus {
			found = true
			if err != nil {
				fmt.Fprintf(stderr, "afstandswijzer studiemiddag: de casus past niet bij deze inhoud:\n  %s\n", indentLines(err.Error()))
				return exitUsage, false
			}
			cfg.CaseName, cfg.CaseTitle, cfg.CaseStory, cfg.CaseAnswers = cs.Name, cs.Title, cs.Story, a
		}
		if err == nil {
			cfg.Cases = append(cfg.Cases, room.Case{Name: cs.Name, Title: cs.Title, Story: cs.Story, Answers: a})
		}
	}
	if !found {
		return c.fail(stderr, "onbekende casus %q; geldig zijn: %s", casus, strings.Join(content.CaseNames(cases), ", ")), false
	}
	return 0, true
}
