package linemode

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
	"github.com/afstandswijzer/afstandswijzer/decision"
)

// Parse turns a typed line into option values. problem is a short Dutch
// explanation when the line is not a valid answer to q.
func Parse(q *content.Question, line string, have decision.Answers) (vals []string, problem string) {
	n := len(q.Options)
	rangeText := fmt.Sprintf("Typ een nummer van 1 tot %d.", n)
	if q.Kind == content.Many {
		rangeText = fmt.Sprintf("Typ een of meer nummers van 1 tot %d, met een komma ertussen, of 0 als geen antwoord past.", n)
	}
	if line == "" {
		if old, ok := have[q.ID]; ok {
			return old, ""
		}
		return nil, "Je hebt niets getypt. " + rangeText
	}
	if q.Kind == content.Many && (line == "0" || strings.EqualFold(line, "geen")) {
		return []string{}, ""
	}
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return nil, fmt.Sprintf("Dat begrijp ik niet: %q. %s", line, rangeText)
	}
	if q.Kind == content.One && len(fields) > 1 {
		return nil, "Bij deze vraag kies je één antwoord. " + rangeText
	}
	seen := map[int]bool{}
	for _, f := range fields {
		i, err := strconv.Atoi(f)
		switch {
		case err != nil:
			return nil, fmt.Sprintf("Dat begrijp ik niet: %q. %s Of typ w, terug of stop.", f, rangeText)
		case i == 0 && q.Kind == content.Many:
			return nil, "0 betekent: geen van deze. Typ 0 alleen, zonder andere nummers."
		case i < 1 || i > n:
			return nil, fmt.Sprintf("Nummer %d bestaat niet bij deze vraag. %s", i, rangeText)
		}
		if seen[i] {
			continue
		}
		seen[i] = true
		vals = append(vals, q.Options[i-1].Value)
	}
	return vals, ""
}

// AnswerText shows answer values by their labels (decision.AnswerText).
func AnswerText(q *content.Question, vals []string) string { return decision.AnswerText(q, vals) }

func answerNums(q *content.Question, vals []string) string {
	if len(vals) == 0 {
		return "0"
	}
	var nums []string
	for _, v := range vals {
		for i, o := range q.Options {
			if o.Value == v {
				nums = append(nums, strconv.Itoa(i+1))
			}
		}
	}
	return strings.Join(nums, ",")
}
