package room

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/afstandswijzer/afstandswijzer/store/session"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
)

// server is the SSH side of a study afternoon: it checks the room code,
// refuses everything but an interactive session, and gives every session
// its own program.
type server struct {
	cfg         Config
	room        *room
	ssh         *ssh.Server
	ln          net.Listener
	fingerprint string

	authDelay time.Duration // per recent failure of an address
	// keepEvery and keepWait: see keepalive.
	keepEvery, keepWait time.Duration
	mu                  sync.Mutex
	failures            map[string]*failure
}

type failure struct {
	n    int
	last time.Time
}

func newServer(cfg Config, r *room) (*server, error) {
	s := &server{cfg: cfg, room: r, authDelay: 500 * time.Millisecond, failures: map[string]*failure{},
		keepEvery: keepaliveEvery, keepWait: keepaliveWait}
	if err := os.MkdirAll(filepath.Dir(cfg.HostKeyPath), 0o700); err != nil {
		return nil, fmt.Errorf("kan de map voor de sleutel van de server niet maken: %s", session.FileError(err))
	}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithBanner(banner),
		wish.WithIdleTimeout(cfg.Idle),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler { return s.handler() }),
	)
	if err != nil {
		return nil, fmt.Errorf("de sleutel van de server werkt niet (%s): %w", cfg.HostKeyPath, err)
	}
	srv.HandshakeTimeout = 30 * time.Second
	srv.ServerConfigCallback = s.authConfig
	// Only interactive sessions: no exec, no subsystems such as sftp, no
	// port forwarding (the callbacks stay nil, which refuses), no agent
	// or X11 forwarding and no environment variables.
	srv.SessionRequestCallback = func(_ ssh.Session, kind string) bool { return kind == "shell" }
	srv.SubsystemHandlers = nil
	srv.RequestHandlers = map[string]ssh.RequestHandler{}
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session": func(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
			ssh.DefaultSessionHandler(srv, conn, filteredChannel{nc}, ctx)
		},
	}
	if len(srv.HostSigners) == 0 {
		return nil, errors.New("de server heeft geen sleutel")
	}
	s.fingerprint = gossh.FingerprintSHA256(srv.HostSigners[0].PublicKey())
	s.ssh = srv
	return s, nil
}

// bannerText is the greeting ssh shows before it asks for the code;
// banner is it wrapped at 80 columns between words (ssh clients print it
// as it is, and a terminal would break words).
const bannerText = "Welkom bij de studiemiddag van afstandswijzer.\nTyp de code die de trainer laat zien.\nVraagt ssh om een password? Typ dan ook de code.\nJe ziet niet wat je typt; dat is normaal."

var banner = wrap.Words(bannerText, 80) + "\n"

// plainWelcome opens the line mode over SSH: what the welcome screen
// says in the full screen about where the answers go.
const plainWelcome = "Welkom bij de studiemiddag. Je antwoorden worden bewaard op de computer van de trainer. De trainer kan ze bekijken en vergelijken. Ze gaan nergens anders heen, ook niet naar internet."

// refusedRequests are session requests the room never grants.
var refusedRequests = map[string]bool{
	"env":                        true,
	"auth-agent-req@openssh.com": true,
	"x11-req":                    true,
	"exec":                       true,
	"subsystem":                  true,
}

// filteredChannel refuses refusedRequests before charm.land/ssh sees them
// (it would accept "env" and agent requests).
type filteredChannel struct{ gossh.NewChannel }

func (f filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			if refusedRequests[r.Type] {
				if r.WantReply {
					_ = r.Reply(false, nil)
				}
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// syncReader calls sync before every read: the line mode reads the next
// line only after it saved the previous answer.
type syncReader struct {
	r    io.Reader
	sync func()
}

func (s *syncReader) Read(b []byte) (int, error) {
	s.sync()
	return s.r.Read(b)
}

// replaceWriter hides the trainer's paths and local commands from the
// line mode's messages; the line mode writes whole lines.
type replaceWriter struct {
	w io.Writer
	r *strings.Replacer
}

func (w *replaceWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(w.w, w.r.Replace(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Addr is the address the server listens on.
func (s *server) Addr() net.Addr { return s.ln.Addr() }

func (s *server) serve() error {
	err := s.ssh.Serve(s.ln)
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// stop shows every participant the goodbye screen, waits for the sessions
// to end (at most timeout), writes every file that is still due and
// closes the server.
func (s *server) stop(timeout time.Duration) {
	s.room.mu.Lock()
	s.room.stopping = true // no new participants while stopping
	s.room.mu.Unlock()
	s.room.goodbye()
	done := make(chan struct{})
	go func() { s.room.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(timeout):
	}
	s.room.flushAll()
	_ = s.ssh.Close()
	// ssh.Server.Close closes only listeners Serve has registered; when
	// the room stops before Serve got that far, Serve would wait for
	// ever on this one.
	_ = s.ln.Close()
}
