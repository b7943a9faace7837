// Package room serves afstandswijzer over SSH for a trainer's study
// afternoon: participants join with `ssh -p 2323 naam@laptop` and the room
// code, each gets their own session of the TUI, and the trainer follows
// the room on a dashboard. Answers are saved per participant as answers
// files that `afstandswijzer vergelijk MAP/*.toml` reads afterwards.
//
// It sits beside tui (as soft-serve keeps pkg/ssh beside pkg/ui): it may
// import tui, linemode, store, report, decision and content; nothing below
// imports it.
package room

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Defaults for Config.
const (
	DefaultAddr = ":2323"
	DefaultMax  = 40
	DefaultIdle = 30 * time.Minute
)

// Config configures Run. Engine is required; everything else has a default.
type Config struct {
	Engine *decision.Engine

	// Addr is HOST:POORT to listen on (--adres); empty means ":2323".
	Addr string
	// Code is the room code (--code); empty means a random one of six
	// easy characters.
	Code string
	// Dir is the folder for the answers files (--map); empty means
	// studiemiddag-YYYY-MM-DD in the current folder.
	Dir string
	// CaseName, CaseTitle, CaseStory and CaseAnswers, when CaseAnswers is
	// set, start every participant on the review screen of that case
	// (--casus).
	CaseName    string
	CaseTitle   string
	CaseStory   string
	CaseAnswers decision.Answers
	// Cases are what the trainer can start a new round with from the
	// dashboard (besides eigen les).
	Cases []Case
	// Max is the number of participants at the same time (--max); 0 means 40.
	Max int
	// Idle disconnects a participant after this long without traffic; 0
	// means 30 minutes.
	Idle time.Duration
	// HostKeyPath is the ed25519 host key, made on first use; empty means
	// os.UserConfigDir()/afstandswijzer/studiemiddag_ed25519.
	HostKeyPath string

	// Stdin and Stdout are the trainer's terminal. Errors are returned,
	// not written; Stderr is kept for the caller's own messages.
	// With IsTerminal false, Stdout gets one log line per event instead of
	// the dashboard, and Run stops when ctx is cancelled.
	Stdin      io.Reader
	Stdout     io.Writer
	Stderr     io.Writer
	IsTerminal bool
	// NoColor draws the dashboard without colour (NO_COLOR).
	NoColor bool
	// Now gives the date and the log times; nil means time.Now.
	Now func() time.Time

	// ready, when set, is called once the server listens (tests).
	ready func(*server)
	// winSize fixes the dashboard's size when Stdout is no terminal (tests).
	winSize [2]int
}

// withDefaults fills in the defaults and checks the values. Wrong
// values are a *UsageError.
func (c Config) withDefaults() (Config, error) {
	if c.Engine == nil {
		return c, errors.New("studiemiddag: geen engine")
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	// Port 0 (any free port) is for tests; the command line refuses it.
	if err := checkAddr(c.Addr, 0); err != nil {
		return c, err
	}
	if c.Code == "" {
		c.Code = NewCode()
	}
	if err := CheckCode(c.Code); err != nil {
		return c, err
	}
	if c.Max == 0 {
		c.Max = DefaultMax
	}
	if err := CheckMax(c.Max); err != nil {
		return c, err
	}
	if c.Idle == 0 {
		c.Idle = DefaultIdle
	}
	if c.Dir == "" {
		c.Dir = "studiemiddag-" + c.Now().Format("2006-01-02")
	}
	if c.HostKeyPath == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return c, errors.New("er is geen map voor instellingen, dus ook geen plek voor de sleutel van de server")
		}
		c.HostKeyPath = filepath.Join(dir, "afstandswijzer", "studiemiddag_ed25519")
	}
	if c.Stdout == nil {
		c.Stdout = io.Discard
	}
	if c.Stderr == nil {
		c.Stderr = io.Discard
	}
	return c, nil
}

// Case is a case for a round: everyone starts on its story and its
// answers, and changes what they would answer otherwise.
type Case struct {
	Name, Title, Story string
	Answers            decision.Answers
}

// UsageError is a wrong option value (--adres, --code, --max): the
// command line exits with code 2. Msg is one Dutch line that names the
// option and what is valid.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usageErr(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// MaxLimit is the largest --max.
const MaxLimit = 500

// memoryLimit is the room's soft memory limit (runtime/debug).
const memoryLimit = 850 << 20

// CheckMax accepts 1 to MaxLimit participants.
func CheckMax(n int) error {
	if n < 1 || n > MaxLimit {
		return usageErr("--max moet een getal van 1 tot %d zijn, niet %d", MaxLimit, n)
	}
	return nil
}

// CheckCode accepts a trainer's own code: 4 to 32 letters and digits, so
// it can be typed on every keyboard and shown large on the dashboard.
func CheckCode(code string) error {
	const valid = "4 tot 32 letters (a-z) en cijfers (0-9)"
	ok := len(code) >= 4 && len(code) <= 32
	for _, r := range code {
		ok = ok && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}
	if !ok {
		// %q: the value comes from outside and may hold escape codes.
		return usageErr("ongeldige --code %q: gebruik %s, zonder spaties of leestekens", code, valid)
	}
	return nil
}

// CheckAddr accepts --adres: HOST:POORT with a port from 1 to 65535 and
// HOST empty (every network of the laptop), an IP address or a host name.
func CheckAddr(addr string) error { return checkAddr(addr, 1) }

func checkAddr(addr string, minPort int) error {
	const example = "bijvoorbeeld --adres :2323 of --adres 192.168.1.20:2323"
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usageErr("ongeldig --adres %q: gebruik HOST:POORT, %s", addr, example)
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < minPort || n > 65535 || strings.TrimLeft(port, "0123456789") != "" {
		return usageErr("ongeldig --adres %q: de poort moet een getal van %d tot 65535 zijn, %s", addr, minPort, example)
	}
	if host != "" && net.ParseIP(host) == nil && !hostName(host) {
		return usageErr("ongeldig --adres %q: HOST moet leeg zijn, een IP-adres of een computernaam, %s", addr, example)
	}
	return nil
}

// hostName reports a plausible DNS name: letters, digits, dots, hyphens.
func hostName(s string) bool {
	if len(s) > 253 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return false
		}
	}
	return true
}

// listenError explains why listening on addr failed, in Dutch and
// without Go's English text where the cause is known.
func listenError(addr string, err error) error {
	var errno syscall.Errno
	errors.As(err, &errno)
	switch {
	case errno == syscall.EADDRINUSE || runtime.GOOS == "windows" && errno == 10048: // WSAEADDRINUSE
		return fmt.Errorf("kan niet luisteren op %s: die poort is al in gebruik. Draait de studiemiddag al, of gebruikt een ander programma die poort? Kies een andere poort, bijvoorbeeld met --adres :2424", addr)
	case errno == syscall.EADDRNOTAVAIL || runtime.GOOS == "windows" && errno == 10049: // WSAEADDRNOTAVAIL
		return usageErr("kan niet luisteren op %s: dat adres is niet van deze computer. Laat HOST weg om op alle netwerken te luisteren, bijvoorbeeld --adres :2323", addr)
	case errors.Is(err, os.ErrPermission) || errno == syscall.EACCES:
		return fmt.Errorf("kan niet luisteren op %s: je mag die poort niet gebruiken. Kies een poort boven 1024, bijvoorbeeld --adres :2323", addr)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return usageErr("kan niet luisteren op %s: deze computer kent de naam %q niet. Gebruik een IP-adres of laat HOST weg, bijvoorbeeld --adres :2323", addr, dns.Name)
	}
	return fmt.Errorf("kan niet luisteren op %s: %w", addr, err)
}

// Run serves the study afternoon until the trainer stops it on the
// dashboard or ctx is cancelled. Participants then see a goodbye screen;
// their answers files stay in cfg.Dir.
func Run(ctx context.Context, cfg Config) error {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	// Every participant holds screen buffers of their own; by default
	// Go lets the heap grow to twice what is live before it collects,
	// which at hundreds of participants passes 1 GB. A soft limit makes
	// it collect sooner instead (unless the trainer set GOMEMLIMIT).
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	}
	// Listen first: a start that fails leaves no folder or key behind.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return listenError(cfg.Addr, err)
	}
	r, err := newRoom(cfg.Engine, cfg.Dir, cfg.Max, cfg.Now, caseInfo{name: cfg.CaseName, title: cfg.CaseTitle, story: cfg.CaseStory, answers: cfg.CaseAnswers})
	if err != nil {
		ln.Close()
		return fmt.Errorf("kan de map %s niet maken: %w", cfg.Dir, err)
	}
	for _, c := range cfg.Cases {
		r.cases = append(r.cases, caseInfo{name: c.Name, title: c.Title, story: c.Story, answers: c.Answers})
	}
	s, err := newServer(cfg, r)
	if err != nil {
		ln.Close()
		return err
	}
	s.ln = ln
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- s.serve() }()
	if cfg.ready != nil {
		cfg.ready(s)
	}
	info := s.info()
	if cfg.IsTerminal {
		err = runDashboard(ctx, s, info)
		if ctx.Err() != nil {
			// Stopped by a signal: the terminal may be gone (SIGHUP),
			// so drawing failed; the room still stops as with q.
			err = nil
		}
		if err == nil {
			// After the alternate screen: where the answers are.
			defer func() {
				fmt.Fprintf(cfg.Stdout, "De studiemiddag is gestopt. De antwoorden staan in %s\n%s", info.Dir, s.room.compareHint())
			}()
		}
	} else {
		err = runLog(ctx, s, info)
	}
	s.stop(byeDelay + 2*time.Second)
	if serr := <-served; err == nil {
		err = serr
	}
	return err
}

// roomInfo is what the trainer tells the room.
type roomInfo struct {
	Code        string
	Joins       []string // ssh command lines
	Fingerprint string
	Dir         string
	Max         int
	Case        string
}

func (s *server) info() roomInfo {
	port := 0
	if a, ok := s.Addr().(*net.TCPAddr); ok {
		port = a.Port
	}
	host, _, _ := net.SplitHostPort(s.cfg.Addr)
	var hosts []string
	if host != "" && host != "0.0.0.0" && host != "::" {
		hosts = []string{host}
	} else {
		hosts = lanAddrs()
	}
	abs, err := filepath.Abs(s.cfg.Dir)
	if err != nil {
		abs = s.cfg.Dir
	}
	info := roomInfo{Code: strings.ToUpper(s.cfg.Code), Fingerprint: s.fingerprint, Dir: abs, Max: s.cfg.Max, Case: s.cfg.CaseTitle}
	for _, h := range hosts {
		info.Joins = append(info.Joins, joinLine(h, port))
	}
	return info
}

// joinLine is what a participant types: ssh -p PORT naam@HOST.
func joinLine(host string, port int) string {
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port == 22 {
		return "ssh naam@" + host
	}
	return "ssh -p " + strconv.Itoa(port) + " naam@" + host
}

// lanAddrs returns the laptop's IPv4 addresses on its networks, without
// loopback; "127.0.0.1" when there is none (no network at all).
func lanAddrs() []string {
	var out []string
	ifs, err := net.Interfaces()
	if err == nil {
		for _, ifc := range ifs {
			if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
				continue
			}
			addrs, err := ifc.Addrs()
			if err != nil {
				continue
			}
			for _, a := range addrs {
				if ipn, ok := a.(*net.IPNet); ok {
					if ip4 := ipn.IP.To4(); ip4 != nil && !ip4.IsLinkLocalUnicast() {
						out = append(out, ip4.String())
					}
				}
			}
		}
	}
	if len(out) == 0 {
		out = []string{"127.0.0.1"}
	}
	return out
}

// runLog prints one line per event until ctx is cancelled: the dashboard
// without a terminal.
func runLog(ctx context.Context, s *server, info roomInfo) error {
	w := s.cfg.Stdout
	now := s.cfg.Now
	fmt.Fprintf(w, "%s studiemiddag gestart; code %s; antwoorden in %s\n", now().Format("15:04:05"), info.Code, info.Dir)
	for _, j := range info.Joins {
		fmt.Fprintf(w, "%s meedoen: %s\n", now().Format("15:04:05"), j)
	}
	fmt.Fprintf(w, "%s vingerafdruk van de server: %s\n", now().Format("15:04:05"), info.Fingerprint)
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintf(w, "%s studiemiddag gestopt; de antwoorden staan in %s\n", now().Format("15:04:05"), info.Dir)
			return nil
		case e := <-s.room.events:
			if e.Text == "" {
				continue // a refresh for the dashboard
			}
			fmt.Fprintf(w, "%s %s\n", e.Time.Format("15:04:05"), e.Text)
		}
	}
}
