package cli

import (
	"os"
	"testing"

	"charm.land/glamour/v2"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

func newRenderer(b *testing.B) *glamour.TermRenderer {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(100))
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkSummaryPipeline is what `samenvatting` plus the TUI's render
// costs: load and validate the content, parse the answers, evaluate,
// render Markdown and render that with Glamour. Compare with
// BenchmarkGlamourOnly in the same run to see what Glamour takes.
func BenchmarkSummaryPipeline(b *testing.B) {
	data, err := os.ReadFile("../testdata/voorbeeld.toml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c, err := content.Load(content.Default())
		if err != nil {
			b.Fatal(err)
		}
		e := decision.New(c)
		a, err := e.ParseAnswers("voorbeeld.toml", data, decision.ParseOptions{})
		if err != nil {
			b.Fatal(err)
		}
		md := report.Markdown(e.Summarize(a))
		if _, err := newRenderer(b).Render(md); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGlamourOnly renders the same summary's Markdown with a fresh
// Glamour renderer and nothing else.
func BenchmarkGlamourOnly(b *testing.B) {
	c, err := content.Load(content.Default())
	if err != nil {
		b.Fatal(err)
	}
	e := decision.New(c)
	data, _ := os.ReadFile("../testdata/voorbeeld.toml")
	a, err := e.ParseAnswers("voorbeeld.toml", data, decision.ParseOptions{})
	if err != nil {
		b.Fatal(err)
	}
	md := report.Markdown(e.Summarize(a))
	for b.Loop() {
		if _, err := newRenderer(b).Render(md); err != nil {
			b.Fatal(err)
		}
	}
}
