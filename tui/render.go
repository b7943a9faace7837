package tui

import (
	"container/list"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sync/singleflight"

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

// sharedRenderers serves every program in the process. The study
// afternoon runs one program per participant: their summaries share most
// parts (the sources, the glossary, the footer, often whole sections), so
// a part is rendered once per width and style, not once per person.
var sharedRenderers = newRendererPool()

// remoteSlots bounds how many summaries remote sessions render at the
// same time: Glamour takes tens of milliseconds of CPU per summary, and
// when a room opens its summaries at once one core must stay free for
// everyone's key presses. A local program has no such limit.
var remoteSlots = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))

// partCacheBytes bounds the cache of rendered parts (Markdown plus
// output): a room of 40 at three widths fits with room to spare.
const partCacheBytes = 16 << 20

// maxFreeRenderers bounds the idle renderers kept per key.
const maxFreeRenderers = 8

// rendererPool keeps Glamour renderers per key and the parts it rendered.
// A TermRenderer keeps state while rendering, so each concurrent render
// takes its own out of the pool. Rendering is a pure function of the
// Markdown and the key, so a rendered part can be reused by anyone.
type rendererPool struct {
	mu    sync.Mutex
	free  map[renderKey][]*glamour.TermRenderer
	cache partCache
	// flights lets one caller render a part that others are waiting for.
	flights singleflight.Group
	// renders counts the parts rendered by Glamour; active and peak the
	// renders at the same time (tests).
	renders, active, peak int
}

func newRendererPool() *rendererPool {
	return &rendererPool{
		free:  map[renderKey][]*glamour.TermRenderer{},
		cache: partCache{max: partCacheBytes, ll: list.New(), items: map[partKey]*list.Element{}},
	}
}

type partKey struct {
	k  renderKey
	md string
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
	if len(p.free[k]) < maxFreeRenderers {
		p.free[k] = append(p.free[k], r)
	}
	p.mu.Unlock()
}

// cached returns a rendered part when the cache has it.
func (p *rendererPool) cached(k renderKey, md string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cache.get(partKey{k, md})
}

// part renders one Markdown part, from the cache when it can. When the
// same part is being rendered already, it waits for that rendering
// instead of doing the work twice (a room opening the same case).
func (p *rendererPool) part(k renderKey, md string) string {
	pk := partKey{k, md}
	if out, ok := p.cached(k, md); ok {
		return out
	}
	flight := fmt.Sprintf("%d/%t/%t/%s", k.width, k.light, k.noColor, md)
	v, _, _ := p.flights.Do(flight, func() (any, error) {
		// A render that finished between the look-up and Do is cached.
		if out, ok := p.cached(k, md); ok {
			return out, nil
		}
		p.mu.Lock()
		p.renders++
		p.active++
		p.peak = max(p.peak, p.active)
		p.mu.Unlock()
		out, ok := p.renderPart(k, md)
		p.mu.Lock()
		p.active--
		if ok {
			p.cache.add(pk, out)
		}
		p.mu.Unlock()
		return out, nil
	})
	return v.(string)
}

// renderPart renders md with a pooled renderer; on an error the Markdown
// itself is shown (ok false: not cached, the next try may work).
func (p *rendererPool) renderPart(k renderKey, md string) (string, bool) {
	r, err := p.get(k)
	if err != nil {
		return md, false
	}
	// RenderWith keeps a URL longer than the line whole.
	s, err := report.RenderWith(r, md, k.width, report.TerminalOptions{Light: k.light, NoColor: k.noColor})
	p.put(k, r)
	if err != nil {
		return md, false
	}
	return strings.Join(trimBlank(s), "\n"), true
}

// partCache is a least-recently-used cache of rendered parts, bounded by
// the bytes of Markdown and output it holds. Guarded by rendererPool.mu.
type partCache struct {
	max, size int
	ll        *list.List // front: most recently used; values *partEntry
	items     map[partKey]*list.Element
}

type partEntry struct {
	key partKey
	out string
}

func (c *partCache) get(k partKey) (string, bool) {
	e, ok := c.items[k]
	if !ok {
		return "", false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*partEntry).out, true
}

func (c *partCache) add(k partKey, out string) {
	n := len(k.md) + len(out)
	if n > c.max {
		return
	}
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return
	}
	c.items[k] = c.ll.PushFront(&partEntry{key: k, out: out})
	c.size += n
	for c.size > c.max {
		e := c.ll.Back()
		old := e.Value.(*partEntry)
		c.ll.Remove(e)
		delete(c.items, old.key)
		c.size -= len(old.key.md) + len(old.out)
	}
}

// docParts splits the document as the summary pages through it: title
// and intro, each section, the footer.
func docParts(d report.Document) []string {
	parts := []string{"# " + d.Title + "\n\n" + d.Intro}
	for _, s := range d.Sections {
		parts = append(parts, "## "+s.Title+"\n\n"+s.Body)
	}
	return append(parts, d.Footer)
}

// renderDoc renders the document's parts in parallel and records where
// each section starts. It runs inside a tea.Cmd, never in Update.
func renderDoc(pool *rendererPool, k renderKey, d report.Document) renderedMsg {
	return renderDocIn(pool, k, d, nil)
}

// renderDocIn is renderDoc; with slots set, the parts that are not
// cached are rendered one after another while holding a slot, so at most
// cap(slots) summaries take CPU at the same time.
func renderDocIn(pool *rendererPool, want renderKey, d report.Document, slots chan struct{}) renderedMsg {
	// Glamour sees the width only as the wrap width: windows of 100
	// columns and wider get the same text, so they share renderers and
	// cached parts.
	k := want
	k.width = report.TextWidth(k.width)
	parts := docParts(d)
	out := make([]string, len(parts))
	var missing []int
	for i, md := range parts {
		if s, ok := pool.cached(k, md); ok {
			out[i] = s
		} else {
			missing = append(missing, i)
		}
	}
	switch {
	case len(missing) == 0:
	case slots != nil:
		slots <- struct{}{}
		for _, i := range missing {
			out[i] = pool.part(k, parts[i])
		}
		<-slots
	default:
		var wg sync.WaitGroup
		for _, i := range missing {
			wg.Go(func() { out[i] = pool.part(k, parts[i]) })
		}
		wg.Wait()
	}
	var b strings.Builder
	var starts []int
	line := 0
	for i, o := range out {
		if o == "" {
			continue
		}
		// Parts are cached per wrap width; the window may be narrower
		// than a long URL kept whole. Break such lines here, at the
		// window's width, so the viewport does not cut them off.
		o = hardwrap(o, want.width)
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
	return renderedMsg{key: want, text: b.String(), starts: starts}
}

// hardwrap breaks every line of s that is wider than w at w columns,
// nothing added or lost. Colours and OSC 8 hyperlinks are closed at the
// break and opened again on the next line, so each line stands alone in
// the viewport.
func hardwrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) <= w {
			continue
		}
		// Padding after a long URL would spill over as blank lines;
		// Truncate keeps the escape codes after the cut.
		text := strings.TrimRight(ansi.Strip(l), " ")
		l = ansi.Truncate(l, ansi.StringWidth(text), "")
		if ansi.StringWidth(l) > w {
			var b strings.Builder
			ww := lipgloss.NewWrapWriter(&b)
			_, _ = ww.Write([]byte(breakURLLine(l, text, w)))
			_ = ww.Close()
			l = b.String()
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// breakURLLine breaks the styled line l (plain text text) at w. A line
// that ends in an address is broken as urlText does on the other screens:
// after a slash or never next to a hyphen, the continuation lines
// indented two more than the line; other lines at w exactly.
func breakURLLine(l, text string, w int) string {
	space := strings.LastIndex(text, " ") + 1
	r := []rune(text[space:])
	indent := len(text) - len(strings.TrimLeft(text, " "))
	p := ansi.StringWidth(text[:space]) // cells before the address
	cont := w - indent - 2              // room on a continuation line
	if !strings.Contains(string(r), "://") || cont < 10 {
		return ansi.Hardwrap(l, w, false)
	}
	take := func(from, room int) int {
		if len(r)-from <= room {
			return len(r) - from
		}
		return urlBreak(r[from:], room)
	}
	var segs []string
	k := 0
	if room := w - p; room >= 10 {
		k = take(0, room)
		segs = append(segs, ansi.Cut(l, 0, p+k))
	} else {
		segs = append(segs, strings.TrimRight(ansi.Cut(l, 0, p), " "))
	}
	for k < len(r) {
		n := take(k, cont)
		segs = append(segs, strings.Repeat(" ", indent+2)+ansi.Cut(l, p+k, p+k+n))
		k += n
	}
	return strings.Join(segs, "\n")
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
