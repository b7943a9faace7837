package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// BenchmarkKeyPressQuestion is one key press on a question screen at
// 120x40 (side panel shown), through Update and View.
func BenchmarkKeyPressQuestion(b *testing.B) {
	opt, _ := testOptions(b)
	m := newSized(opt, 120, 40)
	press(m, "enter", "1", "enter", "1", "enter") // vraag 3, with live panel
	down := keyMsg("down")
	b.ReportAllocs()
	for b.Loop() {
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkRenderSummary renders the whole summary with Glamour at 100
// columns, with warm renderers (the cost of a resize or a change).
func BenchmarkRenderSummary(b *testing.B) {
	opt, _ := testOptions(b)
	e := opt.Engine
	doc := report.Summary(e.Summarize(fullPath(e, nil)))
	pool := newRendererPool()
	k := renderKey{width: 100}
	renderDoc(pool, k, doc)
	b.ReportAllocs()
	for b.Loop() {
		renderDoc(pool, k, doc)
	}
}

// BenchmarkRenderSummaryCold includes creating the Glamour renderers: the
// first time the summary opens at a width.
func BenchmarkRenderSummaryCold(b *testing.B) {
	opt, _ := testOptions(b)
	e := opt.Engine
	doc := report.Summary(e.Summarize(fullPath(e, nil)))
	k := renderKey{width: 100}
	b.ReportAllocs()
	for b.Loop() {
		renderDoc(newRendererPool(), k, doc)
	}
}

// BenchmarkFirstFrame is start to first frame: building the model (which
// reads the saved session), the first window size, and the first View.
func BenchmarkFirstFrame(b *testing.B) {
	opt, _ := testOptions(b)
	b.ReportAllocs()
	for b.Loop() {
		m := newApp(opt)
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}
