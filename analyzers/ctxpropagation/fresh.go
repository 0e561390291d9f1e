package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// checkFresh judges a context.Background() or context.TODO() call made
// where a context is available (rule 1).
func (c *checker) checkFresh(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, a *avail) {
	if c.deliberateFresh(cur, call, a) || c.afterDone(cur, a.fn) || c.fillsSharedCache(cur, a) {
		return
	}
	if a.goroutine && c.perConnection(cur, a) || c.rootOfGoroutine(cur, a) {
		return
	}
	what := "context." + fn.Name() + "()"
	if c.overwritesScope(cur, a) {
		c.p.ReportRule("RL502", call, fmt.Sprintf("%s overwrites %s, so its deadline and cancellation do not reach the calls after it; delete the assignment, or use context.WithoutCancel(%s) if detaching is the intent",
			what, a.display(), orCtx(a)))
		return
	}
	var fixes []analysis.SuggestedFix
	if c.resolves(a, call.Pos()) {
		fix := c.p.NewFix(call.Pos())
		if repl := c.fixCtx(fix, call, a); repl != "" {
			fix.Replace(call.Pos(), call.End(), repl)
			fixes = fix.Fix("replace " + what + " with " + repl)
		}
	}
	var msg string
	switch {
	case a.goroutine:
		msg = fmt.Sprintf("%s in a goroutine started where %s is in scope drops its values (trace, auth, request ID); pass context.WithoutCancel(%s) to detach from its cancellation but keep them",
			what, a.display(), orCtx(a))
	case a.expr() == "":
		msg = fmt.Sprintf("%s ignores %s, which is in scope but unnamed: its deadline and cancellation do not reach what this call starts; name the parameter and pass it",
			what, a.display())
	default:
		msg = fmt.Sprintf("%s ignores %s, which is in scope: its deadline and cancellation do not reach what this call starts, so work for a caller that has gone keeps running; pass %s",
			what, a.display(), a.expr())
	}
	c.p.ReportRule("RL501", call, msg, fixes...)
}

func orCtx(a *avail) string {
	if e := a.expr(); e != "" {
		return e
	}
	return "ctx"
}

// withoutCancelOK reports whether the file at pos may use
// context.WithoutCancel (Go 1.21).
func (c *checker) withoutCancelOK(pos token.Pos) bool { return c.goAtLeast(pos, "go1.21") }

// goAtLeast reports whether the file at pos is built by Go v or later: its
// go version (a //go:build line, or the module's go directive) is at
// least v, or unknown.
func (c *checker) goAtLeast(pos token.Pos, v string) bool {
	fv := c.p.Pkg.GoVersion()
	for _, f := range c.p.Pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			if x := c.info.FileVersions[f]; x != "" {
				fv = x
			}
		}
	}
	return fv == "" || version.Compare(fv, v) >= 0
}

// deliberateFresh reports a fresh context that is not a dropped one: the
// root of a signal.NotifyContext, the root context of a long-lived
// component (kept in a field), the default for a nil ctx parameter, or a
// fresh context in a function that deliberately detaches with
// context.WithoutCancel or documents that it creates a root context.
func (c *checker) deliberateFresh(cur inspector.Cursor, call *ast.CallExpr, a *avail) bool {
	parent := cur.Parent()
	if pc, ok := parent.Node().(*ast.CallExpr); ok && ast.Unparen(pc.Fun) != call {
		callee := lint.Callee(c.info, pc)
		if lint.IsFunc(callee, "os/signal", "NotifyContext") {
			return true
		}
		// Cleanup and termination (Shutdown, Close, Rollback, exit...)
		// must finish even once ctx is cancelled.
		if callee != nil && isCleanup(callee.Name()) {
			return true
		}
		// A token source or an authenticated client keeps its context
		// for as long as it refreshes tokens.
		if callee != nil && retainsContext(callee) {
			return true
		}
		// A listener outlives the call that binds it.
		if callee != nil && bindsListener(callee) {
			return true
		}
		// The callee discards the parameter (func f(_ context.Context)) or
		// only checks it (ctx.Err()): no wait honors it.
		if c.inertArg(callee, pc, call) {
			return true
		}
		// A fresh root given the values of the context in scope
		// (trace.ContextWithSpan(context.Background(),
		// trace.SpanFromContext(ctx))) detaches deliberately: it is
		// context.WithoutCancel written by hand.
		if c.carriesValuesOf(pc, call, a) {
			return true
		}
		if isDeriver(callee) && len(pc.Args) > 0 && ast.Unparen(pc.Args[0]) == call {
			if c.keptInField(parent, a.fn) || c.onlyForCleanup(parent, a.fn) {
				return true
			}
		}
	}
	// A context type built by hand from a fresh root and the context in
	// scope (&onlyValuesCtx{Context: context.Background(), values: ctx})
	// detaches deliberately, as context.WithoutCancel does.
	if c.buildsContext(cur) {
		return true
	}
	if c.setsOutboundContext(cur, a) {
		return true
	}
	// ctx = context.Background() / if ctx == nil { ... }
	if as, ok := parent.Node().(*ast.AssignStmt); ok && a.v != nil {
		for _, lhs := range as.Lhs {
			if a.field && c.isScopeCtx(lhs, a) {
				return true // w.ctx = context.Background(): the root being set
			}
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				continue
			}
			// A default (if ctx == nil) or an opt-in detach in a
			// branch; an unconditional overwrite drops ctx for every
			// call after it (see overwritesScope).
			if c.info.ObjectOf(id) == a.v && c.conditional(parent, a.fn) {
				return true
			}
			// handlerCtx := ctx; if graceful { handlerCtx =
			// context.Background() }: the code chooses between the
			// context in scope and a detached one (gue's graceful
			// shutdown lets a running job finish).
			if w, ok := c.info.ObjectOf(id).(*types.Var); ok && w != a.v && c.derivedFrom(a.fn, w, a.v) {
				return true
			}
		}
	}
	if a.v != nil && c.comparesNil(a.fn, a.v) {
		return true
	}
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c.callsWithoutCancel(f.Node()) {
			return true
		}
		if d, ok := f.Node().(*ast.FuncDecl); ok && documentsRoot(d) {
			return true
		}
		if f.Node() == a.fn {
			break
		}
	}
	return false
}

// carriesValuesOf reports whether pc, a call that returns a context and
// takes the fresh context fresh, also takes a value read from the context
// in scope: a mention of its parameter, directly or through a local
// variable initialized from it (span := trace.SpanFromContext(ctx)).
func (c *checker) carriesValuesOf(pc *ast.CallExpr, fresh *ast.CallExpr, a *avail) bool {
	if a.v == nil {
		return false
	}
	if t := c.info.TypeOf(pc); t == nil || !types.Implements(t, c.ctxType) {
		return false
	}
	for _, arg := range pc.Args {
		if ast.Unparen(arg) == fresh {
			continue
		}
		if lint.Mentions(c.info, arg, a.v) {
			return true
		}
		found := false
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !found {
				if v, ok := c.info.Uses[id].(*types.Var); ok && v != a.v && c.derivedFrom(a.fn, v, a.v) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// derivedFrom reports whether the local variable v of fn is declared with
// a value that mentions from (span := trace.SpanFromContext(ctx)), directly
// or through other locals (ctx := r.Context(); span := ...(ctx)), up to a
// few steps.
func (c *checker) derivedFrom(fn ast.Node, v, from *types.Var) bool {
	return c.derivedWithin(fn, v, from, 3)
}

func (c *checker) derivedWithin(fn ast.Node, v, from *types.Var, depth int) bool {
	if depth == 0 || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	mentions := func(e ast.Expr) bool {
		if lint.Mentions(c.info, e, from) {
			return true
		}
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !found {
				if w, ok := c.info.Uses[id].(*types.Var); ok && w != v && w != from && c.derivedWithin(fn, w, from, depth-1) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	found := false
	ast.Inspect(lint.FuncBody(fn), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE || n.Tok == token.ASSIGN {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && c.info.ObjectOf(id) == v {
						rhs := n.Rhs[min(i, len(n.Rhs)-1)]
						found = found || mentions(rhs)
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if c.info.Defs[id] == v && i < len(n.Values) {
					found = found || mentions(n.Values[i])
				}
			}
		}
		return !found
	})
	return found
}

// setsOutboundContext reports whether the available context comes from an
// *http.Request parameter that the function, which has no
// http.ResponseWriter, gives a fresh context (req = req.WithContext(ctx),
// ctx derived from Background()): the request is an outbound one that
// the function is about to send, and its Context() is not a caller's
// (etcd's snapshotSender.post).
func (c *checker) setsOutboundContext(cur inspector.Cursor, a *avail) bool {
	if a.v == nil || a.src == nil || a.src.pkg != "net/http" || a.src.name != "Request" {
		return false
	}
	ft := lint.FuncType(a.fn)
	for _, field := range ft.Params.List {
		if lint.IsNamed(c.info.TypeOf(field.Type), "net/http", "ResponseWriter") {
			return false
		}
	}
	found := false
	ast.Inspect(lint.FuncBody(a.fn), func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok || len(call.Args) != 1 {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "WithContext" && sel.Sel.Name != "Clone") {
			return true
		}
		if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[x] == a.v && c.freshRoot(cur, call.Args[0]) != "" {
			found = true
		}
		return !found
	})
	return found
}

// buildsContext reports whether the fresh context at cur is an element of
// a composite literal that also holds another context.
func (c *checker) buildsContext(cur inspector.Cursor) bool {
	lit := cur.Parent()
	if _, ok := lit.Node().(*ast.KeyValueExpr); ok {
		lit = lit.Parent()
	}
	cl, ok := lit.Node().(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		if elt.Pos() <= cur.Node().Pos() && cur.Node().End() <= elt.End() {
			continue
		}
		if t := c.info.TypeOf(elt); t != nil && types.Implements(t, c.ctxType) {
			return true
		}
	}
	return false
}

// onlyForCleanup reports whether the context derived at cur (ctx, cancel
// := context.WithTimeout(context.Background(), d)) is only ever passed to
// cleanup calls: srv.Shutdown(ctx), tx.Rollback(ctx).
func (c *checker) onlyForCleanup(cur inspector.Cursor, fn ast.Node) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return false
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	body := lint.FuncBody(fn)
	if !ok || body == nil {
		return false
	}
	uses, cleanup := 0, true
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		use, ok := n.(*ast.Ident)
		if !ok || use == id || c.info.Uses[use] != v || len(stack) == 0 {
			return true
		}
		uses++
		call, ok := stack[len(stack)-1].(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) == use {
			cleanup = false
			return true
		}
		callee := lint.Callee(c.info, call)
		if callee == nil || !isCleanup(callee.Name()) {
			cleanup = false
		}
		return true
	})
	return uses > 0 && cleanup
}

// isDeriver reports context.WithCancel, WithTimeout and the like.
func isDeriver(fn *types.Func) bool {
	return lint.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause",
		"WithDeadline", "WithDeadlineCause", "WithValue")
}

// keptInField reports whether the derived context at cur (a call of
// context.WithCancel and the like) is stored in a struct field, directly
// (s.ctx, s.cancel = context.WithCancel(...)) or through its local cancel
// function (ctx, cancel := ...; s.cancel = cancel): the root context of a
// long-lived component that outlives the call that starts it.
func (c *checker) keptInField(cur inspector.Cursor, fn ast.Node) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	var locals []types.Object
	for _, lhs := range as.Lhs {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.SelectorExpr:
			return true
		case *ast.Ident:
			if obj := c.info.ObjectOf(l); obj != nil {
				locals = append(locals, obj)
			}
		}
	}
	body := lint.FuncBody(fn)
	if body == nil || len(locals) == 0 {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				id, ok := ast.Unparen(rhs).(*ast.Ident)
				if !ok || i >= len(n.Lhs) {
					continue
				}
				if _, isSel := ast.Unparen(n.Lhs[i]).(*ast.SelectorExpr); isSel && containsObj(locals, c.info.ObjectOf(id)) {
					found = true
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := ast.Unparen(n.Value).(*ast.Ident); ok && containsObj(locals, c.info.ObjectOf(id)) {
				found = true // &worker{cancel: cancel}
			}
		}
		return true
	})
	return found
}

func containsObj(list []types.Object, obj types.Object) bool {
	for _, o := range list {
		if o == obj && obj != nil {
			return true
		}
	}
	return false
}

// documentsRoot reports a function whose doc comment says it creates a
// root context for a long-lived component.
func documentsRoot(d *ast.FuncDecl) bool {
	if d.Doc == nil {
		return false
	}
	text := strings.ToLower(d.Doc.Text())
	for _, w := range []string{"root context", "long-lived", "long lived", "outlive", "detached context", "background context"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// comparesNil reports whether fn compares v with nil (if ctx == nil { ctx
// = context.Background() }, or a helper returning a default): a fresh
// context there stands in for a missing one.
func (c *checker) comparesNil(fn ast.Node, v *types.Var) bool {
	key := fn
	if r, ok := c.nilGuard[key]; ok {
		return r
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if found || !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
			return !found
		}
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			id, ok := ast.Unparen(pair[0]).(*ast.Ident)
			if ok && c.info.ObjectOf(id) == v && c.info.Types[pair[1]].IsNil() {
				found = true
			}
		}
		return !found
	})
	c.nilGuard[key] = found
	return found
}

// callsWithoutCancel reports whether fn's own body (not nested literals)
// calls context.WithoutCancel: the function detaches deliberately.
func (c *checker) callsWithoutCancel(fn ast.Node) bool {
	if r, ok := c.detaches[fn]; ok {
		return r
	}
	found := false
	body := lint.FuncBody(fn)
	if body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if found {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok && lint.IsFunc(lint.Callee(c.info, call), "context", "WithoutCancel") {
				found = true
			}
			return true
		})
	}
	c.detaches[fn] = found
	return found
}

// afterDone reports whether cur runs once a context is known to be done:
// in a `case <-ctx.Done():` branch, after a `<-ctx.Done()` statement or a
// select that waits for it, or in `if ctx.Err() != nil { ... }`. This is
// the graceful-shutdown idiom: the old context is gone, a fresh one bounds
// the cleanup. The search stops at fn, the function that has the context.
func (c *checker) afterDone(cur inspector.Cursor, fn ast.Node) bool {
	child := cur
	for p := cur.Parent(); p.Node() != nil; child, p = p, p.Parent() {
		var stmts []ast.Stmt
		switch n := p.Node().(type) {
		case *ast.CommClause:
			if child.Node() != n.Comm && c.isDoneRecv(n.Comm) {
				return true
			}
			stmts = n.Body
		case *ast.IfStmt:
			if child.Node() == n.Body && c.isErrCheck(n.Cond) {
				return true
			}
		case *ast.BlockStmt:
			stmts = n.List
		case *ast.CaseClause:
			stmts = n.Body
		}
		for _, s := range stmts {
			if s == child.Node() {
				break
			}
			if c.signalsDone(s) {
				return true
			}
		}
		if p.Node() == fn {
			break
		}
	}
	return false
}

// signalsDone reports whether statement s, run to completion, leaves a
// context done: it receives from Done() outside a select, or has a select
// whose Done case falls through to what follows.
func (c *checker) signalsDone(s ast.Stmt) bool {
	found := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if c.isDoneRecv(n.Comm) {
				if !terminates(n.Body) {
					found = true
				}
				return false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && c.isDoneCall(n.X) {
				found = true
			}
		}
		return true
	}
	ast.Inspect(s, visit)
	return found
}

// terminates reports whether a select case body leaves the code after the
// select unreached: it returns, continues, jumps or panics.
func terminates(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch s := body[len(body)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE || s.Tok == token.GOTO
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// isDoneRecv reports a select case that receives from a context's Done().
func (c *checker) isDoneRecv(comm ast.Stmt) bool {
	var e ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW && c.isDoneCall(u.X)
}

// isDoneCall reports x.Done() on a context.
func (c *checker) isDoneCall(e ast.Expr) bool {
	return c.isCtxMethodCall(e, "Done")
}

func (c *checker) isCtxMethodCall(e ast.Expr, name string) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	t := c.info.TypeOf(sel.X)
	return t != nil && types.Implements(t, c.ctxType)
}

// isErrCheck reports ctx.Err() != nil and errors.Is(ctx.Err(), ...).
func (c *checker) isErrCheck(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.NEQ && (c.isCtxMethodCall(n.X, "Err") && c.info.Types[n.Y].IsNil() ||
				c.isCtxMethodCall(n.Y, "Err") && c.info.Types[n.X].IsNil()) {
				found = true
			}
		case *ast.CallExpr:
			if lint.IsFunc(lint.Callee(c.info, n), "errors", "Is") && len(n.Args) > 0 && c.isCtxMethodCall(n.Args[0], "Err") {
				found = true
			}
		}
		return !found
	})
	return found
}
