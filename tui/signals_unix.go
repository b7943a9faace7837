//go:build !windows

package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// handleSignals makes the signals that Bubble Tea does not handle leave
// the terminal usable. Bubble Tea handles SIGINT and SIGTERM. A closed
// terminal window sends SIGHUP and ctrl+\ (or kill -QUIT) SIGQUIT: both
// end the program like q, so the terminal is restored (Go's default for
// SIGQUIT would exit with the screen still in raw mode). An external
// SIGTSTP (kill -TSTP, a job control "stop") suspends the program as
// ctrl+z does: the terminal is handed back first and taken again on
// SIGCONT. The returned function stops the handling.
func handleSignals(p *tea.Program) (stop func()) {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGHUP, syscall.SIGQUIT)
	tstp := make(chan os.Signal, 1)
	signal.Notify(tstp, syscall.SIGTSTP)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-quit:
				p.Quit()
			case <-tstp:
				// Bubble Tea suspends by sending SIGTSTP to itself, which
				// must stop the process, not come back here: stop catching
				// it until the process continues.
				signal.Stop(tstp)
				cont := make(chan os.Signal, 1)
				signal.Notify(cont, syscall.SIGCONT)
				p.Send(tea.SuspendMsg{})
				select {
				case <-cont:
				case <-done:
					signal.Stop(cont)
					return
				}
				signal.Stop(cont)
				signal.Notify(tstp, syscall.SIGTSTP)
			}
		}
	}()
	return func() {
		signal.Stop(quit)
		signal.Stop(tstp)
		close(done)
	}
}
