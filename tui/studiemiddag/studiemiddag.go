// Package studiemiddag serves afstandswijzer over SSH for a trainer's study
// afternoon: participants join with `ssh -p 2323 naam@laptop` and the room
// code, each gets their own session of the TUI, and the trainer follows
// the room on a dashboard. Answers are saved per participant as answers
// files that `afstandswijzer vergelijk MAP/*.toml` reads afterwards.
package studiemiddag

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

// withDefaults fills in the defaults and checks the values.
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
	if c.Code == "" {
		c.Code = NewCode()
	}
	if err := checkCode(c.Code); err != nil {
		return c, err
	}
	if c.Max == 0 {
		c.Max = DefaultMax
	}
	if c.Max < 1 || c.Max > 500 {
		return c, fmt.Errorf("--max moet tussen 1 en 500 liggen, niet %d", c.Max)
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

// checkCode accepts a trainer's own code: 4 to 32 letters and digits, so
// it can be typed on every keyboard and shown on the dashboard.
func checkCode(code string) error {
	if len(code) < 4 || len(code) > 32 {
		return fmt.Errorf("de code moet 4 tot 32 tekens lang zijn (nu %d)", len(code))
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return errors.New("de code mag alleen letters (a-z) en cijfers bevatten")
		}
	}
	return nil
}

// Run serves the study afternoon until the trainer stops it on the
// dashboard or ctx is cancelled. Participants then see a goodbye screen;
// their answers files stay in cfg.Dir.
func Run(ctx context.Context, cfg Config) error {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	r, err := newRoom(cfg.Engine, cfg.Dir, cfg.Max, cfg.Now, caseInfo{name: cfg.CaseName, title: cfg.CaseTitle, story: cfg.CaseStory, answers: cfg.CaseAnswers})
	if err != nil {
		return fmt.Errorf("kan de map %s niet maken: %w", cfg.Dir, err)
	}
	s, err := newServer(cfg, r)
	if err != nil {
		return err
	}
	if err := s.listen(); err != nil {
		return fmt.Errorf("kan niet luisteren op %s: %w (draait het programma al, of gebruikt iets anders die poort? Kies een andere met --adres :2424)", cfg.Addr, err)
	}
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
		if err == nil {
			// After the alternate screen: where the answers are.
			defer fmt.Fprintf(cfg.Stdout, "De studiemiddag is gestopt. De antwoorden staan in %s\nVergelijk ze met: afstandswijzer vergelijk %s\n",
				info.Dir, filepath.Join(cfg.Dir, "*.toml"))
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
	info := roomInfo{Code: s.cfg.Code, Fingerprint: s.fingerprint, Dir: abs, Max: s.cfg.Max, Case: s.cfg.CaseTitle}
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
