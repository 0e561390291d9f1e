package lint

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

const chainSrc = `package p

import "fmt"

const cols = "id, name"

type Q struct{}

func (q *Q) Where(s string) *Q { return q }
func (q *Q) Limit(n int) *Q    { return q }
func (q *Q) Find(dst any) *Q   { return q }

func use(q *Q) {}

func f(db *Q, table, where string, n int) {
	a := "SELECT " + cols + " FROM t"
	b := fmt.Sprintf("SELECT %s FROM %s WHERE %s LIMIT %d", cols, table, where, 10)
	c := "SELECT 1"
	c = "SELECT 2"
	d := fmt.Sprintf("%[2]s-%[1]s %%", "x", "y")
	sink(a, b, c, d, "SELECT * FROM " + table)

	q := db.Where("x")
	if n > 0 {
		q = q.Limit(n)
	}
	q.Find(nil)

	r := db.Where("y")
	r.Find(nil)

	s := db.Where("z")
	use(s)
	s.Find(nil)
}

func sink(...string) {}
`

func TestStaticStringAndChain(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", chainSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue), Defs: make(map[*ast.Ident]types.Object),
		Uses: make(map[*ast.Ident]types.Object), Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var fn *ast.FuncDecl
	var sinkCall *ast.CallExpr
	var finds []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Name.Name == "f" {
				fn = n
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Find" {
				finds = append(finds, n)
			}
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "sink" {
				sinkCall = n
			}
		}
		return true
	})
	const hole = "?"
	want := []struct {
		text string
		ok   bool
	}{
		{"SELECT id, name FROM t", true},
		{"SELECT id, name FROM ? WHERE ? LIMIT 10", true},
		{"?", false}, // assigned twice
		{"y-x %", true},
		{"SELECT * FROM ?", true},
	}
	for i, w := range want {
		got, ok := StaticString(info, fn, sinkCall.Args[i], hole)
		if got != w.text || ok != w.ok {
			t.Errorf("arg %d: StaticString = %q, %v; want %q, %v", i, got, ok, w.text, w.ok)
		}
	}

	names := func(c *Chain) map[string]bool {
		m := make(map[string]bool)
		for _, call := range c.Calls {
			m[call.Fun.(*ast.SelectorExpr).Sel.Name] = true
		}
		return m
	}
	recv := func(call *ast.CallExpr) ast.Expr { return call.Fun.(*ast.SelectorExpr).X }
	// q: a branch adds Limit.
	if c := WalkChain(info, fn, recv(finds[0]), finds[0]); !names(c)["Limit"] || !names(c)["Where"] || c.Opaque || len(c.Roots) != 1 {
		t.Errorf("q: calls %v, opaque %v, roots %d", names(c), c.Opaque, len(c.Roots))
	}
	// r: no Limit.
	if c := WalkChain(info, fn, recv(finds[1]), finds[1]); names(c)["Limit"] || c.Opaque {
		t.Errorf("r: calls %v, opaque %v", names(c), c.Opaque)
	}
	// s: passed to a function.
	if c := WalkChain(info, fn, recv(finds[2]), finds[2]); !c.Opaque {
		t.Error("s: passed to use, want opaque")
	}
}
