package decision

import (
	"regexp"
	"strings"
	"testing"
)

// A checklist step that sends the reader to a resource ("Tips staan op
// mbo.lesopafstand.nl bij het onderwerp X", "Bronnen daarvoor staan ...
// onder Professionalisering") finds that resource in the same summary:
// otherwise the teacher is sent looking for something that is not there.
func TestActionPointersFindTheirResource(t *testing.T) {
	e := engine(t)
	topic := regexp.MustCompile(`bij het onderwerp ([\p{L} ,-]+?)\.`)
	theme := regexp.MustCompile(`onder (\p{Lu}[\p{L} ]+?)\.`)
	paths := []Answers{base()}
	for _, q := range e.C.Questions {
		for _, v := range q.Values() {
			a := with(base(), q.ID, v)
			if v == "examen" {
				for _, id := range e.C.Meta.BOT {
					delete(a, id)
				}
			}
			paths = append(paths, a)
		}
	}
	checked := map[string]bool{}
	for _, a := range paths {
		s := e.Summarize(a)
		for _, it := range append(s.Before, s.After...) {
			if m := topic.FindStringSubmatch(it.Text); m != nil {
				checked[it.From] = true
				found := false
				for _, r := range s.Sources {
					found = found || strings.Contains(r.LookFor, "'"+m[1]+"'")
				}
				if !found {
					t.Errorf("path %v: step %s points to topic %q, but no resource in the summary looks for it", a, it.From, m[1])
				}
			}
			if m := theme.FindStringSubmatch(it.Text); m != nil {
				checked[it.From] = true
				found := false
				for _, r := range s.Sources {
					found = found || r.Theme == m[1]
				}
				if !found {
					t.Errorf("path %v: step %s points to theme %q, but the summary has no resource of that theme", a, it.From, m[1])
				}
			}
		}
	}
	for _, id := range []string{"privacy-checken", "evaluatie-studenten", "ict-bekwaamheid", "examen-tips"} {
		if !checked[id] {
			t.Errorf("step %s was never checked", id)
		}
	}
}
