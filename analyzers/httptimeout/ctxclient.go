package httptimeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// OAuth2 and OpenID Connect libraries take their HTTP client from the
// context (context.WithValue(ctx, oauth2.HTTPClient, c), or
// oidc.ClientContext(ctx, c)) and fall back to http.DefaultClient, which
// has no timeout. Every login's code exchange, user-info fetch and key
// refresh then waits as long as the identity provider wants.
const (
	oauth2Pkg   = "golang.org/x/oauth2"
	oauth2CCPkg = "golang.org/x/oauth2/clientcredentials"
)

// oidcPkgs are go-oidc v3 and v2 (same API).
var oidcPkgs = []string{"github.com/coreos/go-oidc/v3/oidc", "github.com/coreos/go-oidc"}

// A ctxClientCall is a library call that sends through the client its
// first argument, a context, carries.
type ctxClientCall struct {
	name string // as the message names it: oauth2.Config.Exchange
	oidc bool   // the fix is oidc.ClientContext rather than WithValue
	// keySet: the call keeps the context's client for later requests
	// that drop its deadline (go-oidc's remote key set, which Verify
	// refreshes with context.WithoutCancel): only a client bounds them.
	keySet bool
	// client: the call returns an http.Client with the Timeout of the
	// context's client (oauth2.NewClient), whose token refreshes also go
	// through that client.
	client bool
}

// ctxClientCallOf returns what fn is among the calls that take their
// client from the context.
func ctxClientCallOf(fn *types.Func) (ctxClientCall, bool) {
	switch {
	case lint.IsMethod(fn, oauth2Pkg, "Config", "Exchange", "PasswordCredentialsToken", "DeviceAuth",
		"DeviceAccessToken", "Client", "TokenSource"):
		return ctxClientCall{name: "oauth2.Config." + fn.Name(), client: fn.Name() == "Client"}, true
	case lint.IsFunc(fn, oauth2Pkg, "NewClient"):
		return ctxClientCall{name: "oauth2.NewClient", client: true}, true
	case lint.IsMethod(fn, oauth2CCPkg, "Config", "Token", "Client", "TokenSource"):
		return ctxClientCall{name: "clientcredentials.Config." + fn.Name(), client: fn.Name() == "Client"}, true
	}
	for _, p := range oidcPkgs {
		switch {
		case lint.IsFunc(fn, p, "NewProvider", "NewRemoteKeySet"):
			return ctxClientCall{name: "oidc." + fn.Name(), oidc: true, keySet: true}, true
		case lint.IsMethod(fn, p, "ProviderConfig", "NewProvider"):
			return ctxClientCall{name: "oidc.ProviderConfig.NewProvider", oidc: true, keySet: true}, true
		case lint.IsMethod(fn, p, "Provider", "VerifierContext"):
			return ctxClientCall{name: "oidc.Provider.VerifierContext", oidc: true, keySet: true}, true
		case lint.IsMethod(fn, p, "Provider", "UserInfo"):
			return ctxClientCall{name: "oidc.Provider.UserInfo", oidc: true}, true
		}
	}
	return ctxClientCall{}, false
}

// What a context is known to carry.
const (
	noClient      = iota // no client: the library uses http.DefaultClient
	defaultClient        // http.DefaultClient itself
	someClient           // another client: bounded, or reported where it is created
)

// A ctxState is what is known of a context's origin.
type ctxState struct {
	known    bool // its origin is known (context.Background, a request's context)
	client   int
	deadline bool
}

// checkCtxClientCall reports a call of an OAuth2 or OIDC library function
// whose context carries no client, or http.DefaultClient, and (unless the
// library drops it) no deadline. A client of any other origin ends the
// question here: one created without a Timeout is reported where it is
// created, one from a parameter or a field is the owner's choice.
func (c *checker) checkCtxClientCall(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	what, _ := ctxClientCallOf(lint.Callee(c.info, call))
	if len(call.Args) == 0 {
		return
	}
	assigns, fn := c.scope(cur)
	st := c.traceCtx(call.Args[0], call.Pos(), assigns, fn, 0)
	if !st.known || st.client == someClient || st.deadline && !what.keySet || c.defaultBounded || c.oneShot(cur) {
		return
	}
	if what.client {
		// The returned client is judged like a created one: when every
		// request sent through it has a deadline, it has no need of a
		// Timeout.
		cr := creation{cur: cur}
		if c.try(func() bool { return c.onlyBoundedRequests(cr) }) || c.try(func() bool { return c.onlyBoundedFieldUses(cr) }) {
			return
		}
	}
	carries := "carries no client"
	if st.client == defaultClient {
		carries = "carries http.DefaultClient"
	}
	fix := "ctx = context.WithValue(ctx, oauth2.HTTPClient, &http.Client{Timeout: ...})"
	if what.oidc {
		fix = "ctx = oidc.ClientContext(ctx, &http.Client{Timeout: ...})"
	}
	msg := "%s sends through http.DefaultClient, which has no timeout, since this context %s: " +
		"a slow identity provider blocks this call forever; pass %s"
	switch {
	case what.keySet:
		msg = "%s sends through http.DefaultClient, which has no timeout, since this context %s: " +
			"a slow identity provider blocks it, and every later key refresh for Verify, forever; pass %s"
	case what.client:
		msg = "%s returns a client with no timeout, since this context %s (it takes the context client's Timeout " +
			"and refreshes tokens through it): a slow server blocks every request through it forever; pass %s"
	}
	c.p.ReportRule("RL104", call, fmt.Sprintf(msg, what.name, carries, fix))
}

// traceCtx follows a context value back through the function's
// assignments and the context package's derivations (and the parameters
// of unexported functions, through their callers) to what it carries.
func (c *checker) traceCtx(e ast.Expr, pos token.Pos, assigns []assign, fn ast.Node, depth int) ctxState {
	if depth > maxDepth {
		return ctxState{}
	}
	if t := c.info.TypeOf(e); t != nil && lint.IsNamed(t, ginPkg, "Context") {
		return ctxState{known: true} // a gin request: no client in it
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		a, ok := lastAssign(c.info, e, pos, assigns)
		if !ok {
			if v, isVar := c.info.Uses[e].(*types.Var); isVar {
				return c.paramCtx(v, depth)
			}
			return ctxState{}
		}
		if a.index != 0 {
			if _, isCall := ast.Unparen(a.rhs).(*ast.CallExpr); !isCall {
				return ctxState{}
			}
		}
		return c.traceCtx(a.rhs, a.pos, assigns, fn, depth+1)
	case *ast.CallExpr:
		return c.ctxCall(e, pos, assigns, fn, depth)
	}
	return ctxState{}
}

// ctxCall judges a call that returns a context.
func (c *checker) ctxCall(call *ast.CallExpr, pos token.Pos, assigns []assign, fn ast.Node, depth int) ctxState {
	callee := lint.Callee(c.info, call)
	parent := func() ctxState {
		if len(call.Args) == 0 {
			return ctxState{}
		}
		return c.traceCtx(call.Args[0], pos, assigns, fn, depth+1)
	}
	withClient := func(client ast.Expr) ctxState {
		st := parent()
		st.known, st.client = true, c.clientKind(client, assigns, fn)
		return st
	}
	switch {
	case lint.IsFunc(callee, "context", "Background", "TODO"),
		lint.IsMethod(callee, httpPkg, "Request", "Context"):
		return ctxState{known: true}
	case lint.IsFunc(callee, "context", "WithValue") && len(call.Args) == 3:
		if lint.IsPkgVar(c.info, call.Args[1], oauth2Pkg, "HTTPClient") {
			return withClient(call.Args[2])
		}
		return parent()
	case lint.IsFunc(callee, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
		st := parent()
		st.deadline = true
		return st
	case lint.IsFunc(callee, "context", "WithCancel", "WithCancelCause"):
		return parent()
	case lint.IsFunc(callee, "context", "WithoutCancel"):
		st := parent()
		st.deadline = false
		return st
	}
	for _, p := range oidcPkgs {
		switch {
		case lint.IsFunc(callee, p, "ClientContext") && len(call.Args) == 2:
			return withClient(call.Args[1])
		case lint.IsFunc(callee, p, "InsecureIssuerURLContext"):
			return parent()
		}
	}
	return ctxState{}
}

// clientKind tells http.DefaultClient (or a local holding only it) and a
// nil client from any other client.
func (c *checker) clientKind(e ast.Expr, assigns []assign, fn ast.Node) int {
	switch {
	case c.isDefaultClient(e, assigns, fn):
		return defaultClient
	case isNil(c.info, e):
		return noClient
	}
	return someClient
}

// paramCtx judges a context parameter of an unexported function or
// method of the package by its calls, which must all be direct: known
// only when every call passes a known context, carrying a client when
// any does, with a deadline when all do. An exported function's context
// is its callers' choice.
func (c *checker) paramCtx(v *types.Var, depth int) ctxState {
	if c.params == nil {
		c.indexCalls()
	}
	owner, ok := c.params[v]
	if !ok || owner.fn.Exported() {
		return ctxState{}
	}
	merged := ctxState{known: true, client: noClient, deadline: true}
	n := 0
	for _, id := range c.uses[owner.fn] {
		if !c.p.Analyzed(id.Pos()) {
			continue
		}
		cur, ok := c.root.FindNode(id)
		if !ok {
			return ctxState{}
		}
		if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			cur = cur.Parent()
		}
		call, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != cur.Node() || owner.index >= len(call.Args) || call.Ellipsis.IsValid() {
			return ctxState{} // used as a value: its callers are not all known
		}
		assigns, fn := c.scope(cur)
		st := c.traceCtx(call.Args[owner.index], call.Pos(), assigns, fn, depth+1)
		if !st.known {
			return ctxState{}
		}
		merged.client = max(merged.client, st.client)
		merged.deadline = merged.deadline && st.deadline
		n++
	}
	if n == 0 {
		return ctxState{}
	}
	return merged
}
