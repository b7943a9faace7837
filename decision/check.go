package decision

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"

	"github.com/afstandswijzer/afstandswijzer/content"
)

// maxCombos bounds the assignments tried for one condition. Conditions in
// real content read one to four questions; beyond this a condition is too
// tangled to check, and that is itself worth reporting.
const maxCombos = 1 << 20

// Report is the result of Check: the problems found and how much of the
// answer space the walk covered.
type Report struct {
	Problems content.Problems
	// States is the number of distinct interview states (question, answers
	// that still matter) the walk visited.
	States int
	// Paths is the number of complete answer combinations those states
	// stand for: every one of them ends in a summary.
	Paths *big.Int
	// Ends is the number of distinct end states summarized.
	Ends int
}

// Check proves properties of loaded content that the loader cannot see:
// every question, rule, party task, action, resource and example can be
// reached by some answers, and every path through the interview ends in a
// summary. It explores states (question, relevant answers) instead of full
// paths, so its cost follows how questions depend on each other, not the
// product of all options.
func (e *Engine) Check() Report {
	rep := Report{Paths: new(big.Int)}
	e.walk(&rep)
	e.reach(&rep)
	return rep
}

// structural returns, for each position i, the question ids that some
// question at i or later reads in its condition: the only earlier answers
// that can still change which questions are asked.
func (e *Engine) structural() []map[string]bool {
	qs := e.C.Questions
	out := make([]map[string]bool, len(qs)+1)
	out[len(qs)] = map[string]bool{}
	for i := len(qs) - 1; i >= 0; i-- {
		m := map[string]bool{}
		for k := range out[i+1] {
			m[k] = true
		}
		for _, v := range qs[i].When.Vars {
			m[v] = true
		}
		out[i] = m
	}
	return out
}

// choices lists the answers a question can get: each option for one
// choice, each subset of options for several.
func choices(q *content.Question) [][]string {
	if q.Kind != content.Many {
		out := make([][]string, len(q.Options))
		for i, o := range q.Options {
			out[i] = []string{o.Value}
		}
		return out
	}
	n := len(q.Options)
	if n > 16 {
		n = 16 // keep the subset count sane; the loader allows any size
	}
	out := make([][]string, 0, 1<<n)
	for mask := 0; mask < 1<<n; mask++ {
		var vals []string
		for i := 0; i < n; i++ {
			if mask&(1<<i) != 0 {
				vals = append(vals, q.Options[i].Value)
			}
		}
		if vals == nil {
			vals = []string{}
		}
		out = append(out, vals)
	}
	return out
}

func stateKey(i int, a Answers, keep map[string]bool) string {
	keys := make([]string, 0, len(keep))
	for k := range keep {
		if v, ok := a[k]; ok {
			keys = append(keys, k+"="+strings.Join(v, ","))
		}
	}
	sort.Strings(keys)
	return fmt.Sprint(i, "|", strings.Join(keys, ";"))
}

// walk explores the interview from the start. At each visible question it
// branches on the answers that later conditions read and takes one
// representative for the others (they cannot change the path), counting
// how many full paths each branch stands for.
func (e *Engine) walk(rep *Report) {
	qs := e.C.Questions
	keep := e.structural()
	memo := map[string]*big.Int{}
	var visit func(i int, a Answers) *big.Int
	visit = func(i int, a Answers) *big.Int {
		key := stateKey(i, a, keep[i])
		if n, ok := memo[key]; ok {
			return n
		}
		rep.States++
		var n *big.Int
		switch {
		case i == len(qs):
			n = big.NewInt(1)
			rep.Ends++
			if !e.Complete(a) {
				rep.Problems = append(rep.Problems, content.Problem{File: "vragen.toml", Msg: fmt.Sprintf("een pad eindigt terwijl vraag %q nog open staat", e.Next(a).ID)})
			} else if s := e.Summarize(a); len(s.Rules) == 0 {
				rep.Problems = append(rep.Problems, content.Problem{File: "regels.toml", Msg: "een pad eindigt in een samenvatting zonder regels"})
			}
		case !holds(qs[i].When, e.env(e.Effective(a))):
			n = visit(i+1, a)
		default:
			q := qs[i]
			opts := choices(q)
			n = new(big.Int)
			if keep[i+1][q.ID] {
				for _, vals := range opts {
					b := a.Clone()
					b[q.ID] = vals
					n.Add(n, visit(i+1, b))
				}
			} else {
				b := a.Clone()
				b[q.ID] = opts[0]
				n.Mul(visit(i+1, b), big.NewInt(int64(len(opts))))
			}
		}
		memo[key] = n
		return n
	}
	rep.Paths = visit(0, Answers{})
}

// closure returns the question ids a condition depends on, directly or
// through the conditions that decide whether those questions are asked.
func (e *Engine) closure(vars []string) []*content.Question {
	need := map[string]bool{}
	var add func(id string)
	add = func(id string) {
		if need[id] {
			return
		}
		need[id] = true
		if q := e.C.Question(id); q != nil {
			for _, v := range q.When.Vars {
				add(v)
			}
		}
	}
	for _, v := range vars {
		add(v)
	}
	var out []*content.Question
	for _, q := range e.C.Questions {
		if need[q.ID] {
			out = append(out, q)
		}
	}
	return out
}

// Reachable reports whether some answers make cond true, trying every
// combination of the questions it depends on (and only those). ok is false
// when there are too many combinations to try.
func (e *Engine) Reachable(cond content.Cond) (reachable, ok bool) {
	if cond.Program == nil {
		return true, true
	}
	qs := e.closure(cond.Vars)
	total := 1
	all := make([][][]string, len(qs))
	for i, q := range qs {
		all[i] = choices(q)
		total *= len(all[i])
		if total > maxCombos {
			return false, false
		}
	}
	idx := make([]int, len(qs))
	env := e.env(nil)
	for {
		a := Answers{}
		for i, q := range qs {
			a[q.ID] = all[i][idx[i]]
		}
		// Only the closure decides visibility here, so resolving it alone
		// is exact and keeps large content cheap to check.
		e.resolveIn(a, qs, env)
		if holds(cond, env) {
			return true, true
		}
		// Advance the odometer.
		i := 0
		for ; i < len(idx); i++ {
			idx[i]++
			if idx[i] < len(all[i]) {
				break
			}
			idx[i] = 0
		}
		if i == len(idx) {
			return false, true
		}
	}
}

func (e *Engine) reach(rep *Report) {
	check := func(file string, line int, what string, c content.Cond) {
		r, ok := e.Reachable(c)
		switch {
		case !ok:
			rep.Problems = append(rep.Problems, content.Problem{File: file, Line: line, Msg: fmt.Sprintf("%s: de voorwaarde %q hangt af van te veel vragen om te controleren; maak haar eenvoudiger", what, c.Source)})
		case !r:
			rep.Problems = append(rep.Problems, content.Problem{File: file, Line: line, Msg: fmt.Sprintf("%s wordt nooit bereikt: geen enkele combinatie van antwoorden maakt de voorwaarde %q waar", what, c.Source)})
		}
	}
	for _, q := range e.C.Questions {
		check(q.File, q.Line, fmt.Sprintf("vraag %q", q.ID), q.When)
	}
	for _, r := range e.C.Rules {
		check(r.File, r.Line, fmt.Sprintf("regel %q", r.ID), r.When)
	}
	for _, p := range e.C.Parties {
		for _, t := range p.Tasks {
			check(p.File, t.Line, fmt.Sprintf("taak van partij %q", p.ID), t.When)
		}
	}
	for _, a := range e.C.Actions {
		check(a.File, a.Line, fmt.Sprintf("actie %q", a.ID), a.When)
	}
	for _, r := range e.C.Resources {
		check(r.File, r.Line, fmt.Sprintf("bron %q", r.ID), r.When)
	}
	for _, x := range e.C.Examples {
		check(x.File, x.Line, fmt.Sprintf("voorbeeld %q", x.ID), x.When)
	}
	for _, x := range e.C.Findings {
		check(x.File, x.Line, fmt.Sprintf("bevinding %q", x.ID), x.When)
	}
	// "In het kort" names the person to ask from a question's navragen
	// action: that action must be on the checklist whenever the answer is
	// "weet_niet", or the brief says something the checklist does not.
	for _, q := range e.C.Questions {
		act := e.C.Action(q.Ask)
		if act == nil || act.When.Program == nil {
			continue
		}
		src := fmt.Sprintf(`%s == %q && !(%s)`, q.ID, content.WeetNiet, act.When.Source)
		cond, err := content.Compile(e.C, src)
		if err != nil {
			continue // the action's own condition is reported elsewhere
		}
		if r, ok := e.Reachable(cond); ok && r {
			rep.Problems = append(rep.Problems, content.Problem{File: q.File, Line: q.Line, Msg: fmt.Sprintf("vraag %q: de actie %q uit \"navragen\" geldt niet altijd bij \"Weet ik niet\"; zet %s in de voorwaarde van die actie", q.ID, act.ID, fmt.Sprintf(`%s == %q`, q.ID, content.WeetNiet))})
		}
	}
	// Themes that nothing uses are dead weight in every listing.
	used := map[string]bool{}
	for _, r := range e.C.Resources {
		used[r.Theme] = true
	}
	for _, x := range e.C.Examples {
		used[x.Theme] = true
	}
	for _, t := range e.C.Meta.Themes {
		if !used[t] {
			rep.Problems = append(rep.Problems, content.Problem{File: "meta.toml", Msg: fmt.Sprintf("thema %q wordt door geen bron of voorbeeld gebruikt", t)})
		}
	}
	slices.SortStableFunc(rep.Problems, func(a, b content.Problem) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
}
