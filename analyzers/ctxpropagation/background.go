package ctxpropagation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// perConnection reports whether the goroutine that the fresh context at cur
// runs in is started by an accept loop for each connection it accepts
// (for { conn, err := ln.Accept(); ...; go func() { ... }() }). The
// context in scope there is the listener's lifetime context, not a
// request's: it carries no trace, auth or request ID for the goroutine to
// keep, which is all a goroutine's fresh context is reported for.
func (c *checker) perConnection(cur inspector.Cursor, a *avail) bool {
	for g := range cur.Enclosing((*ast.GoStmt)(nil)) {
		for loop := range g.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
			if loop.Node().Pos() < a.fn.Pos() {
				break // a loop around the function that declares the context
			}
			if c.acceptsConn(loop.Node()) {
				return true
			}
		}
		break
	}
	return false
}

// acceptsConn reports whether loop calls an Accept method that returns a
// connection (a value with Read, Write and RemoteAddr methods: net.Conn or
// a type that wraps it).
func (c *checker) acceptsConn(loop ast.Node) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := lint.Callee(c.info, call)
		if fn == nil || fn.Name() != "Accept" {
			return true
		}
		sig := fn.Type().(*types.Signature)
		if sig.Recv() == nil || sig.Results().Len() == 0 {
			return true
		}
		t := sig.Results().At(0).Type()
		found = hasMethods(t, "Read", "Write", "RemoteAddr")
		return !found
	})
	return found
}

func hasMethods(t types.Type, names ...string) bool {
	for _, name := range names {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj == nil {
			return false
		}
	}
	return true
}

// rootOfGoroutine reports whether the fresh context at cur, in a function
// whose context parameter is unnamed or _, is kept in a local that a
// goroutine started by the function uses: the function discards its
// caller's context on purpose to start work that outlives the call (a
// FUSE lookup that creates a socket and serves it after the lookup has
// returned). The caller's context would stop that work when the call
// ends.
func (c *checker) rootOfGoroutine(cur inspector.Cursor, a *avail) bool {
	if a.expr() != "" || a.goroutine {
		return false
	}
	v := c.assignedTo(cur)
	if v == nil {
		return false
	}
	started := false
	ast.Inspect(lint.FuncBody(a.fn), func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok && lint.Mentions(c.info, g, v) {
			started = true
		}
		return !started
	})
	return started
}
