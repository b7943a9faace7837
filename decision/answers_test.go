package decision

import (
	"errors"
	"strings"
	"testing"
)

func TestAnswersRoundTrip(t *testing.T) {
	e := engine(t)
	a := with(base(), "activiteiten", "uitleg,toetsen")
	data := e.FormatAnswers(a)
	got, err := e.ParseAnswers("a.toml", data, ParseOptions{})
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(got) != len(a) {
		t.Fatalf("got %d answers, want %d", len(got), len(a))
	}
	for k, v := range a {
		if strings.Join(got[k], ",") != strings.Join(v, ",") {
			t.Errorf("%s: got %v want %v", k, got[k], v)
		}
	}
	// An empty multiple choice survives too.
	a["activiteiten"] = []string{}
	got, err = e.ParseAnswers("a.toml", e.FormatAnswers(a), ParseOptions{})
	if err != nil || !got.Has("activiteiten") || len(got["activiteiten"]) != 0 {
		t.Fatalf("empty list: %v %v", got, err)
	}
}

func TestBadAnswersFiles(t *testing.T) {
	e := engine(t)
	cases := []struct {
		name, src string
		line      int
		want      []string
	}{
		{"unknown question", "versie = 1\n[antwoorden]\nrol = \"docent\"\nkleur = \"rood\"\n", 4, []string{`onbekende vraag "kleur"`, `"urennorm"`}},
		{"value not an option", "versie = 1\n[antwoorden]\nvorm = \"hybrid\"\n", 3, []string{`vraag "vorm"`, `"hybrid" is geen antwoord`, `"hybride"`, `"examen"`}},
		{"list for one choice", "versie = 1\n[antwoorden]\n\nvorm = [\"hybride\"]\n", 4, []string{"één antwoord", "zonder [ ]"}},
		{"text for several", "versie = 1\n[antwoorden]\nactiviteiten = \"uitleg\"\n", 3, []string{"als lijst", `["uitleg"]`}},
		{"number as answer", "versie = 1\n[antwoorden]\nvorm = 3\n", 3, []string{"tekst tussen aanhalingstekens"}},
		{"missing version", "[antwoorden]\nrol = \"docent\"\n", 1, []string{`"versie" ontbreekt`}},
		{"wrong version", "versie = 2\n[antwoorden]\n", 1, []string{"versie 2 wordt niet ondersteund"}},
		{"syntax error", "versie = 1\n[antwoorden]\nrol = \"docent\n", 3, []string{"geen geldige TOML"}},
		{"unknown top-level key", "versie = 1\nnaam = \"x\"\n[antwoorden]\n", 2, []string{`onbekende sleutel "naam"`}},
		{"duplicate value", "versie = 1\n[antwoorden]\nactiviteiten = [\"uitleg\", \"uitleg\"]\n", 3, []string{"twee keer"}},
		{"answers not a table", "versie = 1\nantwoorden = 3\n", 0, []string{"verkeerd type"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.ParseAnswers("mijn.toml", []byte(tc.src), ParseOptions{})
			var errs AnswerErrors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("want AnswerErrors, got %v", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "mijn.toml") {
				t.Errorf("message does not name the file: %s", msg)
			}
			if tc.line > 0 && errs[0].Line != tc.line {
				t.Errorf("line %d, want %d: %s", errs[0].Line, tc.line, msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
		})
	}
}

// An answer to a question that no longer applies never makes a file fail
// to load: it is kept, left out of the summary and reported as dropped.
// Only a caller that asks for it gets an error.
func TestHiddenAnswersAreKeptAndDropped(t *testing.T) {
	e := engine(t)
	src := "versie = 1\n[antwoorden]\nbeleidskaders = \"nee\"\nkaders_passen = \"past\"\n"
	for _, opt := range []ParseOptions{{}, {KeepHidden: true}} {
		a, err := e.ParseAnswers("sessie.toml", []byte(src), opt)
		if err != nil || !a.Has("kaders_passen") {
			t.Fatalf("%+v: file with a hidden answer: %v %v", opt, a, err)
		}
		s := e.Summarize(a)
		if len(s.Dropped) != 1 || s.Dropped[0].ID != "kaders_passen" || s.Effective().Has("kaders_passen") {
			t.Fatalf("%+v: dropped %v", opt, s.Dropped)
		}
	}
	_, err := e.ParseAnswers("mijn.toml", []byte(src), ParseOptions{RejectHidden: true})
	var errs AnswerErrors
	if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Line != 4 || !strings.Contains(err.Error(), `vraag "kaders_passen"`) || !strings.Contains(err.Error(), "geldt niet") {
		t.Fatalf("RejectHidden: %v", err)
	}
}

// After a content update a session may name a question or value that no
// longer exists: those answers are dropped, the others kept.
func TestSkipInvalidForOldSessions(t *testing.T) {
	e := engine(t)
	src := "versie = 1\n[antwoorden]\nrol = \"docent\"\noud_id = \"x\"\nvorm = \"verdwenen\"\n"
	if _, err := e.ParseAnswers("sessie.toml", []byte(src), ParseOptions{KeepHidden: true}); err == nil {
		t.Fatal("strict parsing accepted an unknown question")
	}
	a, err := e.ParseAnswers("sessie.toml", []byte(src), ParseOptions{KeepHidden: true, SkipInvalid: true})
	if err != nil || len(a) != 1 || a["rol"][0] != "docent" {
		t.Fatalf("got %v, %v", a, err)
	}
	// Broken TOML is still an error: nothing can be recovered from it.
	if _, err := e.ParseAnswers("sessie.toml", []byte("versie = \n"), ParseOptions{SkipInvalid: true}); err == nil {
		t.Fatal("syntax error accepted")
	}
}

// Syntax errors and a misspelt [antwoorden] are explained in Dutch, once.
func TestParseAnswersDutchSyntaxErrors(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct{ src, want string }{
		{"versie = 1\n[antwoorden]\nrol = docent\n", `f.toml, regel 3: geen geldige TOML: na = verwacht ik een waarde, maar er staat "docent"; zet tekst tussen aanhalingstekens`},
		{"versie = 1\n[antwoorden]\nrol = \"\xff\"\n", "f.toml, regel 3: geen geldige TOML: het bestand bevat tekens die geen UTF-8 zijn"},
		{"versie = 1\n[antwoorden]\nrol = \"docent\"\nrol = \"docent\"\n", "f.toml, regel 4: geen geldige TOML: rol staat er twee keer in"},
		{"versie = 1\n[antwoord]\nrol = \"docent\"\nvorm = \"hybride\"\n", "f.toml, regel 2: onbekende tabel [antwoord]; bedoel je [antwoorden]?"},
		{"versie = 1\n[Antwoorden]\nrol = \"docent\"\n", "f.toml, regel 2: onbekende tabel [Antwoorden]; bedoel je [antwoorden]?"},
		// A line that ends too early: the mistake is on that line, not the next.
		{"versie = 1\n[antwoorden\nrol = \"docent\"\n", "f.toml, regel 2: geen geldige TOML: een tabelnaam eindigt met ], maar de regel houdt daar op"},
	} {
		_, err := e.ParseAnswers("f.toml", []byte(tc.src), ParseOptions{})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %v\nwant %s", tc.src, err, tc.want)
		}
		if err != nil && strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("%q: more than one message:\n%v", tc.src, err)
		}
	}
}
