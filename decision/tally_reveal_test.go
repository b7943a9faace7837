package decision

import (
	"slices"
	"testing"
)

func ruleIDs(e *Engine, id string) []string {
	var out []string
	for _, r := range e.Feeds(id) {
		out = append(out, r.ID)
	}
	return out
}

func TestFeeds(t *testing.T) {
	e := tallyEngine(t)
	for _, c := range []struct {
		id   string
		want []string
	}{
		{"vorm", []string{"r-live"}},
		{"extra", []string{"r-twee"}},
		{"b1", []string{"r-twee"}},
		{"b2", nil},
		{"tools", []string{"r-tools"}},
		{"onbekend", nil},
	} {
		if got := ruleIDs(e, c.id); !slices.Equal(got, c.want) {
			t.Errorf("Feeds(%s) = %v, want %v", c.id, got, c.want)
		}
	}
}

// revealRoom: who got which question matters for the counts.
func revealRoom() []Participant {
	return []Participant{
		{"an", ans("vorm", "live", "b1", "ja", "b2", "ja", "b3", "ja", "tools", "a,b")},
		{"bo", ans("vorm", "live", "b1", "nee", "tools", "b")},
		// extra "y" is kept but not asked after "live": it makes no rule apply.
		{"cees", ans("vorm", "live", "extra", "y", "b1", "ja")},
		{"dirk", ans("vorm", "zelf", "extra", "x", "b1", "ja")},
		{"gerd", ans("vorm", "zelf", "extra", "y", "b1", "ja")},
		{"els", ans("vorm", "examen")},
	}
}

func TestReveal(t *testing.T) {
	e := tallyEngine(t)
	type opt struct {
		value   string
		outcome Outcome
		applies []int // per rule of the reveal
	}
	for _, c := range []struct {
		id        string
		bot, seen int
		rules     []string
		opts      []opt
	}{
		{"vorm", 0, 6, []string{"r-live"}, []opt{{"live", "", []int{6}}, {"zelf", "", []int{0}}, {"examen", "", []int{0}}}},
		// Only dirk and gerd got extra; with "y" the rule applies to both.
		{"extra", 0, 2, []string{"r-twee"}, []opt{{"x", "", []int{0}}, {"y", "", []int{2}}}},
		// With "ja" the rule still applies to gerd (extra "y"), not to
		// cees, whose "y" does not count; with "nee" to everyone.
		{"b1", 1, 5, []string{"r-twee"}, []opt{
			{"ja", OutcomeCan, []int{1}}, {"nee", OutcomeCannot, []int{5}}, {"weet_niet", OutcomeUnclear, []int{1}}}},
		{"b2", 2, 5, nil, []opt{{"ja", OutcomeCan, nil}, {"nee", OutcomeCannot, nil}, {"weet_niet", OutcomeUnclear, nil}}},
		{"b3", 3, 5, nil, []opt{{"ja", OutcomeCan, nil}, {"nee", OutcomeCannot, nil}, {"weet_niet", OutcomeUnclear, nil}}},
		// A multiple choice: that option alone.
		{"tools", 0, 6, []string{"r-tools"}, []opt{{"a", "", []int{6}}, {"b", "", []int{0}}}},
	} {
		q := e.C.Question(c.id)
		rv := e.Reveal(q, revealRoom())
		if rv.Question != q || rv.BOT != c.bot || rv.BOTOf != 3 || rv.Seen != c.seen {
			t.Errorf("%s: bot %d of %d, seen %d; want bot %d of 3, seen %d", c.id, rv.BOT, rv.BOTOf, rv.Seen, c.bot, c.seen)
		}
		var rules []string
		for _, r := range rv.Rules {
			rules = append(rules, r.ID)
		}
		if !slices.Equal(rules, c.rules) {
			t.Errorf("%s: rules %v, want %v", c.id, rules, c.rules)
		}
		if len(rv.Options) != len(c.opts) {
			t.Fatalf("%s: %d options, want %d", c.id, len(rv.Options), len(c.opts))
		}
		for i, o := range rv.Options {
			w := c.opts[i]
			var applies []int
			for j, r := range o.Rules {
				if r.Rule != rv.Rules[j] {
					t.Errorf("%s=%s: rule %d is %s, want %s", c.id, o.Value, j, r.Rule.ID, rv.Rules[j].ID)
				}
				applies = append(applies, r.Applies)
			}
			if o.Value != w.value || o.Label != q.Options[i].Label || o.Outcome != w.outcome || !slices.Equal(applies, w.applies) {
				t.Errorf("%s option %d: %s %q %s %v, want %s %s %v", c.id, i, o.Value, o.Label, o.Outcome, applies, w.value, w.outcome, w.applies)
			}
		}
	}
}

// Nobody got the question: the rules are shown, no counts are claimed.
func TestRevealNobodySaw(t *testing.T) {
	e := tallyEngine(t)
	rv := e.Reveal(e.C.Question("extra"), []Participant{{"an", ans("vorm", "live")}})
	if rv.Seen != 0 || len(rv.Rules) != 1 {
		t.Fatalf("seen %d, %d rules; want 0 and 1", rv.Seen, len(rv.Rules))
	}
	for _, o := range rv.Options {
		for _, r := range o.Rules {
			if r.Applies != 0 || r.Always(rv.Seen) || !r.Never() {
				t.Errorf("%s: %+v claims a count with nobody", o.Value, r)
			}
		}
	}
}

func TestRuleEffectAlwaysNever(t *testing.T) {
	for _, c := range []struct {
		applies, seen int
		always, never bool
	}{
		{0, 0, false, true},
		{0, 3, false, true},
		{2, 3, false, false},
		{3, 3, true, false},
	} {
		r := RuleEffect{Applies: c.applies}
		if r.Always(c.seen) != c.always || r.Never() != c.never {
			t.Errorf("%d of %d: always %v never %v", c.applies, c.seen, r.Always(c.seen), r.Never())
		}
	}
}
