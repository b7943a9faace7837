package room

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// The server is a chain of middleware, as soft-serve builds its SSH
// server: each does one thing and hands the session on.
//
//	recover -> logging -> seat limit -> line mode without a pty -> Bubble Tea
type middleware func(ssh.Handler) ssh.Handler

func chain(h ssh.Handler, mws ...middleware) ssh.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func (s *server) handler() ssh.Handler {
	return chain(s.handleTea, s.recoverMW, s.logMW, s.seatMW, s.plainMW)
}

type ticketCtxType struct{}

var ticketCtx = ticketCtxType{}

// crashText ends a session whose program failed.
const crashText = "Er ging iets mis in het programma. Je antwoorden tot nu toe zijn bewaard. Log opnieuw in om verder te gaan."

// recoverMW ends only the session whose handler panics: the participant
// gets a Dutch line, the trainer's log names them and a crash file is
// kept; the room goes on.
func (s *server) recoverMW(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if v := recover(); v != nil {
				s.room.crashed(sessionName(sess), v, debug.Stack())
				fmt.Fprintln(sess, "\r\n"+crashText)
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// sessionName is the participant's name once they have one, else the
// address: for the log.
func sessionName(sess ssh.Session) string {
	if t, ok := sess.Context().Value(ticketCtx).(*ticket); ok {
		if n := t.name(); n != "" {
			return n
		}
	}
	return "een verbinding vanaf " + hostOf(sess.RemoteAddr().String())
}

// logMW logs connections that end before they chose a name (the name
// screen's timeout, or someone who gave up); joins and leaves are logged
// by the room.
func (s *server) logMW(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		next(sess)
		if t, ok := sess.Context().Value(ticketCtx).(*ticket); ok && t.name() == "" {
			s.room.log("een verbinding vanaf %s stopte zonder naam (na %s)", hostOf(sess.RemoteAddr().String()), time.Since(start).Round(time.Second))
		}
	}
}

// seatMW lets a connection onto the name screen, within the room's
// limits, and checks with SSH keepalives that it is still there.
func (s *server) seatMW(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		evict := func() {
			fmt.Fprint(sess, "\r\n"+lobbyFullText+"\r\n")
			_ = sess.Close()
		}
		t, refusal := s.room.enter(sessionKey(sess.Context()), evict)
		if t == nil {
			s.room.refuse(refusedFull, "een verbinding vanaf %s is geweigerd: %s", hostOf(sess.RemoteAddr().String()), refusal)
			wish.Fatalln(sess, refusal)
			return
		}
		defer s.room.exit(t)
		sess.Context().SetValue(ticketCtx, t)
		if conn, ok := sess.Context().Value(ssh.ContextKeyConn).(gossh.Conn); ok {
			ctx, cancel := context.WithCancel(sess.Context())
			defer cancel()
			go keepalive(ctx, conn, s.keepEvery, s.keepWait)
		}
		next(sess)
	}
}

// Keepalives find a connection that is gone without closing (a laptop
// that went to sleep, a frozen client) within keepaliveEvery +
// keepaliveWait, so its name can be continued.
const (
	keepaliveEvery = 10 * time.Second
	keepaliveWait  = 20 * time.Second
)

func keepalive(ctx context.Context, conn gossh.Conn, every, wait time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		replied := make(chan struct{})
		go func() {
			// Any reply counts, also a refusal: the client is there.
			_, _, _ = conn.SendRequest("keepalive@openssh.com", true, nil)
			close(replied)
		}()
		select {
		case <-ctx.Done():
			return
		case <-replied:
		case <-time.After(wait):
			_ = conn.Close()
			return
		}
	}
}

// plainMW gives a session without a pty the line mode.
func (s *server) plainMW(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, isPty := sess.Pty(); !isPty {
			s.handlePlain(sess)
			return
		}
		next(sess)
	}
}

// handleTea runs a participant's full-screen program.
func (s *server) handleTea(sess ssh.Session) {
	t := sess.Context().Value(ticketCtx).(*ticket)
	_, winCh, _ := sess.Pty()
	m := newPartModel(s.room, t)
	opts := append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler())
	p := tea.NewProgram(m, opts...)
	m.program = p
	m.kick = func(text string) {
		p.Send(byeMsg{text: text})
		// A connection that stopped reading must not keep its seat.
		time.AfterFunc(byeDelay+time.Second, func() { _ = sess.Close() })
	}
	m.closeLater = func() { time.AfterFunc(byeDelay+time.Second, func() { _ = sess.Close() }) }
	s.room.onBye(t, m.kick)
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	go func() {
		for {
			select {
			case <-ctx.Done():
				p.Quit()
				return
			case w, ok := <-winCh:
				if !ok {
					// The session is ending: keep waiting for ctx, so
					// the program is still told to quit.
					winCh = nil
					continue
				}
				p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	_, _ = p.Run()
	p.Kill()
	if m.p != nil {
		s.room.leave(m.p)
	}
}

// crashed logs a panic in one participant's session and keeps a crash
// file in the room folder's .fouten.
func (r *room) crashed(who string, v any, stack []byte) {
	dir := filepath.Join(r.dir, crashDir)
	path := ""
	if err := os.MkdirAll(dir, 0o700); err == nil {
		if f, err := os.CreateTemp(dir, "fout-*.log"); err == nil {
			fmt.Fprintf(f, "afstandswijzer studiemiddag: fout in de sessie van %s\n\n%v\n\n%s", who, v, stack)
			f.Close()
			path = f.Name()
		}
	}
	if path == "" {
		r.log("fout in de sessie van %s: %v (geen foutbestand)", who, v)
		return
	}
	r.log("fout in de sessie van %s; die sessie is gestopt, de rest gaat door (%s)", who, path)
}
