package lint

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// OneShots tells whether code of a command-line tool runs once per
// invocation: `caddy reload` posting to the admin endpoint, an index
// clean-up command reading every row of a table. The user who ran the
// command watches it and can interrupt it, and the process ends with the
// call, so limits that protect a long-running service (a client timeout,
// a page size) get in the way of the tool's job. Code is not a one-shot
// when the tool repeats it unattended: in a goroutine, in a loop that
// waits between rounds or has no end (a poll, a worker), or in code that
// serves HTTP (a handler, or a function the package's handlers call). The
// callers are followed through the package's static calls.
type OneShots struct {
	info *types.Info
	pkg  *types.Package
	root inspector.Cursor
	uses map[*types.Func][]*ast.Ident // static uses of the package's functions, built on first use
}

// maxOneShotDepth bounds how far callers are followed.
const maxOneShotDepth = 8

// NewOneShots prepares the question for a pass whose analyzer requires
// inspect.Analyzer.
func NewOneShots(pass *analysis.Pass) *OneShots {
	return &OneShots{
		info: pass.TypesInfo,
		pkg:  pass.Pkg,
		root: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root(),
	}
}

// CommandPackage reports whether the package is a command: a main
// package, a package under a cmd directory (the subcommands of a tool,
// like caddy's caddycmd or cloud-sql-proxy's cmd), or one named for a
// command's body kept elsewhere (riverui's internal/riveruicmd, whose Run
// is all that cmd/riverui's main calls).
func (o *OneShots) CommandPackage() bool {
	name := o.pkg.Name()
	return name == "main" || len(name) > len("cmd") && strings.HasSuffix(name, "cmd") ||
		slices.Contains(strings.Split(o.pkg.Path(), "/"), "cmd")
}

// At reports whether the code at cur, in a command package, runs once per
// invocation of the command.
func (o *OneShots) At(cur inspector.Cursor) bool {
	if !o.CommandPackage() {
		return false
	}
	if o.uses == nil {
		o.uses = make(map[*types.Func][]*ast.Ident)
		for id, obj := range o.info.Uses {
			if fn, ok := obj.(*types.Func); ok && fn.Pkg() == o.pkg {
				o.uses[fn] = append(o.uses[fn], id)
			}
		}
	}
	return o.at(cur, make(map[*types.Func]bool), 0)
}

func (o *OneShots) at(cur inspector.Cursor, seen map[*types.Func]bool, depth int) bool {
	if depth > maxOneShotDepth {
		return false
	}
	inLit := false
	for anc := range cur.Enclosing() {
		switch n := anc.Node().(type) {
		case *ast.GoStmt:
			return false
		case *ast.ForStmt:
			if n.Cond == nil || o.waits(n.Body) {
				return false
			}
		case *ast.RangeStmt:
			// A range over a channel waits for each round (a ticker's
			// ticks, a queue's jobs).
			if o.overChannel(n) || o.waits(n.Body) {
				return false
			}
		case *ast.FuncLit:
			if o.ServesHTTP(n.Type) || o.scheduledCallback(anc) {
				return false
			}
			inLit = true
		case *ast.FuncDecl:
			fn, ok := o.info.Defs[n.Name].(*types.Func)
			if !ok || o.ServesHTTP(n.Type) {
				return false
			}
			return o.callersOnce(fn, seen, depth)
		}
	}
	// Package-level code: a function literal in a variable (a table of
	// subcommands) is where a command starts.
	return inLit
}

// callersOnce reports whether every static call of fn in the package is
// itself made once. A use of fn as a value (a subcommand's Run field) is
// where a command starts.
func (o *OneShots) callersOnce(fn *types.Func, seen map[*types.Func]bool, depth int) bool {
	if seen[fn] {
		return true
	}
	seen[fn] = true
	for _, id := range o.uses[fn] {
		use, ok := o.root.FindNode(id)
		if !ok {
			return false
		}
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			use = use.Parent()
		}
		if call, ok := use.Parent().Node().(*ast.CallExpr); !ok || ast.Unparen(call.Fun) != use.Node() {
			continue // used as a value
		}
		if !o.at(use, seen, depth+1) {
			return false
		}
	}
	return true
}

// ServesHTTP reports whether a function has the signature of a request
// handler: net/http's, gin's or echo's.
func (o *OneShots) ServesHTTP(ft *ast.FuncType) bool {
	for _, field := range ft.Params.List {
		t := o.info.TypeOf(field.Type)
		if IsNamed(t, "net/http", "ResponseWriter") || IsNamed(t, "github.com/gin-gonic/gin", "Context") ||
			IsNamed(t, "github.com/labstack/echo/v4", "Context") {
			return true
		}
	}
	return false
}

// scheduledCallback reports whether a function literal is handed to a
// call that will run it with a context of its own: a task runner's or a
// scheduler's callback (runner.AddFunc("sync", func(ctx context.Context)
// error {...}), NewTask(name, time.Hour, func(ctx context.Context) {...})).
// It runs whenever the runner decides, usually again and again, not once
// per invocation of the command.
func (o *OneShots) scheduledCallback(lit inspector.Cursor) bool {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == lit.Node() {
		return false // not an argument (func() { ... }() runs here, once)
	}
	for _, field := range lit.Node().(*ast.FuncLit).Type.Params.List {
		if IsNamed(o.info.TypeOf(field.Type), "context", "Context") {
			return true
		}
	}
	return false
}

// overChannel reports whether a range statement receives from a channel.
func (o *OneShots) overChannel(n *ast.RangeStmt) bool {
	_, ok := types.Unalias(o.info.TypeOf(n.X)).Underlying().(*types.Chan)
	return ok
}

// waits reports whether a loop body waits between rounds: it sleeps,
// selects, or receives from a channel (a ticker's, a timer's).
func (o *OneShots) waits(body *ast.BlockStmt) bool {
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
			if IsFunc(Callee(o.info, n), "time", "Sleep") {
				found = true
			}
		}
		return !found
	})
	return found
}
