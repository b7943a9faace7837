package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/tui"
)

func cmdExport(env *Env, args []string) int {
	stdout, stderr := env.Stdout, env.Stderr
	c := newFlags(env, "inhoud")
	dir := c.fs.String("naar", "", "schrijf de inhoud naar `MAP` (een nieuwe of lege map)")
	if code, done := c.parse(args, stdout, stderr); done {
		return code
	}
	if *dir == "" {
		return c.fail(stderr, "geef een map op met --naar MAP")
	}
	src := content.Default()
	if c.inhoud != "" {
		if _, err := loadContent(c.inhoud); err != nil {
			reportContentError(stderr, err)
			return exitUsage
		}
		src = os.DirFS(c.inhoud)
	}
	// Never overwrite: an institution's edited copy is worth more than ours.
	for _, name := range content.Files {
		if _, err := os.Stat(filepath.Join(*dir, name)); err == nil {
			fmt.Fprintf(stderr, "afstandswijzer inhoud: %s bestaat al; kies een lege of nieuwe map, dan overschrijf ik niets\n", filepath.Join(*dir, name))
			return exitUsage
		}
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "afstandswijzer inhoud: kan de map %s niet maken: %s\n", *dir, tui.FileError(err))
		return exitFail
	}
	for _, name := range content.Files {
		data, err := fs.ReadFile(src, name)
		if err == nil {
			err = tui.WriteFileAtomic(filepath.Join(*dir, name), data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer inhoud: kan %s niet schrijven: %s\n", name, tui.FileError(err))
			return exitFail
		}
	}
	abs, _ := filepath.Abs(*dir)
	fmt.Fprintf(stdout, "De inhoud staat in %s (%d bestanden).\nPas de bestanden aan, controleer ze met:\n  afstandswijzer controleer --inhoud %s\nen gebruik ze met --inhoud %s.\n", abs, len(content.Files), *dir, *dir)
	return exitOK
}
