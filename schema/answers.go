package schema

import (
	"reflect"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
	"github.com/afstandswijzer/afstandswijzer/report"
)

// answerValues is the [antwoorden] table: per question id of c its
// options, one as text or several as a list (decision.ParseAnswers).
func answerValues(c *content.Content) Doc {
	props := Doc{}
	for _, q := range c.Questions {
		one := Doc{"type": "string", "enum": q.Values()}
		d := one
		if q.Kind == content.Many {
			d = Doc{"type": "array", "items": one, "uniqueItems": true}
		}
		d["title"] = q.Short
		d["description"] = q.Text
		props[q.ID] = d
	}
	return Doc{"type": "object", "properties": props, "additionalProperties": false}
}

// Answers is the schema of an answers file read as data: versie = 1, the
// table [antwoorden], and for a case the table [casus].
func Answers(c *content.Content) Doc {
	g := &gen{tag: "toml"}
	casus := g.typ(reflect.TypeOf(content.CaseInfo{}))
	casus["required"] = []string{"titel", "verhaal"}
	for _, k := range []string{"titel", "verhaal"} {
		at(casus, k)["pattern"] = notBlank
	}
	casus["description"] = "Alleen in een casusbestand: de titel en het verhaal van de casus."
	return Doc{
		"$schema":              Draft,
		"title":                "afstandswijzer: antwoordenbestand",
		"description":          "Per vraag-id het antwoord: tekst bij één keuze, een lijst bij meer keuzes. Een vraag die je nog niet beantwoordde, mag ontbreken.",
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"versie", "antwoorden"},
		"properties": Doc{
			"versie":     Doc{"const": decision.FileVersion},
			"antwoorden": answerValues(c),
			"casus":      casus,
		},
	}
}

// Summary is the schema of `samenvatting --format json`, from the report's
// Go types; the answers and dropped ids come from c.
func Summary(c *content.Content) Doc {
	g := &gen{tag: "json", nullable: true}
	d := g.typ(reflect.TypeOf(report.JSONShape()))
	props := d["properties"].(Doc)
	props["antwoorden"] = answerValues(c)
	ids := make([]string, len(c.Questions))
	for i, q := range c.Questions {
		ids[i] = q.ID
	}
	at(d, "vervallen")["enum"] = ids
	at(d, "acties", "fase")["enum"] = []string{content.Before, content.After}
	// The verdict is one of three outcomes, never "counts" (issue 14).
	at(d, "bot", "uitkomst")["enum"] = []string{string(decision.OutcomeCan), string(decision.OutcomeCannot), string(decision.OutcomeUnclear)}
	for _, path := range [][]string{{"bot", "brontype"}, {"bot", "noten", "brontype"}, {"regels", "brontype"}, {"acties", "brontype"},
		{"begrippen", "brontype"}, {"partijen", "taken_brontype"}} {
		at(d, path...)["enum"] = content.SourceKinds
	}
	d["$schema"] = Draft
	d["title"] = "afstandswijzer: samenvatting als JSON (samenvatting --format json)"
	return d
}
