package report

import (
	"flag"
	"testing"

	"github.com/afstandswijzer/afstandswijzer/decision/decisiontest"

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

// base and with are the shared fixtures (decisiontest).
func base() Answers { return decisiontest.Base() }

func with(a Answers, kv ...string) Answers { return decisiontest.With(a, kv...) }
