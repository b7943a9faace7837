package content

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The loader must turn any bytes into content or a list of problems, never
// a panic, whichever file they land in.
func FuzzLoad(f *testing.F) {
	base := map[string][]byte{}
	for _, name := range Files {
		m := defaultFS(f)
		base[name] = m[name].Data
	}
	f.Add(uint8(1), []byte(`[[vraag]]
id = "x"
soort = "een"
when = 'x == "y"'
[[vraag.optie]]
waarde = "y"`))
	f.Add(uint8(2), []byte("[[regel]]\nid = \"r\"\nwhen = '\"a\" in vorm'\n"))
	f.Add(uint8(5), []byte("[[bron]]\nurl = \"https://\u001b[2J\"\n"))
	f.Add(uint8(0), []byte("themas = 3\nbot_vragen = [\"rol\"]"))
	f.Add(uint8(7), []byte("[[begrip]]\nid = \"x\"\nnaam = \"\u001b]0;t\u0007X\"\n"))
	f.Add(uint8(8), []byte("[[bevinding]]\nid = \"b\"\nwhen = 'vorm == \"x\"'\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		m := fstest.MapFS{}
		for name, d := range base {
			m[name] = &fstest.MapFile{Data: d}
		}
		m[Files[int(which)%len(Files)]] = &fstest.MapFile{Data: data}
		c, err := Load(m)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			return
		}
		if c == nil {
			t.Fatal("nil content without error")
		}
	})
}

// Any condition text compiles or is rejected with a message.
func FuzzCompile(f *testing.F) {
	c, err := Load(Default())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{`vorm == "hybride"`, `"toetsen" in activiteiten`, `beleidskaders in ["nee", "weet_niet"]`,
		`len(activiteiten) > 2 && rol != "docent"`, `all(activiteiten, # != "x")`, `vorm matches "^h"`, `1/0 == 1`, `activiteiten[9] == "uitleg"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		cond, err := Compile(c, src)
		if err == nil && cond.Source != "" && cond.Program == nil {
			t.Fatalf("condition %q accepted without a program", src)
		}
	})
}

// A content file of any type (regular, folder, FIFO, socket, device) and
// any bytes loads or is refused with problems; only a regular file loads.
func FuzzLoadFileType(f *testing.F) {
	base := map[string][]byte{}
	for _, name := range Files {
		base[name] = defaultFS(f)[name].Data
	}
	f.Add(uint8(1), uint8(0), base["vragen.toml"])
	f.Add(uint8(2), uint8(2), []byte("[[regel]]\n"))
	f.Add(uint8(3), uint8(1), []byte{})
	f.Fuzz(func(t *testing.T, which, kind uint8, data []byte) {
		modes := []fs.FileMode{0, fs.ModeDir, fs.ModeNamedPipe, fs.ModeSocket, fs.ModeDevice | fs.ModeCharDevice, fs.ModeIrregular}
		mode := modes[int(kind)%len(modes)]
		m := fstest.MapFS{}
		for name, d := range base {
			m[name] = &fstest.MapFile{Data: d}
		}
		name := Files[int(which)%len(Files)]
		m[name] = &fstest.MapFile{Data: data, Mode: mode | 0o644}
		c, err := Load(m)
		if mode != 0 {
			var ps Problems
			if !errors.As(err, &ps) || !strings.Contains(err.Error(), name) {
				t.Fatalf("%s as %v: %v", name, mode, err)
			}
			return
		}
		if err == nil && c == nil {
			t.Fatal("nil content without error")
		}
	})
}

// No URL that controleer accepts can carry markup, a quote, a control or
// a bidi mark.
func FuzzValidURL(f *testing.F) {
	for _, s := range []string{"https://www.mboraad.nl/", "https://x<img/src=x/onerror=alert(1)>", "https://x.nl/\u200f", "https://x.nl/'", "https://[::1]/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validURL(s) {
			return
		}
		if Sanitize(s) != s || strings.ContainsAny(s, " <>\"'`\\[]{}|^\t\n") || !strings.HasPrefix(strings.ToLower(s), "https://") {
			t.Fatalf("accepted %q", s)
		}
	})
}

// Whatever goes in, Clean (for loaded content) leaves no control or bidi
// mark, as Sanitize does, and Sanitize's output is valid UTF-8.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"a\u061cb", "\u200e\u200f", "\x1b]52;c;eA==\x07", "\u009b2J", "\xff\xfe", "gewoon"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) = %q is not UTF-8", s, out)
		}
		for name, v := range map[string]string{"Sanitize": out, "Clean": Clean(s)} {
			for _, r := range v {
				if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || unsafeRune(r) {
					t.Fatalf("%s(%q) keeps %U", name, s, r)
				}
			}
		}
	})
}

// checkShape never panics and names a line inside the file.
func FuzzCheckShape(f *testing.F) {
	f.Add([]byte("versie = 1\n[antwoorden]\nvorm = \"online\"\n"), uint16(3))
	f.Add([]byte("a.b.c.d.e = 1\n"), uint16(10))
	f.Add([]byte("x = [1, 2, 3]\n"), uint16(2))
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		err := checkShape(data, int(max)+1)
		if err != nil && (err.Line < 0 || err.Line > bytes.Count(data, []byte("\n"))+1) {
			t.Fatalf("line %d of a file of %d lines", err.Line, bytes.Count(data, []byte("\n"))+1)
		}
	})
}
