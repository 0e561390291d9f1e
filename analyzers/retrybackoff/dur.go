package retrybackoff

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/lint"
)

// An assignment inside the loop being judged.
type assignment struct {
	rhs ast.Expr    // nil when not known (tuple from a call, range, &x)
	op  token.Token // token.ASSIGN or DEFINE for plain ones, the operator otherwise
	pos token.Pos   // the end of the assigning statement; token.NoPos in the loop's post statement (runs last)
}

// A loopCtx holds what the checker knows about the loop being judged.
type loopCtx struct {
	// assigns holds, for each variable and struct field changed in the
	// loop (condition, post statement and body, closures included), how.
	assigns map[types.Object][]assignment
	// stepped holds the variables that change on every iteration: the
	// loop's own variables, counters (i++), accumulators (d *= 2).
	stepped map[types.Object]bool
	// opAssigns holds, for each call assigned in the loop, the expressions
	// its results are assigned to.
	opAssigns map[*ast.CallExpr][]ast.Expr
	// loop is the loop being judged.
	loop ast.Stmt
}

func (c *checker) newLoopCtx(loop ast.Stmt) *loopCtx {
	lc := &loopCtx{
		assigns:   make(map[types.Object][]assignment),
		stepped:   make(map[types.Object]bool),
		opAssigns: make(map[*ast.CallExpr][]ast.Expr),
		loop:      loop,
	}
	var post ast.Node
	if fs, ok := loop.(*ast.ForStmt); ok && fs.Post != nil {
		post = fs.Post
	}
	var end token.Pos // the end of the statement being visited
	add := func(lhs ast.Expr, a assignment) {
		a.pos = end
		if post != nil && lhs.Pos() >= post.Pos() && lhs.Pos() < post.End() {
			a.pos = token.NoPos
		}
		obj := lint.ObjectOf(c.info, lhs)
		if obj == nil {
			return
		}
		lc.assigns[obj] = append(lc.assigns[obj], a)
		if a.op != token.ASSIGN && a.op != token.DEFINE && a.op != token.AND {
			lc.stepped[obj] = true
		}
	}
	visit := func(n ast.Node) bool {
		if s, ok := n.(ast.Stmt); ok {
			end = s.End()
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					lc.opAssigns[call] = n.Lhs
				}
			} else if len(n.Lhs) == len(n.Rhs) {
				for i, r := range n.Rhs {
					if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
						lc.opAssigns[call] = n.Lhs[i : i+1]
					}
				}
			}
			switch {
			case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
				add(n.Lhs[0], assignment{rhs: n.Rhs[0], op: n.Tok})
			case len(n.Lhs) == len(n.Rhs):
				for i := range n.Lhs {
					add(n.Lhs[i], assignment{rhs: n.Rhs[i], op: n.Tok})
				}
			default:
				for _, l := range n.Lhs {
					add(l, assignment{op: n.Tok})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				a := assignment{op: token.DEFINE}
				if len(n.Values) == len(n.Names) {
					a.rhs = n.Values[i]
				}
				add(name, a)
			}
		case *ast.IncDecStmt:
			add(n.X, assignment{op: n.Tok})
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					add(e, assignment{op: token.RANGE})
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X, assignment{op: token.AND})
			}
		}
		return true
	}
	switch l := loop.(type) {
	case *ast.ForStmt:
		for _, n := range []ast.Node{l.Cond, l.Post, l.Body} {
			if n != nil && !isNilNode(n) {
				ast.Inspect(n, visit)
			}
		}
		if as, ok := l.Init.(*ast.AssignStmt); ok && l.Post != nil {
			// for i := 0; ...; i++: i is the loop's counter
			for _, lhs := range as.Lhs {
				if obj := lint.ObjectOf(c.info, lhs); obj != nil && len(lc.assigns[obj]) > 0 {
					lc.stepped[obj] = true
				}
			}
		}
	case *ast.RangeStmt:
		ast.Inspect(l.Body, visit)
		for _, e := range []ast.Expr{l.Key, l.Value} {
			if obj := lint.ObjectOf(c.info, e); obj != nil {
				lc.stepped[obj] = true
			}
		}
	}
	return lc
}

// A durInfo says how a delay expression behaves across iterations.
type durInfo struct {
	varies  bool // may differ from one attempt to the next
	random  bool // uses math/rand: jittered
	unknown bool // depends on a call the checker cannot see through
}

func (d durInfo) or(e durInfo) durInfo {
	return durInfo{d.varies || e.varies, d.random || e.random, d.unknown || e.unknown}
}

// eval judges a duration expression.
func (c *checker) eval(e ast.Expr, seen map[types.Object]bool) durInfo {
	lc := c.cur
	if e == nil {
		return durInfo{varies: true, unknown: true}
	}
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		return durInfo{}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.evalObj(c.info.ObjectOf(e), seen)
	case *ast.SelectorExpr:
		if id, ok := e.X.(*ast.Ident); ok {
			if _, ok := c.info.Uses[id].(*types.PkgName); ok {
				return c.evalObj(c.info.ObjectOf(e.Sel), seen)
			}
		}
		if sel, ok := c.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			if len(lc.assigns[sel.Obj()]) > 0 {
				return c.evalObj(sel.Obj(), seen)
			}
			return c.eval(e.X, seen)
		}
		return durInfo{varies: true, unknown: true}
	case *ast.BinaryExpr:
		return c.eval(e.X, seen).or(c.eval(e.Y, seen))
	case *ast.UnaryExpr:
		return c.eval(e.X, seen)
	case *ast.StarExpr:
		return c.eval(e.X, seen)
	case *ast.IndexExpr:
		return c.eval(e.X, seen).or(c.eval(e.Index, seen))
	case *ast.CallExpr:
		return c.evalCall(e, seen)
	}
	return durInfo{varies: true, unknown: true}
}

func (c *checker) evalObj(obj types.Object, seen map[types.Object]bool) durInfo {
	v, ok := obj.(*types.Var)
	if !ok {
		return durInfo{} // a constant or a function
	}
	lc := c.cur
	as := lc.assigns[v]
	if len(as) == 0 && !lc.stepped[v] {
		return durInfo{} // not changed by the loop
	}
	if seen[v] {
		return durInfo{varies: true}
	}
	seen[v] = true
	defer delete(seen, v)
	var d durInfo
	if lc.stepped[v] {
		d.varies = true
	}
	for _, a := range as {
		if a.rhs == nil {
			known := a.op == token.RANGE || a.op == token.INC || a.op == token.DEC
			d = d.or(durInfo{varies: true, unknown: !known})
			continue
		}
		d = d.or(c.eval(a.rhs, seen))
	}
	return d
}

func (c *checker) evalCall(call *ast.CallExpr, seen map[types.Object]bool) durInfo {
	info := c.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return c.eval(call.Args[0], seen) // a conversion
		}
	}
	all := func() durInfo {
		var d durInfo
		for _, a := range call.Args {
			d = d.or(c.eval(a, seen))
		}
		return d
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "min" || b.Name() == "max") {
			return all()
		}
	}
	fn := lint.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return durInfo{varies: true, unknown: true}
	}
	switch fn.Pkg().Path() {
	case "math/rand", "math/rand/v2":
		return durInfo{varies: true, random: true}
	case "math":
		return all()
	case "time":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Type().(*types.Signature).Recv() != nil &&
			lint.IsNamed(fn.Type().(*types.Signature).Recv().Type(), "time", "Duration") {
			return c.eval(sel.X, seen).or(all()) // d.Truncate(x), d.Round(x)
		}
	}
	return durInfo{varies: true, unknown: true}
}

// mentionsStepped reports whether an expression, used by the call at
// pos, depends on something that changes from one iteration to the next:
// the loop's counter, an accumulator, a random value, or a variable the
// loop assigns at or after pos (cursor, err = fetch(cursor)). An operation
// called with it is a different operation each time (the next address,
// page or name, the next error in a chain), not a retry.
func (c *checker) mentionsStepped(e ast.Expr, pos token.Pos, seen map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if fn := lint.Callee(c.info, n); fn != nil && fn.Pkg() != nil {
				switch fn.Pkg().Path() {
				case "math/rand", "math/rand/v2":
					found = true
				case "sync/atomic":
					// port := atomic.AddUint64(&next, 1): a new value each time
					found = strings.HasPrefix(fn.Name(), "Add")
				}
			}
		case *ast.SelectorExpr:
			if sel, ok := c.info.Selections[n]; ok && sel.Kind() == types.FieldVal && c.carried(sel.Obj(), pos, seen) {
				found = true
			}
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); ok && c.carried(v, pos, seen) {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) carried(v types.Object, pos token.Pos, seen map[types.Object]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	if c.cur.stepped[v] {
		return true
	}
	// s, err := field.GetContents(r): a value read in the loop from a
	// stream that outlives it is new input each time (a prompt asking
	// again after invalid input).
	for call, lhs := range c.cur.opAssigns {
		if call.Pos() >= pos || !c.readsInput(call) {
			continue
		}
		for _, l := range lhs {
			if lint.ObjectOf(c.info, l) == v {
				return true
			}
		}
	}
	for _, a := range c.cur.assigns[v] {
		if a.op == token.AND {
			continue
		}
		if a.pos == token.NoPos || a.pos >= pos {
			return true
		}
		if a.rhs != nil && c.mentionsStepped(a.rhs, pos, seen) {
			return true
		}
	}
	return false
}

// readsInput reports whether call reads the next piece of a stream declared
// outside the loop: such a reader passed as an argument, a Read... method
// on it, or a bufio.Scanner's Text or Bytes.
func (c *checker) readsInput(call *ast.CallExpr) bool {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		fn := lint.Callee(c.info, call)
		if fn != nil && c.outsideLoop(sel.X) && (strings.HasPrefix(fn.Name(), "Read") && isReader(c.info.TypeOf(sel.X)) ||
			lint.IsMethod(fn, "bufio", "Scanner", "Text", "Bytes")) {
			return true
		}
		// resp, err := s.stream.Recv(): a message stream (gRPC, a
		// websocket) yields the next message each time.
		if fn != nil && receives(fn.Name()) && c.outsideLoop(c.rootOf(sel.X)) {
			return true
		}
	}
	for _, a := range call.Args {
		if c.outsideLoop(a) && isReader(c.info.TypeOf(a)) {
			return true
		}
	}
	return false
}

// receives reports whether a method name is a stream's receive.
func receives(name string) bool {
	switch name {
	case "Recv", "RecvMsg", "Receive", "ReceiveMessage", "ReadMessage", "ReadMsg", "NextMsg":
		return true
	}
	return false
}

// rootOf returns the variable a selector chain starts from: s in
// s.stream (pkg.Var stays whole).
func (c *checker) rootOf(e ast.Expr) ast.Expr {
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return e
		}
		if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
			if _, isPkg := c.info.Uses[x].(*types.PkgName); isPkg {
				return e
			}
		}
		e = sel.X
	}
}

// outsideLoop reports whether e names a variable declared outside the loop
// being judged (a parameter, a local declared before it, os.Stdin).
func (c *checker) outsideLoop(e ast.Expr) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if _, isPkg := c.info.Uses[x].(*types.PkgName); isPkg {
				id = e.Sel
			}
		}
	}
	if id == nil {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	loop := c.cur.loop
	return v.Pkg() != nil && (v.Pos() < loop.Pos() || v.Pos() >= loop.End() || v.Pkg() != c.pass.Pkg)
}

// isReader reports whether t has io.Reader's Read method.
func isReader(t types.Type) bool {
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Read")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 1 || sig.Results().Len() != 2 {
		return false
	}
	s, ok := sig.Params().At(0).Type().Underlying().(*types.Slice)
	return ok && types.Identical(s.Elem(), types.Typ[types.Byte])
}
