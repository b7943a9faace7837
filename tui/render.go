package tui

import (
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// renderKey identifies a rendering of the summary: Glamour's wrap width
// and style.
type renderKey struct {
	width int
	style string
}

// renderedMsg carries a rendered summary back from its command.
type renderedMsg struct {
	key    renderKey
	text   string
	starts []int // first line of each section of the document
}

// rendererPool keeps Glamour renderers per key across renders: creating
// one costs more than rendering. A TermRenderer keeps state while
// rendering, so each concurrent render takes its own out of the pool.
type rendererPool struct {
	mu   sync.Mutex
	free map[renderKey][]*glamour.TermRenderer
}

func newRendererPool() *rendererPool {
	return &rendererPool{free: map[renderKey][]*glamour.TermRenderer{}}
}

func (p *rendererPool) get(k renderKey) (*glamour.TermRenderer, error) {
	p.mu.Lock()
	if rs := p.free[k]; len(rs) > 0 {
		r := rs[len(rs)-1]
		p.free[k] = rs[:len(rs)-1]
		p.mu.Unlock()
		return r, nil
	}
	p.mu.Unlock()
	return glamour.NewTermRenderer(glamour.WithStandardStyle(k.style), glamour.WithWordWrap(k.width))
}

func (p *rendererPool) put(k renderKey, r *glamour.TermRenderer) {
	p.mu.Lock()
	p.free[k] = append(p.free[k], r)
	p.mu.Unlock()
}

// renderDoc renders the document's parts (title and intro, each section,
// the footer) in parallel and records where each section starts. It runs
// inside a tea.Cmd, never in Update.
func renderDoc(pool *rendererPool, k renderKey, d report.Document) renderedMsg {
	parts := []string{"# " + d.Title + "\n\n" + d.Intro}
	for _, s := range d.Sections {
		parts = append(parts, "## "+s.Title+"\n\n"+s.Body)
	}
	parts = append(parts, d.Footer)
	out := make([]string, len(parts))
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Go(func() {
			r, err := pool.get(k)
			if err != nil {
				out[i] = p
				return
			}
			s, err := r.Render(p)
			pool.put(k, r)
			if err != nil {
				s = p
			}
			out[i] = strings.Join(reflowQuotes(trimBlank(s), k.width), "\n")
		})
	}
	wg.Wait()
	var b strings.Builder
	var starts []int
	line := 0
	for i, o := range out {
		if o == "" {
			continue
		}
		if i > 0 {
			b.WriteString("\n\n")
			line += 2
		}
		if i >= 1 && i <= len(d.Sections) {
			starts = append(starts, line)
		}
		b.WriteString(o)
		line += strings.Count(o, "\n")
	}
	return renderedMsg{key: k, text: b.String(), starts: starts}
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

// reflowQuotes rewraps block quotes inside their bar. Glamour wraps the
// quoted text to the full width and then adds the bar, so the last word
// of a line can fall out of the frame onto a line of its own ("wordt"
// under the quote at 80 columns). A quote is the run of lines starting
// with the bar plus such stray lines right after one; it is wrapped again
// at the width minus the bar. The attribution ("— Handreiking, deel …")
// keeps a line of its own.
func reflowQuotes(lines []string, width int) []string {
	isQuote := func(l string) (indent string, text string, ok bool) {
		plain := ansi.Strip(l)
		t := strings.TrimLeft(plain, " ")
		// The quote bar stands at the document margin; a bar further in
		// is a wrapped table cell.
		if !strings.HasPrefix(t, "│") || len(plain)-len(t) > 2 {
			return "", "", false
		}
		return plain[:len(plain)-len(t)], strings.TrimSpace(strings.TrimPrefix(t, "│")), true
	}
	var out []string
	for i := 0; i < len(lines); i++ {
		indent, text, ok := isQuote(lines[i])
		if !ok {
			out = append(out, lines[i])
			continue
		}
		parts := []string{text}
		stray := false
		for i+1 < len(lines) {
			if _, t, ok := isQuote(lines[i+1]); ok {
				parts = append(parts, t)
			} else if t := strings.TrimSpace(ansi.Strip(lines[i+1])); t != "" {
				parts = append(parts, t)
				stray = true
			} else {
				break
			}
			i++
		}
		if !stray {
			// Glamour's own lines are fine; keep their styling.
			out = append(out, lines[i-len(parts)+1:i+1]...)
			continue
		}
		joined := strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
		var paras []string
		if j := strings.LastIndex(joined, " — "); j > 0 {
			paras = []string{joined[:j], joined[j+1:]}
		} else {
			paras = []string{joined}
		}
		inner := max(width-ansi.StringWidth(indent)-2, 20)
		for _, p := range paras {
			for _, l := range strings.Split(wrapText(p, inner), "\n") {
				out = append(out, indent+"│ "+l)
			}
		}
	}
	return out
}
