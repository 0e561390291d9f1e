package retrybackoff

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// A fixed delay is judged by the loop's purpose, not its length. A retry
// of an operation done on behalf of a request, a job or a message runs in
// many processes (or goroutines) at once: those that failed together
// retry together, whatever the pause. A start-up readiness poll (wait for
// the database, the broker or a peer to come up) runs once per process,
// from main, an init path or a constructor, and a fixed pace there is
// how teams write it.

// startupPrefixes name the functions that set a process up: constructors
// and init paths (gitea's InitDBEngine, a NewStore that pings the
// database before returning).
var startupPrefixes = []string{"New", "new", "Init", "init", "Setup", "setup", "Must", "must"}

// maxStartupDepth bounds how far up the static callers are followed.
const maxStartupDepth = 4

// startup reports whether the loop at cur runs in start-up code: directly
// in main, an init function, a constructor or an init path (not in a
// function literal, which may be a callback run per request), or in an
// unexported function of the package that only such code calls.
func (c *checker) startup(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fd, ok := fc.Node().(*ast.FuncDecl)
		if !ok {
			if startedHere(fc) {
				continue // go func() { ... }(): runs once per call of the enclosing function
			}
			return false
		}
		fn, ok := c.info.Defs[fd.Name].(*types.Func)
		return ok && c.startupFunc(fn, 0)
	}
	return false
}

// startedHere reports whether a function literal is started as a
// goroutine where it is written: go func() { ... }().
func startedHere(lit inspector.Cursor) bool {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != lit.Node() {
		return false
	}
	_, ok = lit.Parent().Parent().Node().(*ast.GoStmt)
	return ok
}

func (c *checker) startupFunc(fn *types.Func, depth int) bool {
	name := fn.Name()
	if fn.Type().(*types.Signature).Recv() == nil && (name == "init" || name == "main" && fn.Pkg().Name() == "main") {
		return true
	}
	for _, p := range startupPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	if fn.Exported() && fn.Pkg().Name() != "main" || depth >= maxStartupDepth {
		return false // called from other packages, for all we know
	}
	if c.callers == nil {
		c.indexCallers()
	}
	sites, ok := c.callers[fn]
	if !ok || len(sites) == 0 {
		return false
	}
	others := 0
	for _, caller := range sites {
		if caller == nil || caller.Origin() != fn.Origin() {
			others++
		}
	}
	if others == 0 {
		return false
	}
	for _, caller := range sites {
		if caller != nil && caller.Origin() == fn.Origin() {
			continue // re-runs itself: judged by its other callers
		}
		if caller == nil || !c.startupFunc(caller, depth+1) {
			return false
		}
	}
	return true
}

// indexCallers records, for each function of the package, the functions
// that call it; a nil caller stands for a use that is not a direct call
// from a declared function (a function value, a call in a closure).
func (c *checker) indexCallers() {
	c.callers = make(map[*types.Func][]*types.Func)
	ins := c.insp
	for cur := range ins.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		fn, ok := c.info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() != c.pass.Pkg {
			continue
		}
		fn = fn.Origin()
		call := cur
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			call = cur.Parent()
		}
		var caller *types.Func
		if ce, ok := call.Parent().Node().(*ast.CallExpr); ok && ast.Unparen(ce.Fun) == call.Node() {
			inLit := false
			for fc := range call.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				fd, ok := fc.Node().(*ast.FuncDecl)
				if !ok {
					inLit = true
					continue
				}
				outer, _ := c.info.Defs[fd.Name].(*types.Func)
				// A closure may run per request; one that calls the very
				// function it is in is that function re-running itself
				// (reconnect when the connection closes), as often as its
				// own callers make it run.
				if !inLit || outer != nil && outer.Origin() == fn {
					caller = outer
				}
				break
			}
		}
		c.callers[fn] = append(c.callers[fn], caller)
	}
}

// conditionalOps reports whether an operation of the loop runs only when
// some condition holds (it sits in the body of an if or a case): the loop
// polls for that condition (a configuration file changed, a job is due)
// at its own pace, and retries only as a side effect.
func conditionalOps(body *ast.BlockStmt, ops []*ast.CallExpr) bool {
	want := make(map[ast.Node]bool, len(ops))
	for _, op := range ops {
		want[op] = true
	}
	found := false
	var walk func(n ast.Node, guarded bool)
	walk = func(n ast.Node, guarded bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IfStmt:
				if m.Init != nil {
					walk(m.Init, guarded)
				}
				walk(m.Cond, guarded)
				walk(m.Body, true)
				if m.Else != nil {
					walk(m.Else, true)
				}
				return false
			case *ast.CaseClause:
				for _, s := range m.Body {
					walk(s, true)
				}
				return false
			case *ast.CallExpr:
				if want[m] && guarded {
					found = true
				}
			}
			return !found
		})
	}
	for _, s := range body.List {
		walk(s, false)
	}
	return found
}
