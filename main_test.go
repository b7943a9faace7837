package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSummaryOfExampleFile(t *testing.T) {
	code, out, errOut := runCmd(t, "samenvatting", "--antwoorden", "testdata/voorbeeld.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# Afstandsonderwijs in je les", "## Begeleide onderwijstijd", "Telt mee als begeleide onderwijstijd",
		"## Wie beslist wat", "## Regels die gelden", "## Regel dit vooraf", "## Hulp en bronnen", "Dit is geen juridisch advies"} {
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
	code, _, errOut := runCmd(t, "samenvatting", "--antwoorden", "testdata/voorbeeld.toml", "--format", "json", "--uit", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		BOT struct {
			Telt *bool `json:"telt"`
		} `json:"bot"`
		Regels []struct{ ID string } `json:"regels"`
	}
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	if j.BOT.Telt == nil || !*j.BOT.Telt || len(j.Regels) < 9 {
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
		{[]string{"samenvatting", "--antwoorden", "testdata/voorbeeld.toml", "--format", "pdf"}, "onbekend formaat"},
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
	if code, _, errOut := runCmd(t, "inhoud", "--naar", dir); code != 2 || !strings.Contains(errOut, "bestaat al") {
		t.Fatalf("second export must refuse to overwrite: exit %d %s", code, errOut)
	}
	if code, out, _ := runCmd(t, "controleer", "--inhoud", dir); code != 0 {
		t.Fatalf("exported content does not check: %s", out)
	}
	// An institution breaks a rule's condition: controleer names file and line.
	path := filepath.Join(dir, "regels.toml")
	data, _ := os.ReadFile(path)
	broken := strings.Replace(string(data), `when = 'kaders_passen == "past"'`, `when = 'kaders_passen == "past" && kaders_passen == "verandert"'`, 1)
	os.WriteFile(path, []byte(broken), 0o644)
	code, out, _ = runCmd(t, "controleer", "--inhoud", dir)
	if code != 1 || !strings.Contains(out, "regels.toml, regel ") || !strings.Contains(out, "nooit bereikt") {
		t.Fatalf("unreachable rule: exit %d\n%s", code, out)
	}
	broken = strings.Replace(string(data), `when = 'kaders_passen == "past"'`, `when = 'kaders_passen == "pas"'`, 1)
	os.WriteFile(path, []byte(broken), 0o644)
	code, out, _ = runCmd(t, "controleer", "--inhoud", dir)
	if code != 1 || !strings.Contains(out, `geen optie "pas"`) {
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
