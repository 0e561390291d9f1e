package httptimeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// reportCLI is the -httptimeout.cli flag: also report the one-shot
// requests of command-line tools (see oneShot).
var reportCLI bool

// commandPackage reports whether the package is a command: a main
// package, or a package under a cmd directory (the subcommands of a tool,
// like caddy's caddycmd or cloud-sql-proxy's cmd).
func (c *checker) commandPackage() bool {
	return c.p.Pkg.Name() == "main" || slices.Contains(strings.Split(c.p.Pkg.Path(), "/"), "cmd")
}

// oneShot reports whether the client request at cur is a command-line
// tool's one-shot call: `caddy reload` posting to the admin endpoint,
// `caddy upgrade` downloading a binary that is built on demand, `promtool
// debug` fetching a 30-second CPU profile. The user who ran the command
// watches it and can interrupt it; the process ends with the call; and a
// fixed client timeout would cut the legitimately long ones. A request is
// not a one-shot when the tool repeats it unattended: in a goroutine, in
// a loop that waits between rounds or has no end (a poll, a wait-until-
// ready loop whose own deadline a hung request defeats), or in code that
// serves HTTP (a handler, or a function the package's handlers call).
// The callers are followed through the package's static calls.
func (c *checker) oneShot(cur inspector.Cursor) bool {
	if reportCLI || !c.commandPackage() {
		return false
	}
	if c.params == nil {
		c.indexCalls()
	}
	return c.oneShotAt(cur, make(map[*types.Func]bool), 0)
}

func (c *checker) oneShotAt(cur inspector.Cursor, seen map[*types.Func]bool, depth int) bool {
	if depth > maxDepth {
		return false
	}
	inLit := false
	for anc := range cur.Enclosing() {
		switch n := anc.Node().(type) {
		case *ast.GoStmt:
			return false
		case *ast.ForStmt:
			if n.Cond == nil || c.waits(n.Body) {
				return false
			}
		case *ast.RangeStmt:
			// A range over a channel waits for each round (a ticker's
			// ticks, a queue's jobs).
			if c.overChannel(n) || c.waits(n.Body) {
				return false
			}
		case *ast.FuncLit:
			if c.servesHTTP(n.Type) {
				return false
			}
			inLit = true
		case *ast.FuncDecl:
			fn, ok := c.info.Defs[n.Name].(*types.Func)
			if !ok || c.servesHTTP(n.Type) {
				return false
			}
			return c.callersOneShot(fn, seen, depth)
		}
	}
	// Package-level code: a function literal in a variable (a table of
	// subcommands) is where a command starts.
	return inLit
}

// callersOneShot reports whether every static call of fn in the package
// is itself made once. A use of fn as a value (a subcommand's Run field)
// is where a command starts.
func (c *checker) callersOneShot(fn *types.Func, seen map[*types.Func]bool, depth int) bool {
	if seen[fn] {
		return true
	}
	seen[fn] = true
	for _, id := range c.uses[fn] {
		use, ok := c.root.FindNode(id)
		if !ok {
			return false
		}
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			use = use.Parent()
		}
		if call, ok := use.Parent().Node().(*ast.CallExpr); !ok || ast.Unparen(call.Fun) != use.Node() {
			continue // used as a value
		}
		if !c.oneShotAt(use, seen, depth+1) {
			return false
		}
	}
	return true
}

// servesHTTP reports whether a function has the signature of a request
// handler: net/http's, gin's or echo's.
func (c *checker) servesHTTP(ft *ast.FuncType) bool {
	for _, field := range ft.Params.List {
		t := c.info.TypeOf(field.Type)
		if lint.IsNamed(t, httpPkg, "ResponseWriter") || lint.IsNamed(t, ginPkg, "Context") || lint.IsNamed(t, echoPkg, "Context") {
			return true
		}
	}
	return false
}

// overChannel reports whether a range statement receives from a channel.
func (c *checker) overChannel(n *ast.RangeStmt) bool {
	_, ok := types.Unalias(c.info.TypeOf(n.X)).Underlying().(*types.Chan)
	return ok
}

// waits reports whether a loop body waits between rounds: it sleeps,
// selects, or receives from a channel (a ticker's, a timer's).
func (c *checker) waits(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		case *ast.CallExpr:
			if lint.IsFunc(lint.Callee(c.info, n), "time", "Sleep") {
				found = true
			}
		}
		return !found
	})
	return found
}

// staysLocal reports whether a created client lives only in its function:
// it is stored in a local variable that is only used to send requests or
// to set its fields. A client that is returned, stored or passed on
// serves its holder for as long as it lives.
func (c *checker) staysLocal(cr creation) bool {
	dest := c.destination(cr.cur)
	if len(dest) != 1 || dest[0] == nil || !isLocal(dest[0]) {
		return false
	}
	v := dest[0]
	for fn := range cr.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for id := range fn.Preorder((*ast.Ident)(nil)) {
			if c.info.Uses[id.Node().(*ast.Ident)] != v {
				continue
			}
			if _, ok := id.Parent().Node().(*ast.SelectorExpr); !ok {
				return false
			}
		}
		return true
	}
	return false
}
