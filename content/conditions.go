package content

import (
	"fmt"
	"sort"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// Env returns a zero-valued expression environment for c: every question id
// with the type its answers have. Conditions are type-checked against it.
func Env(c *Content) map[string]any {
	env := make(map[string]any, len(c.Questions))
	for _, q := range c.Questions {
		if q.Kind == Many {
			env[q.ID] = []string{}
		} else {
			env[q.ID] = ""
		}
	}
	return env
}

// compile parses and type-checks one condition. Unknown question ids and
// option values that a question does not have are load errors, because a
// typo there would silently make a rule never (or always) apply.
func (l *loader) compile(c *Content, f string, line int, src string) Cond {
	cond := Cond{Source: strings.TrimSpace(src)}
	if cond.Source == "" {
		return cond
	}
	// Many items share a condition (71 sources for 122 conditions in the
	// built-in content); a compiled program is immutable, so it is shared.
	if done, ok := l.conds[cond.Source]; ok {
		return done
	}
	tree, err := parser.Parse(cond.Source)
	if err != nil {
		l.add(f, line, "voorwaarde %q is geen geldige expressie: %s", cond.Source, firstLine(err.Error()))
		return Cond{Source: cond.Source}
	}
	bad := false
	v := &condVisitor{c: c, seen: map[string]bool{}}
	ast.Walk(&tree.Node, v)
	for _, p := range v.problems {
		l.add(f, line, "voorwaarde %q: %s", cond.Source, p)
		bad = true
	}
	if bad {
		return Cond{Source: cond.Source}
	}
	// Type-check against the questions the condition reads only: expr
	// inspects the whole environment on every Compile, which made loading
	// quadratic in the number of questions.
	if l.env == nil {
		l.env = Env(c)
	}
	env := make(map[string]any, len(v.vars))
	for _, id := range v.vars {
		env[id] = l.env[id]
	}
	prog, err := expr.Compile(cond.Source, expr.Env(env), expr.AsBool())
	if err != nil {
		l.add(f, line, "voorwaarde %q klopt niet: %s (een vraag met één keuze is tekst, een vraag met meer keuzes is een lijst; de uitkomst moet waar of onwaar zijn)", cond.Source, firstLine(err.Error()))
		return Cond{Source: cond.Source}
	}
	cond.Program = prog
	cond.Vars = v.vars
	if l.conds == nil {
		l.conds = map[string]Cond{}
	}
	l.conds[cond.Source] = cond
	return cond
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

type condVisitor struct {
	c        *Content
	vars     []string
	seen     map[string]bool
	problems []string
}

func (v *condVisitor) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if v.c.byID[n.Value] == nil {
			v.problems = append(v.problems, fmt.Sprintf("onbekende vraag-id %q; bekende ids: %s", n.Value, strings.Join(sortedIDs(v.c), ", ")))
			return
		}
		if !v.seen[n.Value] {
			v.seen[n.Value] = true
			v.vars = append(v.vars, n.Value)
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "==", "!=":
			v.checkValue(n.Left, n.Right)
			v.checkValue(n.Right, n.Left)
		case "in", "not in":
			// "x" in meer_vraag, or een_vraag in ["x", "y"]
			v.checkValue(n.Right, n.Left)
			if arr, ok := n.Right.(*ast.ArrayNode); ok {
				for _, el := range arr.Nodes {
					v.checkValue(n.Left, el)
				}
			}
		}
	}
}

// checkValue reports a string literal compared with a question that has no
// such option.
func (v *condVisitor) checkValue(ident, lit ast.Node) {
	id, ok := ident.(*ast.IdentifierNode)
	if !ok {
		return
	}
	s, ok := lit.(*ast.StringNode)
	if !ok {
		return
	}
	q := v.c.byID[id.Value]
	if q == nil || q.Option(s.Value) != nil {
		return
	}
	v.problems = append(v.problems, fmt.Sprintf("vraag %q heeft geen optie %q; geldig zijn %s", q.ID, s.Value, quoteList(q.Values())))
}

func sortedIDs(c *Content) []string {
	ids := questionIDs(c)
	sort.Strings(ids)
	return ids
}

// Compile compiles one condition against loaded content, with the same
// checks as the loader: for tools and tests that build conditions.
func Compile(c *Content, src string) (Cond, error) {
	l := &loader{src: map[string]string{}}
	cond := l.compile(c, "", 0, src)
	if len(l.problems) > 0 {
		return cond, l.problems
	}
	return cond, nil
}
