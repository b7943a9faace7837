// Command glamourkop is the yardstick of the start-up benchmark: the
// smallest Glamour program, rendering one heading. afstandswijzer --version
// should start within 1.2 times its time.
package main

import (
	"fmt"
	"os"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
)

func main() {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(styles.DarkStyle))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := r.Render("# Kop\n")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Print(out)
}
