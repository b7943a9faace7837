package linemode

import (
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

// resume handles the saved session, if any, as the options say. It
// returns false at end of input (only possible when it asks).
func (p *run) resume() bool {
	if p.session == "" {
		return true
	}
	a, note := session.Load(p.eng, p.session)
	if note != "" {
		if p.remote {
			// A participant has no business with the trainer's folders.
			note = strings.ReplaceAll(note, content.SanitizeLine(p.session), "de map van de trainer")
		}
		p.say("%s", note)
		p.say("")
	}
	// A note with answers names the ones a content update dropped; the
	// others are offered as usual.
	if a == nil {
		return true
	}
	done, total := session.Answered(p.eng, a)
	p.say("Je hebt eerder antwoorden bewaard: %d van ongeveer %d vragen.", done, total)
	switch p.mode {
	case ResumeContinue:
		p.answers = a
		p.say("Je gaat verder waar je was.")
		p.say("")
		return true
	case ResumeFresh:
		p.startOver(a)
		if !p.remote {
			p.say("Wil je toch verder met je oude antwoorden? Start het programma dan met: %s", ContinueCmd)
		}
		p.say("")
		return true
	}
	for {
		p.say("Wil je daarmee verder?")
		p.item("1. ", "Ja, ga verder waar je was.")
		p.item("2. ", "Nee, opnieuw beginnen. Je oude antwoorden worden overschreven bij je eerste nieuwe antwoord.")
		line, ok := p.read("Je antwoord (1 of 2):")
		if !ok {
			return false
		}
		switch strings.ToLower(line) {
		case "1", "ja", "j":
			p.answers = a
			p.say("")
			return true
		case "2", "nee", "n":
			p.keepPrev = session.IsComplete(p.eng, a)
			p.say("")
			return true
		case "stop", "stoppen":
			p.quit = true
			return false
		case "":
			p.say("Je hebt niets getypt. Typ 1 om verder te gaan, 2 om opnieuw te beginnen, of stop.")
			continue
		}
		p.say("Dat begrijp ik niet: %q. Typ 1 of 2, of stop.", line)
	}
}

// startOver says that a script starts at question 1, and what happens
// with the saved answers a: a complete set is kept as a copy.
func (p *run) startOver(a decision.Answers) {
	p.keepPrev = session.IsComplete(p.eng, a)
	switch {
	case p.keepPrev && p.remote:
		p.say("Je begint opnieuw. Je vorige antwoorden waren compleet; die blijven bewaard %s.", trainerPlace)
	case p.keepPrev:
		p.say("Je begint opnieuw. Je vorige antwoorden waren compleet. Bij je eerste nieuwe antwoord komt er een kopie van in:")
		p.pathLine(p.session + session.PreviousSuffix)
	default:
		p.say("Je begint opnieuw. Je oude antwoorden worden pas overschreven bij je eerste nieuwe antwoord.")
	}
}
