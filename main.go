// Command afstandswijzer helps mbo teachers decide, step by step, how they
// may use distance education in a lesson, and shows which rules apply.
// Everything happens in package cli; main only starts it.
package main

import (
	"os"

	"github.com/afstandswijzer/afstandswijzer/cli"
)

// Set by the release build through -ldflags "-X main.version=...".
var (
	version = ""
	commit  = ""
	date    = ""
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.OSEnv(cli.Build{Version: version, Commit: commit, Date: date})))
}
