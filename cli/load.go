package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// loadContent loads the embedded content or the folder given with --inhoud.
// Broken content is bad input: the caller exits 2.
func loadContent(dir string) (*content.Content, error) {
	if dir == "" {
		return content.Load(content.Default())
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("de inhoudsmap %q bestaat niet of is geen map", dir)
	}
	c, err := content.Load(os.DirFS(dir))
	var ps content.Problems
	if errors.As(err, &ps) {
		// Name files with the folder, so the reader knows which copy is wrong.
		for i := range ps {
			ps[i].File = filepath.Join(dir, ps[i].File)
		}
		return nil, ps
	}
	return c, err
}

// validFormat reports an unknown --format value; true when it is valid.
func validFormat(stderr io.Writer, cmd, format string, valid ...string) bool {
	if slices.Contains(valid, format) {
		return true
	}
	fmt.Fprintf(stderr, "afstandswijzer %s: onbekend formaat %q; geldig zijn: %s\n", cmd, format, strings.Join(valid, ", "))
	return false
}

// load loads the command's content and reports broken content, which is
// bad input (exit 2) for every command but controleer.
func (c *common) load(stderr io.Writer) (*content.Content, bool) {
	ct, err := loadContent(c.inhoud)
	if err != nil {
		reportContentError(stderr, err)
		return nil, false
	}
	return ct, true
}

func reportContentError(stderr io.Writer, err error) {
	var ps content.Problems
	if errors.As(err, &ps) {
		fmt.Fprintf(stderr, "afstandswijzer: de inhoud heeft %d %s:\n", len(ps), plural(len(ps), "probleem", "problemen"))
		for _, p := range ps {
			fmt.Fprintf(stderr, "  %s\n", p)
		}
		return
	}
	fmt.Fprintf(stderr, "afstandswijzer: %v\n", err)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
