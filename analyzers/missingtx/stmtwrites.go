package missingtx

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// stmtWrite returns the write a call of a prepared statement's method
// makes (s.insertOrder.ExecContext(...), tx.Stmt(s.insertOrder).Exec(...),
// an INSERT ... RETURNING run with QueryRow or sqlx's Get), judged by the
// text the statement model finds for it. handled is set when call runs a
// prepared statement at all: the caller looks no further.
func (c *checker) stmtWrite(u *unit, call *ast.CallExpr, fn *types.Func, recv ast.Expr) (w *write, handled bool) {
	if recv == nil || !lint.IsStmtType(fn.Signature().Recv().Type()) && !lint.IsStmtType(c.info.TypeOf(recv)) {
		return nil, false
	}
	if !runsStatement(fn.Name()) {
		return nil, true // Close
	}
	if c.stmts == nil {
		c.stmts = lint.NewStatements(c.info, c.pass.Files)
	}
	st, ok := c.stmts.Resolve(u.outer, recv)
	if !ok {
		return nil, true
	}
	kind := sqltext.Unknown
	for _, t := range st.Texts {
		k := sqltext.Classify(t)
		if !k.IsWrite() || schemaScript(t) {
			return nil, true // one of its texts may only read
		}
		if kind == sqltext.Unknown {
			kind = k
		}
	}
	w = &write{call: call, family: "sql", text: st.Texts[0]}
	switch {
	case st.Tx != nil:
		w.org = c.eval(u, st.Tx, 0)
	case st.On != nil:
		w.org = c.eval(u, st.On, 0)
	default:
		// Held in a field or a package-level variable: prepared on the
		// service's pool at construction.
		w.org = origin{state: nontxState, rooted: true, key: c.stmtPoolKey(u, st.HolderExpr)}
	}
	if w.org.state == txState {
		c.sawTxWrite = true
		return nil, true
	}
	w.what = typeName(c.info.TypeOf(recv)) + "." + fn.Name()
	if st.Holder != nil {
		w.what = st.Holder.Name() + "." + fn.Name()
	}
	if t := sqltext.Target(w.text); t != "" {
		w.what += " (" + strings.ToLower(kind.String()) + " into " + t + ")"
	} else {
		w.what += " (" + strings.ToLower(kind.String()) + ")"
	}
	return w, true
}

// runsStatement reports whether a statement's method of this name runs it.
func runsStatement(name string) bool {
	for _, p := range []string{"Exec", "MustExec", "Query", "Get", "Select"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// stmtPoolKey returns the key of the pool a held statement was prepared
// on, for grouping its writes with the others on that pool: the handle
// field of the struct that holds it (s.insertStmt goes with s.db), or the
// package for a package-level statement.
func (c *checker) stmtPoolKey(u *unit, holder ast.Expr) string {
	sel, ok := ast.Unparen(holder).(*ast.SelectorExpr)
	if !ok || c.info.Selections[sel] == nil {
		return c.pass.Pkg.Path() + ".stmts"
	}
	base := c.eval(u, sel.X, 0).key
	t := c.info.TypeOf(sel.X)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if concreteFamily(st.Field(i).Type()) == "sql" {
				return base + "." + st.Field(i).Name()
			}
		}
	}
	return base + ".stmts"
}
