package httptimeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// reportDiagnostics turns on the servers that only serve diagnostics.
var reportDiagnostics bool

// diagnosticPkgs serve a process's own diagnostics: Prometheus metrics,
// pprof profiles, expvar variables.
var diagnosticPkgs = []string{
	"github.com/prometheus/client_golang/prometheus/promhttp",
	"net/http/pprof",
	"expvar",
}

// diagnosticsServer reports whether the handler a server is given (the
// http.Server literal's Handler, or http.ListenAndServe's second argument)
// serves only diagnostics: promhttp.Handler(), a pprof handler, or a mux
// the function creates and registers only such handlers on. Such a
// listener is a metrics scrape or debug port that operators bind to an
// internal address; reviewers do not call its missing read timeout an
// outage risk. -httptimeout.diagnostics reports it.
func (c *checker) diagnosticsServer(cur inspector.Cursor, handler ast.Expr) bool {
	if reportDiagnostics || handler == nil {
		return false
	}
	if c.diagnosticHandler(handler) {
		return true
	}
	id, ok := ast.Unparen(handler).(*ast.Ident)
	if !ok || !lint.IsNamed(c.info.TypeOf(id), httpPkg, "ServeMux") {
		return false
	}
	mux, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	var fn ast.Node // the outermost function: the server may start in a go func()
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f.Node()
	}
	if fn == nil || !c.newMuxIn(fn, mux) {
		return false // a mux from elsewhere may carry any handler
	}
	// Every use of the mux must be a route of diagnostics or the server's
	// handler itself: handed to anything else, it may get any route.
	uses := 0
	ast.Inspect(fn, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] == mux {
			uses++
		}
		return true
	})
	routes, other := 0, false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || other {
			return !other
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || lint.ObjectOf(c.info, sel.X) != mux {
			return true
		}
		if !lint.IsMethod(lint.Callee(c.info, call), httpPkg, "ServeMux", "Handle", "HandleFunc") || len(call.Args) != 2 {
			other = true // the mux escapes, or is used in a way not modeled
			return false
		}
		if !c.diagnosticHandler(call.Args[1]) {
			other = true
		}
		routes++
		return true
	})
	return routes > 0 && !other && uses == routes+1
}

// newMuxIn reports whether fn creates mux: mux := http.NewServeMux().
func (c *checker) newMuxIn(fn ast.Node, mux *types.Var) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return !found
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		found = ok && lint.ObjectOf(c.info, as.Lhs[0]) == mux && lint.IsFunc(lint.Callee(c.info, call), httpPkg, "NewServeMux")
		return !found
	})
	return found
}

// diagnosticHandler reports whether e is a handler of a diagnostics
// package: promhttp.Handler(), promhttp.HandlerFor(...), pprof.Index,
// pprof.Handler("heap"), expvar.Handler().
func (c *checker) diagnosticHandler(e ast.Expr) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			return c.diagnosticHandler(call.Args[0]) // http.HandlerFunc(pprof.Index)
		}
		return inPkgs(lint.Callee(c.info, call), diagnosticPkgs)
	}
	fn, ok := lint.ObjectOf(c.info, e).(*types.Func)
	return ok && inPkgs(fn, diagnosticPkgs)
}

func inPkgs(fn *types.Func, pkgs []string) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	for _, p := range pkgs {
		if fn.Pkg().Path() == p {
			return true
		}
	}
	return false
}
