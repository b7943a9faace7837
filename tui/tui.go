// Package tui presents the decision engine as a full-screen terminal
// program. It holds no decision logic of its own.
package tui

import (
	"errors"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Options configure Run.
type Options struct {
	Engine *decision.Engine
}

// Run starts the interactive program.
func Run(opt Options) error {
	return errors.New("de interactieve vragenlijst is nog niet klaar; gebruik 'afstandswijzer samenvatting --antwoorden BESTAND'")
}
