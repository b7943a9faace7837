package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Size limits keep the code readable for a newcomer (issue 17): no
// non-test file over 500 lines, no function over 80 lines. A file or a
// function that grows past them is split by what it does.
const (
	maxFileLines = 500
	maxFuncLines = 80
)

func TestSizeLimits(t *testing.T) {
	fset := token.NewFileSet()
	n := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		n++
		if lines := fset.Position(f.End()).Line; lines > maxFileLines {
			t.Errorf("%s: %d lines, at most %d", path, lines, maxFileLines)
		}
		ast.Inspect(f, func(node ast.Node) bool {
			var name string
			switch fn := node.(type) {
			case *ast.FuncDecl:
				name = fn.Name.Name
			case *ast.FuncLit:
				name = "function literal"
			default:
				return true
			}
			start, end := fset.Position(node.Pos()).Line, fset.Position(node.End()).Line
			if end-start+1 > maxFuncLines {
				t.Errorf("%s:%d: %s is %d lines, at most %d", path, start, name, end-start+1, maxFuncLines)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("only %d Go files found: the walk does not see the code", n)
	}
}
