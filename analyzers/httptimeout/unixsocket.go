package httptimeout

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// A server on a unix socket is not reported: only local processes can
// connect to it, in practice the reverse proxy in front of it (nginx,
// Caddy), which absorbs slow clients before they reach it.

// unixListener reports whether e is a unix-socket listener: a
// *net.UnixListener, or a variable or field the function at cur last
// assigned from net.Listen("unix", ...) (or "unixpacket").
func (c *checker) unixListener(cur inspector.Cursor, e ast.Expr) bool {
	if lint.IsNamed(c.info.TypeOf(e), "net", "UnixListener") {
		return true
	}
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel // s.unixListener, assigned earlier in the function
	default:
		return false
	}
	assigns, _ := c.scope(cur)
	a, ok := lastAssign(c.info, id, cur.Node().Pos(), assigns)
	if !ok || a.index != 0 {
		return false
	}
	call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	var network ast.Expr
	switch fn := lint.Callee(c.info, call); {
	case lint.IsFunc(fn, "net", "ListenUnix"):
		return true
	case lint.IsFunc(fn, "net", "Listen") && len(call.Args) == 2:
		network = call.Args[0]
	case lint.IsMethod(fn, "net", "ListenConfig", "Listen") && len(call.Args) == 3:
		network = call.Args[1] // lc.Listen(ctx, "unix", path)
	default:
		return false
	}
	s, ok := lint.ConstString(c.info, network)
	return ok && (s == "unix" || s == "unixpacket")
}

// servedOnUnixOnly reports whether an http.Server held in a local
// variable is only started, in its function, by Serve or ServeTLS on a
// unix-socket listener.
func (c *checker) servedOnUnixOnly(cr creation) bool {
	dest := c.destination(cr.cur)
	if len(dest) != 1 || dest[0] == nil || !isLocal(dest[0]) {
		return false
	}
	var fn inspector.Cursor
	for fn = range cr.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		break
	}
	if fn.Node() == nil {
		return false
	}
	served := false
	for call := range fn.Preorder((*ast.CallExpr)(nil)) {
		n := call.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok || lint.ObjectOf(c.info, sel.X) != dest[0] {
			continue
		}
		switch sel.Sel.Name {
		case "Serve", "ServeTLS":
			if len(n.Args) == 0 || !c.unixListener(call, n.Args[0]) {
				return false
			}
			served = true
		case "ListenAndServe", "ListenAndServeTLS":
			return false
		}
	}
	return served
}
