package ctxpropagation

import (
	"go/ast"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// rootOnly reports whether the available context a, declared by the
// function declaration d, is a parameter that every caller fills with a
// fresh root: d is an unexported function of the package, never used as a
// value, and each of its calls passes context.Background() or TODO() (or
// a local holding one) there. The context then has no deadline and no
// cancellation to propagate; the function is judged as one with no
// context, so what it does without one reaches its callers as a fact, and
// a caller that has a context of its own is reported where it passes the
// root (prometheus's buildTracerProvider, called only from ApplyConfig).
func (c *checker) rootOnly(d *ast.FuncDecl, a *avail) bool {
	if a.v == nil || a.src == nil || a.src.expr != "" || d.Recv != nil || ast.IsExported(d.Name.Name) {
		return false
	}
	fn, ok := c.info.Defs[d.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	idx := -1
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == a.v {
			idx = i
		}
	}
	if idx < 0 {
		return false
	}
	if c.valueUses == nil {
		c.valueUses = c.funcValues()
	}
	if c.valueUses[fn] {
		return false
	}
	if c.rootArgs == nil {
		c.rootArgs = c.collectRootArgs()
	}
	r := c.rootArgs[fn]
	return idx < len(r) && r[idx]
}

// collectRootArgs returns, for each unexported function of the package
// called at least once, whether each of its context parameters receives a
// fresh root at every call.
func (c *checker) collectRootArgs() map[*types.Func][]bool {
	m := make(map[*types.Func][]bool)
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			if ix, isIndex := ast.Unparen(call.Fun).(*ast.IndexExpr); isIndex {
				id, ok = ix.X.(*ast.Ident) // f[T](...)
			}
		}
		if !ok || ast.IsExported(id.Name) {
			continue
		}
		fn, ok := c.info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() != c.p.Pkg {
			continue
		}
		fn = fn.Origin()
		sig := fn.Type().(*types.Signature)
		r, seen := m[fn]
		if !seen {
			r = make([]bool, sig.Params().Len())
			for i := range r {
				r[i] = lint.IsNamed(sig.Params().At(i).Type(), "context", "Context")
			}
			m[fn] = r
		}
		for i := range r {
			if r[i] && (i >= len(call.Args) || c.freshRoot(cur, call.Args[i]) == "") {
				r[i] = false
			}
		}
	}
	return m
}
