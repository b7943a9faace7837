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
// SIGQUIT would exit with the screen still in raw mode).
//
// A SIGTSTP (kill -TSTP from outside, or ctrl+z: see suspendKey) suspends
// the program: Bubble Tea hands the terminal back (tea.SuspendMsg) and
// sends SIGTSTP to itself to stop. Once Go has caught SIGTSTP for us, it
// keeps catching it (signal.Stop does not restore the default), so that
// second SIGTSTP would never stop the process: the shell got no prompt
// and the program no terminal. It arrives here instead, and SIGSTOP, which
// cannot be caught, stops the process for real. On SIGCONT (fg) Bubble
// Tea takes the terminal again and draws the whole screen anew.
// The returned function stops the handling.
func handleSignals(p *tea.Program) (stop func()) {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGHUP, syscall.SIGQUIT)
	tstp := make(chan os.Signal, 2)
	signal.Notify(tstp, syscall.SIGTSTP)
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, syscall.SIGCONT)
	done := make(chan struct{})
	go func() {
		suspending := false
		for {
			select {
			case <-done:
				return
			case <-quit:
				p.Quit()
			case <-cont:
				suspending = false
			case <-tstp:
				if suspending {
					// Bubble Tea's own SIGTSTP: the terminal is handed back.
					syscall.Kill(os.Getpid(), syscall.SIGSTOP)
					continue
				}
				suspending = true
				// Not from this goroutine's time: Send waits for the
				// event loop, which may be busy suspending.
				go p.Send(tea.SuspendMsg{})
			}
		}
	}()
	return func() {
		signal.Stop(quit)
		signal.Stop(tstp)
		signal.Stop(cont)
		close(done)
	}
}

// suspendKey turns the ctrl+z key into a SIGTSTP to this process. The
// terminal is in raw mode, so ctrl+z arrives as a key and not as a signal;
// handleSignals then suspends as for a SIGTSTP from outside: one path for
// both. Only the local program has this filter: in the room (SSH) ctrl+z
// must not stop the server.
func suspendKey(_ tea.Model, msg tea.Msg) tea.Msg {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+z" {
		syscall.Kill(os.Getpid(), syscall.SIGTSTP)
		return nil
	}
	return msg
}
