package content

import (
	"errors"
	"testing"
	"testing/fstest"
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
