package room

import (
	"crypto/subtle"
	"net"
	"strings"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// maxAuthTries is how many codes one connection may try.
const maxAuthTries = 3

// keyCtx holds the SHA256 fingerprint of the public key a connection
// proved it holds, before it typed the code.
type keyCtxType struct{}

var keyCtx = keyCtxType{}

// sessionKey returns the fingerprint of the connection's verified public
// key, or "" when it logged in with the code only.
func sessionKey(ctx ssh.Context) string {
	k, _ := ctx.Value(keyCtx).(string)
	return k
}

// authConfig is the connection's authentication: the room code, by
// password or keyboard-interactive. A client that offers a public key and
// proves it holds it (OpenSSH does so by default) gets a partial success
// and then types the code too; the key then identifies the participant,
// so a dropped connection can be continued at once from the same
// laptop. The key alone never lets anyone in.
func (s *server) authConfig(ctx ssh.Context) *gossh.ServerConfig {
	next := func(fp string) gossh.ServerAuthCallbacks {
		return gossh.ServerAuthCallbacks{
			PasswordCallback: func(conn gossh.ConnMetadata, pw []byte) (*gossh.Permissions, error) {
				return s.passed(ctx, fp, s.checkCode(conn, string(pw)))
			},
			KeyboardInteractiveCallback: func(conn gossh.ConnMetadata, ch gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
				return s.passed(ctx, fp, s.askCode(conn, ch))
			},
		}
	}
	top := next("")
	return &gossh.ServerConfig{
		MaxAuthTries:                maxAuthTries,
		PasswordCallback:            top.PasswordCallback,
		KeyboardInteractiveCallback: top.KeyboardInteractiveCallback,
		PublicKeyCallback: func(_ gossh.ConnMetadata, key gossh.PublicKey) (*gossh.Permissions, error) {
			// Called for the offer and again once the signature is
			// verified; the partial success only counts after that.
			return nil, &gossh.PartialSuccessError{Next: next(gossh.FingerprintSHA256(key))}
		},
	}
}

func (s *server) passed(ctx ssh.Context, fp string, ok bool) (*gossh.Permissions, error) {
	if !ok {
		return nil, ssh.ErrPermissionDenied
	}
	if fp != "" {
		ctx.SetValue(keyCtx, fp)
	}
	return &gossh.Permissions{}, nil
}

// wrongCodeText is the Dutch line a keyboard-interactive client shows
// after a wrong code (password clients only say "Permission denied").
const wrongCodeText = "Die code klopt niet. Kijk nog eens naar de code op het scherm van de trainer."

// askCode asks for the code by keyboard-interactive: up to maxAuthTries
// times, with a Dutch line after a wrong one.
func (s *server) askCode(conn gossh.ConnMetadata, ch gossh.KeyboardInteractiveChallenge) bool {
	instruction := ""
	for range maxAuthTries {
		ans, err := ch("", instruction, []string{"Code van de studiemiddag: "}, []bool{false})
		if err != nil || len(ans) != 1 {
			return false
		}
		if s.checkCode(conn, ans[0]) {
			return true
		}
		instruction = wrongCodeText
	}
	return false
}

// checkCode compares the code case-insensitively. After a wrong code the
// answer is delayed, longer with every recent failure from the address.
func (s *server) checkCode(conn gossh.ConnMetadata, code string) bool {
	want := strings.ToUpper(s.cfg.Code)
	got := strings.ToUpper(strings.TrimSpace(code))
	if subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1 {
		return true
	}
	host := conn.RemoteAddr().String()
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
	// Bounded: an address is forgotten a minute after its last failure.
	for h, g := range s.failures {
		if time.Since(g.last) > time.Minute {
			delete(s.failures, h)
		}
	}
	s.mu.Unlock()
	s.room.refuse(refusedCode, "verkeerde code vanaf %s", host)
	time.Sleep(s.authDelay * time.Duration(min(n, 6)))
	return false
}
