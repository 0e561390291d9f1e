package ctxpropagation

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// Some clients keep a default context for their context-less methods
// (xorm's Engine.SetDefaultContext). Once the context in scope has been
// set as the receiver's default, earlier in the same function, a
// context-less call on it does run under that context: gitea's
// InitEngineWithMigration calls InitEngine(ctx), which sets the package's
// engine's default context to ctx, and then xormEngine.Ping().

// boundToScope reports whether the receiver of call, a variable, was
// given the context in scope as its default context by a call that comes
// before it in the function declaring that context: recv.SetDefaultContext(ctx),
// or a call of a function of this package that sets it for the package
// variable recv (binds). A binding inside a closure does not count: it
// runs whenever the closure is called.
func (c *checker) boundToScope(cur inspector.Cursor, call *ast.CallExpr, a *avail) bool {
	recv := c.receiverVar(call)
	if recv == nil || a.v == nil {
		return false
	}
	var decl inspector.Cursor
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if f.Node() == a.fn {
			decl = f
			break
		}
	}
	if decl.Node() == nil {
		return false
	}
	bound := false
	decl.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(k inspector.Cursor) bool {
		if bound || k.Node().Pos() >= call.Pos() {
			return false
		}
		pc, ok := k.Node().(*ast.CallExpr)
		if !ok {
			return k.Node() == a.fn // enter a.fn itself, not the closures in it
		}
		fn := lint.Callee(c.info, pc)
		switch {
		case fn == nil:
		case setsDefaultContext(fn):
			// The same variable, written the same way: s.engine and
			// t.engine share a field but not an engine.
			bound = c.receiverVar(pc) == recv && sameReceiver(pc, call) && c.isScopeCtx(pc.Args[0], a)
		case fn.Pkg() == c.p.Pkg:
			for i, vars := range c.binds(fn) {
				if i < len(pc.Args) && slices.Contains(vars, recv) && c.isScopeCtx(pc.Args[i], a) {
					bound = true
				}
			}
		}
		return !bound
	})
	return bound
}

// setsDefaultContext reports whether fn is a method that stores a default
// context in its receiver: SetDefaultContext(ctx), SetContext(ctx).
func setsDefaultContext(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 1 || sig.Results().Len() > 1 {
		return false
	}
	name := fn.Name()
	return strings.HasPrefix(name, "Set") && strings.HasSuffix(name, "Context") &&
		lint.IsNamed(sig.Params().At(0).Type(), "context", "Context")
}

// sameReceiver reports whether two method calls are written on the same
// receiver expression.
func sameReceiver(a, b *ast.CallExpr) bool {
	sa, ok1 := ast.Unparen(a.Fun).(*ast.SelectorExpr)
	sb, ok2 := ast.Unparen(b.Fun).(*ast.SelectorExpr)
	return ok1 && ok2 && types.ExprString(sa.X) == types.ExprString(sb.X)
}

// receiverVar returns the variable a method call is made on (v.M() or
// pkg.V.M()), or nil.
func (c *checker) receiverVar(call *ast.CallExpr) *types.Var {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	var id *ast.Ident
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel // a package-qualified variable, or a field
	}
	if id == nil {
		return nil
	}
	v, _ := c.info.Uses[id].(*types.Var)
	return v
}

// isScopeCtx reports whether e is the context in scope (ctx, r.Context()).
func (c *checker) isScopeCtx(e ast.Expr, a *avail) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		return a.src.expr == "" && c.info.Uses[id] == a.v
	}
	if a.src.expr == "" || types.ExprString(e) != a.name+a.src.expr {
		return false
	}
	root := e
	for {
		switch x := root.(type) {
		case *ast.CallExpr:
			root = x.Fun
			continue
		case *ast.SelectorExpr:
			root = x.X
			continue
		}
		break
	}
	id, ok := root.(*ast.Ident)
	return ok && c.info.Uses[id] == a.v
}

// binds returns, for fn, a function of this package, the package-level
// variables whose default context it sets from each of its parameters:
// SetDefaultEngine(ctx, e) { engine = e; engine.SetDefaultContext(ctx) }
// binds engine to parameter 0, and so does InitEngine(ctx), which calls
// SetDefaultEngine(ctx, ...). A function met again while it is judged
// (recursion) binds nothing more.
func (c *checker) binds(fn *types.Func) map[int][]*types.Var {
	fn = fn.Origin()
	if r, ok := c.bound[fn]; ok {
		return r
	}
	if c.bound == nil {
		c.bound = make(map[*types.Func]map[int][]*types.Var)
	}
	c.bound[fn] = nil
	decl, ok := c.declCursor(fn)
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	param := func(e ast.Expr) int {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			for i := range sig.Params().Len() {
				if c.info.Uses[id] == sig.Params().At(i) {
					return i
				}
			}
		}
		return -1
	}
	r := make(map[int][]*types.Var)
	decl.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(k inspector.Cursor) bool {
		pc, ok := k.Node().(*ast.CallExpr)
		if !ok {
			return false // a closure's bindings happen when it runs
		}
		callee := lint.Callee(c.info, pc)
		switch {
		case callee == nil:
		case setsDefaultContext(callee):
			if v := c.receiverVar(pc); v != nil && v.Parent() == c.p.Pkg.Scope() {
				if i := param(pc.Args[0]); i >= 0 {
					r[i] = append(r[i], v)
				}
			}
		case callee.Pkg() == c.p.Pkg:
			for j, vars := range c.binds(callee) {
				if j < len(pc.Args) {
					if i := param(pc.Args[j]); i >= 0 {
						r[i] = append(r[i], vars...)
					}
				}
			}
		}
		return true
	})
	c.bound[fn] = r
	return r
}
