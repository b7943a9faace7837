package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

func TestGlossaryCommand(t *testing.T) {
	ct, err := content.Load(content.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(ct.Terms) < 10 {
		t.Fatalf("the glossary has %d terms; the issue names ten", len(ct.Terms))
	}
	code, out, errOut := runCmd(t, "begrippen")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Without a terminal: Markdown, every term with its source.
	for _, term := range ct.Terms {
		if !strings.Contains(out, "**"+term.Name+":**") {
			t.Errorf("term %q missing:\n%s", term.Name, out)
		}
	}
	if n := strings.Count(out, "*(Bron: "); n != len(ct.Terms) {
		t.Errorf("%d terms name their source, want %d", n, len(ct.Terms))
	}

	code, out, errOut = runCmd(t, "begrippen", "--format", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var terms []map[string]string
	if err := json.Unmarshal([]byte(out), &terms); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(terms) != len(ct.Terms) || terms[0]["id"] != ct.Terms[0].ID || terms[0]["uitleg"] == "" || terms[0]["bron"] == "" {
		t.Errorf("json terms = %v", terms)
	}

	if code, _, errOut := runCmd(t, "begrippen", "--format", "pdf"); code != 2 || !strings.Contains(errOut, "markdown, json") {
		t.Errorf("--format pdf: exit %d %s", code, errOut)
	}
}
