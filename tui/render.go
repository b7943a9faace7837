package tui

import (
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// renderKey identifies a rendering of the summary: the window width and
// the style (report.TerminalOptions).
type renderKey struct {
	width          int
	light, noColor bool
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
	// The report's terminal look: wrapped at min(width, 100), quotes
	// indented so a wrapped word stays inside them.
	return report.TerminalRenderer(k.width, report.TerminalOptions{Light: k.light, NoColor: k.noColor})
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
			s, err := report.RenderWith(r, p, k.width, report.TerminalOptions{Light: k.light, NoColor: k.noColor})
			pool.put(k, r)
			if err != nil {
				s = p
			}
			out[i] = strings.Join(trimBlank(s), "\n")
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
