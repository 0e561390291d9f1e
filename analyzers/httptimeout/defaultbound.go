package httptimeout

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// boundsDefaultClient marks a package that gives http.DefaultClient a
// timeout, usually in init:
//
//	func init() { http.DefaultClient = &http.Client{Timeout: 30 * time.Second} }
//
// Every request through http.DefaultClient in a program that links the
// package is then bounded, in that package and in those that import it.
type boundsDefaultClient struct{}

func (*boundsDefaultClient) AFact()         {}
func (*boundsDefaultClient) String() string { return "boundsDefaultClient" }

// noteDefaultBound sets c.defaultBounded when this package, or one it
// imports, gives http.DefaultClient a timeout, and exports the fact for
// the packages that import this one.
func (c *checker) noteDefaultBound(pass *analysis.Pass, ins *inspector.Inspector) {
	for cur := range ins.Root().Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if c.boundsDefault(lhs, as.Rhs[i]) {
				c.defaultBounded = true
			}
		}
	}
	if c.defaultBounded {
		pass.ExportPackageFact(&boundsDefaultClient{})
		return
	}
	for _, f := range pass.AllPackageFacts() {
		if _, ok := f.Fact.(*boundsDefaultClient); ok {
			c.defaultBounded = true
			return
		}
	}
}

// boundsDefault reports whether lhs = rhs gives http.DefaultClient a
// timeout: the whole client replaced by one created with a non-zero
// Timeout, or its Timeout field set to a non-zero value.
func (c *checker) boundsDefault(lhs, rhs ast.Expr) bool {
	if lint.IsPkgVar(c.info, lhs, httpPkg, "DefaultClient") {
		e := ast.Unparen(rhs)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		lit, ok := e.(*ast.CompositeLit)
		if !ok || !isType(c.info.TypeOf(lit), "Client") {
			return false
		}
		set, zero := c.litField(lit, "Timeout")
		return set && !zero
	}
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Timeout" && lint.IsPkgVar(c.info, sel.X, httpPkg, "DefaultClient") &&
		!lint.IsZeroConst(c.info, rhs)
}
