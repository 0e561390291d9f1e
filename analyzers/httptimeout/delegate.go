package httptimeout

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// deadlineFromCaller is the fact of an exported function that sends its
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

// noteCall keeps a call of a plain function with a context parameter, to
// be checked once the package's delegations are known.
func (c *checker) noteCall(cur inspector.Cursor, fn *types.Func) {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		return
	}
	for i := range sig.Params().Len() {
		if lint.IsNamed(sig.Params().At(i).Type(), "context", "Context") {
			c.ctxCalls = append(c.ctxCalls, cur)
			return
		}
	}
}

// checkDelegatedCall reports a call that passes a context with no
// deadline to a function that leaves its requests' deadline to it.
func (c *checker) checkDelegatedCall(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	fn := lint.Callee(c.info, call)
	if fn == nil || fn.Type().(*types.Signature).Recv() != nil {
		return
	}
	fn = fn.Origin()
	index, ok := c.delegated[fn]
	if !ok && fn.Pkg() != c.p.Pkg {
		var f deadlineFromCaller
		if !c.p.ImportObjectFact(fn, &f) {
			return
		}
		index, ok = f.Param, true
	}
	if !ok || index >= len(call.Args) || call.Ellipsis.IsValid() {
		return
	}
	// Only a deadline the caller sets, or its own unexported callers set,
	// counts here: the function was spared for its callers to be checked.
	c.atCallSite = true
	assigns, _ := c.scope(cur)
	bounded := c.boundedContext(call.Args[index], call.Pos(), assigns, 0)
	c.atCallSite = false
	if bounded {
		return
	}
	c.p.ReportNode(call.Args[index], fmt.Sprintf("%s.%s sends an HTTP request with no timeout other than this context, "+
		"which has no deadline: a slow server blocks this call forever; "+
		"pass a context from context.WithTimeout", fn.Pkg().Name(), fn.Name()))
}
