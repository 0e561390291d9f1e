package ctxpropagation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

const gormPkg = "gorm.io/gorm"

// isGormExec reports the *gorm.DB methods that run a statement (GORM has
// no ...Context twins: db.WithContext(ctx) is how it takes one).
func isGormExec(fn *types.Func) bool {
	return lint.IsMethod(fn, gormPkg, "DB",
		"Create", "CreateInBatches", "Save", "First", "Take", "Last", "Find", "FindInBatches",
		"FirstOrInit", "FirstOrCreate", "Update", "Updates", "UpdateColumn", "UpdateColumns",
		"Delete", "Count", "Row", "Rows", "Scan", "Pluck", "Connection", "Transaction", "Begin", "Exec")
}

// checkGorm reports a GORM statement run, where a context is available,
// on a handle that carries none (rule 3). A handle carries one when its
// chain has WithContext (or Session with a Context), followed through
// local variables; a handle from Begin is judged at the Begin; a handle
// that arrives as a parameter (a Transaction callback's tx, a repository
// function's db) is assumed to carry one; a handle from a struct field or
// a package variable, or from gorm.Open, does not.
func (c *checker) checkGorm(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, a *avail) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	ch := lint.WalkChain(c.info, lint.OutermostFunc(cur), sel.X, call)
	if ch.Opaque || len(ch.Roots) == 0 {
		return
	}
	for _, k := range ch.Calls {
		m := lint.Callee(c.info, k)
		switch {
		case lint.IsMethod(m, gormPkg, "DB", "WithContext"):
			return
		case lint.IsMethod(m, gormPkg, "DB", "Session") && c.sessionHasContext(k):
			return
		case lint.IsMethod(m, gormPkg, "DB", "Begin", "Transaction", "Connection"):
			return // judged where the transaction starts
		}
	}
	for _, r := range ch.Roots {
		if !c.gormRootWithoutCtx(r) {
			return
		}
	}
	if c.afterDone(cur, a.fn) {
		return
	}
	root := ch.Roots[0]
	gc := gormCall{call: call, fn: fn, a: a}
	// Mechanical when the chain is written in the call itself.
	if len(ch.Roots) == 1 && root.Pos() >= call.Pos() && root.End() <= call.End() {
		fix := c.p.NewFix(call.Pos())
		if ctxExpr := c.fixCtx(fix, call, a); ctxExpr != "" {
			fix.Insert(root.End(), ".WithContext("+ctxExpr+")")
			gc.fixes, gc.ctxExpr = fix.Fix("add .WithContext("+ctxExpr+")"), ctxExpr
		}
	}
	// Reported once the traversal is over, one finding per function
	// (see reportGorm).
	c.gormCalls = append(c.gormCalls, gc)
}

// sessionHasContext reports db.Session(&gorm.Session{Context: ctx}).
func (c *checker) sessionHasContext(call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	e := ast.Unparen(call.Args[0])
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return true // a session built elsewhere: trust it
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Context" {
				return true
			}
		}
	}
	return false
}

// gormRootWithoutCtx reports a chain root known to carry no context: a
// struct field, a package variable, or gorm.Open.
func (c *checker) gormRootWithoutCtx(r ast.Expr) bool {
	switch r := ast.Unparen(r).(type) {
	case *ast.SelectorExpr:
		if s, ok := c.info.Selections[r]; ok {
			return s.Kind() == types.FieldVal
		}
		v, ok := c.info.ObjectOf(r.Sel).(*types.Var)
		return ok && v.Parent() == v.Pkg().Scope()
	case *ast.Ident:
		v, ok := c.info.ObjectOf(r).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.CallExpr:
		return lint.IsFunc(lint.Callee(c.info, r), gormPkg, "Open")
	}
	return false
}
