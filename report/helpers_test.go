package report

import (
	"flag"
	"strings"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

var update = flag.Bool("update", false, "rewrite golden files")

type Answers = decision.Answers

func engine(t testing.TB) *decision.Engine {
	t.Helper()
	c, err := content.Load(content.Default())
	if err != nil {
		t.Fatalf("content: %v", err)
	}
	return decision.New(c)
}

// base is a complete, ordinary path: a teacher with a live online lesson
// inside the frameworks, everything arranged.
func base() Answers {
	return Answers{
		"rol":             {"docent"},
		"beleidskaders":   {"ja"},
		"kaders_passen":   {"past"},
		"vorm":            {"synchroon"},
		"activiteiten":    {"uitleg", "samenwerken"},
		"bot_interactie":  {"ja"},
		"bot_sturen":      {"ja"},
		"bot_begeleiding": {"ja"},
		"urennorm":        {"nee"},
		"voorzieningen":   {"nee"},
		"input_studenten": {"ja"},
		"samenhang":       {"ja"},
		"ondersteuning":   {"nee"},
		"nieuwe_tools":    {"nee"},
		"ervaring":        {"veel"},
		"evaluatie":       {"studenten"},
	}
}

func with(a Answers, kv ...string) Answers {
	b := a.Clone()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "-" {
			delete(b, kv[i])
			continue
		}
		b[kv[i]] = strings.Split(kv[i+1], ",")
	}
	return b
}
