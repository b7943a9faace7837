package room

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/internal/keyhelp"
	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/report"
)

// The beamer uses no colour at all: bold, the bar's length and the
// numbers carry everything, so a washed-out projector loses nothing.
var bBold = lipgloss.NewStyle().Bold(true)

// clean makes outside text (names, case, content from --inhoud) safe for
// the terminal and one line.
func clean(s string) string { return strings.Join(strings.Fields(content.Sanitize(s)), " ") }

func (b *Beamer) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	v.WindowTitle = "afstandswijzer · beamer"
	if b.w == 0 || b.h == 0 {
		return v
	}
	if b.w < 40 || b.h < 12 {
		v.Content = wrap.Break("Maak het venster groter (minstens 40 bij 12).", b.w)
		return v
	}
	v.Content = b.render()
	return v
}

// render lays out the header, the page and the footer, cutting the page's
// body to the window with markers when it scrolls.
func (b *Beamer) render() string {
	right := fmt.Sprintf("%d in de zaal", b.count.tally.Participants)
	if c := clean(b.count.caseName); c != "" {
		right = "casus " + c + " · " + right
	}
	head := []string{b.header(right), ""}
	title, body, status := b.pageView()
	head = append(head, strings.Split(title, "\n")...)
	head = append(head, "")
	if b.status != "" {
		status = b.status
	}
	foot := b.footer(status)
	room := b.h - len(head) - lipgloss.Height(foot)
	if room < 1 {
		// A very long question: keep the footer, cut the rest.
		return fitLines(strings.Join(head, "\n"), b.h-lipgloss.Height(foot)) + "\n" + foot
	}
	b.scroll = min(b.scroll, max(len(body)-room, 0))
	body = scrollLines(body, b.scroll, room)
	return strings.Join(head, "\n") + "\n" + fitLines(strings.Join(body, "\n"), room) + "\n" + foot
}

// header is the program's name left and the round right, cut to the width.
func (b *Beamer) header(right string) string {
	left := bBold.Render("afstandswijzer") + " · beamer"
	gap := b.w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 2 {
		return ansi.Truncate(left+"  "+right, b.w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// scrollLines shows n lines from off, with a marker where more is above
// or below.
func scrollLines(lines []string, off, n int) []string {
	if len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[off:min(off+n, len(lines))]...)
	if off > 0 {
		out[0] = "  ↑ meer (k)"
	}
	if off+n < len(lines) {
		out[len(out)-1] = "  ↓ meer (j)"
	}
	return out
}

// pageView is the current page: its title (bold, wrapped), its body lines and
// the status line with the counts.
func (b *Beamer) pageView() (string, []string, string) {
	pages := b.pages()
	i := b.pageIndex()
	if b.page == outcomePage {
		title := "Uitkomst van de zaal\n" +
			bBold.Render(wrap.Break("Kan dit meetellen als begeleide onderwijstijd (BOT)?", b.w))
		status := fmt.Sprintf("%d deelnemers", b.count.tally.Participants)
		if b.reveal {
			return title, b.outcomeReveal(), status
		}
		return title, b.outcomeBody(), status
	}
	qt := b.count.tally.Question(b.page)
	q := qt.Question
	title := fmt.Sprintf("Vraag %d van %d · %s\n", i+1, len(pages)-1, clean(q.Short)) + bBold.Render(wrap.Break(clean(q.Text), b.w))
	status := fmt.Sprintf("%d van %d %s", qt.Answered, b.count.tally.Participants, report.Plural(qt.Answered, "antwoordde", "antwoordden"))
	if qt.Open > 0 {
		status += fmt.Sprintf(" · %d nog open", qt.Open)
	}
	if qt.NotAsked > 0 {
		status += fmt.Sprintf(" · %d %s deze vraag niet", qt.NotAsked, report.Plural(qt.NotAsked, "kreeg", "kregen"))
	}
	switch {
	case b.reveal:
		return title, b.revealBody(), status
	case !b.shown[b.page]:
		return title, b.hiddenBody(qt), status
	}
	var bars []bar
	for _, o := range qt.Options {
		bars = append(bars, bar{label: report.UpperFirst(clean(o.Label)), n: o.Count, names: o.Names})
	}
	body := b.bars(bars, qt.Answered)
	note := fmt.Sprintf("Procenten van de %d die %s.", qt.Answered, report.Plural(qt.Answered, "antwoordde", "antwoordden"))
	if q.Kind == content.Many {
		note += " Meer antwoorden mogelijk: samen kan het meer dan 100% zijn."
	}
	return title, append(body, "", wrap.Break(note, b.w)), status
}

// hiddenBody lists the options without counts: the room answers first.
func (b *Beamer) hiddenBody(qt *decision.QuestionTally) []string {
	var out []string
	for _, o := range qt.Options {
		if o.Value == "" {
			continue // "geen van deze" is not an option on screen
		}
		out = append(out, strings.Split(wrap.BreakIndent("  - ", clean(o.Label), b.w), "\n")...)
	}
	return append(out, "", wrap.Break("De antwoorden van de zaal zijn nog verborgen. Toon ze met t.", b.w))
}

func (b *Beamer) outcomeBody() []string {
	t := b.count.tally
	var bars []bar
	for _, oc := range t.Outcomes {
		main := oc.Outcome == decision.OutcomeCan || oc.Outcome == decision.OutcomeCannot || oc.Outcome == decision.OutcomeUnclear
		if main || oc.Count > 0 {
			bars = append(bars, bar{label: report.UpperFirst(oc.Outcome.Label()), n: oc.Count, names: oc.Names})
		}
	}
	if !b.shown[outcomePage] {
		var out []string
		for _, x := range bars {
			out = append(out, "  - "+x.label)
		}
		return append(out, "", wrap.Break("De uitkomsten van de zaal zijn nog verborgen. Toon ze met t.", b.w))
	}
	body := b.bars(bars, t.Participants)
	return append(body, "", wrap.Break(fmt.Sprintf("Procenten van de %d deelnemers.", t.Participants), b.w))
}

type bar struct {
	label string
	n     int
	names []string
}

// bars draws one row per answer: the label, a bar of block characters
// (# in ASCII) as long as its share, the count and the percentage. The
// numbers say it all without the bar; the bar without colour.
func (b *Beamer) bars(rows []bar, total int) []string {
	full, empty := "█", "░"
	if b.opt.ASCII {
		full, empty = "#", "."
	}
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, ansi.StringWidth(r.label))
	}
	labelW = min(labelW, b.w*2/5)
	const numW = 11 // " 500  100%"
	barW := max(b.w-2-labelW-2-numW, 5)
	var out []string
	for _, r := range rows {
		pct := 0
		if total > 0 {
			pct = (r.n*100 + total/2) / total
		}
		filled := 0
		if total > 0 {
			filled = (r.n*barW + total/2) / total
		}
		if r.n > 0 && filled == 0 {
			filled = 1 // one answer is visible, however many people
		}
		label := strings.Split(wrap.Break(r.label, labelW), "\n")
		line := "  " + pad(label[0], labelW) + "  " + strings.Repeat(full, filled) + strings.Repeat(empty, barW-filled) +
			fmt.Sprintf(" %4d  %3d%%", r.n, pct)
		out = append(out, line)
		for _, l := range label[1:] {
			out = append(out, "  "+l)
		}
		if b.names && r.n > 0 {
			out = append(out, b.nameLines(r.names, labelW+4)...)
		}
	}
	return out
}

func pad(s string, w int) string { return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) }

// nameLines lists names under a bar, at most three lines, then how many
// more: at 500 the list would push everything off the screen.
func (b *Beamer) nameLines(names []string, indent int) []string {
	const most = 3
	width := max(b.w-indent-1, 10)
	var lines [][]string
	var cur []string
	fits := func(line []string, tail string) bool {
		return ansi.StringWidth(strings.Join(line, ", ")+tail) <= width
	}
	for i, n := range names {
		n = ansi.Truncate(clean(n), width-1, "…")
		if fits(append(cur, n), ",") || len(cur) == 0 {
			cur = append(cur, n)
			continue
		}
		if len(lines) == most-1 {
			// The last line: drop names until "en N meer" fits.
			left := len(names) - i
			for len(cur) > 1 && !fits(cur, fmt.Sprintf(" en %d meer", left)) {
				cur, left = cur[:len(cur)-1], left+1
			}
			cur[len(cur)-1] += fmt.Sprintf(" en %d meer", left)
			break
		}
		lines = append(lines, cur)
		cur = []string{n}
	}
	lines = append(lines, cur)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Repeat(" ", indent) + strings.Join(l, ", ")
		if i < len(lines)-1 {
			out[i] += ","
		}
	}
	return out
}

// footer is the status line and the keys; ? shows every key.
func (b *Beamer) footer(status string) string {
	var keys string
	if b.allKeys {
		keys = keyhelp.FitFull(b.help, b.keys.full(), b.w)
	} else {
		short, drop := b.keys.short()
		keys = keyhelp.FitShort(b.help, short, drop, []key.Binding{b.keys.Help, keyhelp.WithDesc(b.keys.Quit, "q", "terug")}, b.w)
	}
	return wrap.Break(status, b.w) + "\n" + keys
}
