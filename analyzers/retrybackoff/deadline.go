package retrybackoff

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// pollsUntilDeadline reports whether a loop stops when a context that its
// own function gave a deadline is done:
//
//	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
//	for { ...; select { case <-ctx.Done(): return err; case <-time.After(d): } }
//
// Such a loop waits for something to become ready within a fixed time; a
// fixed pace is what it means, as for a loop that compares time.Now()
// with a deadline.
func (c *checker) pollsUntilDeadline(cur inspector.Cursor, body *ast.BlockStmt) bool {
	checked := make(map[types.Object]bool) // contexts whose Done or Err the loop calls
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") && isContext(c.info.TypeOf(sel.X)) {
			if obj := lint.ObjectOf(c.info, sel.X); obj != nil {
				checked[obj] = true
			}
		}
		return true
	})
	if len(checked) == 0 {
		return false
	}
	var fn ast.Node
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = e.Node()
		break
	}
	if fn == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if found || !ok || len(as.Rhs) != 1 || as.Pos() >= body.Pos() {
			return !found
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !lint.IsFunc(lint.Callee(c.info, call), "context", "WithTimeout", "WithDeadline") {
			return true
		}
		if obj := lint.ObjectOf(c.info, as.Lhs[0]); obj != nil && checked[obj] {
			found = true
		}
		return !found
	})
	return found
}
