package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
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
// columns, with a warm renderer cache (the cost of a resize or a change).
func BenchmarkRenderSummary(b *testing.B) {
	opt, _ := testOptions(b)
	m := newSized(opt, 100, 30)
	m.setAnswers(fullPath(opt.Engine, nil))
	m.enterSummary()
	b.ReportAllocs()
	for b.Loop() {
		m.rendered = renderedDoc{} // force a render
		m.renderSummary()
	}
}

// BenchmarkRenderSummaryCold includes creating the Glamour renderer: the
// first time the summary opens at a width.
func BenchmarkRenderSummaryCold(b *testing.B) {
	opt, _ := testOptions(b)
	m := newSized(opt, 100, 30)
	m.setAnswers(fullPath(opt.Engine, nil))
	b.ReportAllocs()
	for b.Loop() {
		m.renderers = map[rendererKey][]*glamour.TermRenderer{}
		m.rendered = renderedDoc{}
		m.enterSummary()
	}
}

// BenchmarkFirstFrame is start to first frame: building the model (which
// reads the saved session), the first window size, and the first View.
func BenchmarkFirstFrame(b *testing.B) {
	opt, _ := testOptions(b)
	b.ReportAllocs()
	for b.Loop() {
		m := newModel(opt)
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}
