package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/linemode"
	"github.com/afstandswijzer/afstandswijzer/report"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// testEnv is an Env with empty input and buffers for output: no terminal,
// no network, the real clock.
func testEnv(input string) (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &Env{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errOut, Now: time.Now}, &out, &errOut
}

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	env, out, errOut := testEnv("")
	code = Main(args, env)
	return code, out.String(), errOut.String()
}

// runIn is runCmd with an Env the test prepared (clock, network client).
func runIn(t *testing.T, env *Env, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env.Stdout, env.Stderr = &out, &errOut
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	code = Main(args, env)
	return code, out.String(), errOut.String()
}

func TestSummaryOfExampleFile(t *testing.T) {
	code, out, errOut := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# Afstandsonderwijs in je les", "## Begeleide onderwijstijd", "Kan meetellen als begeleide onderwijstijd",
		"## Wie beslist wat", "## Regels uit de handreiking", "## Regel dit vooraf", "## Hulp en bronnen", "Dit is geen juridisch advies"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if errOut != "" {
		t.Errorf("complete answers gave a warning: %s", errOut)
	}
}

func TestSummaryJSONToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.json")
	code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml", "--format", "json", "--uit", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		BOT struct {
			Uitkomst string `json:"uitkomst"`
		} `json:"bot"`
		Regels []struct{ ID string } `json:"regels"`
	}
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	if j.BOT.Uitkomst != "kan_meetellen" || len(j.Regels) < 9 {
		t.Fatalf("unexpected JSON: %s", data)
	}
	if !strings.Contains(errOut, path) {
		t.Errorf("does not say where it saved: %q", errOut)
	}
}

func TestBadInputExitsTwo(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "fout.toml")
	os.WriteFile(bad, []byte("versie = 1\n[antwoorden]\nvorm = \"online\"\n"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"samenvatting", "--antwoorden", bad}, "regel 3"},
		{[]string{"samenvatting", "--antwoorden", bad}, `"hybride"`},
		{[]string{"samenvatting", "--antwoorden", filepath.Join(dir, "bestaat-niet.toml")}, "bestaat niet"},
		{[]string{"samenvatting"}, "--antwoorden"},
		{[]string{"samenvatting", "--antwoorden", "../testdata/voorbeeld.toml", "--format", "pdf"}, "onbekend formaat"},
		{[]string{"samenvatting", "--onzin"}, "onbekende optie"},
		{[]string{"verzin"}, "onbekende opdracht"},
		{[]string{"controleer", "--inhoud", filepath.Join(dir, "geen-map")}, "bestaat niet"},
		{[]string{"bronnen", "--inhoud", dir}, "ontbreekt"},
	}
	for _, tc := range cases {
		code, _, errOut := runCmd(t, tc.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.want, errOut)
		}
		if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
			t.Errorf("%v: stack trace shown to the user", tc.args)
		}
	}
}

func TestPartialAnswersWarn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "half.toml")
	os.WriteFile(path, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\n"), 0o644)
	code, out, errOut := runCmd(t, "samenvatting", "--antwoorden", path)
	if code != 0 || !strings.Contains(errOut, "nog niet beantwoord") || !strings.Contains(out, "voorlopig") {
		t.Fatalf("exit %d\n%s\n%s", code, errOut, out)
	}
	// The warning names questions as the screen does, not by their ids.
	ct, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	if short := ct.Question("beleidskaders").Short; !strings.Contains(errOut, "nog niet beantwoord: "+short+",") {
		t.Errorf("warning does not start with the short name %q: %s", short, errOut)
	}
	if strings.Contains(errOut, "bot_interactie") {
		t.Errorf("warning shows question ids: %s", errOut)
	}
}

// --help and help give the same text: every command and the options of
// the interview, in Dutch, with two dashes.
func TestHelpListsEverything(t *testing.T) {
	code, help, _ := runCmd(t, "--help")
	if code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	if _, out, _ := runCmd(t, "help"); out != help {
		t.Errorf("help and --help differ:\n%s\n---\n%s", out, help)
	}
	for _, want := range []string{"samenvatting --antwoorden", "casus [NAAM]", "vergelijk BESTAND", "controleer [--links]", "inhoud --naar", "bronnen",
		"\n  --eenvoudig ", "\n  --verder ", "\n  --inhoud MAP ", "\n  --help, -h ", "\n  --version "} {
		if !strings.Contains(help, want) {
			t.Errorf("--help lacks %q:\n%s", want, help)
		}
	}
	_, out, _ := runCmd(t, "samenvatting", "--help")
	flat := strings.Join(strings.Fields(out), " ") // descriptions are wrapped
	for _, want := range []string{"[--format markdown|html|json]", "--format FORMAAT ", "zonder --format: opgemaakt in de terminal, anders markdown", "--uit BESTAND schrijf naar BESTAND in plaats van naar het scherm; een bestaand bestand wordt overschreven"} {
		if !strings.Contains(flat, want) {
			t.Errorf("samenvatting --help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "default") || regexp.MustCompile(`(?m)^\s+-[a-z]`).MatchString(out) {
		t.Errorf("English or single-dash option listing:\n%s", out)
	}
	if _, out, _ := runCmd(t, "controleer", "--help"); !strings.Contains(out, "Gebruik: afstandswijzer controleer [--links]") {
		t.Errorf("controleer --help synopsis lacks --links:\n%s", out)
	}
}

// A usage error is one line with the problem and one pointer to the help,
// naming the program once.
func TestFlagErrorIsShort(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-foo"}, "afstandswijzer: onbekende optie --foo\nZie afstandswijzer --help.\n"},
		{[]string{"samenvatting", "--foo"}, "afstandswijzer samenvatting: onbekende optie --foo\nZie afstandswijzer samenvatting --help.\n"},
		{[]string{"vergelijk", "a.toml", "b.toml", "--uit"}, "afstandswijzer vergelijk: optie --uit heeft een waarde nodig\nZie afstandswijzer vergelijk --help.\n"},
		{[]string{"--eenvoudig=misschien"}, "afstandswijzer: ongeldige waarde \"misschien\" voor --eenvoudig\nZie afstandswijzer --help.\n"},
		{[]string{"bronnen", "extra"}, "afstandswijzer bronnen: onverwacht argument \"extra\"\nZie afstandswijzer bronnen --help.\n"},
	} {
		code, out, errOut := runCmd(t, tc.args...)
		if code != 2 || errOut != tc.want || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q\nwant stderr %q", tc.args, code, out, errOut, tc.want)
		}
	}
}

// Output and input paths that cannot work are bad input (exit 2), named
// in Dutch, and checked before anything is written.
func TestFilePathErrors(t *testing.T) {
	dir := t.TempDir()
	v := "../testdata/voorbeeld.toml"
	missing := filepath.Join(dir, "nope", "x.md")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"samenvatting", "--antwoorden", dir}, dir + " is een map, geen bestand"},
		{[]string{"samenvatting", "--antwoorden", v, "--uit", dir}, dir + " is een map"},
		{[]string{"samenvatting", "--antwoorden", v, "--uit", missing}, "kan " + missing + " niet schrijven: de map " + filepath.Dir(missing) + " bestaat niet"},
		{[]string{"casus", "gastles-bedrijf", "--uit", missing}, "kan " + missing + " niet schrijven"},
		{[]string{"casus", "gastles-bedrijf", "--antwoorden-naar", missing}, "kan " + missing + " niet schrijven"},
		{[]string{"vergelijk", v, v, "--uit", dir}, dir + " is een map"},
	} {
		code, _, errOut := runCmd(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
		if strings.Contains(errOut, "is a directory") || strings.Contains(errOut, "file exists") {
			t.Errorf("%v: English error: %s", tc.args, errOut)
		}
	}
	// --uit overwrites an existing file, as documented (scripts rely on it).
	path := filepath.Join(dir, "s.md")
	os.WriteFile(path, []byte("oud"), 0o644)
	if code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", v, "--uit", path); code != 0 {
		t.Fatalf("overwrite: exit %d %s", code, errOut)
	}
	if got := mustRead(t, path); got != voorbeeldSummary(t) {
		t.Errorf("--uit did not overwrite the file: %q", got[:min(40, len(got))])
	}
}

func TestCheckReadableNumbers(t *testing.T) {
	for in, want := range map[int64]string{0: "0", 19: "19", 999: "999", 1000: "1.000", 2519424000: "2.519.424.000", -1234: "-1.234"} {
		if got := dutchNumber(big.NewInt(in)); got != want {
			t.Errorf("dutchNumber(%d) = %q, want %q", in, got, want)
		}
	}
	_, out, _ := runCmd(t, "controleer")
	if !regexp.MustCompile(`Alle \d{1,3}(\.\d{3})+ mogelijke antwoordpaden eindigen in een samenvatting \(gecontroleerd in \d+ stappen\)`).MatchString(out) {
		t.Errorf("controleer output:\n%s", out)
	}
}

// In a terminal, vergelijk shows the table only when it fits; otherwise
// each row stacked, with a note on how to get the table.
func TestCompareTerminalLayout(t *testing.T) {
	ct, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	e := decision.New(ct)
	cases, err := content.Cases()
	if err != nil {
		t.Fatal(err)
	}
	var files []decision.CompareFile
	for _, cs := range cases {
		a, err := e.ParseAnswers(cs.File, cs.Answers, decision.ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, decision.CompareFile{Name: cs.Name + ".toml", Answers: a})
	}
	wide := e.Compare(files)
	narrow := terminalComparison(wide, 80)
	if strings.Contains(narrow, "|---|") || !strings.Contains(narrow, stackedNote) || !strings.Contains(narrow, "- gastles-bedrijf.toml: ") {
		t.Errorf("six files at 80 columns are not stacked:\n%s", narrow)
	}
	if got := terminalComparison(wide, report.CompareTableWidth(wide)); got != report.CompareMarkdown(wide) {
		t.Errorf("a terminal as wide as the table does not get the table")
	}
}

func TestCheckExportAndEdit(t *testing.T) {
	code, out, _ := runCmd(t, "controleer")
	if code != 0 || !strings.Contains(out, "De inhoud klopt") {
		t.Fatalf("controleer on embedded content: exit %d\n%s", code, out)
	}
	dir := filepath.Join(t.TempDir(), "eigen")
	if code, _, errOut := runCmd(t, "inhoud", "--naar", dir); code != 0 {
		t.Fatalf("inhoud: exit %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "inhoud", "--naar", dir); code != 2 || !strings.Contains(errOut, "is niet leeg") {
		t.Fatalf("second export must refuse to overwrite: exit %d %s", code, errOut)
	}
	if code, out, _ := runCmd(t, "controleer", "--inhoud", dir); code != 0 {
		t.Fatalf("exported content does not check: %s", out)
	}
	// An institution breaks a rule's condition: controleer names file and line.
	path := filepath.Join(dir, "regels.toml")
	data, _ := os.ReadFile(path)
	broken := strings.Replace(string(data), `when = 'urennorm in ["ja", "weet_niet"]'`, `when = 'urennorm in ["ja", "weet_niet"] && urennorm == "nee"'`, 1)
	os.WriteFile(path, []byte(broken), 0o644)
	code, out, _ = runCmd(t, "controleer", "--inhoud", dir)
	if code != 1 || !strings.Contains(out, "regels.toml, regel ") || !strings.Contains(out, "nooit bereikt") {
		t.Fatalf("unreachable rule: exit %d\n%s", code, out)
	}
	broken = strings.Replace(string(data), `when = 'urennorm in ["ja", "weet_niet"]'`, `when = 'urennorm in ["ja", "weet_nie"]'`, 1)
	os.WriteFile(path, []byte(broken), 0o644)
	code, out, _ = runCmd(t, "controleer", "--inhoud", dir)
	if code != 1 || !strings.Contains(out, `geen optie "weet_nie"`) {
		t.Fatalf("bad option: exit %d\n%s", code, out)
	}
	// Other commands treat broken content as bad input.
	if code, _, errOut := runCmd(t, "bronnen", "--inhoud", dir); code != 2 || !strings.Contains(errOut, "regels.toml") {
		t.Fatalf("bronnen with broken content: exit %d %s", code, errOut)
	}
}

func TestSourcesAndHelp(t *testing.T) {
	code, out, _ := runCmd(t, "bronnen", "--format", "json")
	var list []map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) == 0 {
		t.Fatalf("bronnen json: exit %d\n%s", code, out)
	}
	for _, r := range list {
		if !strings.HasPrefix(r["url"], "https://") {
			t.Errorf("resource %s has url %q", r["id"], r["url"])
		}
	}
	code, out, _ = runCmd(t, "bronnen")
	if code != 0 || !strings.Contains(out, "https://mbo.lesopafstand.nl") {
		t.Fatalf("bronnen markdown: exit %d", code)
	}
	for _, args := range [][]string{{"--help"}, {"samenvatting", "--help"}, {"controleer", "-h"}, {"inhoud", "--help"}, {"bronnen", "--help"}} {
		code, out, _ := runCmd(t, args...)
		if code != 0 || !strings.Contains(out, "Gebruik") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	for _, args := range [][]string{{"--version"}, {"samenvatting", "--version"}} {
		code, out, _ := runCmd(t, args...)
		if code != 0 || !strings.HasPrefix(out, "afstandswijzer ") {
			t.Errorf("%v: exit %d %q", args, code, out)
		}
	}
}

// isolateConfig points os.UserConfigDir at a temp folder, so no test
// touches the real session file.
func isolateConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("AppData", dir)
	return filepath.Join(dir, "afstandswijzer", "sessie.toml")
}

func runWithInput(t *testing.T, input string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	env, out, errOut := testEnv(input)
	code = Main(args, env)
	return code, out.String(), errOut.String()
}

// voorbeeldText is the summary of testdata/voorbeeld.toml as the line
// mode prints it: plain text at 80 columns.
func voorbeeldText(t *testing.T) string {
	t.Helper()
	c, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	e := decision.New(c)
	a, err := e.ParseAnswers("voorbeeld.toml", []byte(mustRead(t, "../testdata/voorbeeld.toml")), decision.ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return linemode.Text(report.Summary(e.Summarize(a)), 80)
}

func voorbeeldSummary(t *testing.T) string {
	t.Helper()
	code, out, errOut := runCmd(t, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml")
	if code != 0 {
		t.Fatalf("samenvatting: %s", errOut)
	}
	return out
}

func TestPlainModeWithoutTerminal(t *testing.T) {
	session := isolateConfig(t)
	input, err := os.ReadFile("../testdata/voorbeeld-invoer.txt")
	if err != nil {
		t.Fatal(err)
	}
	// No arguments and no terminal: the line mode, not the full screen.
	code, out, errOut := runWithInput(t, string(input))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, voorbeeldText(t)) {
		t.Fatalf("line mode does not end with the summary of voorbeeld.toml:\n%s", out)
	}
	// The line mode wraps at 80 columns between words.
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "Je antwoorden zijn bewaard in: "+session) {
		t.Errorf("does not say where the answers are")
	}
	code, out, _ = runCmd(t, "samenvatting", "--antwoorden", session)
	if code != 0 || out != voorbeeldSummary(t) {
		t.Errorf("saved session gives another summary (exit %d)", code)
	}

	// A script run again while a session exists: the first line answers
	// question 1; nothing is taken as "continue?", so nothing shifts.
	code, out, errOut = runWithInput(t, string(input))
	if code != 0 || !strings.Contains(out, voorbeeldText(t)) {
		t.Fatalf("second script run with a saved session: exit %d %s\n%s", code, errOut, out)
	}
	if strings.Contains(out, "Wil je daarmee verder?") {
		t.Errorf("asked the resume question without a terminal")
	}

	// End of input halfway: exit 2, session saved, how to continue on stderr.
	isolateConfig(t)
	lines := strings.SplitAfter(string(input), "\n")
	code, _, errOut = runWithInput(t, strings.Join(lines[:5], ""), "--eenvoudig")
	if code != 2 || !strings.Contains(errOut, "Ga verder met: afstandswijzer --eenvoudig --verder") {
		t.Errorf("early end: exit %d, stderr %q", code, errOut)
	}
	// --verder continues with the rest of the lines, without asking.
	code, out, errOut = runWithInput(t, strings.Join(lines[5:], ""), "--eenvoudig", "--verder")
	if code != 0 || !strings.Contains(out, "Vraag 6 van ongeveer 16:") || strings.Contains(out, "Vraag 5 van") {
		t.Fatalf("--verder: exit %d %s\n%s", code, errOut, out)
	}
	if !strings.Contains(out, voorbeeldText(t)) {
		t.Errorf("--verder run does not end with the summary of voorbeeld.toml")
	}
}

func TestSummaryHTML(t *testing.T) {
	env := &Env{Now: func() time.Time { return time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC) }}
	path := filepath.Join(t.TempDir(), "hand-out.html")
	code, _, errOut := runIn(t, env, "samenvatting", "--antwoorden", "../testdata/voorbeeld.toml", "--format", "html", "--uit", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(path)
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var h1, footer string
	var scripts int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1:
				h1 = n.FirstChild.Data
			case atom.Footer:
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.FirstChild != nil {
						b.WriteString(c.FirstChild.Data)
					}
				}
				footer = b.String()
			case atom.Script:
				scripts++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if h1 != "Afstandsonderwijs in je les: samenvatting" || !strings.Contains(footer, "9 maart 2026") || scripts != 0 {
		t.Errorf("h1 %q, footer %q, %d scripts", h1, footer, scripts)
	}
}

func TestCaseCommand(t *testing.T) {
	code, out, _ := runCmd(t, "casus")
	if code != 0 {
		t.Fatalf("casus: exit %d", code)
	}
	cases, err := content.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if !strings.Contains(out, "\n"+c.Name+"\n  "+c.Title+"\n") {
			t.Errorf("list lacks %s with its title", c.Name)
		}
	}
	if !strings.Contains(out, "Noor zit in het tweede jaar") {
		t.Errorf("list lacks the stories")
	}

	code, out, _ = runCmd(t, "casus", "asynchrone-module")
	if code != 0 || !strings.HasPrefix(out, "> **Casus: Zelfstudiemodule rekenen") ||
		!strings.Contains(out, "**Telt niet mee als begeleide onderwijstijd.**") {
		t.Fatalf("casus NAAM: exit %d\n%s", code, out)
	}

	// The answers of a case can be written out and used again.
	path := filepath.Join(t.TempDir(), "casus.toml")
	code, out, errOut := runCmd(t, "casus", "minder-contacturen", "--antwoorden-naar", path)
	if code != 0 || !strings.Contains(out, path) {
		t.Fatalf("--antwoorden-naar: exit %d %s %s", code, out, errOut)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "# Casus: Een opleiding met minder contacturen\n") {
		t.Errorf("answers file does not name the case:\n%s", data)
	}
	code, out, errOut = runCmd(t, "samenvatting", "--antwoorden", path)
	if code != 0 || !strings.Contains(out, "Minder uren: de studentenraad moet instemmen") {
		t.Errorf("written case answers: exit %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "casus", "minder-contacturen", "--antwoorden-naar", path); code != 2 || !strings.Contains(errOut, "bestaat al") {
		t.Errorf("overwrite: exit %d %s", code, errOut)
	}

	// A case file itself, [casus] table included, is a valid answers file.
	if code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", "../content/casussen/gastles-bedrijf.toml"); code != 0 {
		t.Errorf("case file as answers file: exit %d %s", code, errOut)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"casus", "bestaat-niet"}, "geldig zijn: asynchrone-module, "},
		{[]string{"casus", "a", "b"}, "geef één casus op"},
		{[]string{"casus", "--uit", "x.md"}, "geef de naam van een casus op"},
		{[]string{"casus", "gastles-bedrijf", "--format", "pdf"}, "geldig zijn: markdown, html"},
	} {
		code, _, errOut := runCmd(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errOut)
		}
	}
}

func TestCompareCommand(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "team-kapot.toml")
	os.WriteFile(broken, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\nvrom = \"hybride\"\n"), 0o644)
	a := "../testdata/voorbeeld.toml"
	b := "../content/casussen/asynchrone-module.toml"

	// Flags after the files work too. A file that does not load: the
	// others are still compared, but the exit code is 2 for scripts.
	code, out, errOut := runCmd(t, "vergelijk", a, broken, b, "--format", "markdown")
	if code != 2 {
		t.Fatalf("exit %d, want 2 with one broken file: %s", code, errOut)
	}
	if !strings.Contains(errOut, broken+" telt niet mee") || !strings.Contains(errOut, "regel 4") || !strings.Contains(errOut, `onbekende vraag "vrom"`) {
		t.Errorf("broken file not named with reason on stderr: %q", errOut)
	}
	for _, want := range []string{
		"| ≠ | Vraag of uitkomst | voorbeeld.toml | asynchrone-module.toml |",
		"| ≠ | Vorm | Hybride les | Zelfstudie op afstand |",
		"| ≠ | Rol | Docent | Onderwijsteam |",
		"|   | Urennorm | Nee, het houdt zich aan de urennorm | Nee, het houdt zich aan de urennorm |",
		"| ≠ | Begeleide onderwijstijd | kan meetellen | telt niet mee |",
		"- team-kapot.toml: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("comparison lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("not a terminal, yet ANSI codes in the output")
	}

	code, out, _ = runCmd(t, "vergelijk", "--format", "json", a, b)
	var j struct {
		Files []string `json:"bestanden"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &j) != nil || len(j.Files) != 2 {
		t.Errorf("json: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "vergelijk", a, b, "--format", "html")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "<td>≠</td>") {
		t.Errorf("html: exit %d", code)
	}

	many := make([]string, 41)
	for i := range many {
		many[i] = a
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"vergelijk", a}, "geef 2 tot 40 antwoordenbestanden op (nu 1)"},
		{append([]string{"vergelijk"}, many...), "(nu 41)"},
		{[]string{"vergelijk", a, broken}, "maar 1 van de 2 bestanden"},
		{[]string{"vergelijk", a, filepath.Join(dir, "weg.toml")}, "het bestand of de map bestaat niet"},
		{[]string{"vergelijk", a, b, "--format", "pdf"}, "geldig zijn: markdown, html, json"},
		{[]string{"vergelijk", a, b, "--onzin"}, "onbekende optie"},
	} {
		code, _, errOut := runCmd(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args[1:min(3, len(tc.args))], code, errOut)
		}
	}
	// Two files with the same base name get their paths as headers.
	if got := columnNames([]string{"a/x.toml", "b/x.toml", "y.toml"}); !slices.Equal(got, []string{"a/x.toml", "b/x.toml", "y.toml"}) {
		t.Errorf("columnNames = %v", got)
	}
}

// TestEndToEnd builds the program and pipes answers into it, as a script
// or a screen-reader user would.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "afstandswijzer")
	build := exec.Command("go", "build", "-o", bin, "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	home := t.TempDir()
	session := filepath.Join(home, "afstandswijzer", "sessie.toml")
	env := append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "NO_COLOR=1")
	lines := strings.Split(strings.TrimSpace(mustRead(t, "../testdata/voorbeeld-invoer.txt")), "\n")
	start := func(input string, args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		cmd.Stdin = strings.NewReader(input)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, out.String(), errOut.String()
	}

	// The first half, then the input ends: exit 2 and a saved session.
	code, _, errOut := start(strings.Join(lines[:5], "\n")+"\n", "--eenvoudig")
	if code != 2 || !strings.Contains(errOut, "bewaard in:\n  "+session+"\n") || !strings.Contains(errOut, "afstandswijzer --eenvoudig") {
		t.Fatalf("first half: exit %d, stderr %q", code, errOut)
	}
	// Resume with --verder and the rest, without --eenvoudig: a pipe is no terminal.
	code, out, errOut := start(strings.Join(lines[5:], "\n")+"\n", "--verder")
	if code != 0 {
		t.Fatalf("second half: exit %d, %s", code, errOut)
	}
	if !strings.Contains(out, "Vraag 6 van ongeveer 16:") || strings.Contains(out, "Vraag 5 van") {
		t.Errorf("did not resume at question 6:\n%s", out)
	}
	if !strings.Contains(out, voorbeeldText(t)) {
		t.Errorf("summary differs from samenvatting --antwoorden testdata/voorbeeld.toml:\n%s", out)
	}
	if strings.ContainsAny(out, "\x1b│─┌") {
		t.Errorf("output has escape codes or box drawing")
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// controleer --links against a local server: one link works, one moved,
// one is gone. Never the internet.
func TestCheckLinksCommand(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/oud":
			http.Redirect(w, r, "/nieuw", http.StatusFound)
		case "/weg":
			http.NotFound(w, r)
		default:
			w.WriteHeader(200)
		}
	}))
	defer srv.Close()

	dir := filepath.Join(t.TempDir(), "inhoud")
	if code, _, errOut := runCmd(t, "inhoud", "--naar", dir); code != 0 {
		t.Fatal(errOut)
	}
	// Point every resource at the local server, then break two of them.
	data, _ := os.ReadFile(filepath.Join(dir, "bronnen.toml"))
	src := regexp.MustCompile(`url = "https://[^"]*"`).ReplaceAllString(string(data), `url = "`+srv.URL+`/goed"`)
	src = strings.Replace(src, srv.URL+"/goed", srv.URL+"/oud", 1)
	src = strings.Replace(src, srv.URL+"/goed\"", srv.URL+"/weg\"", 1)
	os.WriteFile(filepath.Join(dir, "bronnen.toml"), []byte(src), 0o644)
	meta, _ := os.ReadFile(filepath.Join(dir, "meta.toml"))
	meta = regexp.MustCompile(`url = "https://[^"]*"`).ReplaceAll(meta, []byte(`url = "`+srv.URL+`/goed"`))
	os.WriteFile(filepath.Join(dir, "meta.toml"), meta, 0o644)

	code, out, _ := runIn(t, &Env{HTTP: srv.Client()}, "controleer", "--inhoud", dir, "--links")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a broken link)\n%s", code, out)
	}
	for _, want := range []string{"werkt        " + srv.URL + "/goed", "doorgestuurd " + srv.URL + "/oud", "nieuw adres: " + srv.URL + "/nieuw", "KAPOT        " + srv.URL + "/weg", "404", "1 werken, 1 doorgestuurd, 1 kapot."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
