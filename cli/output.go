package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/report"
	"github.com/afstandswijzer/afstandswijzer/store/safefile"
	"github.com/charmbracelet/x/term"
)

// writeOutput writes a result in format to stdout, or to path and says
// where. Both pass the output boundary (safeOutput).
func writeOutput(cmd, path, format string, text []byte, stdout, stderr io.Writer) int {
	text = safeOutput(format, text)
	if path == "" {
		if _, err := stdout.Write(text); err != nil {
			fmt.Fprintf(stderr, "afstandswijzer %s: kan de uitvoer niet schrijven: %s\n", cmd, fileReason(err))
			return exitFail
		}
		return exitOK
	}
	if err := safefile.WriteFile(path, text, safefile.ExportMode); err != nil {
		fmt.Fprintf(stderr, "afstandswijzer %s: kan %s niet schrijven: %s\n", cmd, path, fileReason(err))
		return exitFail
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintf(stderr, "Opgeslagen in %s\n", abs)
	return exitOK
}

// outHelp describes --uit; overwriting is on purpose (a script writes the
// same file again), so the help says so.
const outHelp = "schrijf naar `BESTAND` in plaats van naar het scherm; een bestaand bestand wordt overschreven (het houdt zijn rechten); - is het scherm"

// outPathOK checks an output path before any work is done, so a typo is
// reported as bad input (exit 2) with the path named: a folder given as
// file, a folder that does not exist, a file where a folder should be, or
// one of the command's own input files (writing there would replace the
// answers with the summary). Empty means stdout.
func outPathOK(stderr io.Writer, cmd, path string, inputs ...string) bool {
	if path == "" {
		return true
	}
	problem := ""
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		problem = fmt.Sprintf("%s is een map; geef een bestandsnaam op, bijvoorbeeld %s", path, filepath.Join(path, "uitvoer.md"))
	} else if err == nil && !st.Mode().IsRegular() {
		// Replacing it would turn a device or pipe into a file; writing
		// into it is not what an output file means either.
		problem = fmt.Sprintf("kan %s niet schrijven: dit is geen gewoon bestand maar een apparaat, pipe of socket; kies een gewoon bestand", path)
	} else if dir := filepath.Dir(path); dir != "" {
		st, err := os.Stat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problem = fmt.Sprintf("kan %s niet schrijven: de map %s bestaat niet", path, dir)
		case err != nil:
			problem = fmt.Sprintf("kan %s niet schrijven: %s", path, fileReason(err))
		case !st.IsDir():
			problem = fmt.Sprintf("kan %s niet schrijven: %s is geen map", path, dir)
		}
	}
	if problem == "" {
		for _, in := range inputs {
			if in != "" && (safefile.Same(path, in) || cleanAbs(path) == cleanAbs(in)) {
				problem = fmt.Sprintf("--uit %s is ook een invoerbestand van deze opdracht; kies een andere naam, anders is %s daarna weg", path, in)
				break
			}
		}
	}
	if problem == "" {
		return true
	}
	fmt.Fprintf(stderr, "afstandswijzer %s: %s\n", cmd, problem)
	return false
}

// toStdout is "" (the standard output) for an output path that means it:
// "-", or the path of what stdout is (/dev/stdout, /dev/fd/1, or the file
// or pipe the shell connected), which a temporary file and a rename would
// replace instead of write to. Any other path is returned as it is.
func toStdout(env *Env, path string) string {
	if path == "-" {
		return ""
	}
	f, ok := env.terminal.(*os.File)
	if path == "" || !ok {
		return path
	}
	out, err := f.Stat()
	if err != nil {
		return path
	}
	if st, err := os.Stat(path); err == nil && os.SameFile(st, out) {
		return ""
	}
	return path
}

func cleanAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return abs
}

// contentInputs are the files of a --inhoud folder, which --uit must not
// replace either.
func contentInputs(dir string) []string {
	if dir == "" {
		return nil
	}
	var out []string
	for _, name := range content.Files {
		out = append(out, filepath.Join(dir, name))
	}
	return out
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

// renderTerminal formats Markdown for the terminal out, as report.Terminal
// does for every screen: at min(width, 100), light or dark as the terminal
// says, and with NO_COLOR (any non-empty value) without colour and without
// Markdown marks. The Markdown is sanitised first: the result goes to the
// terminal unwrapped.
func renderTerminal(env *Env, md string, out *os.File) (string, error) {
	var opt report.TerminalOptions
	if v, ok := env.LookupEnv("NO_COLOR"); ok && v != "" {
		opt.NoColor = true
	} else if env.IsTerminal(env.Stdin) && !lipgloss.HasDarkBackground(os.Stdin, out) {
		// The query needs a terminal on both sides; otherwise keep dark.
		opt.Light = true
	}
	return report.Terminal(content.Sanitize(md), terminalWidth(out), opt)
}

// printTerminal shows Markdown formatted when stdout is a terminal and
// reports whether it did; otherwise the caller prints the Markdown itself.
func printTerminal(env *Env, md string) (bool, error) {
	f, ok := env.terminal.(*os.File)
	if !ok || !env.IsTerminal(f) {
		return false, nil
	}
	s, err := renderTerminal(env, md, f)
	if err == nil {
		_, err = io.WriteString(f, s)
	}
	return true, err
}
