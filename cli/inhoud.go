package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/store/safefile"
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
	// A new or empty folder, as the help says: an institution's edited
	// copy, or anything else in that folder, is worth more than ours.
	if problem := exportDirProblem(*dir); problem != "" {
		fmt.Fprintf(stderr, "afstandswijzer inhoud: %s\n", problem)
		return exitUsage
	}
	made := missingDirs(*dir)
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		code := exitFail
		if errors.Is(err, syscall.ENOTDIR) || errors.Is(err, fs.ErrExist) {
			code = exitUsage // a file where a folder should be
		}
		fmt.Fprintf(stderr, "afstandswijzer inhoud: kan de map %s niet maken: %s\n", *dir, fileReason(err))
		return code
	}
	var written []string
	for _, name := range content.Files {
		path := filepath.Join(*dir, name)
		data, err := fs.ReadFile(src, name)
		if err == nil {
			// O_EXCL: a file that appeared since the check is kept.
			err = createNew(path, data, safefile.ExportMode)
		}
		if err != nil {
			fmt.Fprintf(stderr, "afstandswijzer inhoud: kan %s niet schrijven: %s\n", path, fileReason(err))
			// Half a copy is no copy (a full disk): remove what we made.
			removeMade(written, made)
			return exitFail
		}
		written = append(written, path)
	}
	abs, _ := filepath.Abs(*dir)
	fmt.Fprintf(stdout, "De inhoud staat in %s (%d bestanden).\nPas de bestanden aan, controleer ze met:\n  afstandswijzer controleer --inhoud %s\nen gebruik ze met --inhoud %s.\n", abs, len(content.Files), *dir, *dir)
	return exitOK
}

// exportDirProblem says why dir cannot take the content: it is a file,
// part of its path is a file, or it is a folder that is not empty.
func exportDirProblem(dir string) string {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Part of the path may be a file: walk up to what exists.
		for p := filepath.Dir(dir); ; p = filepath.Dir(p) {
			if st, err := os.Stat(p); err == nil {
				if !st.IsDir() {
					return fmt.Sprintf("%s is een bestand, geen map; kies een nieuwe of lege map", p)
				}
				return ""
			}
			if p == filepath.Dir(p) {
				return ""
			}
		}
	case err != nil:
		if errors.Is(err, syscall.ENOTDIR) {
			return fmt.Sprintf("een deel van %s is een bestand, geen map; kies een nieuwe of lege map", dir)
		}
		return fmt.Sprintf("kan de map %s niet gebruiken: %s", dir, fileReason(err))
	case !st.IsDir():
		return fmt.Sprintf("%s is een bestand, geen map; kies een nieuwe of lege map", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Sprintf("kan de map %s niet lezen: %s", dir, fileReason(err))
	}
	if len(entries) > 0 {
		var names []string
		for _, e := range entries[:min(len(entries), 3)] {
			names = append(names, e.Name())
		}
		more := ""
		if len(entries) > 3 {
			more = ", …"
		}
		return fmt.Sprintf("de map %s is niet leeg (%s%s); kies een nieuwe of lege map, dan overschrijf ik niets", dir, strings.Join(names, ", "), more)
	}
	return ""
}

// createNew is safefile.CreateNew; tests put a full disk in its place.
var createNew = safefile.CreateNew

// missingDirs lists dir and those of its parents that do not exist yet,
// innermost first: what MkdirAll will make.
func missingDirs(dir string) []string {
	var out []string
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); err == nil || p == filepath.Dir(p) {
			return out
		}
		out = append(out, p)
	}
}

// removeMade removes the files an export wrote and the folders it made
// (innermost first); a folder someone else put something in stays.
func removeMade(files, dirs []string) {
	for _, f := range files {
		os.Remove(f)
	}
	for _, d := range dirs {
		os.Remove(d)
	}
}
