package content

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// dottedKey is the 60 KB file of the issue: one key of 30 000 parts.
func dottedKey() []byte {
	return []byte("versie = 1\n[antwoorden]\n" + strings.Repeat("a.", 30000) + "a = \"x\"\n")
}

// nestedInline is a 40 KB value of inline tables in inline tables.
func nestedInline() []byte {
	n := 40000 / 8
	return []byte("versie = 1\nx = " + strings.Repeat("{ a = ", n) + "1" + strings.Repeat(" }", n) + "\n")
}

func TestCheckShapeRefusesHostileFiles(t *testing.T) {
	parts := fmt.Sprintf("meer dan %d delen", MaxKeyParts)
	keys := fmt.Sprintf("meer dan %d sleutels", MaxContentKeys)
	cases := map[string]struct {
		data []byte
		want string
		line int
	}{
		"dotted key":        {dottedKey(), parts, 3},
		"table header":      {[]byte("a = 1\n\n[" + strings.Repeat("t.", MaxKeyParts) + "t]\n"), parts, 3},
		"array header":      {[]byte("[[" + strings.Repeat("t.", MaxKeyParts) + "t]]\n"), parts, 1},
		"nested inline":     {nestedInline(), "dieper dan 8", 2},
		"nested lists":      {[]byte("x = " + strings.Repeat("[", 9) + strings.Repeat("]", 9)), "dieper dan 8", 1},
		"inline dotted key": {[]byte("x = { " + strings.Repeat("b.", MaxKeyParts) + "c = 1 }\n"), parts, 1},
		"many keys":         {[]byte(strings.Repeat("a = 1\n", MaxContentKeys+1)), keys, MaxContentKeys + 1},
		"many headers":      {[]byte(strings.Repeat("[[t]]\n", MaxContentKeys+1)), keys, MaxContentKeys + 1},
		"many list items":   {[]byte("x = [" + strings.Repeat("1,", MaxContentKeys+1) + "]"), keys, 1},
		"many inline keys":  {[]byte("x = {" + strings.Repeat("a = 1,", MaxContentKeys) + "}"), keys, 1},
	}
	for name, tc := range cases {
		err := CheckShape(tc.data)
		if err == nil {
			t.Errorf("%s: not refused", name)
			continue
		}
		if !strings.Contains(err.Msg, tc.want) || err.Line != tc.line {
			t.Errorf("%s: line %d %q, want line %d and %q", name, err.Line, err.Msg, tc.line, tc.want)
		}
	}
}

func TestCheckShapeAcceptsRealFiles(t *testing.T) {
	ok := []string{
		"versie = 1\n[antwoorden]\nvorm = \"online\"\nactiviteiten = [\"uitleg\", \"samenwerken\"]\n",
		// Dots, brackets and braces inside strings and comments are text.
		"titel = \"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s\" # [[[[[[[[[[ {{{{{{{{{{\n",
		"tekst = '''\n" + strings.Repeat("{[", 20) + "\n'''\nb = 1.5\n",
		"tekst = \"\"\"\nmet \\\"\"\" en " + strings.Repeat("a.", 40) + "\n\"\"\"\n",
		"x = [\n  [1, 2],\n  [3, 4],\n]\n" + strings.Repeat("k.", MaxKeyParts-1) + "k = 1\n",
		strings.Repeat("a = 1\n", MaxContentKeys),
		"x = [" + strings.Repeat("1,", MaxContentKeys-2) + "1]\n",
		"\"" + strings.Repeat("a.", 40) + "\" = 1\n",
		"d = 1979-05-27T07:32:00.999\nf = 3.1415\n",
	}
	for _, s := range ok {
		if err := CheckShape([]byte(s)); err != nil {
			t.Errorf("refused %q: %v", s, err)
		}
	}
	// The built-in content passes, so the limits cost real users nothing.
	for _, name := range Files {
		data, err := readFileLimited(Default(), name, MaxContentSize)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckShape(data); err != nil {
			t.Errorf("%s refused: %v", name, err)
		}
	}
}

func TestLoadRefusesHostileContentBeforeParsing(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range Files {
		data, _ := readFileLimited(Default(), name, MaxContentSize)
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys["vragen.toml"] = &fstest.MapFile{Data: dottedKey()}
	fsys["regels.toml"] = &fstest.MapFile{Data: []byte(strings.Repeat("#", MaxContentSize+1))}
	_, err := Load(fsys)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{fmt.Sprintf("vragen.toml, regel 3: een sleutel of tabelnaam heeft meer dan %d delen", MaxKeyParts), "regels.toml: het bestand is te groot (1.0 MB); het mag hoogstens 1 MB zijn"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

func TestReadLimited(t *testing.T) {
	if _, err := ReadLimited(strings.NewReader(strings.Repeat("x", 11)), 10); err == nil || !strings.Contains(err.Error(), "te groot") {
		t.Errorf("11 bytes with a limit of 10: %v", err)
	}
	if data, err := ReadLimited(strings.NewReader("0123456789"), 10); err != nil || len(data) != 10 {
		t.Errorf("10 bytes with a limit of 10: %q %v", data, err)
	}
}

func TestProblemListsAreCapped(t *testing.T) {
	var ps Problems
	for i := 0; i < 25; i++ {
		ps = append(ps, Problem{File: "vragen.toml", Line: i + 1, Msg: fmt.Sprintf("probleem %d", i)})
	}
	ps = append(ps, Problem{File: "x.toml", Msg: "onbekende sleutel \"" + strings.Repeat("a", 60000) + "\""})
	msg := ps.Error()
	lines := strings.Split(msg, "\n")
	if len(lines) != 21 || lines[20] != "en 6 meer" || !strings.Contains(lines[19], "probleem 19") {
		t.Errorf("capped list: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
	long := ps[25].String()
	if len(long) > 1000 || !strings.Contains(long, "…") || !strings.HasPrefix(long, "x.toml: onbekende sleutel \"aaa") {
		t.Errorf("long message not shortened: %d bytes", len(long))
	}
}

// BenchmarkRefuseHostile shows that the files that made the TOML library
// run for minutes are refused in microseconds.
func BenchmarkRefuseHostile(b *testing.B) {
	for name, data := range map[string][]byte{"punten-60KB": dottedKey(), "inline-40KB": nestedInline()} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if CheckInput(data, MaxAnswersSize) == nil {
					b.Fatal("not refused")
				}
			}
		})
	}
}

func TestCheckInputBoundsAnswerKeys(t *testing.T) {
	head := "versie = 1\n[antwoorden]\n"
	ok := head + strings.Repeat("k = \"x\"\n", MaxAnswersKeys-2)
	if err := CheckInput([]byte(ok), MaxAnswersSize); err != nil {
		t.Errorf("%d keys refused: %v", MaxAnswersKeys, err)
	}
	err := CheckInput([]byte(ok+"k = \"x\"\n"), MaxAnswersSize)
	if err == nil || !strings.Contains(err.Msg, fmt.Sprintf("meer dan %d sleutels", MaxAnswersKeys)) || err.Line != MaxAnswersKeys+1 {
		t.Errorf("%d keys: %v", MaxAnswersKeys+1, err)
	}
}
