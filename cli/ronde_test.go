package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// roundDir is a round folder: the six example cases as participants.
func roundDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cases, _ := filepath.Glob("../content/casussen/*.toml")
	if len(cases) < 2 {
		t.Fatalf("%d example cases", len(cases))
	}
	for _, c := range cases {
		data, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "geheim-"+filepath.Base(c)), data, 0o644)
	}
	return dir
}

func TestRoundCommand(t *testing.T) {
	dir := roundDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	n := len(files)

	// A folder alone is enough (Windows shells do not expand *.toml).
	code, out, errOut := runCmd(t, "ronde", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Deelnemers: "+strconv.Itoa(n)+".") || !strings.Contains(out, "## Vraag 1: Rol") || !strings.Contains(out, "## Uitkomst van de zaal") {
		t.Errorf("markdown:\n%s", out)
	}
	if strings.Contains(out, "geheim") {
		t.Error("file names reach the round; it is anonymous")
	}
	// The files' case titles differ: no case is named.
	if strings.Contains(out, "Casus:") {
		t.Error("a case is named although the files have different ones")
	}
	code2, out2, _ := runCmd(t, append([]string{"ronde"}, files...)...)
	if code2 != 0 || out2 != out {
		t.Errorf("the files give another round than their folder (exit %d)", code2)
	}

	code, out, _ = runCmd(t, "ronde", dir, "--format", "json", "--casus", "Gastles <b>")
	var j struct {
		Case         string `json:"casus"`
		Participants int    `json:"deelnemers"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &j) != nil || j.Participants != n || j.Case != "Gastles <b>" {
		t.Errorf("json: exit %d, %+v", code, j)
	}
	code, out, _ = runCmd(t, "ronde", "--format", "html", dir)
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || report.CheckInert([]byte(out)) != nil {
		t.Errorf("html: exit %d", code)
	}

	// One title in every file names the case.
	one := t.TempDir()
	for _, name := range []string{"a.toml", "b.toml"} {
		data, _ := os.ReadFile(files[0])
		os.WriteFile(filepath.Join(one, name), data, 0o644)
	}
	if _, out, _ := runCmd(t, "ronde", one); !strings.Contains(out, "Casus: ") {
		t.Errorf("the shared case title is not named:\n%s", out[:min(len(out), 300)])
	}
}

func TestRoundCommandBadInput(t *testing.T) {
	dir := roundDir(t)
	broken := filepath.Join(dir, "kapot.toml")
	os.WriteFile(broken, []byte("versie = 1\n[antwoorden]\nrol = \"docent\"\nvrom = \"hybride\"\n"), 0o644)
	code, out, errOut := runCmd(t, "ronde", dir, "--format", "markdown")
	if code != 2 {
		t.Fatalf("exit %d, want 2 with one broken file", code)
	}
	if !strings.Contains(errOut, broken+" telt niet mee") || !strings.Contains(errOut, "regel 4") {
		t.Errorf("stderr does not name the broken file and line: %q", errOut)
	}
	if !strings.Contains(out, "**Niet meegeteld:**") || !strings.Contains(out, "kapot.toml") {
		t.Errorf("the round does not say which file was left out")
	}

	empty := t.TempDir()
	onlyBroken := t.TempDir()
	os.WriteFile(filepath.Join(onlyBroken, "x.toml"), []byte("rol = ["), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"ronde"}, "geef 1 tot 1000 antwoordenbestanden op (nu 0)"},
		{[]string{"ronde", empty}, "in de map " + empty + " staan geen antwoordenbestanden"},
		{[]string{"ronde", onlyBroken}, "geen van de 1 bestanden kon ik lezen"},
		{[]string{"ronde", filepath.Join(dir, "weg.toml")}, "het bestand of de map bestaat niet"},
		{[]string{"ronde", dir, "--format", "pdf"}, "geldig zijn: markdown, html, json"},
		{[]string{"ronde", dir, "--onzin"}, "onbekende optie"},
		{[]string{"ronde", broken, "--uit", broken}, broken},
	} {
		code, _, errOut := runCmd(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errOut)
		}
	}
	many := make([]string, roundMax+1)
	for i := range many {
		many[i] = broken
	}
	if code, _, errOut := runCmd(t, append([]string{"ronde"}, many...)...); code != 2 || !strings.Contains(errOut, "(nu 1001)") {
		t.Errorf("1001 files: exit %d, %q", code, errOut)
	}
}
