package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/charmbracelet/x/ansi"
)

const compareTitle = "Vergelijking van antwoorden"

// Markdown renders the comparison as one table with a ≠ column, and the
// files that did not load as a note under it.
func CompareMarkdown(c *decision.Comparison) string {
	return renderComparison(c, "", writeTable)
}

// StackedMarkdown renders the same comparison without a table, for a
// terminal too narrow for one: per row the label (with ≠ when the files
// differ), then one line per file, "name: value". note, if set, is shown
// under the introduction (e.g. how to get the table instead).
func CompareStacked(c *decision.Comparison, note string) string {
	return renderComparison(c, note, writeStacked)
}

// TableWidth estimates how many terminal columns the table needs when
// rendered without wrapping: the longest cell per column, one space either
// side, a separator between columns and Glamour's margin of 2 either side.
func CompareTableWidth(c *decision.Comparison) int {
	if len(c.Columns) == 0 {
		return 0
	}
	widths := []int{ansi.StringWidth("≠"), ansi.StringWidth("Vraag of uitkomst")}
	// Measured on the text as shown: the escapes do not take columns.
	shown := func(s string) int { return ansi.StringWidth(oneLine(content.Sanitize(s))) }
	for _, col := range c.Columns {
		widths = append(widths, shown(col))
	}
	for _, r := range c.Rows {
		widths[1] = max(widths[1], shown(r.Label))
		for i, x := range r.Cells {
			widths[i+2] = max(widths[i+2], shown(x))
		}
	}
	total := 2 + 2 + len(widths) - 1 // margins and separators
	for _, w := range widths {
		total += w + 2
	}
	return total
}

// FitsWidth reports whether the table can be read in width columns;
// otherwise Glamour squeezes it until the columns run together.
func CompareFits(c *decision.Comparison, width int) bool { return CompareTableWidth(c) <= width }

// render writes the parts every layout shares around body.
func renderComparison(c *decision.Comparison, note string, body func(*strings.Builder, *decision.Comparison)) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %s\n\n", compareTitle)
	if len(c.Columns) == 0 {
		w("Er is geen bestand om te vergelijken.\n\n")
	} else {
		w("Vergeleken: %s. De bestanden verschillen op %d van de %d rijen; die rijen hebben een ≠ %s.\n\n",
			escList(c.Columns), c.Differences(), len(c.Rows), map[bool]string{true: "in de eerste kolom", false: "achter de naam"}[note == ""])
		if note != "" {
			w("*%s*\n\n", note)
		}
		body(&b, c)
	}
	if len(c.Incomplete) > 0 {
		w("*Let op: nog niet alle vragen zijn beantwoord in %s. Daar is de uitkomst voorlopig.*\n\n", escList(c.Incomplete))
	}
	if len(c.Failed) > 0 {
		w("**Niet vergeleken:**\n\n")
		for _, f := range c.Failed {
			w("- %s: %s\n", esc(f.Name), esc(errLine(f.Err)))
		}
		w("\n")
	}
	w("---\n\n*Inhoudsversie %s. Dit is geen juridisch advies.*\n", c.Version)
	return b.String()
}

func writeTable(b *strings.Builder, c *decision.Comparison) {
	w := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	w("| ≠ | Vraag of uitkomst |")
	for _, col := range c.Columns {
		w(" %s |", esc(col))
	}
	w("\n|---|---|%s\n", strings.Repeat("---|", len(c.Columns)))
	for _, r := range c.Rows {
		mark := " "
		if r.Differs {
			mark = "≠"
		}
		w("| %s | %s |", mark, esc(r.Label))
		for _, x := range r.Cells {
			w(" %s |", esc(x))
		}
		w("\n")
	}
	w("\n")
}

// writeStacked writes each row as a bold label and a list, so nothing is
// cut or broken mid-word however narrow the terminal is.
func writeStacked(b *strings.Builder, c *decision.Comparison) {
	for _, r := range c.Rows {
		mark := ""
		if r.Differs {
			mark = " ≠"
		}
		fmt.Fprintf(b, "**%s**%s\n\n", esc(r.Label), mark)
		for i, x := range r.Cells {
			fmt.Fprintf(b, "- %s: %s\n", esc(c.Columns[i]), esc(x))
		}
		b.WriteString("\n")
	}
}

type jsonComparison struct {
	Version    string        `json:"inhoudsversie"`
	Files      []string      `json:"bestanden"`
	Rows       []jsonRow     `json:"rijen"`
	Failed     []jsonFailure `json:"niet_geladen"`
	Incomplete []string      `json:"niet_compleet"`
}

type jsonRow struct {
	Kind    string   `json:"soort"`
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Cells   []string `json:"tekst"`
	Values  []any    `json:"waarden"`
	Differs bool     `json:"verschilt"`
}

type jsonFailure struct {
	File   string `json:"bestand"`
	Reason string `json:"reden"`
}

// JSON renders the comparison for scripts.
func CompareJSON(c *decision.Comparison) ([]byte, error) {
	j := jsonComparison{Version: c.Version, Files: append([]string{}, c.Columns...), Rows: []jsonRow{},
		Failed: []jsonFailure{}, Incomplete: append([]string{}, c.Incomplete...)}
	for _, r := range c.Rows {
		j.Rows = append(j.Rows, jsonRow(r))
	}
	for _, f := range c.Failed {
		j.Failed = append(j.Failed, jsonFailure{File: f.Name, Reason: f.Err})
	}
	out, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// HTML renders the comparison as a printable handout.
func CompareHTML(c *decision.Comparison, date time.Time) ([]byte, error) {
	return HTMLPage(Page{Title: compareTitle, Markdown: CompareMarkdown(c), Version: c.Version, Date: date})
}
