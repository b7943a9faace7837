package linemode

import (
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/report"
)

// The plain text reads no link anchors or Markdown escapes aloud, and the
// first steps of "In het kort" sit under their label.
func TestTextReadsNoMarkdownAloud(t *testing.T) {
	text := Text(report.Summary(plainEngine(t).Summarize(plainVoorbeeldAnswers)), 80)
	for _, bad := range []string{"(#", "#begrip-", `\!`, `\`} {
		if strings.Contains(text, bad) {
			t.Errorf("plain text contains %q:\n%s", bad, text)
		}
	}
	for _, want := range []string{
		"Kan meetellen als begeleide onderwijstijd (BOT): aan alle drie de voorwaarden is voldaan.",
		"De studentenraad heeft adviesrecht over de voorzieningen",
		"Kahoot! of Mentimeter",
		"- Je eerste stappen (tips van de wijzer):\n  - Bespreek je plan in je onderwijsteam",
	} {
		if !has(text, want) && !strings.Contains(text, want) {
			t.Errorf("plain text lacks %q:\n%s", want, text)
		}
	}
	// The steps are indented with their wrapped lines; the next part of
	// the summary is not.
	i := strings.Index(text, "- Je eerste stappen (tips van de wijzer):\n")
	if i < 0 {
		t.Fatal("no steps")
	}
	for _, l := range strings.Split(strings.SplitN(text[i:], "\n\n", 2)[0], "\n")[1:] {
		if !strings.HasPrefix(l, "  - ") && !strings.HasPrefix(l, "    ") {
			t.Errorf("step line not indented: %q", l)
		}
	}
}

func TestInline(t *testing.T) {
	cases := map[string]string{
		"[BOT](#begrip-bot) telt":                  "BOT telt",
		"zie [de site](https://example.org)":       "zie de site (https://example.org)",
		`bestand \[x\](y).toml en a\_b \*c\* \| d`: "bestand [x](y).toml en a_b *c* | d",
		`**Vet** en *schuin* \\ klaar`:             `Vet en schuin \ klaar`,
	}
	for in, want := range cases {
		if got := inline(in); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
}
