package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// attacks are the control sequences of the issue: a window title (OSC 0),
// a screen clear (CSI 2J), a clipboard write (OSC 52) and a right-to-left
// override; plus a one-byte CSI (U+009B).
var attacks = []string{"\x1b]0;gehackt\x07", "\x1b[2J", "\x1b]52;c;ZXZpbA==\x07", "\u202e", "\u009b2J"}

// raw are the bytes that must never reach a terminal.
var raw = []string{"\x1b", "\x07", "\u202e", "\u009b"}

func assertNoControls(t *testing.T, route string, outputs ...string) {
	t.Helper()
	for _, out := range outputs {
		for _, r := range raw {
			if strings.Contains(out, r) {
				t.Errorf("%s: output holds %q:\n%q", route, r, out)
			}
		}
	}
}

// exportContent writes the built-in content to a new folder.
func exportContent(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "inhoud")
	if code, _, errOut := runCmd(t, "inhoud", "--naar", dir); code != 0 {
		t.Fatal(errOut)
	}
	return dir
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s lacks %q", path, old)
	}
	os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
}

// replaceFirst replaces the first match of pattern in a file.
func replaceFirst(t *testing.T, path, pattern, repl string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	loc := regexp.MustCompile(pattern).FindIndex(data)
	if loc == nil {
		t.Fatalf("%s lacks %s", path, pattern)
	}
	os.WriteFile(path, append(append(append([]byte{}, data[:loc[0]]...), repl...), data[loc[1]:]...), 0o644)
}

// tomlEscape writes s as a TOML basic string body (controls as \uXXXX).
func tomlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			b.WriteString(`\u00` + strings.ToUpper(string("0123456789abcdef"[r>>4])+string("0123456789abcdef"[r&15])))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestNoControlSequenceReachesTheTerminal feeds every route by which
// outside text reaches stdout or stderr each attack, and checks the bytes
// written.
func TestNoControlSequenceReachesTheTerminal(t *testing.T) {
	isolateConfig(t)
	good, _ := os.ReadFile("../testdata/voorbeeld.toml")
	for _, atk := range attacks {
		t.Run(strings.NewReplacer("\x1b", "ESC", "\x07", "BEL").Replace(atk), func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "team"+atk+".toml")
			routes := map[string][]string{}
			run := func(route string, args ...string) {
				_, out, errOut := runCmd(t, args...)
				routes[route] = []string{out, errOut}
			}
			// File names: missing, valid (vergelijk, --uit) and broken.
			run("missing answers file", "samenvatting", "--antwoorden", name)
			if err := os.WriteFile(name, good, 0o644); err != nil {
				t.Fatal(err)
			}
			bad := filepath.Join(dir, "fout"+atk+".toml")
			os.WriteFile(bad, []byte("versie = 1\n[antwoorden]\nvorm = \"x\"\n"), 0o644)
			run("compare names markdown", "vergelijk", name, bad, filepath.Join(dir, "weg"+atk+".toml"), "../testdata/voorbeeld.toml")
			run("compare names json", "vergelijk", name, "../testdata/voorbeeld.toml", "--format", "json")
			run("compare names html", "vergelijk", name, "../testdata/voorbeeld.toml", "--format", "html")
			run("--uit name", "samenvatting", "--antwoorden", name, "--uit", filepath.Join(dir, "uit"+atk+".md"))
			run("--uit missing folder", "samenvatting", "--antwoorden", name, "--uit", filepath.Join(dir, "map"+atk, "uit.md"))
			run("inhoud --naar", "inhoud", "--naar", filepath.Join(dir, "inhoud"+atk))
			run("--inhoud missing", "controleer", "--inhoud", filepath.Join(dir, "geen"+atk))
			// Answer keys and values, and the TOML library's messages.
			answers := filepath.Join(dir, "a.toml")
			os.WriteFile(answers, []byte("versie = 1\n[antwoorden]\nvorm = \""+tomlEscape(atk)+"\"\n\"sleutel"+tomlEscape(atk)+"\" = \"x\"\n"), 0o644)
			run("answer value and key", "samenvatting", "--antwoorden", answers)
			syntax := filepath.Join(dir, "s.toml")
			os.WriteFile(syntax, []byte("versie = 1\n[antwoorden]\nvorm = "+atk+"\n"), 0o644)
			run("TOML library message", "samenvatting", "--antwoorden", syntax)
			// Flag names, command names, case names, positional arguments.
			run("flag name", "samenvatting", "--x"+atk)
			run("flag value", "samenvatting", "--antwoorden", name, "--format", "pdf"+atk)
			run("command name", "opdracht"+atk)
			run("case name", "casus", "casus"+atk)
			run("argument", "bronnen", "arg"+atk)
			// Conditions and option values from --inhoud.
			inh := exportContent(t)
			replaceFirst(t, filepath.Join(inh, "regels.toml"), `(?m)^when = '[^']+'`, `when = "rol == \"`+tomlEscape(atk)+`\""`)
			editFile(t, filepath.Join(inh, "vragen.toml"), `waarde = "synchroon"`, `waarde = "synchroon`+tomlEscape(atk)+`"`)
			run("conditions and options: controleer", "controleer", "--inhoud", inh)
			run("conditions and options: samenvatting", "samenvatting", "--inhoud", inh, "--antwoorden", name)
			// The line mode echoes what it reads.
			_, out, errOut := runWithInput(t, "1\n"+atk+"\nstop\n", "--eenvoudig")
			routes["line mode input"] = []string{out, errOut}

			for route, outs := range routes {
				assertNoControls(t, route, outs...)
			}
			// Sanitised, not dropped: the reader sees that something was there.
			if atk[0] == 0x1b && !strings.Contains(routes["missing answers file"][1], `\x1b`) {
				t.Errorf("the file name's ESC is not shown as \\x1b: %q", routes["missing answers file"][1])
			}
			var j struct{ Bestanden []string }
			if err := json.Unmarshal([]byte(routes["compare names json"][0]), &j); err != nil || !strings.Contains(j.Bestanden[0], atk) {
				t.Errorf("JSON is not valid or lost the name's characters: %v %q", err, j.Bestanden)
			}
		})
	}
}

// A --uit file that exists gets the boundary too (it may be cat'ed).
func TestOutputFilesAreSanitised(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("../testdata/voorbeeld.toml")
	a := filepath.Join(dir, "team\x1b[2J.toml")
	os.WriteFile(a, good, 0o644)
	out := filepath.Join(dir, "v.md")
	if code, _, errOut := runCmd(t, "vergelijk", a, "../testdata/voorbeeld.toml", "--uit", out); code != 0 {
		t.Fatal(errOut)
	}
	data := mustRead(t, out)
	assertNoControls(t, "vergelijk --uit", data)
	if !strings.Contains(data, "team") {
		t.Errorf("name lost:\n%s", data)
	}
	// Whatever a report lets through, the file boundary shows it.
	for format, want := range map[string]string{"markdown": `a\x1b[2Jb\u202ec`, "html": `a\x1b[2Jb\u202ec`} {
		if got := string(safeOutput(format, []byte("a\x1b[2Jb\u202ec"))); got != want {
			t.Errorf("safeOutput(%s) = %q, want %q", format, got, want)
		}
	}
}

// parseHTML checks a hand-out with report.CheckInert, which parses it as a
// browser would (and is tested on its own in report): no script, no on*
// attribute, no src or image, every href https or an anchor.
func parseHTML(t *testing.T, what, page string) {
	t.Helper()
	if err := report.CheckInert([]byte(page)); err != nil {
		t.Errorf("%s: %v", what, err)
	}
}

// TestHandoutsAreInert makes HTML hand-outs from hostile file names and
// hostile content (--inhoud) through the commands.
func TestHandoutsAreInert(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("../testdata/voorbeeld.toml")
	var names []string
	for _, n := range []string{"<javascript:alert(1)>.toml", "[x](&#106;avascript:alert(1)).toml", "[klik](http:evil).toml", "![i](https:evil.example)<img src=x onerror=alert(1)>.toml"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, good, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, p)
	}
	broken := filepath.Join(dir, "<script>alert(1)</script>.toml")
	os.WriteFile(broken, []byte("versie = 1\n[antwoorden]\nvorm = \"<script>alert(1)</script>\"\n"), 0o644)
	code, out, _ := runCmd(t, append(append([]string{"vergelijk", "--format", "html"}, names...), broken)...)
	if code != 2 || !strings.Contains(out, "Niet vergeleken") {
		t.Fatalf("exit %d", code)
	}
	parseHTML(t, "vergelijk", out)
	if !strings.Contains(out, "[klik](http:evil).toml") || !strings.Contains(out, "&lt;javascript:alert(1)&gt;.toml") {
		t.Errorf("names are not shown as text:\n%s", out)
	}

	inh := exportContent(t)
	evil := `[klik](javascript:alert(1)) <script>alert(1)</script> ![x](https://evil.example/p.png) <javascript:alert(2)> [y](&#106;avascript:z) [z](http:evil)`
	editFile(t, filepath.Join(inh, "regels.toml"), `tekst = "`, `tekst = "`+evil+` `)
	editFile(t, filepath.Join(inh, "vragen.toml"), `label = "`, `label = "`+evil+` `)
	editFile(t, filepath.Join(inh, "meta.toml"), `disclaimer = "`, `disclaimer = "`+evil+` `)
	code, out, errOut := runCmd(t, "samenvatting", "--inhoud", inh, "--antwoorden", "../testdata/voorbeeld.toml", "--format", "html")
	if code != 0 {
		t.Fatal(errOut)
	}
	parseHTML(t, "samenvatting --inhoud", out)
	code, out, errOut = runCmd(t, "casus", "hybride-nederlands", "--inhoud", inh, "--format", "html")
	if code != 0 {
		t.Fatal(errOut)
	}
	parseHTML(t, "casus --inhoud", out)
}

// dottedKey and nestedInline are the hostile files of the issue.
func dottedKey() string {
	return "versie = 1\n[antwoorden]\n" + strings.Repeat("a.", 30000) + "a = \"x\"\n"
}

func nestedInline() string {
	n := 40000 / 8
	return "versie = 1\n[antwoorden]\nvorm = " + strings.Repeat("{ a = ", n) + "1" + strings.Repeat(" }", n) + "\n"
}

func TestHostileFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	files := map[string]struct{ data, want string }{
		"punten.toml": {dottedKey(), "regel 3: een sleutel of tabelnaam heeft meer dan 4 delen"},
		"inline.toml": {nestedInline(), "regel 3: waarden zijn dieper dan 8 niveaus genest"},
		"groot.toml":  {"versie = 1\n" + strings.Repeat("# opvulling\n", 100000), "het bestand is te groot (meer dan 256 kB); het mag hoogstens 256 kB zijn"},
	}
	for name, f := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(f.data), 0o644)
		code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", p)
		if code != 2 || !strings.Contains(errOut, f.want) {
			t.Errorf("%s: exit %d, want 2 and %q:\n%s", name, code, f.want, errOut)
		}
		if len(errOut) > 2000 {
			t.Errorf("%s: message of %d bytes", name, len(errOut))
		}
	}
	// Content files too, for every command that loads them.
	inh := exportContent(t)
	os.WriteFile(filepath.Join(inh, "regels.toml"), []byte(strings.Replace(dottedKey(), "[antwoorden]", "", 1)), 0o644)
	code, _, errOut := runCmd(t, "samenvatting", "--inhoud", inh, "--antwoorden", "../testdata/voorbeeld.toml")
	if code != 2 || !strings.Contains(errOut, "regels.toml, regel 3: een sleutel of tabelnaam heeft meer dan 4 delen") {
		t.Errorf("content: exit %d\n%s", code, errOut)
	}
}

// BenchmarkRefuseHostileFiles runs the whole command on the hostile
// files: the refusal takes well under a millisecond (the TOML library
// took minutes on them).
func BenchmarkRefuseHostileFiles(b *testing.B) {
	dir := b.TempDir()
	for name, data := range map[string]string{"punten-60KB": dottedKey(), "inline-40KB": nestedInline()} {
		p := filepath.Join(dir, name+".toml")
		os.WriteFile(p, []byte(data), 0o644)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var out, errOut bytes.Buffer
				if Main([]string{"samenvatting", "--antwoorden", p}, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}) != 2 {
					b.Fatal(errOut.String())
				}
			}
		})
	}
}

func TestManyProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("versie = 1\n[antwoorden]\n")
	for i := 0; i < 45; i++ {
		b.WriteString("onbekend_" + strings.Repeat("x", i) + " = \"" + strings.Repeat("lang", 500) + "\"\n")
	}
	p := filepath.Join(t.TempDir(), "veel.toml")
	os.WriteFile(p, []byte(b.String()), 0o644)
	code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", p)
	if code != 2 || !strings.Contains(errOut, "en 25 meer") || strings.Count(errOut, "onbekende vraag") != 20 {
		t.Errorf("exit %d, %d problems listed:\n%s", code, strings.Count(errOut, "onbekende vraag"), errOut)
	}
	if len(errOut) > 20*800 {
		t.Errorf("%d bytes of errors", len(errOut))
	}
}

func TestOutputMustNotBeAnInput(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.toml")
	b := filepath.Join(dir, "b.toml")
	good, _ := os.ReadFile("../testdata/voorbeeld.toml")
	os.WriteFile(a, good, 0o644)
	os.WriteFile(b, good, 0o644)
	link := filepath.Join(dir, "link.toml")
	if runtime.GOOS != "windows" {
		os.Symlink(a, link)
	}
	cases := [][]string{
		{"samenvatting", "--antwoorden", a, "--uit", a},
		{"samenvatting", "--antwoorden", a, "--uit", filepath.Join(dir, ".", "a.toml")},
		{"vergelijk", a, b, "--uit", b},
		{"vergelijk", a, b, "--format", "html", "--uit", a},
	}
	if runtime.GOOS != "windows" {
		cases = append(cases, []string{"samenvatting", "--antwoorden", link, "--uit", a})
	}
	for _, args := range cases {
		code, _, errOut := runCmd(t, args...)
		if code != 2 || !strings.Contains(errOut, "is ook een invoerbestand") {
			t.Errorf("%v: exit %d %s", args, code, errOut)
		}
	}
	for _, p := range []string{a, b} {
		if data := mustRead(t, p); data != string(good) {
			t.Errorf("%s was changed", p)
		}
	}
	inh := exportContent(t)
	code, _, errOut := runCmd(t, "samenvatting", "--inhoud", inh, "--antwoorden", a, "--uit", filepath.Join(inh, "regels.toml"))
	if code != 2 || !strings.Contains(errOut, "is ook een invoerbestand") {
		t.Errorf("--uit on a content file: exit %d %s", code, errOut)
	}
}

func TestCaseSaysWhatItIgnores(t *testing.T) {
	dir := t.TempDir()
	out, answers := filepath.Join(dir, "casus.md"), filepath.Join(dir, "antwoorden.toml")
	code, stdout, errOut := runCmd(t, "casus", "hybride-nederlands", "--uit", out, "--antwoorden-naar", answers)
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	if !strings.Contains(mustRead(t, out), "Begeleide onderwijstijd") || !strings.Contains(mustRead(t, answers), "[antwoorden]") {
		t.Errorf("not both written")
	}
	if !strings.Contains(stdout, answers) || !strings.Contains(errOut, out) {
		t.Errorf("does not say where both are: %q %q", stdout, errOut)
	}
	// The answers file is never overwritten; the summary file may be.
	code, _, errOut = runCmd(t, "casus", "hybride-nederlands", "--antwoorden-naar", answers)
	if code != 2 || !strings.Contains(errOut, "bestaat al") {
		t.Errorf("second --antwoorden-naar: exit %d %s", code, errOut)
	}
	for _, args := range [][]string{
		{"casus", "--format", "pdf"},
		{"casus", "hybride-nederlands", "--format", "pdf"},
		{"casus", "--inhoud", "/bestaat-niet"},
		{"casus", "hybride-nederlands", "--inhoud", "/bestaat-niet"},
		{"casus", "--format", "html"},
		{"casus", "hybride-nederlands", "--uit", out, "--antwoorden-naar", out},
	} {
		if code, _, errOut := runCmd(t, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
}

func TestExportFolderAgreesWithHelp(t *testing.T) {
	_, help, _ := runCmd(t, "inhoud", "--help")
	if !strings.Contains(help, "een nieuwe of lege map") {
		t.Fatalf("help: %s", help)
	}
	dir := t.TempDir()
	// Empty folder: fine. New folder: fine.
	if code, _, errOut := runCmd(t, "inhoud", "--naar", dir); code != 0 {
		t.Errorf("empty folder: exit %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "inhoud", "--naar", filepath.Join(t.TempDir(), "nieuw", "map")); code != 0 {
		t.Errorf("new folder: exit %d %s", code, errOut)
	}
	// A folder with anything in it: refused, nothing written.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notities.txt"), []byte("mijn"), 0o644)
	if code, _, errOut := runCmd(t, "inhoud", "--naar", other); code != 2 || !strings.Contains(errOut, "niet leeg") {
		t.Errorf("non-empty folder: exit %d %s", code, errOut)
	}
	if entries, _ := os.ReadDir(other); len(entries) != 1 {
		t.Errorf("wrote into a non-empty folder")
	}
	// A file where the folder should be: exit 2.
	file := filepath.Join(t.TempDir(), "bestand")
	os.WriteFile(file, nil, 0o644)
	for _, target := range []string{file, filepath.Join(file, "sub")} {
		if code, _, errOut := runCmd(t, "inhoud", "--naar", target); code != 2 || !strings.Contains(errOut, "is een bestand, geen map") {
			t.Errorf("%s: exit %d %s", target, code, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "controleer", "--inhoud", file); code != 2 || !strings.Contains(errOut, "is een bestand, geen map") {
		t.Errorf("--inhoud on a file: exit %d %s", code, errOut)
	}
}

// Every link fails the same way (a closed port on this computer): the
// report is Dutch and says the computer is probably offline.
func TestCheckLinksOffline(t *testing.T) {
	inh := exportContent(t)
	for _, f := range []string{"bronnen.toml", "meta.toml"} {
		data, _ := os.ReadFile(filepath.Join(inh, f))
		n := 0
		data = regexp.MustCompile(`url = "https://[^"]*"`).ReplaceAllFunc(data, func([]byte) []byte {
			n++
			return []byte(fmt.Sprintf(`url = "https://127.0.0.1:1/x%d"`, n))
		})
		os.WriteFile(filepath.Join(inh, f), data, 0o644)
	}
	code, out, _ := runIn(t, &Env{HTTP: &http.Client{Timeout: 5 * time.Second}}, "controleer", "--inhoud", inh, "--links")
	if code != 1 || !strings.Contains(out, "geen verbinding") || !strings.Contains(out, "waarschijnlijk is deze computer offline") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if regexp.MustCompile(`(?i)connection refused|dial tcp|not found`).MatchString(out) {
		t.Errorf("English in the report:\n%s", out)
	}
	// One link broken, the others fine: no offline note, a Dutch reason.
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/weg" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for _, f := range []string{"bronnen.toml", "meta.toml"} {
		data, _ := os.ReadFile(filepath.Join(inh, f))
		data = regexp.MustCompile(`https://127.0.0.1:1/x\d+`).ReplaceAll(data, []byte(srv.URL+"/goed"))
		os.WriteFile(filepath.Join(inh, f), data, 0o644)
	}
	editFile(t, filepath.Join(inh, "bronnen.toml"), srv.URL+"/goed", srv.URL+"/weg")
	code, out, _ = runIn(t, &Env{HTTP: srv.Client()}, "controleer", "--inhoud", inh, "--links")
	if code != 1 || !strings.Contains(out, "de server antwoordt 404: pagina niet gevonden") || strings.Contains(out, "offline") || strings.Contains(out, "Not Found") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// JSON keeps its values: the escapes are JSON's own, so a script reads
// the same string, and a terminal gets no control character.
func TestJSONSafeKeepsValues(t *testing.T) {
	in := map[string]string{"naam": "a\x7fb\u009bc\u202ed\u2066e"}
	data, _ := json.Marshal(in)
	out := jsonSafe(data)
	assertNoControls(t, "jsonSafe", string(out))
	if strings.ContainsRune(string(out), 0x7f) {
		t.Errorf("DEL left in %q", out)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["naam"] != in["naam"] {
		t.Errorf("value changed: %q %v", back["naam"], err)
	}
}
