package httptimeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// An assign is one left-hand side of an assignment or var declaration and
// the value stored into it. For a tuple assignment from a call
// (req, err := http.NewRequest(...)) rhs is the call and index the result.
type assign struct {
	lhs   ast.Expr
	rhs   ast.Expr
	index int
	pos   token.Pos
	fn    ast.Node // innermost enclosing function, nil at package level
}

// zero reports whether the assignment stores a constant zero.
func (a assign) zero(info *types.Info) bool {
	return a.index == 0 && lint.IsZeroConst(info, a.rhs)
}

// assignsOf returns the assignments an *ast.AssignStmt or *ast.ValueSpec
// makes. Compound assignments (+=) are not stores of a new value.
func assignsOf(n ast.Node) []assign {
	var lhs, rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			return nil
		}
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		rhs = n.Values
	}
	var out []assign
	for i, l := range lhs {
		switch {
		case len(rhs) == len(lhs):
			out = append(out, assign{lhs: l, rhs: rhs[i], pos: n.Pos()})
		case len(rhs) == 1:
			out = append(out, assign{lhs: l, rhs: rhs[0], index: i, pos: n.Pos()})
		}
	}
	return out
}

// A path names a variable and the fields selected from it, outermost
// first: s.client.Timeout is [s, client, Timeout]. A nil first element
// means the root is not a variable (a returned or passed literal).
type path []types.Object

// pathOf returns the path an expression denotes, or nil when it is not a
// chain of field selections from a variable (a call, an index, a map).
func pathOf(info *types.Info, e ast.Expr) path {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(e).(*types.Var); ok {
			return path{v}
		}
	case *ast.StarExpr:
		return pathOf(info, e.X)
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok {
			// A qualified identifier: a package-level variable.
			if v, ok := info.ObjectOf(e.Sel).(*types.Var); ok {
				return path{v}
			}
			return nil
		}
		if sel.Kind() != types.FieldVal {
			return nil
		}
		if base := pathOf(info, e.X); base != nil {
			return append(base, sel.Obj())
		}
	}
	return nil
}

func hasPrefix(p, prefix path) bool {
	if len(p) < len(prefix) || len(prefix) == 0 || prefix[0] == nil {
		return false
	}
	for i := range prefix {
		if p[i] != prefix[i] {
			return false
		}
	}
	return true
}

func samePath(a, b path) bool {
	return len(a) == len(b) && hasPrefix(a, b)
}

// isLocal reports whether obj is a variable local to a function.
func isLocal(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
}

// destination returns the path a created value is stored into:
//
//	c := &http.Client{}                 [c]
//	s.srv = &http.Server{}              [s, srv]
//	svc := &Service{hc: &http.Client{}} [svc, hc]
//	return &Service{hc: &http.Client{}} [nil, hc]
//
// It returns nil when the value is not stored (returned, passed, used).
func (c *checker) destination(cur inspector.Cursor) path {
	// Step over the & and parentheses around the literal.
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			cur = parent
			continue
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				cur = parent
				continue
			}
		}
		break
	}
	kind, index := cur.ParentEdge()
	parent := cur.Parent()
	switch kind {
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) {
			return pathOf(c.info, as.Lhs[index])
		}
	case edge.ValueSpec_Values:
		vs := parent.Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			return pathOf(c.info, vs.Names[index])
		}
	case edge.KeyValueExpr_Value:
		kv := parent.Node().(*ast.KeyValueExpr)
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil
		}
		field, ok := c.info.ObjectOf(key).(*types.Var)
		if !ok || !field.IsField() {
			return nil
		}
		outer := parent.Parent()
		if _, ok := outer.Node().(*ast.CompositeLit); !ok {
			return nil
		}
		base := c.destination(outer)
		if base == nil {
			base = path{nil}
		}
		return append(base, field)
	}
	return nil
}

// newOf returns T for a call new(T).
func newOf(info *types.Info, call *ast.CallExpr) (types.Type, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return nil, false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok || !tv.IsType() {
		return nil, false // new(expr) copies a value we know nothing about
	}
	return tv.Type, true
}

// isDefaultClient reports whether e is http.DefaultClient, or a variable
// declared in fn's body whose only assignment there is http.DefaultClient.
func (c *checker) isDefaultClient(e ast.Expr, assigns []assign, fn ast.Node) bool {
	if c.defaultBounded {
		return false // the program gives http.DefaultClient a timeout
	}
	if lint.IsPkgVar(c.info, e, httpPkg, "DefaultClient") {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || fn == nil {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || !declaredIn(v, fn) {
		return false // a parameter or an outer variable: set elsewhere
	}
	found := false
	for _, a := range assigns {
		if lint.ObjectOf(c.info, a.lhs) != v {
			continue
		}
		if a.index != 0 || !lint.IsPkgVar(c.info, a.rhs, httpPkg, "DefaultClient") || found {
			return false
		}
		found = true
	}
	return found
}

// declaredIn reports whether v is declared in the body of fn (not among
// its parameters, which callers set).
func declaredIn(v *types.Var, fn ast.Node) bool {
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	return body != nil && body.Pos() <= v.Pos() && v.Pos() < body.End()
}

// maxDepth bounds how many derivations boundedRequest and boundedContext
// follow, so that a cycle (ctx = child(ctx)) cannot loop.
const maxDepth = 8

// boundedRequest reports whether the request e was built, before pos, in
// the function whose assignments are assigns, with a context that has a
// deadline set in that function.
func (c *checker) boundedRequest(e ast.Expr, pos token.Pos, assigns []assign, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		a, ok := lastAssign(c.info, e, pos, assigns)
		if !ok {
			return false
		}
		// req, err := http.NewRequestWithContext(ctx, ...), req = r.WithContext(ctx), req := r2
		return c.boundedRequest(a.rhs, a.pos, assigns, depth+1)
	case *ast.CallExpr:
		return c.requestCall(e, pos, assigns, depth)
	}
	return false
}

// requestCall reports whether call builds a request with a bounded context.
func (c *checker) requestCall(call *ast.CallExpr, pos token.Pos, assigns []assign, depth int) bool {
	fn := lint.Callee(c.info, call)
	if lint.IsFunc(fn, httpPkg, "NewRequestWithContext") ||
		lint.IsMethod(fn, httpPkg, "Request", "WithContext", "Clone") {
		return len(call.Args) > 0 && c.boundedContext(call.Args[0], pos, assigns, depth+1)
	}
	return false
}

// boundedContext reports whether ctx was derived, before pos in the same
// function, from context.WithTimeout or WithDeadline (or their Cause
// variants), possibly through WithCancel or WithValue, which keep the
// parent's deadline.
func (c *checker) boundedContext(e ast.Expr, pos token.Pos, assigns []assign, depth int) bool {
	if depth > maxDepth {
		return false
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	a, ok := lastAssign(c.info, id, pos, assigns)
	if !ok {
		v, isVar := c.info.Uses[id].(*types.Var)
		if !isVar {
			return false
		}
		if outer, ok := c.declaringScope(v, assigns); ok {
			// captured by a closure (go func() { ... deliver(ctx) }()):
			// judged in the function that declares it
			return c.boundedContext(e, pos, outer, depth+1)
		}
		return c.boundedParam(v, depth)
	}
	if _, isCall := ast.Unparen(a.rhs).(*ast.CallExpr); !isCall {
		return c.boundedContext(a.rhs, a.pos, assigns, depth+1) // ctx := tctx
	}
	call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := lint.Callee(c.info, call)
	switch {
	case lint.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
		return true
	case lint.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue"):
		return len(call.Args) > 0 && c.boundedContext(call.Args[0], a.pos, assigns, depth+1)
	}
	return false
}

// declaringScope returns the assignments of the function that declares
// the local variable v, when they are not the ones at hand (v is captured
// by a closure from an enclosing function).
func (c *checker) declaringScope(v *types.Var, assigns []assign) ([]assign, bool) {
	if v.Pkg() != c.p.Pkg || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
		return nil, false
	}
	cur, ok := c.root.FindByPos(v.Pos(), v.Pos())
	if !ok {
		return nil, false
	}
	outer, fn := c.scope(cur)
	if fn == nil || len(outer) == len(assigns) && (len(outer) == 0 || &outer[0] == &assigns[0]) {
		return nil, false // the scope at hand: a parameter, or not assigned before
	}
	return outer, true
}

// lastAssign returns the last assignment to the variable id before pos.
func lastAssign(info *types.Info, id *ast.Ident, pos token.Pos, assigns []assign) (assign, bool) {
	v := info.ObjectOf(id)
	var last assign
	found := false
	for _, a := range assigns {
		if a.pos < pos && lint.ObjectOf(info, a.lhs) == v && (!found || a.pos >= last.pos) {
			last, found = a, true
		}
	}
	return last, found
}

// boundedParam reports whether v is a context parameter of a plain
// function of this package whose callers give it a deadline. The function
// must only ever be called, never used as a value (which hides its
// callers). An unexported one is bounded when each call (in analyzed
// code) passes a context derived in the caller from WithTimeout or
// WithDeadline: etcd's promoteMemberHTTP(ctx, ...) is only called with
// context.WithTimeout(ctx, ReqTimeout()), so its request needs no client
// Timeout of its own. An exported one has callers in other packages: it
// delegates the deadline to them (see deadlineFromCaller).
func (c *checker) boundedParam(v *types.Var, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if c.params == nil {
		c.indexCalls()
	}
	owner, ok := c.params[v]
	if !ok || owner.fn.Name() == "main" {
		return false
	}
	method := owner.fn.Type().(*types.Signature).Recv() != nil
	if method {
		if !isContext(v.Type()) || rpcHandler(owner.fn) {
			return false
		}
		if owner.fn.Exported() && c.ownCallers {
			return c.boundedMethodCalls(owner, depth) // see fieldbounded.go
		}
		if owner.fn.Exported() {
			// An exported method is called through interfaces and method
			// values as much as directly: like an exported function, it
			// leaves the deadline to its callers, and its direct calls
			// are checked (goreleaser's announcers, called through an
			// interface with a context whose deadline is set once for
			// the whole release). One that passes its context on to
			// one that delegates delegates too, at a call site as well.
			c.delegate(owner)
			return true
		}
		// An unexported method is judged by its calls in the package,
		// like an unexported function.
	}
	var calls []*ast.CallExpr
	var scopes [][]assign
	for _, id := range c.uses[owner.fn] {
		if !c.p.Analyzed(id.Pos()) {
			continue // test code may call it any way it likes
		}
		cur, ok := c.root.FindNode(id)
		if !ok {
			return false
		}
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			cur = cur.Parent() // x.m(...), pkg.F(...)
		}
		call, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != cur.Node() || owner.index >= len(call.Args) || call.Ellipsis.IsValid() {
			return false // used as a value, or called in a way not followed
		}
		assigns, _ := c.scope(cur)
		calls, scopes = append(calls, call), append(scopes, assigns)
	}
	if !method && owner.fn.Exported() {
		if c.atCallSite || c.ownCallers || !isContext(v.Type()) {
			return false
		}
		c.delegate(owner) // its calls here are checked with the others
		return true
	}
	for i, call := range calls {
		if !c.boundedContext(call.Args[owner.index], call.Pos(), scopes[i], depth+1) {
			return false
		}
	}
	return len(calls) > 0
}

// A paramOwner is the function declaring a parameter, and its index.
type paramOwner struct {
	fn    *types.Func
	index int
}

// indexCalls records the parameters of the package's functions and
// methods, and every use of them.
func (c *checker) indexCalls() {
	c.params = make(map[*types.Var]paramOwner)
	c.uses = make(map[*types.Func][]*ast.Ident)
	for _, f := range c.p.Pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, ok := c.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			params := fn.Type().(*types.Signature).Params()
			for i := range params.Len() {
				c.params[params.At(i)] = paramOwner{fn, i}
			}
		}
	}
	for id, obj := range c.info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == c.p.Pkg {
			c.uses[fn] = append(c.uses[fn], id)
		}
	}
}

// isContext reports whether t is a context: context.Context, or a struct
// type of the program's own that embeds one (a CLI's own context that
// carries its configuration, like goreleaser's *context.Context). A
// framework's request context (*gin.Context) implements the interface
// without embedding it, and is the request's, not a caller's.
func isContext(t types.Type) bool {
	if lint.IsNamed(t, "context", "Context") {
		return true
	}
	for _, f := range embedded(t) {
		if lint.IsNamed(f.Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// embedded returns the embedded fields of t, a struct type or a pointer
// to one.
func embedded(t types.Type) []*types.Var {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []*types.Var
	for f := range st.Fields() {
		if f.Embedded() {
			out = append(out, f)
		}
	}
	return out
}

// rpcHandler reports whether fn is a method of a gRPC or Connect service
// implementation, a type that embeds the generated Unimplemented...Server
// or Unimplemented...Handler: the context it is given is a remote client's,
// whose deadline the client may never set, so its requests are judged
// where it sends.
func rpcHandler(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	for _, f := range embedded(recv.Type()) {
		ft := f.Type()
		if p, ok := ft.(*types.Pointer); ok {
			ft = p.Elem()
		}
		n, ok := types.Unalias(ft).(*types.Named)
		if !ok {
			continue
		}
		name := n.Obj().Name()
		if strings.HasPrefix(name, "Unimplemented") && (strings.HasSuffix(name, "Server") || strings.HasSuffix(name, "Handler")) {
			return true
		}
	}
	return unaryRPCShape(fn.Type().(*types.Signature))
}

// unaryRPCShape reports whether a method has the shape of a unary gRPC
// handler, for services written before the Unimplemented...Server
// embedding: func(ctx context.Context, req *pb.XRequest) (*pb.XResponse,
// error), the request and the response being protobuf messages.
func unaryRPCShape(sig *types.Signature) bool {
	if sig.Params().Len() != 2 || sig.Results().Len() != 2 {
		return false
	}
	if !isContext(sig.Params().At(0).Type()) || !types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	return protoMessage(sig.Params().At(1).Type()) && protoMessage(sig.Results().At(0).Type())
}

// protoMessage reports whether t is a pointer to a generated protobuf
// message: its method set has ProtoMessage.
func protoMessage(t types.Type) bool {
	if _, ok := t.(*types.Pointer); !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ProtoMessage")
	_, ok := obj.(*types.Func)
	return ok
}
