package httptimeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// onlyBoundedFieldUses is onlyBoundedRequests for a client stored in an
// unexported struct field or package variable: a webhook notifier keeps
// &http.Client{} in a field, and its one method sends with the context it
// is given, which the dispatcher bounds with context.WithTimeout. The
// client is bounded when every use of the field in the package's code
// (test files aside) sends a request whose context has a deadline, set in
// the using function or by its callers as boundedContext follows them,
// or passes the client on together with such a context. Any other use
// (a method without a request, the client returned or copied) means
// requests this package cannot see.
func (c *checker) onlyBoundedFieldUses(cr creation) bool {
	dest := c.destination(cr.cur)
	if len(dest) == 0 {
		return false
	}
	v, ok := dest[len(dest)-1].(*types.Var)
	if !ok || isLocal(v) || v.Exported() || v.Pkg() != c.p.Pkg {
		return false // other packages may use an exported one
	}
	// Callers outside the package are unknown: no delegation to them.
	c.ownCallers = true
	defer func() { c.ownCallers = false }()
	sent := false
	for cur := range c.root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != v || !c.p.Analyzed(id.Pos()) {
			continue
		}
		switch c.fieldUse(cur) {
		case useStore:
		case useBounded:
			sent = true
		default:
			return false
		}
	}
	return sent
}

type fieldUseKind int

const (
	useOther   fieldUseKind = iota
	useStore                // the field is assigned or keyed in a literal
	useBounded              // a bounded send, or passed on with a bounded context
)

// fieldUse classifies one use of a client field or package variable.
func (c *checker) fieldUse(cur inspector.Cursor) fieldUseKind {
	if k, _ := cur.ParentEdge(); k == edge.KeyValueExpr_Key {
		return useStore // Notifier{hc: ...}
	}
	if k, _ := cur.ParentEdge(); k == edge.SelectorExpr_Sel {
		cur = cur.Parent() // w.hc
	}
	assigns, _ := c.scope(cur)
	switch k, _ := cur.ParentEdge(); k {
	case edge.AssignStmt_Lhs:
		return useStore // w.hc = ...
	case edge.CallExpr_Args:
		// doRequest(ctx, w.hc, req): passed along with a bounded context.
		if c.withBoundedContext(cur.Parent().Node().(*ast.CallExpr), assigns) {
			return useBounded
		}
		return useOther
	case edge.SelectorExpr_X:
		switch k, _ := cur.Parent().ParentEdge(); k {
		case edge.AssignStmt_Lhs:
			return useStore // w.hc.Jar = jar
		case edge.CallExpr_Fun:
			call := cur.Parent().Parent().Node().(*ast.CallExpr)
			if lint.IsMethod(lint.Callee(c.info, call), httpPkg, "Client", "Do") && len(call.Args) == 1 &&
				c.boundedRequest(call.Args[0], call.Pos(), assigns, 0) {
				return useBounded
			}
		}
	}
	return useOther
}

// boundedMethodCalls reports whether owner, an exported method of an
// unexported type, is called in the package, directly or through an
// interface its type implements (a notifier's Send called through the
// Notifier interface by the dispatcher), and every such call passes a
// context with a deadline as its parameter owner.index. Other packages
// can reach the method only through such an interface; their calls are
// not seen, which is the limit of this check.
func (c *checker) boundedMethodCalls(owner paramOwner, depth int) bool {
	recv := owner.fn.Type().(*types.Signature).Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := recv.(*types.Named)
	if !ok || named.Obj().Exported() {
		return false
	}
	for _, id := range c.uses[owner.fn] {
		cur, ok := c.root.FindNode(id)
		if !ok {
			return false
		}
		if k, _ := cur.ParentEdge(); k != edge.SelectorExpr_Sel {
			return false
		}
		if k, _ := cur.Parent().ParentEdge(); k != edge.CallExpr_Fun {
			return false // a method value hides its callers
		}
	}
	calls := 0
	for cur := range c.root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !c.p.Analyzed(call.Pos()) || !c.callsMethod(call, owner.fn, named) {
			continue
		}
		if call.Ellipsis.IsValid() || owner.index >= len(call.Args) {
			return false
		}
		var outer ast.Node
		for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			outer = fn.Node() // the outermost: a goroutine's literal captures the context
		}
		if outer == nil || !c.boundedContext(call.Args[owner.index], call.Pos(), c.assignsIn(outer), depth+1) {
			return false
		}
		calls++
	}
	return calls > 0
}

// callsMethod reports whether call calls m, directly or through an
// interface method of the same name that *T implements.
func (c *checker) callsMethod(call *ast.CallExpr, m *types.Func, t *types.Named) bool {
	fn := lint.Callee(c.info, call)
	if fn == nil || fn.Name() != m.Name() {
		return false
	}
	if fn == m {
		return true
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	return ok && types.Implements(types.NewPointer(t), iface)
}

// onlyBoundedGetterUses is onlyBoundedFieldUses for a client that an
// unexported function or method returns (a notifier's client() that
// falls back to &http.Client{CheckRedirect: ...} when none is injected):
// the client is bounded when every call of the getter in the package is
// n.client().Do(req) with a request whose context has a deadline, set in
// the calling function or by its callers.
func (c *checker) onlyBoundedGetterUses(cr creation) bool {
	k, _ := cr.cur.ParentEdge()
	if k == edge.UnaryExpr_X {
		k, _ = cr.cur.Parent().ParentEdge() // return &http.Client{...}
	}
	if k != edge.ReturnStmt_Results {
		return false
	}
	var getter *types.Func
	for f := range cr.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fd, ok := f.Node().(*ast.FuncDecl); ok {
			getter, _ = c.info.Defs[fd.Name].(*types.Func)
		}
		break
	}
	if getter == nil || getter.Exported() || getter.Type().(*types.Signature).Results().Len() != 1 {
		return false
	}
	c.ownCallers = true
	defer func() { c.ownCallers = false }()
	sent := false
	for cur := range c.root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != getter || !c.p.Analyzed(id.Pos()) {
			continue
		}
		if k, _ := cur.ParentEdge(); k == edge.SelectorExpr_Sel {
			cur = cur.Parent() // n.client
		}
		if k, _ := cur.ParentEdge(); k != edge.CallExpr_Fun {
			return false // a function value hides its uses
		}
		call := cur.Parent() // n.client()
		if k, _ := call.ParentEdge(); k != edge.SelectorExpr_X {
			return false // the client is kept or passed on
		}
		if k, _ := call.Parent().ParentEdge(); k != edge.CallExpr_Fun {
			return false
		}
		do := call.Parent().Parent().Node().(*ast.CallExpr)
		assigns, _ := c.scope(call)
		if !lint.IsMethod(lint.Callee(c.info, do), httpPkg, "Client", "Do") || len(do.Args) != 1 ||
			!c.boundedRequest(do.Args[0], do.Pos(), assigns, 0) {
			return false
		}
		sent = true
	}
	return sent
}
