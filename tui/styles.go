package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// styles are built once per background (dark, light or no colour) and
// cached; View only uses them.
type styles struct {
	title    lipgloss.Style // program name in the header
	heading  lipgloss.Style // question text, screen titles
	selected lipgloss.Style // the option under the cursor
	normal   lipgloss.Style
	faint    lipgloss.Style // explanations, hints
	accent   lipgloss.Style
	good     lipgloss.Style
	bad      lipgloss.Style
	warn     lipgloss.Style // status messages that need attention
	why      lipgloss.Style // the why-we-ask block
	panelBar lipgloss.Style // the line left of the live side panel
	barFull  lipgloss.Style
	barEmpty lipgloss.Style
	help     help.Styles
	sym      symbols
}

// symbols are the few non-ASCII marks, with ASCII stand-ins for a
// terminal that cannot show them (the Linux console, an Ascii profile).
type symbols struct {
	check, cross, full, empty, bar string
	border                         lipgloss.Border
}

func newSymbols(ascii bool) symbols {
	if ascii {
		b := lipgloss.NormalBorder()
		b.Left = "|"
		return symbols{check: "+", cross: "x", full: "#", empty: "-", bar: "|", border: b}
	}
	return symbols{check: "✓", cross: "✗", full: "█", empty: "░", bar: "│", border: lipgloss.ThickBorder()}
}

func newStyles(dark, noColor, ascii bool) styles {
	sym := newSymbols(ascii)
	if noColor {
		plain := lipgloss.NewStyle()
		hs := help.Styles{
			ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain, Ellipsis: plain,
		}
		return styles{
			title:    plain.Bold(true),
			heading:  plain.Bold(true),
			selected: plain.Bold(true).Reverse(true),
			normal:   plain,
			faint:    plain,
			accent:   plain.Bold(true),
			good:     plain.Bold(true),
			bad:      plain.Bold(true),
			warn:     plain.Bold(true),
			why:      plain.Border(sym.border, false, false, false, true).PaddingLeft(1),
			panelBar: plain,
			barFull:  plain,
			barEmpty: plain,
			help:     hs,
			sym:      sym,
		}
	}
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#0B5CAD"), lipgloss.Color("#7DB9F5"))
	faint := ld(lipgloss.Color("#5C5C5C"), lipgloss.Color("#A8A8A8"))
	good := ld(lipgloss.Color("#1B7A2F"), lipgloss.Color("#7FD88F"))
	bad := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80"))
	warn := ld(lipgloss.Color("#8A5300"), lipgloss.Color("#FFCC66"))
	border := ld(lipgloss.Color("#9AA5B1"), lipgloss.Color("#4A5563"))
	base := lipgloss.NewStyle()
	return styles{
		title:    base.Bold(true).Foreground(accent),
		heading:  base.Bold(true),
		selected: base.Bold(true).Foreground(accent),
		normal:   base,
		faint:    base.Foreground(faint),
		accent:   base.Foreground(accent),
		good:     base.Bold(true).Foreground(good),
		bad:      base.Bold(true).Foreground(bad),
		warn:     base.Bold(true).Foreground(warn),
		why:      base.Border(sym.border, false, false, false, true).BorderForeground(accent).PaddingLeft(1),
		panelBar: base.Foreground(border),
		barFull:  base.Foreground(accent),
		barEmpty: base.Foreground(border),
		help:     help.DefaultStyles(dark),
		sym:      sym,
	}
}
