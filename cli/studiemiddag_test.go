package cli

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Wrong options for studiemiddag are wrong use: exit 2, one Dutch line
// that says what is valid, and nothing started (no folder, no host key,
// no listener).
func TestStudiemiddagBadOptions(t *testing.T) {
	cases := []struct {
		args []string
		want []string // all in the message
	}{
		{[]string{"--code", "ab!"}, []string{"--code", "4 tot 32", "letters", "cijfers"}},
		{[]string{"--code", "ab!cd"}, []string{"--code", "4 tot 32", "letters", "cijfers"}},
		{[]string{"--code", "abc"}, []string{"--code", "4 tot 32"}},
		{[]string{"--code", strings.Repeat("a", 33)}, []string{"--code", "4 tot 32"}},
		{[]string{"--code", "ab\x1b[2Jcd"}, []string{"--code", "letters"}},
		{[]string{"--max", "-5"}, []string{"--max", "1 tot 500"}},
		{[]string{"--max", "0"}, []string{"--max", "1 tot 500"}},
		{[]string{"--max", "501"}, []string{"--max", "1 tot 500"}},
		{[]string{"--adres", "127.0.0.1:99999"}, []string{"--adres", "1 tot 65535"}},
		{[]string{"--adres", "127.0.0.1:0"}, []string{"--adres", "1 tot 65535"}},
		{[]string{"--adres", "127.0.0.1"}, []string{"--adres", "HOST:POORT"}},
		{[]string{"--adres", ":ssh"}, []string{"--adres", "1 tot 65535"}},
		{[]string{"--adres", "a b:2323"}, []string{"--adres", "HOST"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, "="), func(t *testing.T) {
			cfg := isolateConfig(t)
			dir := filepath.Join(t.TempDir(), "zaal")
			args := append([]string{"studiemiddag", "--map", dir}, c.args...)
			code, _, stderr := runCmd(t, args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitUsage, stderr)
			}
			first, _, _ := strings.Cut(stderr, "\n")
			for _, w := range c.want {
				if !strings.Contains(first, w) {
					t.Errorf("the message does not name %q:\n%s", w, stderr)
				}
			}
			for _, bad := range []string{"listen tcp", "invalid", "draait het programma al", "\x1b"} {
				if strings.Contains(stderr, bad) {
					t.Errorf("the message contains %q:\n%s", bad, stderr)
				}
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the directory was made anyway (%v)", err)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "studiemiddag_ed25519")); !os.IsNotExist(err) {
				t.Errorf("the key was made anyway (%v)", err)
			}
		})
	}
}

// A port in use is not wrong use of the options: exit 1, and the hint
// about another program on that port in Dutch, without Go's English.
func TestStudiemiddagPortInUse(t *testing.T) {
	isolateConfig(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	code, _, stderr := runCmd(t, "studiemiddag", "--map", filepath.Join(t.TempDir(), "zaal"),
		"--adres", "127.0.0.1:"+strconv.Itoa(port))
	if code != exitFail {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitFail, stderr)
	}
	for _, want := range []string{"al in gebruik", "--adres"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the message does not name %q:\n%s", want, stderr)
		}
	}
	for _, bad := range []string{"listen tcp", "address already in use", "bind"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("the message contains %q:\n%s", bad, stderr)
		}
	}
}

// An address that is not this computer's is wrong use: exit 2 with a
// Dutch message, not Go's.
func TestStudiemiddagForeignAddress(t *testing.T) {
	isolateConfig(t)
	// 192.0.2.0/24 is TEST-NET-1: never an address of this machine.
	code, _, stderr := runCmd(t, "studiemiddag", "--map", filepath.Join(t.TempDir(), "zaal"), "--adres", "192.0.2.1:2323")
	if code != exitUsage {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
	if !strings.Contains(stderr, "niet van deze computer") || strings.Contains(stderr, "listen tcp") || strings.Contains(stderr, "draait het programma al") {
		t.Errorf("message:\n%s", stderr)
	}
}
