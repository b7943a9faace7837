package room

import (
	"bufio"
	"context"
	"crypto/subtle"
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

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/afstandswijzer/afstandswijzer/internal/wrap"
	"github.com/afstandswijzer/afstandswijzer/linemode"
)

// maxAuthTries is how many codes one connection may try.
const maxAuthTries = 3

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
	mu        sync.Mutex
	failures  map[string]*failure
}

type failure struct {
	n    int
	last time.Time
}

func newServer(cfg Config, r *room) (*server, error) {
	s := &server{cfg: cfg, room: r, authDelay: 500 * time.Millisecond, failures: map[string]*failure{}}
	if err := os.MkdirAll(filepath.Dir(cfg.HostKeyPath), 0o700); err != nil {
		return nil, fmt.Errorf("kan de map voor de sleutel van de server niet maken: %s", session.FileError(err))
	}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithBanner(banner),
		wish.WithPasswordAuth(func(ctx ssh.Context, pw string) bool { return s.checkCode(ctx, pw) }),
		wish.WithKeyboardInteractiveAuth(func(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
			ans, err := ch("", "", []string{"Code van de studiemiddag: "}, []bool{false})
			return err == nil && len(ans) == 1 && s.checkCode(ctx, ans[0])
		}),
		wish.WithIdleTimeout(cfg.Idle),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler { return s.handle }),
	)
	if err != nil {
		return nil, fmt.Errorf("de sleutel van de server werkt niet (%s): %w", cfg.HostKeyPath, err)
	}
	srv.HandshakeTimeout = 30 * time.Second
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{MaxAuthTries: maxAuthTries}
	}
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

// checkCode compares the code case-insensitively. After a wrong code the
// answer is delayed, longer with every recent failure from the address.
func (s *server) checkCode(ctx ssh.Context, code string) bool {
	want := strings.ToUpper(s.cfg.Code)
	got := strings.ToUpper(strings.TrimSpace(code))
	if subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1 {
		return true
	}
	host := ctx.RemoteAddr().String()
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	s.mu.Lock()
	f := s.failures[host]
	if f == nil || time.Since(f.last) > time.Minute {
		f = &failure{}
		s.failures[host] = f
	}
	f.n++
	f.last = time.Now()
	n := f.n
	s.mu.Unlock()
	s.room.log("verkeerde code vanaf %s", host)
	time.Sleep(s.authDelay * time.Duration(min(n, 6)))
	return false
}

const fullText = "De studiemiddag is vol: er doen al %d deelnemers mee. Vraag de trainer wat je kunt doen."

func (s *server) handle(sess ssh.Session) {
	if !s.room.seat() {
		wish.Fatalln(sess, fmt.Sprintf(fullText, s.room.max))
		return
	}
	defer s.room.unseat()
	_, winCh, isPty := sess.Pty()
	if !isPty {
		s.handlePlain(sess)
		return
	}
	m := newPartModel(s.room, sess.User())
	opts := append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler())
	p := tea.NewProgram(m, opts...)
	m.program = p
	m.kick = func(text string) {
		p.Send(byeMsg{text: text})
		// A connection that stopped reading must not keep its seat.
		time.AfterFunc(byeDelay+time.Second, func() { _ = sess.Close() })
	}
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
		if err := s.room.sync(m.p); err != nil {
			s.room.log("%s: antwoorden niet bewaard: %s", m.p.name, session.FileError(err))
		}
		s.room.leave(m.p)
	}
}

// handlePlain runs the line mode for a session without a pty (ssh -T, or
// a screen reader user who prefers it). With --casus it starts on the
// case's review, as the full screen does: a new participant with the
// case's answers, a returning one with their own.
func (s *server) handlePlain(sess ssh.Session) {
	in := bufio.NewReaderSize(sess, 4096)
	fmt.Fprint(sess, wrap.Words(plainWelcome, 80)+"\n\n")
	var p *participant
	var returning bool
	for range 3 {
		fmt.Fprintf(sess, "Hoe heet je, of hoe heet je team? Druk op Enter voor %q: ", DisplayName(sess.User()))
		line, err := in.ReadSlice('\n')
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return
		}
		name := strings.TrimSpace(string(line))
		if name == "" {
			name = sess.User()
		}
		kick := func(text string) {
			fmt.Fprintln(sess, "\n"+text)
			_ = sess.Close()
		}
		p, returning, err = s.room.join(name, kick, nil)
		if err == nil {
			break
		}
		fmt.Fprintln(sess, "Typ een naam met minstens één letter of cijfer.")
	}
	if p == nil {
		return
	}
	defer s.room.leave(p)
	path := s.room.sessionPath(p.file)
	opt := linemode.Options{
		Engine: s.room.eng, SessionPath: path, Resume: linemode.ResumeContinue, Remote: true,
		Dir: s.room.outputPath(p.file), Now: s.room.now,
	}
	if cs := s.room.cs; cs.answers != nil {
		opt.Answers, opt.Title, opt.Story = cs.answers, cs.title, cs.story
		if a := s.room.savedAnswers(p); returning && len(a) > 0 {
			opt.Answers = a
		} else if err := s.room.start(p, cs.answers); err != nil {
			s.room.log("%s: antwoorden niet bewaard: %s", p.name, session.FileError(err))
		}
	}
	// The line mode names no path or command of the trainer's laptop
	// (Remote); should a message still hold one, it is replaced here.
	out := &replaceWriter{w: sess, r: strings.NewReplacer(
		path, "de map van de trainer",
		linemode.ContinueCmd, "opnieuw inloggen met dezelfde naam",
	)}
	sync := func() {
		if err := s.room.sync(p); err != nil {
			s.room.log("%s: antwoorden niet bewaard: %s", p.name, session.FileError(err))
		}
	}
	opt.In, opt.Out = &syncReader{r: in, sync: sync}, out
	err := linemode.Run(opt)
	sync()
	if err != nil && !errors.Is(err, linemode.ErrInput) {
		s.room.log("%s: %v", p.name, err)
	}
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
// to end (at most timeout) and closes the server. Answers are saved after
// every answer, so nothing is lost when a session is cut off.
func (s *server) stop(timeout time.Duration) {
	s.room.mu.Lock()
	s.room.max = 0 // no new participants while stopping
	s.room.mu.Unlock()
	s.room.goodbye()
	done := make(chan struct{})
	go func() { s.room.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(timeout):
	}
	_ = s.ssh.Close()
	// ssh.Server.Close closes only listeners Serve has registered; when
	// the room stops before Serve got that far, Serve would wait for
	// ever on this one.
	_ = s.ln.Close()
}
