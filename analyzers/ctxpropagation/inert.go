package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// inertContext marks a function of the module whose context parameters at
// Params reach nothing that waits: the function only checks them
// (ctx.Err(), ctx == nil, a select on ctx.Done() with a default), reads
// their values, hands them to parameters that are inert too, or bounds
// with them the goroutines it starts and does not wait for. A fresh
// context passed there drops no deadline or cancellation that anything
// would honor (etcd's compactBarrier, prometheus's in-memory postings
// scan) or that should reach it (fake-gcs-server's notification publish),
// so it is neither reported nor a reason for a noContextIO fact.
type inertContext struct{ Params []int }

func (*inertContext) AFact() {}

func (f *inertContext) String() string { return fmt.Sprintf("inertContext(%v)", f.Params) }

// inertArg reports whether arg, an argument of the call pc of callee, is
// passed to an inert context parameter.
func (c *checker) inertArg(callee *types.Func, pc *ast.CallExpr, arg ast.Expr) bool {
	if callee == nil {
		return false
	}
	for i, a := range pc.Args {
		if ast.Unparen(a) == arg {
			return c.inertAt(callee, i)
		}
	}
	return false
}

// inertAt reports whether parameter i of fn is a context that reaches
// nothing that waits; an interface method's is judged by its
// implementations (see inertImplementations). A parameter
// named _ or left unnamed is; otherwise fn must be of this package (judged
// here) or of this module (by its fact). Other code is assumed to use it,
// and so is a variadic parameter.
func (c *checker) inertAt(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
		return false
	}
	if r := sig.Recv(); r != nil && types.IsInterface(r.Type()) {
		return c.inertImplementations(fn, i)
	}
	if name := sig.Params().At(i).Name(); name == "_" || name == "" {
		return true
	}
	if fn.Pkg() == c.p.Pkg {
		r := c.localInert(fn)
		return i < len(r) && r[i]
	}
	// Another package's verdict is its fact: the module's packages judge
	// theirs as above, versioned dependencies for values only (see
	// libraryInert); the standard library is not judged.
	var f inertContext
	return c.p.ImportObjectFact(fn, &f) && slices.Contains(f.Params, i)
}

// localInert judges the context parameters of fn, a function declared in
// this package: r[i] is true when parameter i is inert. A function met
// again while it is judged (recursion) counts as using its contexts.
func (c *checker) localInert(fn *types.Func) []bool {
	if r, ok := c.inert[fn]; ok {
		return r
	}
	c.inert[fn] = nil
	cur, ok := c.declCursor(fn)
	if !ok || cur.Node().(*ast.FuncDecl).Body == nil {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	var r []bool
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		if v.Name() == "_" || v.Name() == "" || !lint.IsNamed(v.Type(), "context", "Context") {
			continue
		}
		if c.reachesNothing(cur, v) {
			if r == nil {
				r = make([]bool, sig.Params().Len())
			}
			r[i] = true
		}
	}
	c.inert[fn] = r
	c.inertLog = append(c.inertLog, fn)
	return r
}

// declCursor returns the cursor of fn's declaration in this package.
func (c *checker) declCursor(fn *types.Func) (inspector.Cursor, bool) {
	if c.decls == nil {
		c.decls = make(map[*types.Func]inspector.Cursor)
		for cur := range c.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
			if obj, ok := c.info.Defs[cur.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
				c.decls[obj] = cur
			}
		}
	}
	cur, ok := c.decls[fn]
	return cur, ok
}

// reachesNothing reports whether the context v is used in decl, and every
// use of it, and of the locals that hold it or a context derived from it,
// is inert. A named parameter that is never used is not judged inert: it
// is a placeholder for plumbing to come, or a stub, and says nothing of
// what the function means its context for.
func (c *checker) reachesNothing(decl inspector.Cursor, v *types.Var) bool {
	held := map[types.Object]bool{v: true}
	used := false
	for {
		n := len(held)
		for id := range decl.Preorder((*ast.Ident)(nil)) {
			obj := c.info.Uses[id.Node().(*ast.Ident)]
			if obj == nil || !held[obj] || blankAssigned(id) {
				continue // _ = ctx marks it unused
			}
			if !(!c.valuesOnly && c.detachedUse(decl, id)) && !c.inertUse(id, held) {
				return false
			}
			used = true
		}
		if len(held) == n {
			return used
		}
	}
}

// inertUse reports whether the use u of a held context waits on nothing
// and lets the context escape nowhere. A local it is assigned to joins
// held, and is judged by its own uses.
func (c *checker) inertUse(u inspector.Cursor, held map[types.Object]bool) bool {
	e := u
	for {
		parent := e.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			e = parent
			continue
		case *ast.SelectorExpr:
			call, ok := parent.Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun != p {
				return false // a method value
			}
			switch p.Sel.Name {
			case "Value":
				return true
			case "Err", "Deadline":
				return !c.valuesOnly // a library may stop or time out by them
			case "Done":
				return !c.valuesOnly && pollsDone(parent.Parent())
			}
			return false
		case *ast.BinaryExpr:
			return p.Op == token.EQL || p.Op == token.NEQ // ctx == nil
		case *ast.CallExpr:
			i := slices.IndexFunc(p.Args, func(a ast.Expr) bool { return a == e.Node() })
			fn := lint.Callee(c.info, p)
			if i < 0 || fn == nil {
				return false
			}
			if fn.Pkg() != nil && fn.Pkg().Path() == "context" {
				if fn.Name() == "Cause" {
					return !c.valuesOnly
				}
				if i == 0 && (isDeriver(fn) || fn.Name() == "WithoutCancel") {
					e = parent // the derived context is judged like ctx
					continue
				}
				return false
			}
			if isLogging(fn) {
				return true // a logger reads values
			}
			return c.inertAt(fn, i)
		case *ast.AssignStmt:
			if slices.Contains(p.Lhs, e.Node().(ast.Expr)) {
				return true // ctx = ...: a new value, judged where it is used
			}
			var lhs ast.Expr
			switch i := slices.Index(p.Rhs, e.Node().(ast.Expr)); {
			case len(p.Lhs) == len(p.Rhs) && i >= 0:
				lhs = p.Lhs[i]
			case len(p.Rhs) == 1 && i == 0:
				lhs = p.Lhs[0] // ctx, cancel := context.WithCancel(ctx)
			}
			return c.holdIn(lhs, held)
		case *ast.ValueSpec:
			i := slices.Index(p.Values, e.Node().(ast.Expr))
			if i < 0 || i >= len(p.Names) {
				return false
			}
			return c.holdIn(p.Names[i], held)
		}
		return false
	}
}

// holdIn adds lhs to held when it is a local variable (or _): a field, an
// element or a package variable lets the context escape.
func (c *checker) holdIn(lhs ast.Expr, held map[types.Object]bool) bool {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	held[v] = true
	return true
}

// detachedUse reports whether u, a use of a held context in decl, only
// sets the deadline of a goroutine that decl starts and does not wait for:
// go func() { ctx, cancel := context.WithTimeout(ctx, d); ... }(). Such a
// goroutine is fire-and-forget work (publish an event, send a
// notification) that must outlive the call and bounds itself; the
// caller's cancellation would cut it as soon as the caller returned, so a
// caller that passes a fresh context drops nothing that should reach it.
// A goroutine that runs until its context ends (no deadline of its own),
// or one the function waits for (WaitGroup.Wait, a channel receive), is a
// use like any other.
func (c *checker) detachedUse(decl inspector.Cursor, u inspector.Cursor) bool {
	pc, ok := u.Parent().Node().(*ast.CallExpr)
	if !ok || len(pc.Args) == 0 || pc.Args[0] != u.Node() ||
		!lint.IsFunc(lint.Callee(c.info, pc), "context", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause") {
		return false
	}
	inGo := false
	for lit := range u.Enclosing((*ast.FuncLit)(nil)) {
		if goLiteral(lit) {
			inGo = true
			break
		}
	}
	return inGo && !c.waits(decl.Node().(*ast.FuncDecl).Body)
}

// goLiteral reports whether the function literal at cur is started by a go
// statement: go func() { ... }().
func goLiteral(cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != cur.Node() {
		return false
	}
	_, ok = cur.Parent().Parent().Node().(*ast.GoStmt)
	return ok
}

// waits reports whether body, outside the goroutines it starts, may wait
// for them: a call of a method named Wait (sync.WaitGroup, errgroup), a
// channel receive, a select or a range over a channel.
func (c *checker) waits(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			return false
		case *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.RangeStmt:
			if t := c.info.TypeOf(n.X); t != nil {
				_, found = t.Underlying().(*types.Chan)
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" {
				found = true
			}
		}
		return !found
	})
	return found
}

// blankAssigned reports the use u in _ = u.
func blankAssigned(u inspector.Cursor) bool {
	as, ok := u.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != u.Node() {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	return ok && id.Name == "_"
}

// pollsDone reports whether the ctx.Done() call at cur is received from in
// the case of a select that has a default: a check that does not wait.
func pollsDone(cur inspector.Cursor) bool {
	recv := cur.Parent()
	if u, ok := recv.Node().(*ast.UnaryExpr); !ok || u.Op != token.ARROW {
		return false
	}
	stmt := recv.Parent()
	cc, ok := stmt.Parent().Node().(*ast.CommClause)
	if !ok || cc.Comm != stmt.Node() {
		return false
	}
	sel, ok := stmt.Parent().Parent().Parent().Node().(*ast.SelectStmt)
	if !ok {
		return false
	}
	return slices.ContainsFunc(sel.Body.List, func(s ast.Stmt) bool { return s.(*ast.CommClause).Comm == nil })
}

// exportInert exports the inertContext facts of the package's functions,
// for the packages of the module that call them.
func (c *checker) exportInert() {
	if c.std {
		return
	}
	for cur := range c.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		d := cur.Node().(*ast.FuncDecl)
		fn, ok := c.info.Defs[d.Name].(*types.Func)
		if !ok || d.Body == nil || !c.takesContext(fn.Type().(*types.Signature)) {
			continue
		}
		if c.valuesOnly && !d.Name.IsExported() {
			continue // only the exported API is called from other modules
		}
		var params []int
		for i, inert := range c.localInert(fn) {
			if inert {
				params = append(params, i)
			}
		}
		if params != nil {
			c.p.ExportObjectFact(fn, &inertContext{Params: params})
		}
	}
}
