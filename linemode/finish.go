package linemode

import (
	"errors"
	"fmt"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// save writes the session atomically. A failure is reported once; the
// interview goes on, because losing the autosave is no reason to stop.
func (p *run) save() bool {
	if p.session == "" {
		return false
	}
	err := session.Save(p.session, p.eng.FormatAnswers(p.answers))
	if err != nil && !p.saveError {
		p.saveError = true
		if p.remote {
			p.say("Let op: je antwoorden konden niet worden bewaard %s (%s). Zeg het tegen de trainer.", trainerPlace, session.FileError(err))
		} else {
			p.say("Let op: je antwoorden konden niet worden bewaard in %s (%s).", p.session, session.FileError(err))
		}
	}
	return err == nil
}

// ErrUnsaved is returned when the reader finished or stopped with answers
// that could not be saved (exit code 1, as in the full-screen program).
var ErrUnsaved = errors.New("je antwoorden konden niet worden bewaard")

func (p *run) stop() error {
	p.say("")
	saved := len(p.answers) > 0 && p.save()
	switch {
	case !saved && len(p.answers) > 0 && p.session != "" && !p.remote:
		p.say("Je bent gestopt. Je antwoorden zijn niet bewaard.")
		return ErrUnsaved
	case saved && p.remote:
		p.say("Je bent gestopt. Je antwoorden zijn bewaard %s.", trainerPlace)
		p.say("Ga later verder door opnieuw in te loggen met dezelfde naam.")
	case saved:
		p.say("Je bent gestopt. Je antwoorden zijn bewaard in %s.", p.session)
		p.say("Ga later verder met: %s", ContinueCmd)
	default:
		p.say("Je bent gestopt voordat je iets hebt beantwoord. Er is niets nieuws bewaard.")
	}
	return nil
}

func (p *run) ended() error {
	if p.stopErr != nil {
		return p.stopErr
	}
	if p.readErr != nil {
		return fmt.Errorf("kan de invoer niet lezen: %w", p.readErr)
	}
	// One line each on stderr, as in invalid.
	w := p.errOut
	say := func(s string) { fmt.Fprintln(w, s) }
	saved := len(p.answers) > 0 && p.save()
	switch {
	case len(p.answers) == 0 && p.remote:
		say("De invoer is op voordat je een vraag hebt beantwoord. Er is niets nieuws bewaard.")
	case len(p.answers) == 0:
		say("De invoer is op voordat je een vraag hebt beantwoord. Er is niets nieuws bewaard.")
		say("Start opnieuw met: afstandswijzer --eenvoudig")
	case saved && p.remote:
		say("De invoer is op voordat alle vragen beantwoord zijn. Je antwoorden zijn bewaard " + trainerPlace + ".")
		say("Ga later verder door opnieuw in te loggen met dezelfde naam.")
	case saved:
		say("De invoer is op voordat alle vragen beantwoord zijn. Je antwoorden zijn bewaard in " + p.session + ".")
		say("Ga verder met: " + ContinueCmd)
	default:
		say("De invoer is op voordat alle vragen beantwoord zijn. Je antwoorden zijn niet bewaard.")
	}
	return ErrInput
}

func (p *run) finish() error {
	doc := report.Summary(p.eng.Summarize(p.answers))
	p.say("Hier is je samenvatting.")
	p.say("")
	fmt.Fprint(p.out, Text(doc, p.width))
	p.say("")
	if p.remote {
		// A file would be saved on the trainer's laptop: not offered.
		if p.save() {
			p.say("Je antwoorden zijn bewaard %s. De trainer kan de hand-out van de groep afdrukken.", trainerPlace)
		} else {
			p.say("Je antwoorden zijn niet bewaard. Zeg het tegen de trainer.")
		}
		return nil
	}
	var unsaved error
	if p.save() {
		p.say("Je antwoorden zijn bewaard in %s.", p.session)
		// The command on a line of its own, never wrapped, so it can be
		// copied whole; the terminal soft-wraps a long path.
		p.say("Maak er later opnieuw een samenvatting van met:")
		fmt.Fprintln(p.out, "  afstandswijzer samenvatting --antwoorden "+shellQuote(p.session))
	} else {
		p.say("Je antwoorden zijn niet bewaard.")
		if p.session != "" {
			unsaved = ErrUnsaved
		}
	}
	line, ok := p.read("Wil je de samenvatting opslaan als bestand? Typ ja of nee:")
	if ok && strings.HasPrefix(strings.ToLower(line), "j") {
		path, err := session.SaveNew(p.dir, "afstandswijzer-samenvatting", ".md", p.now(), []byte(doc.Markdown()))
		if err != nil {
			p.say("De samenvatting kon niet worden opgeslagen: %s.", session.FileError(err))
		} else {
			p.say("De samenvatting staat in %s.", path)
		}
	}
	return unsaved
}

// shellQuote quotes a path for copying into a shell when it has spaces.
func shellQuote(s string) string {
	if strings.ContainsAny(s, " '\"$`\\") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
