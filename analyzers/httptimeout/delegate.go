package httptimeout

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// deadlineFromCaller is the fact of an exported function or method that sends its
// HTTP requests through a client with no Timeout, bounded only by the
// context its caller passes as parameter Param. A function that takes a
// context and sends with it leaves the deadline to its caller, as Go
// APIs do; the finding belongs at a call that passes a context with no
// deadline (etcd's leasehttp.RenewHTTP is only called with
// context.WithTimeout(ctx, ReqTimeout()), gitea's recaptcha.Verify with
// a request's context).
type deadlineFromCaller struct{ Param int }

func (*deadlineFromCaller) AFact() {}

func (f *deadlineFromCaller) String() string {
	return fmt.Sprintf("deadlineFromCaller(param %d)", f.Param)
}

// delegate records, while a check is under way, that its verdict rests on
// the caller of owner bounding the context (see boundedParam). The check
// commits the records only when it concludes the requests are bounded.
func (c *checker) delegate(owner paramOwner) {
	c.tentative = append(c.tentative, owner)
}

// try runs check, and when it holds, keeps the delegations it made.
func (c *checker) try(check func() bool) bool {
	c.tentative = c.tentative[:0]
	ok := check()
	if ok {
		for _, o := range c.tentative {
			c.delegated[o.fn] = o.index
		}
	}
	c.tentative = c.tentative[:0]
	return ok
}

// exportDelegations gives each delegating function its fact, so that its
// callers in other packages of the module are checked.
func (c *checker) exportDelegations() {
	for fn, index := range c.delegated {
		c.p.ExportObjectFact(fn, &deadlineFromCaller{Param: index})
	}
}

// noteCall keeps a call of a function or a concrete method with a context
// parameter, to be checked once the package's delegations are known.
func (c *checker) noteCall(cur inspector.Cursor, fn *types.Func) {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return
	}
	for i := range sig.Params().Len() {
		if isContext(sig.Params().At(i).Type()) {
			c.ctxCalls = append(c.ctxCalls, cur)
			return
		}
	}
}

// checkDelegatedCalls judges the noted calls of functions that leave
// their requests' deadline to their callers. A method that passes its own
// context on delegates in turn (see boundedParam), which may make more of
// the noted calls delegated ones: the calls are judged until no
// delegation is added, then the delegations are exported.
func (c *checker) checkDelegatedCalls() {
	judged := make(map[ast.Node]bool)
	for {
		n := len(c.delegated)
		for _, cur := range c.ctxCalls {
			if !judged[cur.Node()] && c.checkDelegatedCall(cur) {
				judged[cur.Node()] = true
			}
		}
		if len(c.delegated) == n {
			break
		}
	}
	c.exportDelegations()
}

// checkDelegatedCall reports a call that passes a context with no
// deadline to a function that leaves its requests' deadline to it. It
// returns false when the callee does not delegate (yet).
func (c *checker) checkDelegatedCall(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	fn := lint.Callee(c.info, call)
	if fn == nil {
		return true
	}
	if r := fn.Type().(*types.Signature).Recv(); r != nil && types.IsInterface(r.Type()) {
		return true
	}
	fn = fn.Origin()
	index, ok := c.delegated[fn]
	if !ok && fn.Pkg() != c.p.Pkg {
		var f deadlineFromCaller
		if !c.p.ImportObjectFact(fn, &f) {
			return true
		}
		index, ok = f.Param, true
	}
	if !ok {
		return false
	}
	if index >= len(call.Args) || call.Ellipsis.IsValid() {
		return true
	}
	// Only a deadline the caller sets, its own unexported callers set, or
	// (for a method) its callers set, counts here: the function was spared
	// for its callers to be checked.
	assigns, _ := c.scope(cur)
	bounded := c.try(func() bool {
		c.atCallSite = true
		defer func() { c.atCallSite = false }()
		return c.boundedContext(call.Args[index], call.Pos(), assigns, 0)
	})
	if bounded || c.oneShot(cur) {
		return true
	}
	c.p.ReportRule("RL103", call.Args[index], fmt.Sprintf("%s sends an HTTP request with no timeout other than this context, "+
		"which has no deadline: a slow server blocks this call forever; "+
		"pass a context from context.WithTimeout", qualifiedName(fn)))
	return true
}

// qualifiedName names a function pkg.Func, and a method pkg.Type.Method.
func qualifiedName(fn *types.Func) string {
	name := fn.Pkg().Name() + "."
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		t := r.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name += n.Obj().Name() + "."
		}
	}
	return name + fn.Name()
}
