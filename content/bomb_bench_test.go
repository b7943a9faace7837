package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// fillTo repeats item(i) after head until the next one would pass size.
func fillTo(size int, head string, item func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; ; i++ {
		s := item(i)
		if b.Len()+len(s) > size {
			break
		}
		b.WriteString(s)
	}
	return []byte(b.String())
}

// contentBombs are content files just under MaxContentSize and the other
// limits, each shaped to make one part of loading costly: the TOML
// library (keys), the condition compiler (many conditions, one long one)
// and the checks (many resources with URLs).
func contentBombs() map[string]struct {
	file string
	data []byte
} {
	near := MaxContentSize - 64
	when := "vorm == \"online\""
	long := strings.Repeat(when+" || ", (near-200)/(len(when)+4)) + when
	return map[string]struct {
		file string
		data []byte
	}{
		"sleutels": {"bronnen.toml", fillTo(near, "", func(i int) string {
			if i >= MaxContentKeys-1 {
				return strings.Repeat("#", near)
			}
			return fmt.Sprintf("k%d.a.b.c = 1\n", i)
		})},
		"bronnen": {"bronnen.toml", fillTo(near, "", func(i int) string {
			if i >= MaxContentKeys/8-1 {
				return strings.Repeat("#", near)
			}
			return fmt.Sprintf("[[bron]]\nid = \"b%d\"\ntitel = \"Bron\"\nurl = \"https://voorbeeld.nl/%d\"\norganisatie = \"O\"\nthema = \"Regels en kwaliteit\"\nzekerheid = \"zeker\"\nwhen = '%s'\n", i, i, when)
		})},
		"lange-voorwaarde": {"bronnen.toml", []byte("[[bron]]\nid = \"b\"\ntitel = \"Bron\"\nurl = \"https://voorbeeld.nl/\"\norganisatie = \"O\"\nthema = \"Regels en kwaliteit\"\nzekerheid = \"zeker\"\nwhen = '" + long + "'\n")},
		"lange-tekst":      {"begrippen.toml", []byte("[[begrip]]\nid = \"x\"\nnaam = \"X\"\nuitleg = \"" + strings.Repeat("é\u202e", near/6) + "\"\n")},
	}
}

// BenchmarkContentBombs: content just under the limits loads (or is
// refused) in well under a second and 100 MB.
func BenchmarkContentBombs(b *testing.B) {
	for name, bomb := range contentBombs() {
		b.Run(name, func(b *testing.B) {
			m := defaultFS(b)
			m[bomb.file] = &fstest.MapFile{Data: bomb.data}
			b.SetBytes(int64(len(bomb.data)))
			b.ReportAllocs()
			for b.Loop() {
				Load(m)
			}
		})
	}
}
