package unpaginated

import (
	"go/ast"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// A range whose low side is taken from the clock (created_at >= ? with
// time.Now().AddDate(0, 0, -30)) reads a recent period: how many rows it
// holds depends on the rate, not on the table's age, like a closed window.
// The SQL side (NOW() - INTERVAL '30 days') is read by sqltext.ShapeOf;
// this file reads the Go side, where the bound is an argument.

// clockWindow marks rd as a window when every argument its open ranges
// start from is computed from time.Now() with constant offsets. args are
// the query's arguments after the SQL text, in order.
func (c *checker) clockWindow(fn ast.Node, rd *read, args []ast.Expr) {
	sh := rd.shape
	if !sh.Range || sh.HighOpen || len(sh.LowArgs) == 0 {
		return
	}
	for _, i := range sh.LowArgs {
		if i < 0 || i >= len(args) || !c.fromClock(fn, args[i], 0) {
			return
		}
	}
	rd.window = true
}

// timeMethods are the methods of time.Time that keep a time derived from
// the clock derived from it (given constant arguments).
var timeMethods = map[string]bool{
	"Add": true, "AddDate": true, "UTC": true, "Local": true, "In": true, "Truncate": true,
	"Round": true, "Format": true, "Unix": true, "UnixMilli": true, "UnixMicro": true, "UnixNano": true,
}

// fromClock reports whether e is time.Now(), possibly moved by constant
// amounts and formatted, directly or through a local variable assigned once.
func (c *checker) fromClock(fn ast.Node, e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		body := lint.FuncBody(fn)
		if !ok || body == nil {
			return false
		}
		if init := lint.SingleAssignment(c.info, body, v); init != nil {
			return c.fromClock(fn, init, depth+1)
		}
	case *ast.CallExpr:
		callee := lint.Callee(c.info, e)
		if callee == nil {
			return false
		}
		if lint.IsFunc(callee, "time", "Now") {
			return true
		}
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || !lint.IsMethod(callee, "time", "Time", callee.Name()) || !timeMethods[callee.Name()] {
			return false
		}
		if callee.Name() == "Add" || callee.Name() == "AddDate" {
			for _, a := range e.Args {
				if c.info.Types[a].Value == nil {
					return false // an offset the caller chooses
				}
			}
		}
		return c.fromClock(fn, sel.X, depth+1)
	}
	return false
}

// readsOneRow reports whether the code reads only the first row of rows:
// it hands them to pgx.CollectOneRow or CollectExactlyOneRow, or calls
// rows.Next() only as an if condition, never in a loop.
func (c *checker) readsOneRow(fn ast.Node, rows types.Object) bool {
	body := lint.FuncBody(fn)
	if body == nil || rows == nil {
		return false
	}
	one, loop := false, false
	var walk func(n ast.Node, inLoop bool)
	walk = func(n ast.Node, inLoop bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt:
				if n.Cond != nil && c.nextCall(n.Cond, rows) {
					loop = true
				}
				walk(n.Body, true)
				return false
			case *ast.RangeStmt:
				walk(n.Body, true)
				return false
			case *ast.FuncLit:
				walk(n.Body, true) // a callback may run per row
				return false
			case *ast.IfStmt:
				if c.nextCall(n.Cond, rows) {
					if inLoop {
						loop = true
					} else {
						one = true
					}
				}
			case *ast.CallExpr:
				if fn := lint.Callee(c.info, n); fn != nil && lint.IsFunc(fn, pgxPkg, "CollectOneRow", "CollectExactlyOneRow") &&
					len(n.Args) > 0 && lint.ObjectOf(c.info, n.Args[0]) == rows {
					one = true
				}
			}
			return true
		})
	}
	walk(body, false)
	return one && !loop
}

// nextCall reports whether e calls rows.Next().
func (c *checker) nextCall(e ast.Expr, rows types.Object) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Next" && lint.ObjectOf(c.info, sel.X) == rows {
				found = true
			}
		}
		return !found
	})
	return found
}
