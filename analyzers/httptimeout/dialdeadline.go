package httptimeout

import (
	"go/ast"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// A transport whose dial function sets an absolute deadline on the
// connection it returns (conn.SetDeadline(time.Now().Add(rw))) bounds
// every request sent over it: the read of a response that never comes
// fails at the deadline, whatever the client's Timeout. Old HTTP helper
// libraries bound requests this way (a TimeoutDialer(connect, readWrite)
// given to Transport.DialContext). Like a transport with a
// ResponseHeaderTimeout, such a dialer makes the package's clients that
// get their own transport trusted.

// noteTransportDial notes an http.Transport literal's Dial or DialContext.
func (c *checker) noteTransportDial(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && isDialField(key.Name) && c.setsConnDeadline(kv.Value) {
			c.deadlineDialer = true
		}
	}
}

// noteDialAssign notes t.DialContext = f for an http.Transport t.
func (c *checker) noteDialAssign(as *ast.AssignStmt) {
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || !isDialField(sel.Sel.Name) || !isType(c.info.TypeOf(sel.X), "Transport") || len(as.Rhs) != len(as.Lhs) {
			continue
		}
		if c.setsConnDeadline(as.Rhs[i]) {
			c.deadlineDialer = true
		}
	}
}

func isDialField(name string) bool { return name == "Dial" || name == "DialContext" }

// setsConnDeadline reports whether a dial function value sets a deadline
// on a connection: a function literal that does, a function of this
// package that does, or a call of a function of this package (a factory,
// TimeoutDialer(c, rw)) whose body does, in the function literal it
// returns.
func (c *checker) setsConnDeadline(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return c.callsSetDeadline(e.Body)
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := lint.ObjectOf(c.info, e).(*types.Func); ok {
			return c.funcSetsDeadline(fn)
		}
	case *ast.CallExpr:
		return c.funcSetsDeadline(lint.Callee(c.info, e))
	}
	return false
}

// funcSetsDeadline reports whether the body of fn, a function of this
// package, sets a deadline on a connection.
func (c *checker) funcSetsDeadline(fn *types.Func) bool {
	if fn == nil || fn.Pkg() != c.p.Pkg {
		return false
	}
	for _, f := range c.p.Pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && c.info.Defs[fd.Name] == fn {
				return c.callsSetDeadline(fd.Body)
			}
		}
	}
	return false
}

// callsSetDeadline reports whether body calls SetDeadline or
// SetReadDeadline on a net.Conn (or a TLS connection).
func (c *checker) callsSetDeadline(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := lint.Callee(c.info, call)
		if fn != nil && fn.Pkg() != nil && (fn.Pkg().Path() == "net" || fn.Pkg().Path() == "crypto/tls") &&
			(fn.Name() == "SetDeadline" || fn.Name() == "SetReadDeadline") {
			found = true
		}
		return !found
	})
	return found
}
