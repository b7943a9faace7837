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
	// Sources counts the texts the content can show per brontype
	// (content.CheckSources).
	Sources map[string]int
}

// Check proves properties of loaded content that the loader cannot see:
// every question, rule, party task, action, resource and example can be
// reached by some answers, every path through the interview ends in a
// summary and asks the three questions on begeleide onderwijstijd (the
// handreiking names no exception, not for exams either), and every text
// the program can show says whose it is (content.CheckSources). It explores states (question, relevant answers) instead of full
// paths, so its cost follows how questions depend on each other, not the
// product of all options.
func (e *Engine) Check() Report {
	rep := Report{Paths: new(big.Int)}
	e.walk(&rep)
	e.reach(&rep)
	ps, counts := content.CheckSources(e.C)
	rep.Problems = append(rep.Problems, ps...)
	rep.Sources = counts
	sortProblems(rep.Problems)
	return rep
}

// structural returns, for each position i, the ids of earlier questions
// that some question at i or later reads in its condition (sorted): the
// only earlier answers that can still change which questions are asked.
// last maps an id to the last position that reads it. Each id is listed
// only between its own position and its last reader, so this stays linear
// in the size of the content (a set per position copied from the next was
// quadratic).
func (e *Engine) structural() (live [][]string, last map[string]int) {
	qs := e.C.Questions
	pos := make(map[string]int, len(qs))
	for i, q := range qs {
		pos[q.ID] = i
	}
	last = map[string]int{}
	for i, q := range qs {
		for _, v := range q.When.Vars {
			last[v] = max(last[v], i)
		}
	}
	live = make([][]string, len(qs)+1)
	for id, l := range last {
		if p, ok := pos[id]; ok {
			for i := p + 1; i <= l; i++ {
				live[i] = append(live[i], id)
			}
		}
	}
	for _, ids := range live {
		sort.Strings(ids)
	}
	return live, last
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

func stateKey(i int, a Answers, live []string) string {
	keys := make([]string, 0, len(live))
	for _, k := range live {
		if v, ok := a[k]; ok {
			keys = append(keys, k+"="+strings.Join(v, ","))
		}
	}
	return fmt.Sprint(i, "|", strings.Join(keys, ";"))
}

// walk explores the interview from the start. At each visible question it
// branches on the answers that later conditions read and takes one
// representative for the others (they cannot change the path), counting
// how many full paths each branch stands for.
func (e *Engine) walk(rep *Report) {
	qs := e.C.Questions
	live, last := e.structural()
	memo := map[string]*big.Int{}
	skipped := map[string]bool{} // BOT questions reported as not asked
	var visit func(i int, a Answers) *big.Int
	visit = func(i int, a Answers) *big.Int {
		key := stateKey(i, a, live[i])
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
		case !holds(qs[i].When, envOf(e.C, qs[i].When.Vars, a)):
			e.checkBOTAsked(rep, qs[i], skipped)
			n = visit(i+1, a)
		default:
			q := qs[i]
			opts := choices(q)
			n = new(big.Int)
			// Set, visit, unset: nothing below keeps a, and copying the
			// answers at every branch made the walk quadratic.
			if last[q.ID] > i {
				for _, vals := range opts {
					a[q.ID] = vals
					n.Add(n, visit(i+1, a))
				}
			} else {
				a[q.ID] = opts[0]
				n.Mul(visit(i+1, a), big.NewInt(int64(len(opts))))
			}
			delete(a, q.ID)
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
	// Post-order: every question comes after the ones its condition
	// reads, which is all resolveIn needs; walking all questions to keep
	// content order made checking quadratic.
	var out []*content.Question
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
			out = append(out, q)
		}
	}
	for _, v := range vars {
		add(v)
	}
	return out
}

// envOf is the expression environment for a condition reading vars. In
// the walk every answer is to a question that was asked (later answers
// cannot hide earlier questions), so a itself is the effective answers.
func envOf(c *content.Content, vars []string, a Answers) map[string]any {
	env := make(map[string]any, len(vars))
	for _, id := range vars {
		if q := c.Question(id); q != nil {
			env[id] = envValue(q, a)
		}
	}
	return env
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
	// Only the closure is read, so only the closure is in the environment.
	env := make(map[string]any, len(qs))
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
}

// checkBOTAsked reports, once, a BOT question that the walk skips on some
// path: the handreiking's three conditions hold for all distance education
// ("Dit kan alleen als…"), so every path asks them.
func (e *Engine) checkBOTAsked(rep *Report, q *content.Question, skipped map[string]bool) {
	if !slices.Contains(e.C.Meta.BOT, q.ID) || skipped[q.ID] {
		return
	}
	skipped[q.ID] = true
	rep.Problems = append(rep.Problems, content.Problem{File: q.File, Line: q.Line, Msg: fmt.Sprintf("vraag %q over begeleide onderwijstijd wordt bij sommige antwoorden niet gesteld (voorwaarde %q); de handreiking noemt geen uitzondering, ook niet voor examens: stel de drie vragen bij elke vorm", q.ID, q.When.Source)})
}

func sortProblems(ps content.Problems) {
	slices.SortStableFunc(ps, func(a, b content.Problem) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
}
