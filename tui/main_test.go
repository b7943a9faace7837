package tui_test

import (
	"os"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/cli"
)

// The tmux tests run this test binary as the program: with
// AFSTANDSWIJZER_ALS_PROGRAMMA=1 it is afstandswijzer itself, so no test
// has to build the binary (that was most of their time).
func TestMain(m *testing.M) {
	if os.Getenv("AFSTANDSWIJZER_ALS_PROGRAMMA") == "1" {
		os.Exit(cli.Main(os.Args[1:], cli.OSEnv(cli.Build{})))
	}
	os.Exit(m.Run())
}
