package tui

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
	"github.com/afstandswijzer/afstandswijzer/store/session"
)

type choice int

const (
	choiceStart choice = iota
	choiceResume
	choiceResources
)

type welcomeKeys struct {
	list    listKeys
	Confirm key.Binding
}

// welcomeScreen is the first screen: what the program does, and a menu to
// begin, go on with a saved session, or browse the resources.
type welcomeScreen struct {
	list cursorList
	k    welcomeKeys
}

func newWelcome(c *common) *welcomeScreen {
	s := &welcomeScreen{k: welcomeKeys{list: newListKeys(), Confirm: keyhelp.Bind("enter", "kiezen", "enter")}}
	s.list.setLen(len(s.choices(c)))
	return s
}

// choices lists the menu; "ga verder" only with a saved session.
func (s *welcomeScreen) choices(c *common) []choice {
	if c.saved != nil {
		return []choice{choiceResume, choiceStart, choiceResources}
	}
	return []choice{choiceStart, choiceResources}
}

func (s *welcomeScreen) choiceText(c *common, ch choice) (string, string) {
	switch ch {
	case choiceResume:
		n := c.answered(c.saved)
		return "Ga verder waar je was", "Je hebt al " + itoa(n) + " " + plural(n, "vraag", "vragen") + " beantwoord."
	case choiceStart:
		switch {
		case session.IsComplete(c.eng, c.saved) && c.remote:
			return "Begin opnieuw", "Je vorige antwoorden blijven bewaard in een kopie."
		case session.IsComplete(c.eng, c.saved):
			return "Begin opnieuw", "Je vorige antwoorden blijven bewaard in een kopie: " + filepath.Base(c.sessionPath) + session.PreviousSuffix + "."
		case c.saved != nil:
			return "Begin opnieuw", "Je vorige antwoorden worden vervangen zodra je een vraag beantwoordt."
		}
		return "Begin met de vragen", "Het duurt ongeveer vijf minuten."
	default:
		return "Bekijk alle bronnen", "Websites en documenten met hulp, per thema."
	}
}

func (s *welcomeScreen) update(c *common, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	cs := s.choices(c)
	s.list.setLen(len(cs))
	// A number moves the cursor, enter confirms: as on every screen. Esc
	// does nothing here: this is the first screen, there is nothing to
	// go back to, and it never quits (q does).
	if handled, _ := s.list.update(k, s.k.list, 1); handled {
		return nil
	}
	if key.Matches(k, s.k.Confirm) {
		switch cs[s.list.cursor] {
		case choiceStart:
			return c.navigate(startMsg{})
		case choiceResume:
			return c.navigate(resumeMsg{})
		default:
			return c.navigate(resourcesMsg{})
		}
	}
	return nil
}

func (s *welcomeScreen) title(*common) (string, string) { return "welkom", "" }

func (s *welcomeScreen) keys(c *common) keyMap {
	k := s.k
	return keyMap{
		short: []key.Binding{k.list.Move, k.Confirm},
		full:  [][]key.Binding{k.list.full(len(s.choices(c))), {k.Confirm}},
	}
}

func (s *welcomeScreen) view(c *common, _, h int) string {
	w := c.textWidth()
	meta := c.eng.C.Meta
	// The headline stays on top; the text under it scrolls to keep the
	// menu in view (a small window, a long notice).
	head := c.st.heading.Render(wrapText("Mag je afstandsonderwijs gebruiken in je les? En hoe?", w))
	headH := lipgloss.Height(head) + 1
	var b lineBuilder
	b.add(wrapText("Je beantwoordt een paar korte vragen over je les. Daarna krijg je een samenvatting: welke regels gelden, wie wat beslist, of het kan meetellen als begeleide onderwijstijd, en waar je hulp vindt.", w))
	b.add("")
	b.add(wrapIndent("Voor wie: ", "docenten, onderwijsteams, teamleiders en opleiders in het mbo.", w))
	b.add(wrapIndent("Bron:     ", clean(meta.Title+" ("+meta.Publisher+", "+meta.Date+")."), w))
	b.add(wrapIndent("Privacy:  ", privacyText(c), w))
	if c.sessionNote != "" {
		b.add("")
		b.add(c.st.warn.Render(wrapText(c.sessionNote, w)))
	}
	b.add("")
	b.focusStart()
	for i, ch := range s.choices(c) {
		title, desc := s.choiceText(c, ch)
		num := itoa(i+1) + ". "
		if i == s.list.cursor {
			b.add(c.st.selected.Render("> " + num + title))
		} else {
			b.add("  " + num + title)
		}
		b.add(c.st.faint.Render(wrapIndent("     ", desc, w)))
	}
	b.focusEnd()
	return head + "\n\n" + b.window(max(h-headH, 1), c.st)
}

// privacyText says where the answers go. Over SSH they are kept on the
// trainer's laptop, where the trainer sees and compares them.
func privacyText(c *common) string {
	if c.remote {
		return "je antwoorden worden bewaard op de computer van de trainer. De trainer kan ze bekijken en vergelijken. Ze gaan nergens anders heen, ook niet naar internet."
	}
	return "alles blijft op je eigen computer. Het programma stuurt niets naar internet."
}
