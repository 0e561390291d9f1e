package httptimeout

import (
	"go/ast"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// browserServer reports whether the server started or created at cur is
// a command-line subcommand's short-lived foreground server for a local
// browser (`app open` serving an archive until the user quits): a
// one-shot of a command package (lint.OneShots) whose function opens a
// browser. Its only client is the browser the user just opened, and it
// ends with the command.
func (c *checker) browserServer(cur inspector.Cursor) bool {
	if !c.oneShot(cur) {
		return false
	}
	var outer ast.Node
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = fn.Node()
	}
	if outer == nil {
		return false
	}
	found := false
	ast.Inspect(outer, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			found = c.opensBrowser(call)
		}
		return !found
	})
	return found
}

// browserPkgs open a URL in the user's browser.
var browserPkgs = []string{"github.com/pkg/browser", "github.com/cli/browser", "github.com/skratchdot/open-golang/open"}

// opensBrowser reports whether call opens a browser: a function of a
// browser package, one named for it (openBrowser), or exec.Command of
// xdg-open or open.
func (c *checker) opensBrowser(call *ast.CallExpr) bool {
	fn := lint.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	for _, p := range browserPkgs {
		if fn.Pkg().Path() == p {
			return true
		}
	}
	if strings.Contains(strings.ToLower(fn.Name()), "browser") {
		return true
	}
	if lint.IsFunc(fn, "os/exec", "Command", "CommandContext") {
		for _, a := range call.Args {
			if s, ok := lint.ConstString(c.info, a); ok && (s == "xdg-open" || s == "open") {
				return true
			}
		}
	}
	return false
}

// loopbackListener reports whether e is a listener that the function
// at cur opened, with net.Listen, on a constant loopback address: only
// local processes can connect to what serves on it.
func (c *checker) loopbackListener(cur inspector.Cursor, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	assigns, _ := c.scope(cur)
	a, ok := lastAssign(c.info, id, cur.Node().Pos(), assigns)
	if !ok || a.index != 0 {
		return false
	}
	call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
	if !ok || !lint.IsFunc(lint.Callee(c.info, call), "net", "Listen") || len(call.Args) != 2 {
		return false
	}
	return loopbackAddr(c.info, call.Args[1])
}
