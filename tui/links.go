package tui

import (
	"net/url"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
)

type linkKeys struct {
	list              listKeys
	Open, Copy, Close key.Binding
}

// linksScreen lists the links of the summary, in the summary's order, to
// open or copy one.
type linksScreen struct {
	links []link
	list  cursorList
	k     linkKeys
}

func newLinks(c *common, sum *decision.Summary) *linksScreen {
	s := &linksScreen{links: summaryOrder(sum), k: linkKeys{
		list:  newListKeys(),
		Open:  keyhelp.Bind("enter", "openen", "enter"),
		Copy:  keyhelp.Bind("c", "adres kopiëren", "c"),
		Close: keyhelp.Bind("esc/backspace/l", "terug", "esc", "backspace", "l"),
	}}
	s.list.setLen(len(s.links))
	return s
}

// link is one address in the summary. Several resources on one site
// (mbo.lesopafstand.nl) are one link, named after the site, as the
// summary shows them.
type link struct {
	Title, Organisation, URL string
}

// summaryOrder lists the links as the summary shows them: by theme in the
// order of the content's themes, each address once.
func summaryOrder(sum *decision.Summary) []link {
	var rs []*content.Resource
	for _, theme := range sum.Meta.Themes {
		for _, r := range sum.Sources {
			if r.Theme == theme {
				rs = append(rs, r)
			}
		}
	}
	for _, r := range sum.Sources {
		if !slices.Contains(rs, r) {
			rs = append(rs, r)
		}
	}
	var out []link
	seen := map[string]int{}
	for _, r := range rs {
		if i, ok := seen[r.URL]; ok {
			out[i].Title = siteName(r.URL)
			continue
		}
		seen[r.URL] = len(out)
		out = append(out, link{Title: r.Title, Organisation: r.Organisation, URL: r.URL})
	}
	return out
}

// siteName is a URL's host without "www.".
func siteName(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	return strings.TrimPrefix(p.Host, "www.")
}

func (s *linksScreen) update(c *common, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if handled, _ := s.list.update(k, s.k.list, max(c.bodyH/3, 1)); handled {
		return nil
	}
	switch {
	case key.Matches(k, s.k.Close):
		return c.navigate(closeMsg{})
	case key.Matches(k, s.k.Open):
		if len(s.links) > 0 {
			return openURL(c, s.links[s.list.cursor].URL)
		}
	case key.Matches(k, s.k.Copy):
		if len(s.links) > 0 {
			return copyURL(c, s.links[s.list.cursor].URL)
		}
	}
	return nil
}

func (s *linksScreen) title(*common) (string, string) { return "links in je samenvatting", "" }

func (s *linksScreen) keys(c *common) keyMap {
	k := s.k
	return keyMap{
		short: []key.Binding{k.list.Move, openBinding(c, k.Open), keyhelp.WithDesc(k.Copy, "c", "kopiëren"), keyhelp.WithDesc(k.Close, "esc", "terug")},
		full:  [][]key.Binding{k.list.full(len(s.links)), {openBinding(c, k.Open), k.Copy, k.Close}},
	}
}

func (s *linksScreen) view(c *common, _, h int) string {
	w := c.textWidth()
	var b lineBuilder
	intro := "Kies een link en druk op enter om hem in je browser te openen. Met c kopieer je het adres naar je klembord."
	if c.remote {
		intro = "Kies een link en druk op enter om het hele adres te zien. Open het in de browser op je eigen computer. Met c kopieer je het adres naar je klembord (als je terminal dat toestaat)."
	}
	b.add(c.st.faint.Render(wrapText(intro, w)))
	b.add("")
	for i, r := range s.links {
		marker := "  "
		if i == s.list.cursor {
			marker = "> "
			b.focusStart()
		}
		prefix := marker + itoa(i+1) + ". "
		title := wrapIndent(prefix, clean(r.Title+" ("+r.Organisation+")"), w)
		if i == s.list.cursor {
			title = c.st.selected.Render(title)
		}
		b.add(title)
		b.add(c.st.accent.Render(urlText(strings.Repeat(" ", len(prefix)), r.URL, w)))
		if i == s.list.cursor {
			b.focusEnd()
		}
	}
	return b.window(h, c.st)
}

// openedMsg reports the result of opening a URL.
type openedMsg struct {
	url string
	err error
}

// copyURL puts a URL on the clipboard through the terminal (OSC 52): a
// long URL wraps on screen and cannot be selected in one piece.
func copyURL(c *common, u string) tea.Cmd {
	c.setStatusURL("Gekopieerd naar je klembord (als je terminal dat toestaat):", u, false)
	return tea.SetClipboard(u)
}

// openBinding is enter on a link: it opens the link, or over SSH, where
// a browser would open on the trainer's laptop, shows its address.
func openBinding(c *common, b key.Binding) key.Binding {
	if c.remote {
		return keyhelp.WithDesc(b, "enter", "adres tonen")
	}
	return b
}

// openURL runs the opener in a command, off the update loop; the result
// comes back as openedMsg. Over SSH it shows the address to copy.
func openURL(c *common, u string) tea.Cmd {
	if c.remote {
		c.setStatusURL("Open dit adres in de browser op je eigen computer:", u, false)
		return nil
	}
	if !safeURL(u, c.allowed) {
		c.setStatus("Dit adres open ik niet; alleen https-adressen uit de inhoud. Kopieer het zelf: "+clean(u), true)
		return nil
	}
	open := c.open
	return func() tea.Msg { return openedMsg{url: u, err: open(u)} }
}

// urlText shows an address after prefix, the one way every screen does:
// whole when it fits; else broken at the width, never next to a hyphen
// (a line that ends just before "-onderwijs" looks complete), with the
// continuation lines indented two more, so they read as one address.
// Every piece is an OSC 8 hyperlink to the whole address (a terminal
// without them shows the text only); the address is always text too.
func urlText(prefix, u string, w int) string {
	u = clean(u)
	pw := len([]rune(prefix))
	avail := max(w-pw, 10)
	pad := strings.Repeat(" ", pw)
	var lines []string
	r := []rune(u)
	for first := true; len(r) > 0; first = false {
		room := avail
		if !first {
			room = max(avail-2, 8)
		}
		n := min(room, len(r))
		if n < len(r) {
			n = urlBreak(r, n)
		}
		lead := prefix
		if !first {
			lead = pad + "  "
		}
		lines = append(lines, lead+ansi.SetHyperlink(u)+string(r[:n])+ansi.ResetHyperlink())
		r = r[n:]
	}
	return strings.Join(lines, "\n")
}

// urlBreak is where to break r, at most at n: after a slash in the last
// third of the line when there is one (the next part reads as a path),
// else at n, moved back so the break is not next to a hyphen.
func urlBreak(r []rune, n int) int {
	for i := n; i > n*2/3; i-- {
		if r[i-1] == '/' {
			return i
		}
	}
	for i := n; i > n/2; i-- {
		if r[i-1] != '-' && r[i] != '-' {
			return i
		}
	}
	return n
}
