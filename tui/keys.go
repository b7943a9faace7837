package tui

import "charm.land/bubbles/v2/key"

// keys holds every binding with its Dutch help text. Screens pick the ones
// they use for the help line; matching happens in the screen's update.
type keys struct {
	Up, Down, Pick, Toggle, Confirm, Back, Why, Keys, Help, Quit key.Binding
	PageUp, PageDown, Top, Bottom, NextSec, PrevSec              key.Binding
	SaveSummary, SaveAnswers, SaveHTML, Links, Review, Resources key.Binding
	Filter                                                       key.Binding
	Open, Close, Summary, Copy                                   key.Binding
	// Shorter entries for the one-line help, so it fits 80 columns.
	Move, Sections, HelpShort key.Binding
}

func newKeys() keys {
	b := func(help, desc string, ks ...string) key.Binding {
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(help, desc))
	}
	return keys{
		Up:          b("↑/k", "omhoog", "up", "k"),
		Down:        b("↓/j", "omlaag", "down", "j"),
		Pick:        b("1-9", "kies", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Toggle:      b("spatie", "aan/uit", "space"),
		Confirm:     b("enter", "verder", "enter"),
		Back:        b("esc", "terug", "esc", "backspace"),
		Why:         b("?", "waarom deze vraag", "?"),
		Keys:        b("h", "alle toetsen", "h"),
		Help:        b("?/h", "alle toetsen", "?", "h"),
		Quit:        b("q", "stoppen", "q", "ctrl+c"),
		PageUp:      b("pgup/b", "pagina terug", "pgup", "b"),
		PageDown:    b("pgdn/spatie", "pagina verder", "pgdown", "space", "f"),
		Top:         b("g/home", "begin", "g", "home"),
		Bottom:      b("G/end", "einde", "G", "end"),
		NextSec:     b("n", "volgend deel", "n"),
		PrevSec:     b("p", "vorig deel", "p"),
		SaveSummary: b("s", "opslaan", "s"),
		SaveAnswers: b("a", "antwoorden opslaan", "a"),
		SaveHTML:    b("h", "hand-out (html) opslaan", "h"),
		Links:       b("l", "links", "l"),
		Review:      b("r", "antwoorden wijzigen", "r"),
		Resources:   b("b", "bronnen", "b"),
		Filter:      b("/", "zoeken", "/"),
		Open:        b("enter", "openen", "enter"),
		Copy:        b("c", "adres kopiëren", "c"),
		Close:       b("esc", "sluiten", "esc"),
		Summary:     b("v", "naar samenvatting", "v"),
		Move:        b("↑/↓", "kiezen", "up", "down"),
		Sections:    b("n/p", "volgend/vorig deel", "n", "p"),
		HelpShort:   b("h", "toetsen", "h"),
	}
}

// helpKeys adapts a short and a full list to help.KeyMap.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// withDesc returns a copy of b with another help text.
func withDesc(b key.Binding, help, desc string) key.Binding {
	b.SetHelp(help, desc)
	return b
}
