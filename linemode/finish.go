package linemode

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// save writes the session atomically. A failure is reported once; the
// interview goes on, because losing the autosave is no reason to stop.
func (p *run) save() bool {
	if p.session == "" {
		return false
	}
	if p.keepPrev {
		// Never replace a complete session without a copy of it.
		if _, err := session.KeepComplete(p.eng, p.session); err != nil {
			if !p.saveError {
				p.saveError = true
				p.say("Let op: je vorige, complete antwoorden konden niet apart worden gezet (%s). Ik bewaar je nieuwe antwoorden daarom niet.", session.FileError(err))
			}
			return false
		}
		p.keepPrev = false
	}
	err := session.Save(p.session, p.eng.FormatAnswers(p.answers))
	if err != nil && !p.saveError {
		p.saveError = true
		if p.remote {
			p.say("Let op: je antwoorden konden niet worden bewaard %s (%s). Zeg het tegen de trainer.", trainerPlace, session.FileError(err))
		} else {
			p.say("Let op: je antwoorden konden niet worden bewaard (%s). Ze zouden hier komen:", session.FileError(err))
			p.pathLine(p.session)
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
		p.say("Je bent gestopt. Je antwoorden zijn bewaard in:")
		p.pathLine(p.session)
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
	if p.interrupted {
		// ctrl+c: a stop, on a new line after the prompt.
		p.say("")
		p.say("Je bent gestopt met ctrl+c.")
		return p.leave(p.out, "Ga later verder met: "+ContinueCmd)
	}
	// On stderr, wrapped at the width as everything else; a path stands
	// on a line of its own, whole.
	w := p.errOut
	if len(p.answers) == 0 {
		p.sayTo(w, "De invoer is op voordat je een vraag hebt beantwoord.")
	} else {
		p.sayTo(w, "De invoer is op voordat alle vragen beantwoord zijn.")
	}
	p.leave(w, "Ga verder met: "+ContinueCmd)
	return ErrInput
}

// leave says where the answers are and how to go on, on w.
func (p *run) leave(w io.Writer, next string) error {
	saved := len(p.answers) > 0 && p.save()
	switch {
	case len(p.answers) == 0 && p.remote:
		p.sayTo(w, "Er is niets nieuws bewaard.")
	case len(p.answers) == 0:
		p.sayTo(w, "Er is niets nieuws bewaard. Start opnieuw met: afstandswijzer --eenvoudig")
	case saved && p.remote:
		p.sayTo(w, "Je antwoorden zijn bewaard "+trainerPlace+".")
		p.sayTo(w, "Ga later verder door opnieuw in te loggen met dezelfde naam.")
	case saved:
		p.sayTo(w, "Je antwoorden zijn bewaard in:")
		fmt.Fprintln(w, "  "+session.ShownPath(p.session))
		p.sayTo(w, next)
	default:
		p.sayTo(w, "Je antwoorden zijn niet bewaard.")
	}
	return nil
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
		p.say("Je antwoorden zijn bewaard in:")
		p.pathLine(p.session)
		// The command on a line of its own, never wrapped, so it can be
		// copied whole; the terminal soft-wraps a long path.
		p.say("Maak er later opnieuw een samenvatting van met:")
		fmt.Fprintln(p.out, "  afstandswijzer samenvatting --antwoorden "+session.ShownPath(p.session))
	} else {
		p.say("Je antwoorden zijn niet bewaard.")
		if p.session != "" {
			unsaved = ErrUnsaved
		}
	}
	line, ok := p.read("Wil je de samenvatting opslaan als bestand? Typ ja of nee:")
	for ok && line == "" && !p.script {
		p.say("Je hebt niets getypt. Typ ja om de samenvatting op te slaan, of nee (of stop).")
		line, ok = p.read("Wil je de samenvatting opslaan als bestand? Typ ja of nee:")
	}
	if p.interrupted {
		p.say("")
		p.say("Je bent gestopt met ctrl+c. Je antwoorden zijn bewaard; de samenvatting is niet als bestand opgeslagen.")
	}
	if ok && strings.HasPrefix(strings.ToLower(line), "j") {
		path, err := session.SaveNew(p.dir, "afstandswijzer-samenvatting", ".md", p.now(), []byte(doc.Markdown()))
		if err != nil {
			p.say("De samenvatting kon niet worden opgeslagen: %s.", session.FileError(err))
		} else {
			p.say("De samenvatting staat in:")
			p.pathLine(path)
		}
	}
	return unsaved
}

// pathLine writes a path on a line of its own, indented, never wrapped
// (so it can be copied whole), quoted when it has spaces, and sanitized:
// a folder name with escape sequences must not reach the terminal.
func (p *run) pathLine(path string) {
	fmt.Fprintln(p.out, "  "+session.ShownPath(path))
}

// sayTo writes one paragraph to w, wrapped at the width between words.
func (p *run) sayTo(w io.Writer, text string) {
	fmt.Fprintln(w, wrap.Words(text, p.width))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
