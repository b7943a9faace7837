// Package decisiontest holds the answer fixtures that the tests of
// decision and report share. It uses plain maps, not decision.Answers, so
// decision's own tests can import it without an import cycle; the values
// are assignable to decision.Answers.
package decisiontest

import "strings"

// Base is a complete, ordinary path: a teacher with a live online lesson
// inside the frameworks, everything arranged.
func Base() map[string][]string {
	return map[string][]string{
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

// With returns a copy of a with the given id, value pairs set; a value
// "a,b" is a multiple choice, "-" removes the answer.
func With(a map[string][]string, kv ...string) map[string][]string {
	b := make(map[string][]string, len(a))
	for k, v := range a {
		b[k] = append([]string(nil), v...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "-" {
			delete(b, kv[i])
			continue
		}
		b[kv[i]] = strings.Split(kv[i+1], ",")
	}
	return b
}
