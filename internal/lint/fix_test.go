package lint

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	udiff "github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/go/analysis"
)

// One importer for all tests: it reads the standard library's export data.
var stdImporter = importer.Default()

// typeCheck parses and type-checks src as the single file of package x,
// returning its type errors.
func typeCheck(t *testing.T, src string) (*Pass, []error) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	info := &types.Info{
		Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{},
	}
	var errs []error
	conf := types.Config{Importer: stdImporter, FakeImportC: true, Error: func(err error) { errs = append(errs, err) }}
	pkg, _ := conf.Check("x", fset, []*ast.File{f}, info)
	pass := &Pass{Pass: &analysis.Pass{
		Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info,
		ReadFile: func(string) ([]byte, error) { return []byte(src), nil },
	}}
	return pass, errs
}

func load(t *testing.T, src string) *Pass {
	t.Helper()
	p, errs := typeCheck(t, src)
	if len(errs) > 0 {
		t.Fatalf("test source does not compile: %v\n%s", errs, src)
	}
	return p
}

// at returns the position of the n-th (0-based) occurrence of s in the
// pass's file.
func at(t *testing.T, p *Pass, s string, n int) (pos, end token.Pos) {
	t.Helper()
	src, _ := p.ReadFile("")
	off := -1
	for i := 0; i <= n; i++ {
		next := strings.Index(string(src[off+1:]), s)
		if next < 0 {
			t.Fatalf("%q (#%d) not in source", s, n)
		}
		off += 1 + next
	}
	tf := p.Fset.File(p.Pass.Files[0].FileStart)
	return tf.Pos(off), tf.Pos(off + len(s))
}

// edits converts a fix's edits to byte offsets.
func edits(p *Pass, fixes []analysis.SuggestedFix) []udiff.Edit {
	tf := p.Fset.File(p.Pass.Files[0].FileStart)
	var out []udiff.Edit
	for _, fix := range fixes {
		for _, e := range fix.TextEdits {
			out = append(out, udiff.Edit{Start: tf.Offset(e.Pos), End: tf.Offset(e.End), New: string(e.NewText)})
		}
	}
	return out
}

// apply applies edits to the pass's source, unformatted: what a driver
// that does not run gofmt or goimports writes.
func apply(t *testing.T, p *Pass, es []udiff.Edit) string {
	t.Helper()
	src, _ := p.ReadFile("")
	out, err := udiff.Apply(string(src), es)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// replace builds a fix replacing the n-th occurrence of old by new.
func replace(t *testing.T, p *Pass, old string, n int, new func(*FixBuilder) (string, bool)) []analysis.SuggestedFix {
	t.Helper()
	pos, end := at(t, p, old, n)
	fix := p.NewFix(pos)
	text, ok := new(fix)
	if !ok {
		return nil
	}
	fix.Replace(pos, end, text)
	return fix.Fix("fix")
}

func literal(s string) func(*FixBuilder) (string, bool) {
	return func(*FixBuilder) (string, bool) { return s, true }
}

func withTime(expr string) func(*FixBuilder) (string, bool) {
	return func(b *FixBuilder) (string, bool) {
		name, ok := b.Import("time")
		return strings.ReplaceAll(expr, "time.", name+"."), ok
	}
}

func TestFixImports(t *testing.T) {
	cases := []struct {
		name, src, old string
		new            func(*FixBuilder) (string, bool)
		want, notWant  []string
	}{{
		name: "removes the import whose only use is replaced",
		src:  "package x\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\nfunc f(ctx any) { fmt.Println(context.Background()) }\n",
		old:  "context.Background()", new: literal("ctx"),
		want: []string{"import (\n\t\"fmt\"\n)\n"}, notWant: []string{"context"},
	}, {
		name: "keeps an import still used elsewhere",
		src:  "package x\n\nimport \"context\"\n\nfunc f(ctx context.Context) any { return context.Background() }\n",
		old:  "context.Background()", new: literal("ctx"),
		want: []string{"import \"context\"\n"},
	}, {
		name: "removes a whole import declaration and one blank line",
		src:  "package x\n\nimport \"context\"\n\nvar v = context.TODO()\n",
		old:  "context.TODO()", new: literal("any(nil)"),
		want: []string{"package x\n\nvar v"},
	}, {
		name: "removes an import alone in its group, with the blank line",
		src:  "package x\n\nimport (\n\t\"context\"\n\n\t\"strings\"\n)\n\nvar v, w = context.TODO(), strings.ToUpper\n",
		old:  "context.TODO()", new: literal("any(nil)"),
		want: []string{"import (\n\t\"strings\"\n)"},
	}, {
		name: "removes an unused dot import",
		src:  "package x\n\nimport . \"strings\"\n\nvar v = ToUpper(\"a\")\n",
		old:  "ToUpper(\"a\")", new: literal("\"A\""),
		notWant: []string{"strings"},
	}, {
		name: "adds an import in sorted position",
		src:  "package x\n\nimport (\n\t\"fmt\"\n\t\"unicode\"\n\n\t\"strings\"\n)\n\nvar a, b, c any = fmt.Sprint, unicode.IsDigit, strings.ToUpper\nvar d = 0\n",
		old:  "0", new: withTime("time.Second"),
		want: []string{"\t\"fmt\"\n\t\"time\"\n\t\"unicode\"\n"},
	}, {
		name: "adds an import at the end of the first group",
		src:  "package x\n\nimport (\n\t\"fmt\" // printing\n\n\t\"unicode\"\n)\n\nvar a, b any = fmt.Sprint, unicode.IsDigit\nvar d = 0\n",
		old:  "0", new: withTime("time.Second"),
		want: []string{"\t\"fmt\" // printing\n\t\"time\"\n\n"},
	}, {
		name: "adds a declaration beside a single import",
		src:  "package x\n\nimport \"fmt\"\n\nvar a any = fmt.Sprint\nvar d = 0\n",
		old:  "0", new: withTime("time.Second"),
		want: []string{"import \"fmt\"\nimport \"time\"\n"},
	}, {
		name: "adds a declaration to a file without imports",
		src:  "package x\n\nvar d = 0\n",
		old:  "0", new: withTime("time.Second"),
		want: []string{"package x\n\nimport \"time\"\n"},
	}, {
		name: "adds the import after cgo's",
		src:  "package x\n\n// int one() { return 1; }\nimport \"C\"\n\nvar d = 0\n",
		old:  "0", new: withTime("time.Second"),
		want: []string{"import \"C\"\n\nimport \"time\"\n"},
	}, {
		name: "uses the file's name for the package",
		src:  "package x\n\nimport stdtime \"time\"\n\nvar a = stdtime.Now\nvar d = 0\n",
		old:  "0", new: withTime("time.Second"),
		want: []string{"var d = stdtime.Second"}, notWant: []string{"\"time\"\n\t\"time\""},
	}, {
		name: "replaces a use of the package it needs",
		src:  "package x\n\nimport \"time\"\n\nvar d = time.Duration(0)\n",
		old:  "time.Duration(0)", new: withTime("time.Second"),
		want: []string{"import \"time\"\n", "var d = time.Second"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := load(t, c.src)
			fixes := replace(t, p, c.old, 0, c.new)
			if fixes == nil {
				t.Fatal("no fix")
			}
			got := apply(t, p, edits(p, fixes))
			if _, errs := typeCheck(t, got); len(errs) > 0 {
				t.Fatalf("fixed code does not compile: %v\n%s", errs, got)
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("fixed code lacks %q:\n%s", w, got)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(got, w) {
					t.Errorf("fixed code has %q:\n%s", w, got)
				}
			}
		})
	}
}

// A package name the new text cannot use makes no fix.
func TestFixImportUnusable(t *testing.T) {
	for _, src := range []string{
		"package x\n\nfunc f() int { time := 1; return time + 0 }\n",                                   // a local named time
		"package x\n\nimport \"time\"\n\nfunc f(time int) int { return time + 0 }\nvar _ = time.Now\n", // the import is shadowed
		"package x\n\nvar time = 1\nvar d = 0 + time\n",                                                // a package-level time
	} {
		p := load(t, src)
		if fixes := replace(t, p, "0", 0, withTime("time.Second")); fixes != nil {
			t.Errorf("fix offered where time is not usable:\n%s", src)
		}
	}
}

// Text the fix copies keeps its imports used.
func TestFixKeptNodes(t *testing.T) {
	src := "package x\n\nimport \"strings\"\n\nfunc f(s string) any { return g(strings.ToUpper(s)) }\nfunc g(s string) any { return s }\nfunc h(s string) any { return s }\n"
	p := load(t, src)
	call, end := at(t, p, "g(strings.ToUpper(s))", 0)
	argPos, argEnd := at(t, p, "strings.ToUpper(s)", 0)
	var arg ast.Node
	ast.Inspect(p.Pass.Files[0], func(n ast.Node) bool {
		if n != nil && n.Pos() == argPos && n.End() == argEnd {
			arg = n
		}
		return arg == nil
	})
	fix := p.NewFix(call)
	fix.Replace(call, end, "h(strings.ToUpper(s))", arg)
	got := apply(t, p, edits(p, fix.Fix("h")))
	if _, errs := typeCheck(t, got); len(errs) > 0 || !strings.Contains(got, "import \"strings\"") {
		t.Fatalf("errors %v in:\n%s", errs, got)
	}
}

// Fixes of one file compose under the drivers' three-way merge: identical
// import additions coalesce, an import removal next to an addition merges
// at a line boundary, and a fix that needs an import conflicts with one
// that removes it.
func TestFixesCompose(t *testing.T) {
	merge := func(t *testing.T, p *Pass, fixes ...[]analysis.SuggestedFix) (string, bool) {
		t.Helper()
		var acc []udiff.Edit
		for _, f := range fixes {
			es := edits(p, f)
			udiff.SortEdits(es)
			m, ok := udiff.Merge(acc, es)
			if !ok {
				return "", false
			}
			acc = m
		}
		return apply(t, p, acc), true
	}
	compiles := func(t *testing.T, got string) {
		t.Helper()
		if _, errs := typeCheck(t, got); len(errs) > 0 {
			t.Fatalf("merged fixes do not compile: %v\n%s", errs, got)
		}
	}

	t.Run("two additions of one import", func(t *testing.T) {
		p := load(t, "package x\n\nimport \"fmt\"\n\nvar a any = fmt.Sprint\nvar d, e = 0, 0\n")
		got, ok := merge(t, p, replace(t, p, "0", 0, withTime("time.Second")), replace(t, p, "0", 1, withTime("time.Minute")))
		if !ok {
			t.Fatal("conflict")
		}
		compiles(t, got)
		if strings.Count(got, "\"time\"") != 1 {
			t.Errorf("time imported twice:\n%s", got)
		}
	})

	t.Run("removal beside an addition", func(t *testing.T) {
		p := load(t, "package x\n\nimport (\n\t\"context\"\n\n\t\"strings\"\n)\n\nvar a, b = context.TODO(), strings.ToUpper\nvar d = 0\n")
		got, ok := merge(t, p, replace(t, p, "context.TODO()", 0, literal("any(nil)")), replace(t, p, "0", 0, withTime("time.Second")))
		if !ok {
			t.Fatal("conflict")
		}
		compiles(t, got)
	})

	t.Run("need and removal conflict", func(t *testing.T) {
		p := load(t, "package x\n\nimport \"context\"\n\nvar a = context.TODO()\nvar b any = 0\n")
		remove := replace(t, p, "context.TODO()", 0, literal("any(nil)"))
		need := replace(t, p, "0", 0, func(b *FixBuilder) (string, bool) {
			name, ok := b.Import("context")
			return name + ".Background()", ok
		})
		for _, order := range [][][]analysis.SuggestedFix{{remove, need}, {need, remove}} {
			if got, ok := merge(t, p, order...); ok {
				t.Errorf("fixes merged into code that cannot compile:\n%s", got)
			}
		}
		for _, f := range [][]analysis.SuggestedFix{remove, need} {
			got, _ := merge(t, p, f)
			compiles(t, got)
		}
	})

	t.Run("edits within a fix are sorted and disjoint", func(t *testing.T) {
		p := load(t, "package x\n\nimport \"context\"\n\nvar a = context.TODO()\n")
		es := edits(p, replace(t, p, "context.TODO()", 0, literal("any(nil)")))
		if !slices.IsSortedFunc(es, func(x, y udiff.Edit) int { return x.Start - y.Start }) {
			t.Errorf("unsorted edits: %v", es)
		}
	})
}
