package ctxpropagation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// Deliberate detaches that the checks of fresh.go do not see: a fresh
// root that fills a shared cache, and helpers started with go whose
// context parameter is discarded.

// fillsSharedCache reports a fresh context whose work fills or refreshes
// a value shared across requests: a cache or statistics object held in a
// field of the receiver or a package variable, filled lazily (under an
// if that tests it, or after one) or in a sync.Once / singleflight
// callback. Binding that work to one request would poison the shared
// entry, or leave it stale, when that client disconnects.
func (c *checker) fillsSharedCache(cur inspector.Cursor, a *avail) bool {
	for _, consumer := range c.freshConsumers(cur) {
		if c.inSharedOnce(consumer, a) || c.storesShared(consumer) {
			return true
		}
	}
	return false
}

// freshConsumers returns the calls that take the fresh context at cur:
// the call it is an argument of, through derivers
// (context.WithTimeout(context.Background(), d)) and a local that holds
// it.
func (c *checker) freshConsumers(cur inspector.Cursor) []inspector.Cursor {
	p := cur.Parent()
	switch n := p.Node().(type) {
	case *ast.CallExpr:
		if fn := lint.Callee(c.info, n); isDeriver(fn) {
			return c.freshConsumers(p)
		}
		return []inspector.Cursor{p}
	case *ast.AssignStmt:
		if len(n.Lhs) == 0 || len(n.Rhs) != 1 {
			return nil
		}
		id, ok := n.Lhs[0].(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := c.info.ObjectOf(id).(*types.Var)
		if v == nil {
			return nil
		}
		var out []inspector.Cursor
		for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			for k := range f.Preorder((*ast.Ident)(nil)) {
				if c.info.Uses[k.Node().(*ast.Ident)] != v {
					continue
				}
				if call, ok := k.Parent().Node().(*ast.CallExpr); ok && call.Fun != k.Node() {
					out = append(out, k.Parent())
				}
			}
			break
		}
		return out
	}
	return nil
}

// inSharedOnce reports whether consumer runs in a function literal given
// to sync.Once.Do or a singleflight Group's Do/DoChan, below the function
// that declares the context in scope: the work is shared by every caller.
func (c *checker) inSharedOnce(consumer inspector.Cursor, a *avail) bool {
	for f := range consumer.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if f.Node() == a.fn {
			return false
		}
		call, ok := f.Parent().Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := lint.Callee(c.info, call)
		if fn == nil || fn.Pkg() == nil {
			continue
		}
		switch fn.Pkg().Path() {
		case "sync":
			if fn.Name() == "Do" {
				return true
			}
		case "golang.org/x/sync/singleflight":
			if fn.Name() == "Do" || fn.Name() == "DoChan" {
				return true
			}
		}
	}
	return false
}

// storesShared reports whether the result of consumer goes to a shared
// holder that the function tests first: assigned to it (s.cache = v,
// s.cache[k] = v, directly or through a local), handed to a method of it
// (s.cache.Set(k, v)), or consumer is itself a method of it
// (s.stats.Refresh(ctx)).
func (c *checker) storesShared(consumer inspector.Cursor) bool {
	call := consumer.Node().(*ast.CallExpr)
	fcur, recv := c.enclosingFuncAndRecv(consumer)
	if fcur.Node() == nil {
		return false
	}
	var holders []types.Object
	// A method of the module's own statistics or cache type
	// (s.stats.Refresh(ctx)); a client's method (s.db.ExecContext) is
	// the I/O itself, not a holder being refreshed.
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.ownType(c.info.TypeOf(sel.X)) {
		if h := c.sharedHolder(sel.X, recv); h != nil {
			holders = append(holders, h)
		}
	}
	switch p := consumer.Parent().Node().(type) {
	case *ast.AssignStmt:
		var results []types.Object
		for _, l := range p.Lhs {
			if h := c.sharedHolder(l, recv); h != nil {
				holders = append(holders, h)
			} else if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
				if o := c.info.ObjectOf(id); o != nil {
					results = append(results, o)
				}
			}
		}
		holders = append(holders, c.holdersOf(fcur, results, recv)...)
	}
	for _, h := range holders {
		if c.testedBefore(fcur, h, call) {
			return true
		}
	}
	return false
}

// holdersOf returns the shared holders the locals results are stored in,
// later in the function: s.cache = v, s.cache[k] = v, s.cache.Set(k, v).
func (c *checker) holdersOf(fcur inspector.Cursor, results []types.Object, recv *types.Var) []types.Object {
	if len(results) == 0 {
		return nil
	}
	mentions := func(e ast.Expr) bool {
		for _, r := range results {
			if lint.Mentions(c.info, e, r) {
				return true
			}
		}
		return false
	}
	var out []types.Object
	for k := range fcur.Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := k.Node().(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if h := c.sharedHolder(l, recv); h != nil && (len(n.Rhs) == len(n.Lhs) && mentions(n.Rhs[i]) || len(n.Rhs) == 1 && mentions(n.Rhs[0])) {
					out = append(out, h)
				}
			}
		case *ast.CallExpr:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if h := c.sharedHolder(sel.X, recv); h != nil {
				for _, arg := range n.Args {
					if mentions(arg) {
						out = append(out, h)
					}
				}
			}
		}
	}
	return out
}

// enclosingFuncAndRecv returns the innermost function around cur and the
// receiver of the method declaration around it, if any.
func (c *checker) enclosingFuncAndRecv(cur inspector.Cursor) (inspector.Cursor, *types.Var) {
	var fcur inspector.Cursor
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fcur = f
		break
	}
	var recv *types.Var
	if d := enclosingDecl(cur); d != nil && d.Recv != nil && len(d.Recv.List) == 1 && len(d.Recv.List[0].Names) == 1 {
		recv, _ = c.info.Defs[d.Recv.List[0].Names[0]].(*types.Var)
	}
	return fcur, recv
}

// sharedHolder returns the object that names e when e is state shared
// across calls: a field reached from the method's receiver (s.cache,
// s.stats.byHost, s.cache[k]) or a package variable (cache, cache[k]).
func (c *checker) sharedHolder(e ast.Expr, recv *types.Var) types.Object {
	e = ast.Unparen(e)
	if ix, ok := e.(*ast.IndexExpr); ok {
		e = ast.Unparen(ix.X)
	}
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := c.info.Uses[x].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return v
		}
	case *ast.SelectorExpr:
		root := ast.Unparen(x.X)
		for {
			s, ok := root.(*ast.SelectorExpr)
			if !ok {
				break
			}
			root = ast.Unparen(s.X)
		}
		id, ok := root.(*ast.Ident)
		if !ok {
			return nil
		}
		switch o := c.info.Uses[id].(type) {
		case *types.Var:
			if o == recv && recv != nil || o.Pkg() != nil && o.Parent() == o.Pkg().Scope() {
				return c.info.Uses[x.Sel]
			}
		case *types.PkgName:
			if v, ok := c.info.Uses[x.Sel].(*types.Var); ok {
				return v
			}
		}
	}
	return nil
}

// testedBefore reports whether an if statement of the function, before
// or around call, tests the holder h: a lazy fill (if s.cache == nil) or
// refresh (if time.Since(s.stats.at) > ttl), or a cache lookup that
// returns early (if v, ok := s.cache[k]; ok { return v }).
func (c *checker) testedBefore(fcur inspector.Cursor, h types.Object, call *ast.CallExpr) bool {
	for k := range fcur.Preorder((*ast.IfStmt)(nil)) {
		is := k.Node().(*ast.IfStmt)
		if is.Pos() >= call.Pos() {
			break
		}
		if is.Init != nil && is.Init.Pos() <= call.Pos() && call.End() <= is.Init.End() {
			continue // the call's own statement (if err := ...; err != nil)
		}
		if is.Init != nil && lint.Mentions(c.info, is.Init, h) || lint.Mentions(c.info, is.Cond, h) {
			return true
		}
	}
	return false
}

// ownType reports whether t (or what it points to) is a named type of
// the module.
func (c *checker) ownType(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && c.ownCode(n.Obj().Pkg())
}

// goHelpers returns the package's functions that some go statement
// starts, directly or from the goroutine's function literal.
func (c *checker) goHelpers() map[*types.Func]bool {
	if c.goStarted != nil {
		return c.goStarted
	}
	c.goStarted = make(map[*types.Func]bool)
	for gcur := range c.ins.Root().Preorder((*ast.GoStmt)(nil)) {
		for k := range gcur.Preorder((*ast.CallExpr)(nil)) {
			if fn := lint.Callee(c.info, k.Node().(*ast.CallExpr)); fn != nil && fn.Pkg() == c.p.Pkg {
				c.goStarted[fn.Origin()] = true
			}
		}
	}
	return c.goStarted
}

// sharedWithGoroutine reports a function whose only context is an
// unnamed or _ parameter (func (s *S) notify(ev Event, _ *http.Request))
// and that a go statement of the package starts: it serves a synchronous
// path and a goroutine that outlives the request, so it discards the
// request's context on purpose and its fresh contexts are deliberate.
func (c *checker) sharedWithGoroutine(decl *ast.FuncDecl, a *avail) bool {
	if a.name != "" && a.name != "_" {
		return false
	}
	fn, ok := c.info.Defs[decl.Name].(*types.Func)
	return ok && c.goHelpers()[fn]
}

// conditional reports whether cur is in a branch (an if, switch or select
// case) below fn: an assignment there is a choice, not an overwrite.
func (c *checker) conditional(cur inspector.Cursor, fn ast.Node) bool {
	for p := cur.Parent(); p.Node() != nil && p.Node() != fn; p = p.Parent() {
		switch p.Node().(type) {
		case *ast.IfStmt, *ast.CaseClause, *ast.CommClause:
			return true
		}
	}
	return false
}

// overwritesScope reports a fresh context assigned to the context
// parameter itself (ctx = context.Background()).
func (c *checker) overwritesScope(cur inspector.Cursor, a *avail) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || a.v == nil || a.src.expr != "" {
		return false
	}
	for _, lhs := range as.Lhs {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && c.info.ObjectOf(id) == a.v {
			return true
		}
	}
	return false
}
