package decision

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// synthetic builds content with n questions of three options. Every fifth
// question is only asked after a "b" to the question before it, and each
// rule, resource and example reads one or two questions: the shape of real
// content, scaled up.
func synthetic(tb testing.TB, n int) fs.FS {
	tb.Helper()
	var q, r, a, b, x strings.Builder
	for i := 0; i < n; i++ {
		when := ""
		if i%5 == 4 {
			when = fmt.Sprintf(`q%d == "b"`, i-1)
		}
		fmt.Fprintf(&q, "[[vraag]]\nid = \"q%d\"\nkort = \"V%d\"\ntekst = \"Vraag %d?\"\nuitleg = \"Waarom.\"\nbrontype = \"wijzer\"\nsoort = \"een\"\nwhen = '%s'\n", i, i, i, when)
		for _, v := range []string{"a", "b", "c"} {
			fmt.Fprintf(&q, "[[vraag.optie]]\nwaarde = \"%s\"\nlabel = \"%s\"\n", v, strings.ToUpper(v))
		}
		rw := fmt.Sprintf(`q%d == "a"`, i)
		if i > 0 {
			rw = fmt.Sprintf(`q%d == "a" && q%d != "c"`, i, i-1)
		}
		fmt.Fprintf(&r, "[[regel]]\nid = \"r%d\"\ntitel = \"Regel\"\ntekst = \"Tekst.\"\ndeel = \"Vooraf\"\nbrontype = \"handreiking\"\nacties_brontype = \"wijzer\"\ncitaat = \"Citaat.\"\nwhen = '%s'\nacties = [\"Doe %d.\"]\n", i, rw, i)
		fmt.Fprintf(&a, "[[actie]]\nid = \"a%d\"\ntekst = \"Actie %d\"\nfase = \"vooraf\"\nbrontype = \"wijzer\"\nwhen = 'q%d == \"c\"'\n", i, i, i)
		fmt.Fprintf(&b, "[[bron]]\nid = \"b%d\"\ntitel = \"Bron\"\nurl = \"https://voorbeeld.nl/%d\"\norganisatie = \"Org\"\nthema = \"T\"\nzekerheid = \"zeker\"\nwhen = 'q%d == \"b\"'\n", i, i, i)
		fmt.Fprintf(&x, "[[voorbeeld]]\nid = \"x%d\"\ntekst = \"Voorbeeld.\"\nthema = \"T\"\nbrontype = \"inspectie-vo\"\nwhen = 'q%d != \"a\"'\n", i, i)
	}
	meta := `versie = "1"
titel = "T"
uitgever = "U"
datum = "D"
url = "https://voorbeeld.nl"
disclaimer = "Geen advies."
themas = ["T"]
bot_vragen = ["q0", "q1", "q2"]
`
	// The BOT questions need yes/no options; rename q0..q2's options.
	qs := q.String()
	for i := 0; i < 3; i++ {
		head := fmt.Sprintf("id = \"q%d\"", i)
		start := strings.Index(qs, head)
		end := start + strings.Index(qs[start:], "[[vraag]]\nid = \"q"+fmt.Sprint(i+1)+"\"")
		block := qs[start:end]
		block = strings.Replace(block, `waarde = "a"`, `waarde = "ja"`, 1)
		block = strings.Replace(block, `waarde = "b"`, `waarde = "nee"`, 1)
		block = strings.Replace(block, "soort = \"een\"\n", "soort = \"een\"\nbij_nee = \"Zo wel.\"\n", 1)
		qs = qs[:start] + block + qs[end:]
	}
	qs = strings.NewReplacer(`q0 == "a"`, `q0 == "ja"`, `q1 == "a"`, `q1 == "ja"`, `q2 == "a"`, `q2 == "ja"`,
		`q0 == "b"`, `q0 == "nee"`, `q1 == "b"`, `q1 == "nee"`, `q2 == "b"`, `q2 == "nee"`, `q0 != "a"`, `q0 != "ja"`).Replace(qs)
	fix := strings.NewReplacer(`q0 == "a"`, `q0 == "ja"`, `q1 == "a"`, `q1 == "ja"`, `q2 == "a"`, `q2 == "ja"`,
		`q0 == "b"`, `q0 == "nee"`, `q1 == "b"`, `q1 == "nee"`, `q2 == "b"`, `q2 == "nee"`,
		`q0 != "a"`, `q0 != "ja"`, `q1 != "a"`, `q1 != "ja"`, `q2 != "a"`, `q2 != "ja"`,
		`q0 != "c"`, `q0 != "c"`)
	m := fstest.MapFS{
		"meta.toml":        {Data: []byte(meta)},
		"vragen.toml":      {Data: []byte(qs)},
		"regels.toml":      {Data: []byte(fix.Replace(r.String()))},
		"partijen.toml":    {Data: []byte("[[partij]]\nid = \"p\"\nnaam = \"P\"\n[[partij.taak]]\ntekst = \"Beslist.\"\nbrontype = \"wijzer\"\n")},
		"acties.toml":      {Data: []byte(a.String())},
		"bronnen.toml":     {Data: []byte(fix.Replace(b.String()))},
		"voorbeelden.toml": {Data: []byte(fix.Replace(x.String()))},
	}
	return m
}

func TestSyntheticContentIsValid(t *testing.T) {
	for _, n := range []int{10, 100} {
		c, err := content.Load(synthetic(t, n))
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		rep := New(c).Check()
		if len(rep.Problems) > 0 {
			t.Fatalf("n=%d: %v", n, rep.Problems[:min(5, len(rep.Problems))])
		}
		if len(c.Questions) != n {
			t.Fatalf("n=%d: %d questions", n, len(c.Questions))
		}
	}
}

// BenchmarkCheck shows how `controleer` grows with the content: load,
// validate, walk every path and prove reachability.
func BenchmarkCheck(b *testing.B) {
	// 300 questions is about the most that content.MaxContentKeys lets
	// vragen.toml hold (16 keys and headers per question here).
	for _, n := range []int{10, 100, 300} {
		fsys := synthetic(b, n)
		b.Run(fmt.Sprintf("vragen=%d", n), func(b *testing.B) {
			var states int
			for b.Loop() {
				c, err := content.Load(fsys)
				if err != nil {
					b.Fatal(err)
				}
				rep := New(c).Check()
				if len(rep.Problems) > 0 {
					b.Fatal(rep.Problems[0])
				}
				states = rep.States
			}
			b.ReportMetric(float64(states), "toestanden")
		})
	}
}

func BenchmarkSummarize(b *testing.B) {
	e := engine(b)
	a := base()
	for b.Loop() {
		_ = e.Summarize(a)
	}
}
