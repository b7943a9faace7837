package decision

import (
	"fmt"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// answersBombs are answers files just under content.MaxAnswersSize, each
// shaped to make one part of the parsing as costly as the limits allow.
func answersBombs() map[string][]byte {
	fill := func(head string, line func(i int) string) []byte {
		var b strings.Builder
		b.WriteString(head)
		// Two keys are in the head; the rest of the size is a comment.
		for i := 0; i < content.MaxAnswersKeys-3; i++ {
			l := line(i)
			if b.Len()+len(l) > content.MaxAnswersSize-64 {
				break
			}
			b.WriteString(l)
		}
		b.WriteString("# ")
		b.WriteString(strings.Repeat("x", content.MaxAnswersSize-64-b.Len()))
		return []byte(b.String())
	}
	parts := content.MaxKeyParts
	return map[string][]byte{
		"sleuteldelen": fill("versie = 1\n[antwoorden]\n", func(i int) string {
			return fmt.Sprintf("k%d%s = \"x\"\n", i, strings.Repeat(".a", parts-2))
		}),
		"sleutels": fill("versie = 1\n[antwoorden]\n", func(i int) string {
			return fmt.Sprintf("k%d = \"x\"\n", i)
		}),
		"tabellen": fill("versie = 1\n[antwoorden]\n", func(i int) string {
			return fmt.Sprintf("[t%d]\n", i)
		}),
		"lijst": []byte("versie = 1\n[antwoorden]\nactiviteiten = [" + strings.Repeat("\"x\",", content.MaxAnswersKeys-3) + "]\n"),
		"tekst": []byte("versie = 1\n[antwoorden]\nrol = \"" + strings.Repeat("é", content.MaxAnswersSize/2-40) + "\"\n"),
	}
}

// BenchmarkAnswersBombs: every accepted answers file is parsed (or
// refused) in well under a second and 100 MB.
func BenchmarkAnswersBombs(b *testing.B) {
	e := engine(b)
	for name, data := range answersBombs() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.ParseAnswers("bom.toml", data, ParseOptions{KeepHidden: true, SkipInvalid: true}); err != nil && strings.Contains(err.Error(), "meer dan") {
					b.Fatalf("refused by the limits, so not a bomb under them: %v", err)
				}
			}
		})
	}
}
