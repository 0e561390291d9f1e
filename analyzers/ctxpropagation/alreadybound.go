package ctxpropagation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// Calls whose twin would add nothing: the context is already bound to
// what the call works on, or attached in the same expression.

// rebindKeys are the methods that rebind a prepared statement to a
// transaction. Their context twins (StmtContext) only bound a re-prepare
// on the transaction's connection; the query the statement then runs
// takes its own context.
var rebindKeys = map[string]bool{
	"database/sql.Tx.Stmt":                 true,
	"github.com/jmoiron/sqlx.Tx.Stmtx":     true,
	"github.com/jmoiron/sqlx.Tx.NamedStmt": true,
}

// liveCtx reports whether e is a context that is not a fresh root: the
// context in scope, or one derived from it.
func (c *checker) liveCtx(cur inspector.Cursor, e ast.Expr) bool {
	t := c.info.TypeOf(e)
	return t != nil && types.Implements(t, c.ctxType) && c.freshRoot(cur, e) == ""
}

// takesLiveCtx reports whether one of call's arguments is a live context.
func (c *checker) takesLiveCtx(cur inspector.Cursor, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if c.liveCtx(cur, arg) {
			return true
		}
	}
	return false
}

// reboundForContextCall reports a statement rebinding (tx.Stmt(stmt))
// whose statement is only used by calls that take a live context:
// tx.Stmt(stmt).ExecContext(ctx, ...), a local used that way, or a
// helper that returns the rebound statement to a caller that runs it
// (s.stmt(tx, "x").QueryContext(ctx, ...)).
func (c *checker) reboundForContextCall(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) bool {
	if !rebindKeys[funcKey(fn)] {
		return false
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.SelectorExpr:
		return c.ctxMethodCall(cur.Parent())
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 {
			if id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident); ok {
				v, _ := c.info.ObjectOf(id).(*types.Var)
				return v != nil && c.onlyRunWithContext(cur, v)
			}
		}
	}
	return false
}

// ctxMethodCall reports whether sel, a selector x.M, is called with a
// live context: x.M(ctx, ...).
func (c *checker) ctxMethodCall(sel inspector.Cursor) bool {
	call, ok := sel.Parent().Node().(*ast.CallExpr)
	return ok && call.Fun == sel.Node() && c.takesLiveCtx(sel.Parent(), call)
}

// onlyRunWithContext reports whether every use of the local statement v
// in the function around cur runs it with a live context, closes it,
// returns it, rebinds it or assigns it.
func (c *checker) onlyRunWithContext(cur inspector.Cursor, v *types.Var) bool {
	var fcur inspector.Cursor
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fcur = f
		break
	}
	if fcur.Node() == nil || v.Pos() < fcur.Node().Pos() || v.Pos() >= fcur.Node().End() {
		return false
	}
	ok, uses := true, 0
	for k := range fcur.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[k.Node().(*ast.Ident)] != v {
			continue
		}
		uses++
		switch p := k.Parent().Node().(type) {
		case *ast.SelectorExpr:
			if !c.ctxMethodCall(k.Parent()) && !isCleanup(p.Sel.Name) {
				ok = false
			}
		case *ast.ReturnStmt:
		case *ast.AssignStmt:
			if !containsExpr(p.Lhs, k.Node().(ast.Expr)) {
				ok = false
			}
		case *ast.CallExpr:
			if fn := lint.Callee(c.info, p); fn == nil || !rebindKeys[funcKey(fn)] {
				ok = false
			}
		default:
			ok = false
		}
	}
	return ok && uses > 0
}

func containsExpr(list []ast.Expr, e ast.Expr) bool {
	for _, x := range list {
		if ast.Unparen(x) == e {
			return true
		}
	}
	return false
}

// onBoundTx reports a call on a database/sql or sqlx transaction begun
// with a live context: a local from db.BeginTx(ctx, ...), or the
// transaction parameter of a callback handed, with a live context, to a
// helper that runs it in a transaction (db.withTx(ctx, func(tx *sqlx.Tx)
// error {...})). database/sql rolls such a transaction back when its
// context is done, and every later call on it fails: the context already
// governs the work.
func (c *checker) onBoundTx(cur inspector.Cursor, call *ast.CallExpr) bool {
	v := c.receiverVar(call)
	if v == nil || !isTxType(v.Type()) {
		return false
	}
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		node := f.Node()
		if v.Pos() < node.Pos() || v.Pos() >= node.End() {
			continue
		}
		if ft := lint.FuncType(node); ft != nil && v.Pos() >= ft.Pos() && v.Pos() < ft.End() {
			// A parameter: bound when the literal is handed to a call
			// together with a live context.
			lit, isLit := node.(*ast.FuncLit)
			pc, ok := f.Parent().Node().(*ast.CallExpr)
			return isLit && ok && containsExpr(pc.Args, lit) && c.takesLiveCtx(f.Parent(), pc)
		}
		return c.everyValue(lint.FuncBody(node), v, func(val ast.Expr) bool {
			bc, ok := ast.Unparen(val).(*ast.CallExpr)
			if !ok {
				return false
			}
			fn := lint.Callee(c.info, bc)
			return fn != nil && beginsTx(fn) && len(bc.Args) > 0 && c.liveCtx(cur, bc.Args[0])
		})
	}
	return false
}

// isTxType reports a database/sql or sqlx transaction.
func isTxType(t types.Type) bool {
	return lint.IsNamed(t, "database/sql", "Tx") || lint.IsNamed(t, "github.com/jmoiron/sqlx", "Tx")
}

// beginsTx reports the context-taking transaction starters of
// database/sql and sqlx.
func beginsTx(fn *types.Func) bool {
	switch fn.Name() {
	case "BeginTx", "BeginTxx", "MustBeginTx":
		return fn.Pkg() != nil && (fn.Pkg().Path() == "database/sql" || fn.Pkg().Path() == "github.com/jmoiron/sqlx")
	}
	return false
}

// attachedInExpr reports a request built and given a live context in the
// same expression: httptest.NewRequest(...).WithContext(ctx).
func (c *checker) attachedInExpr(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 || !lint.IsNamed(sig.Results().At(0).Type(), "net/http", "Request") {
		return false
	}
	sel, ok := cur.Parent().Node().(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "WithContext" && sel.Sel.Name != "Clone") {
		return false
	}
	return c.ctxMethodCall(cur.Parent())
}
