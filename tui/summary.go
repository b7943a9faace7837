package tui

import (
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// rendererKey identifies a Glamour renderer: one per width and style,
// created on first use and kept, never one per frame.
type rendererKey struct {
	width int
	style string
}

// renderedDoc remembers what the viewport holds, so a frame or a key press
// never renders Markdown again.
type renderedDoc struct {
	key rendererKey
	md  string
}

func (m *model) enterSummary() {
	m.scr = scrSummary
	m.linksOpen = false
	m.sum = m.eng.Summarize(m.answers)
	m.md = report.Markdown(m.sum)
	m.layout()
	m.renderSummary()
	m.vp.GotoTop()
}

// wrapWidth is the Glamour word-wrap width for the window: the full width,
// so nothing is cut off and resizing re-wraps.
func (m *model) wrapWidth() int { return max(m.width-2, 20) }

// renderersFor returns n renderers for k, creating them on first use. A
// TermRenderer keeps state while rendering, so each section that is
// rendered in parallel gets its own.
func (m *model) renderersFor(k rendererKey, n int) ([]*glamour.TermRenderer, error) {
	rs := m.renderers[k]
	for len(rs) < n {
		r, err := glamour.NewTermRenderer(
			glamour.WithStandardStyle(k.style),
			glamour.WithWordWrap(k.width),
		)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	m.renderers[k] = rs
	return rs, nil
}

// splitSections cuts the Markdown before every "## " heading. The
// sections are independent blocks, so they can be rendered apart.
func splitSections(md string) []string {
	var out []string
	start := 0
	for i := 0; i < len(md); {
		j := strings.IndexByte(md[i:], '\n')
		line := md[i:]
		next := len(md)
		if j >= 0 {
			line = md[i : i+j]
			next = i + j + 1
		}
		if strings.HasPrefix(line, "## ") && i > start {
			out = append(out, md[start:i])
			start = i
		}
		i = next
	}
	return append(out, md[start:])
}

// trimBlank drops empty lines (Glamour's margins) at both ends.
func trimBlank(s string) []string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func (m *model) renderSummary() {
	if m.md == "" || m.width == 0 {
		return
	}
	k := rendererKey{width: m.wrapWidth(), style: m.st.glamour}
	if m.rendered == (renderedDoc{key: k, md: m.md}) {
		return
	}
	parts := splitSections(m.md)
	out := make([]string, len(parts))
	rs, err := m.renderersFor(k, len(parts))
	if err != nil {
		out = []string{m.md}
	} else {
		// Rendering is the slow part (tens of ms); sections go in parallel.
		var wg sync.WaitGroup
		for i, p := range parts {
			wg.Go(func() {
				s, err := rs[i].Render(p)
				if err != nil {
					s = p
				}
				out[i] = strings.Join(trimBlank(s), "\n")
			})
		}
		wg.Wait()
	}
	doc := strings.Join(out, "\n\n")
	// Keep the reader at the same place after a resize, by percentage.
	pct := m.vp.ScrollPercent()
	m.vp.SetContent(doc)
	m.sections = findSections(m.md, doc)
	if m.rendered.md == m.md {
		m.vp.SetYOffset(int(pct * float64(max(m.vp.TotalLineCount()-m.vp.Height(), 0))))
	}
	m.rendered = renderedDoc{key: k, md: m.md}
}

// findSections locates each "## " heading of the Markdown in the rendered
// text, in order, so n and p can jump between them.
func findSections(md, rendered string) []int {
	var titles []string
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "## ") {
			titles = append(titles, strings.TrimSpace(l[3:]))
		}
	}
	lines := strings.Split(ansi.Strip(rendered), "\n")
	var out []int
	i := 0
	for _, t := range titles {
		for ; i < len(lines); i++ {
			l := strings.TrimSpace(lines[i])
			l = strings.TrimSpace(strings.TrimLeft(l, "#"))
			if l == t {
				out = append(out, i)
				i++
				break
			}
		}
	}
	return out
}

func (m *model) updateSummary(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.linksOpen {
		return m.updateLinks(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.SaveHTML):
		// Checked before Help: on this screen h is the handout, ? the keys.
		page, err := report.HTML(m.sum, m.now())
		path := ""
		if err == nil {
			path, err = saveNew(m.dir, "afstandswijzer-hand-out", ".html", m.now(), page)
		}
		m.reportSave("De hand-out om af te drukken", false, path, err)
	case key.Matches(msg, k.Help):
		m.showKeys = !m.showKeys
	case key.Matches(msg, k.Review), key.Matches(msg, k.Back):
		m.enterReview()
	case key.Matches(msg, k.NextSec):
		y := m.vp.YOffset()
		for _, s := range m.sections {
			if s > y {
				m.vp.SetYOffset(s)
				break
			}
		}
	case key.Matches(msg, k.PrevSec):
		y := m.vp.YOffset()
		target := 0
		for _, s := range m.sections {
			if s < y {
				target = s
			}
		}
		m.vp.SetYOffset(target)
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	case key.Matches(msg, k.SaveSummary):
		path, err := saveNew(m.dir, "afstandswijzer-samenvatting", ".md", m.now(), []byte(m.md))
		m.reportSave("De samenvatting", false, path, err)
	case key.Matches(msg, k.SaveAnswers):
		// Only the answers that count: `samenvatting --antwoorden` rejects
		// answers to questions that do not apply.
		data := m.eng.FormatAnswers(m.sum.Effective())
		path, err := saveNew(m.dir, "afstandswijzer-antwoorden", ".toml", m.now(), data)
		m.reportSave("Je antwoorden", true, path, err)
	case key.Matches(msg, k.Links):
		if len(m.sum.Sources) == 0 {
			m.setStatus("Er staan geen links in deze samenvatting.", false)
			return nil
		}
		m.linksOpen = true
		m.lCursor = 0
	default:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return cmd
	}
	return nil
}

// reportSave tells where a file went; plural picks "staan" over "staat".
func (m *model) reportSave(what string, plural bool, path string, err error) {
	if err != nil {
		verb := " kon"
		if plural {
			verb = " konden"
		}
		m.setStatus(what+verb+" niet worden opgeslagen: "+FileError(err)+".", true)
		return
	}
	verb := " staat in "
	if plural {
		verb = " staan in "
	}
	m.setStatus(what+verb+path, false)
}

func (m *model) updateLinks(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	n := len(m.sum.Sources)
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showKeys = !m.showKeys
	case key.Matches(msg, k.Close), key.Matches(msg, k.Links), key.Matches(msg, k.Back):
		m.linksOpen = false
	case key.Matches(msg, k.Up):
		m.lCursor = (m.lCursor + n - 1) % n
	case key.Matches(msg, k.Down):
		m.lCursor = (m.lCursor + 1) % n
	case key.Matches(msg, k.Pick):
		if i := int(msg.String()[0] - '1'); i < n {
			m.lCursor = i
		}
	case key.Matches(msg, k.Open):
		return m.openURL(m.sum.Sources[m.lCursor].URL)
	case key.Matches(msg, k.Copy):
		return m.copyURL(m.sum.Sources[m.lCursor].URL)
	}
	return nil
}

// copyURL puts a URL on the clipboard through the terminal (OSC 52): a
// long URL wraps on screen and cannot be selected in one piece.
func (m *model) copyURL(u string) tea.Cmd {
	m.setStatus("Gekopieerd naar je klembord (als je terminal dat toestaat): "+u, false)
	return tea.SetClipboard(u)
}

// openURL runs the opener in a command, off the update loop; the result
// comes back as openedMsg.
func (m *model) openURL(u string) tea.Cmd {
	if !safeURL(u, m.allowed) {
		m.setStatus("Dit adres open ik niet; alleen https-adressen uit de inhoud. Kopieer het zelf: "+u, true)
		return nil
	}
	open := m.open
	return func() tea.Msg { return openedMsg{url: u, err: open(u)} }
}

func (m *model) viewSummary(h int) string {
	if !m.linksOpen {
		return m.vp.View()
	}
	w := min(m.width, textMax)
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(m.st.faint.Render(wrap("Kies een link en druk op enter om hem in je browser te openen. Met c kopieer je het adres naar je klembord.", w)))
	add("")
	fs, fe := 0, 0
	for i, r := range m.sum.Sources {
		marker := "  "
		if i == m.lCursor {
			marker = "> "
			fs = len(lines)
		}
		prefix := marker + itoa(i+1) + ". "
		title := wrapIndent(prefix, r.Title+" ("+r.Organisation+")", w)
		if i == m.lCursor {
			title = m.st.selected.Render(title)
		}
		add(title)
		add(m.st.accent.Render(wrapIndent(strings.Repeat(" ", len(prefix)), r.URL, w)))
		if i == m.lCursor {
			fe = len(lines)
		}
	}
	return window(lines, fs, fe, h, m.st)
}
