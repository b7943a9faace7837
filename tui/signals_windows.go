//go:build windows

package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// handleSignals ends the program like q when the console window closes
// (SIGHUP as Go reports it on Windows); there is no SIGQUIT or SIGTSTP.
func handleSignals(p *tea.Program) (stop func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-hup:
			p.Quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}

// suspendKey passes every message on: Windows has no job control.
func suspendKey(_ tea.Model, msg tea.Msg) tea.Msg { return msg }
