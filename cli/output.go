package cli

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/afstandswijzer/afstandswijzer/tui"
	"github.com/charmbracelet/x/term"
)

// writeOutput writes a result to stdout, or to path and says where.
func writeOutput(cmd, path string, text []byte, stdout, stderr io.Writer) int {
	var err error
	if path == "" {
		_, err = stdout.Write(text)
	} else if err = tui.WriteFileAtomic(path, text); err == nil {
		abs, _ := filepath.Abs(path)
		fmt.Fprintf(stderr, "Opgeslagen in %s\n", abs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "afstandswijzer %s: kan %s niet schrijven: %s\n", cmd, cmp.Or(path, "de uitvoer"), tui.FileError(err))
		return exitFail
	}
	return exitOK
}

// wrapIndent wraps running text at width, each line starting with prefix.
func wrapIndent(s, prefix string, width int) string {
	var lines []string
	line := prefix
	for _, w := range strings.Fields(s) {
		if line != prefix && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = prefix
		}
		if line != prefix {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}

// terminalWidth is the width of the terminal out, or 100 when unknown.
func terminalWidth(out *os.File) int {
	if w, _, err := term.GetSize(out.Fd()); err == nil && w > 20 {
		return w
	}
	return 100
}

// renderTerminal formats Markdown for the terminal with Glamour. The style
// is chosen once and passed explicitly (Glamour v2 has no automatic style);
// NO_COLOR with any non-empty value gives plain text.
func renderTerminal(env *Env, md string, out *os.File) (string, error) {
	style := styles.DarkStyle
	if v, ok := env.LookupEnv("NO_COLOR"); ok && v != "" {
		style = styles.NoTTYStyle
	} else if env.IsTerminal(env.Stdin) && !lipgloss.HasDarkBackground(os.Stdin, out) {
		// The query needs a terminal on both sides; otherwise keep dark.
		style = styles.LightStyle
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(terminalWidth(out)))
	if err != nil {
		return "", err
	}
	return r.Render(md)
}
