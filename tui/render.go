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
			out[i] = strings.Join(mendQuotes(trimBlank(s)), "\n")
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

// mendQuotes puts the quote bar back on lines Glamour wrapped out of a
// block quote: it wraps the quoted text after adding the bar, so a long
// word can end up on a line of its own without the bar.
func mendQuotes(lines []string) []string {
	for i := 1; i < len(lines); i++ {
		prev := ansi.Strip(lines[i-1])
		cur := ansi.Strip(lines[i])
		bar := strings.Index(prev, "│ ")
		if bar < 0 || strings.Contains(cur, "│") || strings.TrimSpace(cur) == "" {
			continue
		}
		if strings.TrimSpace(prev[:bar]) != "" {
			continue
		}
		// The continuation starts at the margin; give it the bar and the
		// quote's indent.
		lines[i] = prev[:bar] + "│ " + strings.TrimLeft(cur, " ")
	}
	return lines
}
