package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// Memoized getters. A context-less function whose I/O fills a value kept
// across calls (a lazily created client, a lazily hydrated server
// version) does that I/O once per process, like start-up: there is no
// request to cancel it for, and the calls that follow do no I/O. Its
// fill gives it no fact, so neither its callers nor their callers are
// reported because of it.
//
// The fill (memoFills) is found from an if statement of the function's
// body (or of its else-if chain) whose condition tests a holder h, a
// field selected on the receiver or a package variable:
//   - a lazy fill, if d.client == nil { d.client = build() }: the if's
//     body, when it does not end in a return;
//   - an early return, if d.client != nil { return d.client }; ...: the
//     statements after the if;
//
// and only when the fill sets h: assigns it (h = v, h, err = build()),
// directly or through functions of the package it calls (a getter that
// hydrates its field through a Valid() that opens the pool that sets
// it). A keyed entry (h[key] = v) is a cache filled per input, not once,
// and does not count: that I/O runs for each new request.
//
// A sync.Once.Do / sync.OnceValue(s) callback is a function literal,
// whose calls never give the declaration around it a fact (contextAt);
// a getter that only calls memoized getters then has nothing that gives
// it one either.

// A span is a range of a function's body [pos, end).
type span struct{ pos, end token.Pos }

// fillSearchDepth bounds how deep memoFills follows calls of the package
// to find the assignment of the holder.
const fillSearchDepth = 4

// inMemoFill reports whether cur is in the fill of a memoized getter decl.
func (c *checker) inMemoFill(cur ast.Node, decl *ast.FuncDecl) bool {
	for _, s := range c.memoFills(decl) {
		if s.pos <= cur.Pos() && cur.End() <= s.end {
			return true
		}
	}
	return false
}

// memoFills returns the spans of decl's body that fill a holder it tests
// (see above), computed once per declaration.
func (c *checker) memoFills(decl *ast.FuncDecl) []span {
	if spans, ok := c.memo[decl]; ok {
		return spans
	}
	if c.memo == nil {
		c.memo = make(map[*ast.FuncDecl][]span)
	}
	var spans []span
	if decl.Body != nil {
		recv := receiverVar(c.info, decl)
		for i, st := range decl.Body.List {
			for is := ifChain(st); is != nil; is = elseIf(is) {
				var fill []ast.Node
				s := span{is.Body.Pos(), is.Body.End()}
				if endsInReturn(is.Body) {
					s = span{st.End(), decl.Body.End()}
					for _, rest := range decl.Body.List[i+1:] {
						fill = append(fill, rest)
					}
				} else {
					fill = []ast.Node{is.Body}
				}
				for _, h := range c.holders(is.Cond, recv) {
					if c.sets(fill, h, fillSearchDepth, map[*types.Func]bool{}) {
						spans = append(spans, s)
						break
					}
				}
			}
		}
	}
	c.memo[decl] = spans
	return spans
}

// ifChain returns st when it is an if statement.
func ifChain(st ast.Stmt) *ast.IfStmt {
	is, _ := st.(*ast.IfStmt)
	return is
}

// elseIf returns the if statement of is's else branch (else if ...).
func elseIf(is *ast.IfStmt) *ast.IfStmt {
	next, _ := is.Else.(*ast.IfStmt)
	return next
}

// endsInReturn reports whether the block's last statement is a return.
func endsInReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}

// receiverVar returns decl's named receiver, or nil.
func receiverVar(info *types.Info, decl *ast.FuncDecl) types.Object {
	if decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
		return nil
	}
	return info.Defs[decl.Recv.List[0].Names[0]]
}

// holders returns the holders that cond tests: the fields of recv
// (recv.f) and the package variables it mentions, whether for being set
// (if d.users == nil, if d.valid) or for age (if time.Since(c.checked) >
// c.ttl: refreshed once per interval, not per call). An error is not a
// holder: if w.err != nil { return w.err } is a sticky error, set by I/O
// that runs on every call until one fails.
func (c *checker) holders(cond ast.Expr, recv types.Object) []types.Object {
	var out []types.Object
	errType := types.Universe.Lookup("error").Type()
	ast.Inspect(cond, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok {
			if h := c.holderOf(e, recv); h != nil && !types.Identical(h.Type(), errType) {
				out = append(out, h)
			}
		}
		return true
	})
	return out
}

// holderOf returns the field that e selects on recv, or the package
// variable of this package that e names, or nil.
func (c *checker) holderOf(e ast.Expr, recv types.Object) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		s, ok := c.info.Selections[e]
		if !ok || s.Kind() != types.FieldVal || recv == nil {
			return nil
		}
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok && c.info.Uses[id] == recv {
			return s.Obj()
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok && v.Pkg() == c.p.Pkg && v.Parent() == v.Pkg().Scope() {
			return v
		}
	}
	return nil
}

// sets reports whether nodes assign h itself (not an element of it), or
// call a function of the package that does, up to depth calls deep.
func (c *checker) sets(nodes []ast.Node, h types.Object, depth int, seen map[*types.Func]bool) bool {
	found := false
	for _, n := range nodes {
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if c.assignedHolder(l) == h {
						found = true
					}
				}
			case *ast.CallExpr:
				fn := lint.Callee(c.info, n)
				if fn == nil || fn.Pkg() != c.p.Pkg || depth == 0 || seen[fn.Origin()] {
					return true
				}
				seen[fn.Origin()] = true
				if cur, ok := c.declCursor(fn.Origin()); ok {
					if body := cur.Node().(*ast.FuncDecl).Body; body != nil {
						found = c.sets([]ast.Node{body}, h, depth-1, seen)
					}
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

// assignedHolder returns the field or variable that the left-hand side l
// names (x.f or v), or nil for anything else (an element h[k], *p).
func (c *checker) assignedHolder(l ast.Expr) types.Object {
	switch l := ast.Unparen(l).(type) {
	case *ast.SelectorExpr:
		if s, ok := c.info.Selections[l]; ok && s.Kind() == types.FieldVal {
			return s.Obj()
		}
		return c.info.Uses[l.Sel]
	case *ast.Ident:
		return c.info.ObjectOf(l)
	}
	return nil
}
