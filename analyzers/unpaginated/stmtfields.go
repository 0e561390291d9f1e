package unpaginated

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// Prepared statements, wherever they are prepared: in the function, or in
// a constructor that keeps them in struct fields (s.listEvents, run as
// s.listEvents.QueryContext(ctx, ...) or tx.Stmt(s.listEvents).Query(...)).
// The statement model in internal/lint finds their text.

var preparedReads = []string{"Query", "QueryContext", "Queryx", "QueryxContext", "Select", "SelectContext"}

// isPreparedRead reports whether fn runs a prepared statement for many
// rows: Query on *sql.Stmt, Queryx and Select on sqlx's Stmt and
// NamedStmt.
func isPreparedRead(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && lint.IsStmtType(recv.Type()) && oneOf(fn.Name(), preparedReads)
}

// preparedRead judges a read on a prepared statement by the text the
// statement model finds; a statement prepared in the function whose text
// the model cannot read is left to stmtQuery.
func (c *checker) preparedRead(cur inspector.Cursor, call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if c.stmts == nil {
		c.stmts = lint.NewStatements(c.info, c.p.Pass.Files)
	}
	st, ok := c.stmts.Resolve(lint.OutermostFunc(cur), sel.X)
	if !ok {
		c.stmtQuery(cur, call)
		return
	}
	for _, text := range st.Texts {
		if c.cfg.Rows(text) != sqltext.RowsUnbounded {
			return // one of the texts prepared into it is bounded
		}
	}
	dest := c.sliceDest(call.Args)
	if dest == nil {
		dest = c.resultVar(cur)
	}
	if rd, ok := c.sqlReadCall(cur, st.Texts[0], dest, c.stmtArgs(call)); ok {
		c.judge(cur, call, rd)
	}
}
