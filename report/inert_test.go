package report

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"golang.org/x/net/html"
)

// hostileMarkdown is what content from --inhoud may hold: our Markdown
// renderer must keep every one of these inert.
var hostileMarkdown = []string{
	"[klik](javascript:alert(1))",
	"[klik](&#106;avascript:alert(1))",
	"[klik](jav&#x09;ascript:alert(1))",
	"[klik](http:evil)",
	"[klik](http://onveilig.example)",
	"[klik](//evil.example/x)",
	"[klik](data:text/html;base64,PHNjcmlwdD4=)",
	"[klik](vbscript:msgbox)",
	"[klik](file:///etc/passwd)",
	"[klik][ref]\n\n[ref]: javascript:alert(1)",
	"<javascript:alert(1)>",
	"<http://onveilig.example>",
	"<mail@evil.example>",
	"www.evil.example",
	"http://bare.example/pad",
	"![foto](https://evil.example/pixel.png)",
	"![foto](javascript:alert(1))",
	"[![foto](https://evil.example/p.png)](https://goed.example)",
	"<img src=x onerror=alert(1)>",
	"<script>alert(1)</script>",
	"<a href=\"javascript:alert(1)\">x</a>",
	"<iframe src=\"https://evil.example\"></iframe>",
	"<div onclick=\"alert(1)\">x</div>",
	"<!-- --><script>alert(1)</script>",
	"`<script>`",
	"| a | <script>alert(1)</script> |\n|---|---|\n| [x](javascript:y) | ![i](https://e.example/i.png) |",
}

// assertInert parses page as a browser would and fails on anything that
// could run or load: scripts, on* attributes, src, images, and links that
// are not https or an anchor.
func assertInert(t *testing.T, what string, page []byte) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "img", "iframe", "object", "embed", "svg":
				t.Errorf("%s: <%s> in the hand-out", what, n.Data)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") || k == "src" || k == "srcset" {
					t.Errorf("%s: attribute %s=%q on <%s>", what, a.Key, a.Val, n.Data)
				}
				if k == "href" && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("%s: href %q", what, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestHostileMarkdownIsInert(t *testing.T) {
	for _, md := range hostileMarkdown {
		page, err := HTMLPage(Page{Title: "t", Markdown: "# Kop\n\n" + md + "\n", Version: "1", Date: time.Now()})
		if err != nil {
			t.Errorf("%q: %v", md, err)
			continue
		}
		assertInert(t, md, page)
	}
	// Safe links stay links, so the hand-out is still useful.
	page, err := HTMLPage(Page{Markdown: "[Handreiking](https://www.mboraad.nl/x) en https://www.onderwijsinspectie.nl en [boven](#kop)\n"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<a href="https://www.mboraad.nl/x">Handreiking</a>`, `<a href="https://www.onderwijsinspectie.nl" class="url">`, `<a href="#kop">boven</a>`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("safe link lost; want %s in\n%s", want, page)
		}
	}
}

func TestImagesBecomeText(t *testing.T) {
	page, err := HTMLPage(Page{Markdown: "![Het logo](https://evil.example/pixel.png)\n"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Het logo (https://evil.example/pixel.png)") || strings.Contains(string(page), "<img") {
		t.Errorf("image not shown as alt text and URL:\n%s", page)
	}
	// Dropped links keep their words.
	page, _ = HTMLPage(Page{Markdown: "[klik hier](javascript:alert(1))\n"})
	if !strings.Contains(string(page), "<p>klik hier</p>") {
		t.Errorf("text of a dropped link lost:\n%s", page)
	}
}

func TestCheckInertCatchesWhatTheRendererMustNotWrite(t *testing.T) {
	for _, page := range []string{
		`<p><a href="javascript:alert(1)">x</a></p>`, `<img src="https://e.example/x.png">`, `<p onmouseover="x()">a</p>`,
		`<script>1</script>`, `<a href="http://e.example">x</a>`, `<meta http-equiv="refresh" content="0;url=https://e.example">`,
		`<iframe></iframe>`, `<p style="background:url(https://e.example/x)">a</p>`,
	} {
		if CheckInert([]byte(page)) == nil {
			t.Errorf("CheckInert accepted %s", page)
		}
	}
	if err := CheckInert([]byte(`<input checked="" disabled="" type="checkbox"> <a href="https://e.example">x</a> <a href="#a">a</a>`)); err != nil {
		t.Errorf("CheckInert refused a task list and safe links: %v", err)
	}
}

// TestHostileContentHandout renders a summary and a comparison from
// content (--inhoud) and file names full of hostile text.
func TestHostileContentHandout(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range content.Files {
		data, err := fs.ReadFile(content.Default(), name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	evil := `[klik](javascript:alert(1)) <script>alert(1)</script> ![x](https://evil.example/p.png) <javascript:alert(2)> [y](&#106;avascript:z) \u001b]0;titel\u0007`
	replace := func(file, old string) {
		s := string(fsys[file].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s lacks %q", file, old)
		}
		fsys[file].Data = []byte(strings.Replace(s, old, old+" "+evil, 1))
	}
	replace("regels.toml", `tekst = "`)
	replace("regels.toml", `titel = "`)
	replace("vragen.toml", `label = "`)
	replace("vragen.toml", `kort = "`)
	replace("partijen.toml", `naam = "`)
	replace("meta.toml", `disclaimer = "`)
	c, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	e := decision.New(c)
	a := base()
	page, err := HTML(e.Summarize(a), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	assertInert(t, "summary", page)
	if strings.Contains(string(page), "\x1b") {
		t.Error("ESC in the hand-out")
	}
	names := []string{"<javascript:alert(1)>.toml", "[x](&#106;avascript:alert(1)).toml"}
	// Raw names: the comparison escapes them itself.
	cmp := e.Compare([]decision.CompareFile{{Name: names[0], Answers: a}, {Name: names[1], Answers: with(a, "vorm", "asynchroon")},
		{Name: "[klik](http:evil)", Err: "kan <img src=x onerror=alert(1)> niet lezen"}})
	page, err = CompareHTML(cmp, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	assertInert(t, "comparison", page)
}
