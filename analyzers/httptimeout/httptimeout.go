// Package httptimeout defines an Analyzer that reports HTTP clients and
// servers that have no timeout.
package httptimeout

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

var Analyzer = &analysis.Analyzer{
	Name:      "httptimeout",
	Doc:       Doc,
	URL:       lint.DocsURL + "httptimeout.md",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*deadlineFromCaller)(nil), (*boundsDefaultClient)(nil)},
}

var common lint.Common

func init() {
	common.Register(&Analyzer.Flags)
	Analyzer.Flags.BoolVar(&reportCLI, "cli", false,
		"also report the one-shot requests of command-line tools (a main package or a package under cmd/)")
	Analyzer.Flags.BoolVar(&reportDiagnostics, "diagnostics", false,
		"also report servers that only serve diagnostics (promhttp metrics, pprof, expvar), normally bound to an internal port")
}

const (
	httpPkg = "net/http"
	ginPkg  = "github.com/gin-gonic/gin"
	echoPkg = "github.com/labstack/echo/v4"
)

// A checker holds what one package's traversal collected. Most rules need
// to know what a function assigns after (or before) the node they judge,
// so findings that depend on assignments are judged once the traversal has
// seen the whole package.
type checker struct {
	p    *lint.Pass
	info *types.Info

	// funcAssigns caches, for each function (*ast.FuncDecl or *ast.FuncLit)
	// a rule asked about, the assignments in its body (see assignsIn).
	funcAssigns map[ast.Node][]assign
	// timeoutAssigns holds the assignments of the analyzed files to a
	// field named like a timeout (X.Timeout = d), where configuredObjects
	// looks for clients and servers configured after their creation.
	timeoutAssigns []assign
	// pkgAssigns holds every assignment of the analyzed files, the scope
	// of package-level declarations; built on first use (see scope).
	pkgAssigns []assign
	pkgDone    bool

	creations []creation         // http.Client and http.Server values created
	calls     []inspector.Cursor // calls judged after the traversal

	// ctxClientCalls are OAuth2 and OIDC calls that send through the
	// client their context carries: see ctxclient.go.
	ctxClientCalls []inspector.Cursor
	// stores are the stores into unexported fields and package
	// variables: see fieldclient.go.
	stores []clientStore

	root   inspector.Cursor             // the package's syntax, to find call sites
	once   *lint.OneShots               // command-line one-shots, built on first use
	params map[*types.Var]paramOwner    // see indexCalls
	uses   map[*types.Func][]*ast.Ident // see indexCalls

	// Exported functions whose requests are bounded only by a context
	// parameter leave the deadline to their callers: see delegate.go.
	delegated  map[*types.Func]int // function -> context parameter index
	tentative  []paramOwner        // delegations of the check under way
	atCallSite bool                // checking a caller: delegate no further
	ownCallers bool                // checking a field client: trust no caller outside the package
	ctxCalls   []inspector.Cursor  // calls that may pass a context to one

	// boundedTransport is set when the package builds an http.Transport
	// with a ResponseHeaderTimeout: see checkClient.
	boundedTransport bool
	// deadlineDialer is set when the package gives a transport a dial
	// function that sets a deadline on the connection: see dialdeadline.go.
	deadlineDialer bool

	sdkCalls []inspector.Cursor // calls of sdkDefaults
	// defaultBounded is set when the package, or one it imports, gives
	// http.DefaultClient a timeout: see defaultbound.go.
	defaultBounded bool
	lambda         *bool // see lambdaOnly, computed on first use
}

// A creation is an http.Client or http.Server composite literal or new call.
type creation struct {
	cur    inspector.Cursor
	lit    *ast.CompositeLit // nil for new(T)
	server bool
}

func run(pass *analysis.Pass) (any, error) {
	// Fast path: a package that cannot reach net/http cannot misuse it.
	// net/http itself and its test helpers are not ours to judge.
	// Dependencies are run only for their facts, which only their own
	// module's callers would read.
	if !lint.DependsOn(pass.Pkg, httpPkg) || pass.Pkg.Path() == httpPkg || strings.HasPrefix(pass.Pkg.Path(), httpPkg+"/") ||
		lint.Dependency(pass) {
		return nil, nil
	}
	p := lint.NewPass(pass, &common)
	c := &checker{
		p:           p,
		info:        pass.TypesInfo,
		funcAssigns: make(map[ast.Node][]assign),
		root:        pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root(),
		delegated:   make(map[*types.Func]int),
	}
	c.noteDefaultBound(pass, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
	nodeFilter := []ast.Node{
		(*ast.AssignStmt)(nil),
		(*ast.CallExpr)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.KeyValueExpr)(nil),
	}
	for cur := range c.p.Preorder(nodeFilter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			c.collectAssigns(cur)
			c.noteStore(cur)
			c.noteDialAssign(n)
		case *ast.ValueSpec, *ast.KeyValueExpr:
			c.noteStore(cur)
		case *ast.CallExpr:
			c.visitCall(cur, n)
		case *ast.CompositeLit:
			switch {
			case isType(c.info.TypeOf(n), "Client"):
				c.creations = append(c.creations, creation{cur: cur, lit: n})
			case isType(c.info.TypeOf(n), "Server"):
				c.creations = append(c.creations, creation{cur: cur, lit: n, server: true})
			case isType(c.info.TypeOf(n), "Transport"):
				if set, zero := c.litField(n, "ResponseHeaderTimeout"); set && !zero {
					c.boundedTransport = true
				}
				c.noteTransportDial(n)
			}
		}
	}
	configured := c.configuredObjects()
	c.checkFieldClients(configured)
	for _, cr := range c.creations {
		if cr.server {
			c.checkServer(cr, configured)
		} else {
			c.checkClient(cr, configured)
		}
	}
	for _, cur := range c.sdkCalls {
		fn := lint.Callee(c.info, cur.Node().(*ast.CallExpr))
		e, _ := sdkDefaultOf(fn)
		c.checkSDKCall(cur, e, fn, configured)
	}
	for _, cur := range c.calls {
		c.checkDeferredCall(cur)
	}
	for _, cur := range c.ctxClientCalls {
		c.checkCtxClientCall(cur)
	}
	c.checkDelegatedCalls()
	return nil, nil
}

// collectAssigns records the assignments of an AssignStmt to a
// timeout field in timeoutAssigns, with their innermost enclosing
// function. The other lists are built only when a rule asks for them
// (assignsIn, scope): most functions never create a client or a server.
func (c *checker) collectAssigns(cur inspector.Cursor) {
	as, ok := cur.Node().(*ast.AssignStmt)
	if !ok || !slices.ContainsFunc(as.Lhs, isTimeoutField) {
		return
	}
	list := assignsOf(as)
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for i := range list {
			list[i].fn = fn.Node()
		}
		break
	}
	c.timeoutAssigns = append(c.timeoutAssigns, list...)
}

// isTimeoutField reports whether e selects a field that configuredObjects
// looks at.
func isTimeoutField(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch sel.Sel.Name {
	case "Timeout", "ReadHeaderTimeout", "ReadTimeout", "ResponseHeaderTimeout":
		return true
	}
	return false
}

// assignsIn returns the assignments in fn's body, nested function literals
// included, in source order.
func (c *checker) assignsIn(fn ast.Node) []assign {
	if as, ok := c.funcAssigns[fn]; ok {
		return as
	}
	var as []assign
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			as = append(as, assignsOf(n)...)
		}
		return true
	})
	c.funcAssigns[fn] = as
	return as
}

// visitCall reports the calls that are wrong whatever the function does,
// and keeps the others for checkDeferredCall.
func (c *checker) visitCall(cur inspector.Cursor, call *ast.CallExpr) {
	if t, ok := newOf(c.info, call); ok {
		switch {
		case isType(t, "Client"):
			c.creations = append(c.creations, creation{cur: cur})
		case isType(t, "Server"):
			c.creations = append(c.creations, creation{cur: cur, server: true})
		}
		return
	}
	fn := lint.Callee(c.info, call)
	switch {
	case lint.IsFunc(fn, httpPkg, "Get", "Head", "Post", "PostForm"):
		if c.defaultBounded || c.oneShot(cur) {
			return
		}
		c.p.ReportRule("RL101", call, "http."+fn.Name()+" uses http.DefaultClient, which has no timeout: "+
			"a slow server blocks this goroutine forever; use an http.Client with Timeout set")
	case lint.IsFunc(fn, httpPkg, "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"):
		if strings.HasPrefix(fn.Name(), "ListenAndServe") && len(call.Args) > 0 && loopbackAddr(c.info, call.Args[0]) ||
			strings.HasPrefix(fn.Name(), "Serve") && len(call.Args) > 0 && c.loopbackListener(cur, call.Args[0]) {
			return // only local processes can connect (a pprof port on localhost)
		}
		if strings.HasPrefix(fn.Name(), "Serve") && len(call.Args) > 0 && c.unixListener(cur, call.Args[0]) {
			return // a unix socket: fronted by a local proxy (see unixsocket.go)
		}
		if c.browserServer(cur) {
			return // a subcommand serving the browser it opened, until the user quits
		}
		if len(call.Args) == 2 && c.diagnosticsServer(cur, call.Args[1]) {
			return // a metrics or pprof port (see diagserver.go)
		}
		c.p.ReportRule("RL102", call, "http."+fn.Name()+" serves with no read timeouts: "+
			"slow clients (Slowloris) can hold every connection open and exhaust the server; "+
			"use an http.Server with ReadHeaderTimeout set", c.serveFixes(call, fn.Name())...)
	case lint.IsMethod(fn, ginPkg, "Engine", "Run", "RunTLS", "RunUnix", "RunFd", "RunListener"):
		// gin builds a bare http.Server in each of these: there is no way
		// to give it timeouts. RunUnix serves a unix socket: see unixsocket.go.
		if fn.Name() == "RunUnix" {
			return
		}
		c.p.ReportRule("RL102", call, "gin's Engine."+fn.Name()+" serves with an http.Server that has no read timeouts: "+
			"slow clients (Slowloris) can hold every connection open and exhaust the server; "+
			"serve the engine from an http.Server with ReadHeaderTimeout set")
	case lint.IsFunc(fn, fiberPkg, "New"):
		c.checkFiberNew(cur, call)
	case lint.IsMethod(fn, httpPkg, "Client", "Do", "Get", "Head", "Post", "PostForm"),
		lint.IsMethod(fn, echoPkg, "Echo", "Start", "StartTLS", "StartAutoTLS", "StartH2CServer"):
		c.calls = append(c.calls, cur)
	case fn != nil:
		if _, ok := sdkDefaultOf(fn); ok {
			c.sdkCalls = append(c.sdkCalls, cur)
			return
		}
		if _, ok := ctxClientCallOf(fn); ok {
			c.ctxClientCalls = append(c.ctxClientCalls, cur)
			return
		}
		c.noteCall(cur, fn)
	}
}

// checkDeferredCall judges the calls whose verdict depends on the
// assignments of the enclosing function.
func (c *checker) checkDeferredCall(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	fn := lint.Callee(c.info, call)
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return // a method value called through a variable
	}
	assigns, fnNode := c.scope(cur)
	if fn.Pkg().Path() == echoPkg {
		c.checkEchoStart(call, sel.X, fn.Name(), assigns)
		return
	}
	if !c.isDefaultClient(sel.X, assigns, fnNode) {
		return
	}
	if fn.Name() == "Do" && len(call.Args) == 1 &&
		c.try(func() bool { return c.boundedRequest(call.Args[0], call.Pos(), assigns, 0) }) {
		return // the request's context already has a deadline
	}
	if c.oneShot(cur) {
		return
	}
	c.p.ReportRule("RL101", call, "request sent through http.DefaultClient, which has no timeout: "+
		"a slow server blocks this goroutine forever; use an http.Client with Timeout set "+
		"or a request context with a deadline")
}

// checkEchoStart reports echo's Start methods unless the function gives
// the server they use read timeouts, or replaces it.
func (c *checker) checkEchoStart(call *ast.CallExpr, recv ast.Expr, method string, assigns []assign) {
	field := "Server"
	if method == "StartTLS" || method == "StartAutoTLS" {
		field = "TLSServer"
	}
	base := pathOf(c.info, recv)
	if base != nil {
		for _, a := range assigns {
			lhs := pathOf(c.info, a.lhs)
			if !hasPrefix(lhs, base) || len(lhs) < len(base)+1 || lhs[len(base)].Name() != field {
				continue
			}
			rest := lhs[len(base)+1:]
			if len(rest) == 0 || // the server was replaced
				len(rest) == 1 && isReadTimeout(rest[0].Name()) && !a.zero(c.info) {
				return
			}
		}
	}
	c.p.ReportRule("RL102", call, "echo's Echo."+method+" serves e."+field+", which has no read timeouts: "+
		"slow clients (Slowloris) can hold every connection open and exhaust the server; "+
		"set e."+field+".ReadHeaderTimeout before starting")
}

// checkClient reports an http.Client created with no Timeout.
func (c *checker) checkClient(cr creation, configured map[types.Object]bool) {
	c.checkClientFrom(cr, configured, "http.Client has no Timeout", "set Timeout (or give every request a context with a deadline)")
}

// checkClientFrom reports a client with no Timeout, created at cr or
// returned there by an SDK (see sdkclient.go); what and fix start and
// end the message.
func (c *checker) checkClientFrom(cr creation, configured map[types.Object]bool, what, fix string) {
	if set, zero := c.litField(cr.lit, "Timeout"); set && !zero {
		return
	}
	if c.setLater(cr, configured, "Timeout") {
		return
	}
	// Streaming clients (object storage, long polls, watches) must not
	// have a Timeout, which also cuts the body: they bound the wait at the
	// transport, with ResponseHeaderTimeout, and leave the rest to request
	// contexts. Trust a client given its own transport in a package that
	// builds transports that way.
	if c.boundedTransport && c.hasTransport(cr) {
		return
	}
	if c.deadlineDialer && c.hasTransport(cr) {
		return // the connection itself has a deadline: see dialdeadline.go
	}
	if c.try(func() bool { return c.onlyBoundedRequests(cr) }) || c.try(func() bool { return c.onlyBoundedFieldUses(cr) }) ||
		c.try(func() bool { return c.onlyBoundedGetterUses(cr) }) {
		return
	}
	if c.stubTransport(cr) || c.optionTimeout(cr) {
		return
	}
	if c.staysLocal(cr) && c.oneShot(cr.cur) {
		return
	}
	c.p.ReportRule("RL101", cr.cur.Node(), what+": a slow server blocks its callers forever; "+fix)
}

// checkServer reports an http.Server created with no read timeout.
func (c *checker) checkServer(cr creation, configured map[types.Object]bool) {
	set1, zero1 := c.litField(cr.lit, "ReadHeaderTimeout")
	set2, zero2 := c.litField(cr.lit, "ReadTimeout")
	if set1 && !zero1 || set2 && !zero2 {
		return
	}
	if c.setLater(cr, configured, "ReadHeaderTimeout", "ReadTimeout") || c.browserServer(cr.cur) || c.servedOnUnixOnly(cr) {
		return
	}
	if c.diagnosticsServer(cr.cur, c.litValue(cr.lit, "Handler")) {
		return // a metrics or pprof port (see diagserver.go)
	}
	var fixes []analysis.SuggestedFix
	if cr.lit != nil && !set1 && !set2 {
		fixes = c.serverLitFixes(cr.lit)
	}
	c.p.ReportRule("RL102", cr.cur.Node(), "http.Server has no ReadHeaderTimeout or ReadTimeout: "+
		"slow clients (Slowloris) can hold every connection open and exhaust the server; "+
		"set ReadHeaderTimeout", fixes...)
}

// hasTransport reports whether a created client is given a Transport,
// other than http.DefaultTransport, in its literal or later in the
// function.
func (c *checker) hasTransport(cr creation) bool {
	own := func(e ast.Expr) bool {
		return !isNil(c.info, e) && !lint.IsPkgVar(c.info, e, httpPkg, "DefaultTransport")
	}
	if cr.lit != nil {
		for _, elt := range cr.lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Transport" && own(kv.Value) {
					return true
				}
			}
		}
	}
	dest := c.destination(cr.cur)
	if len(dest) == 0 || dest[0] == nil {
		return false
	}
	assigns, _ := c.scope(cr.cur)
	for _, a := range assigns {
		lhs := pathOf(c.info, a.lhs)
		if a.pos > cr.cur.Node().End() && a.index == 0 && len(lhs) == len(dest)+1 && hasPrefix(lhs, dest) &&
			lhs[len(dest)].Name() == "Transport" && own(a.rhs) {
			return true
		}
	}
	return false
}

// onlyBoundedRequests reports whether a client held in a local variable is
// only used, in its function, to Do requests whose context has a deadline
// set there (k6's per-request timeouts), or passed to a call together with
// such a context (etcd's getPeerHashKVs): each request is bounded, and a
// client Timeout would only duplicate it.
func (c *checker) onlyBoundedRequests(cr creation) bool {
	dest := c.destination(cr.cur)
	if len(dest) != 1 || dest[0] == nil || !isLocal(dest[0]) {
		return false
	}
	v := dest[0]
	var fn inspector.Cursor
	for fn = range cr.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		break
	}
	if fn.Node() == nil {
		return false
	}
	assigns := c.assignsIn(fn.Node())
	sent := false
	for id := range fn.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[id.Node().(*ast.Ident)] != v {
			continue
		}
		if call, ok := id.Parent().Node().(*ast.CallExpr); ok && ast.Unparen(call.Fun) != id.Node() {
			// HashByRev(ctx, cc, url): passed along with a context that has
			// a deadline set here, for the callee to send its request with.
			if c.withBoundedContext(call, assigns) {
				sent = true
				continue
			}
			return false
		}
		if _, ok := id.Parent().Node().(*ast.SelectorExpr); !ok {
			return false // the client escapes: passed, returned, copied
		}
		switch parent := id.Parent().Parent(); n := parent.Node().(type) {
		case *ast.CallExpr:
			if lint.IsMethod(lint.Callee(c.info, n), httpPkg, "Client", "Do") && len(n.Args) == 1 &&
				c.boundedRequest(n.Args[0], n.Pos(), assigns, 0) {
				sent = true
				continue
			}
			return false
		case *ast.AssignStmt:
			if k, _ := id.Parent().ParentEdge(); k == edge.AssignStmt_Lhs {
				continue // client.Jar = jar
			}
			return false
		default:
			return false
		}
	}
	return sent
}

// litField reports whether a composite literal sets the named field, and
// whether it sets it to a constant zero (which means no timeout).
func (c *checker) litField(lit *ast.CompositeLit, name string) (set, zero bool) {
	if lit == nil {
		return false, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			// A positional literal sets every field: trust it.
			return true, false
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == name {
			return true, lint.IsZeroConst(c.info, kv.Value)
		}
	}
	return false, false
}

// litValue returns the value a keyed composite literal gives a field, or nil.
func (c *checker) litValue(lit *ast.CompositeLit, name string) ast.Expr {
	if lit == nil {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// setLater reports whether the value created by cr gets one of the named
// fields set to something other than a constant zero: later in the same
// function, or anywhere in the package when it is stored in a struct field
// or package variable whose timeout the package configures (a functional
// option, a setter, a constructor that fills in defaults).
func (c *checker) setLater(cr creation, configured map[types.Object]bool, fields ...string) bool {
	dest := c.destination(cr.cur)
	if len(dest) == 0 {
		return false
	}
	if last := dest[len(dest)-1]; last != nil && configured[last] && !isLocal(last) {
		return true
	}
	if dest[0] == nil {
		return false
	}
	assigns, _ := c.scope(cr.cur)
	for _, a := range assigns {
		if a.pos < cr.cur.Node().End() {
			continue
		}
		lhs := pathOf(c.info, a.lhs)
		if len(lhs) == len(dest)+1 && hasPrefix(lhs, dest) && oneOf(lhs[len(dest)].Name(), fields) && !a.zero(c.info) {
			return true
		}
	}
	return false
}

// configuredObjects returns the struct fields and package variables X
// such that the package assigns a non-zero X.Timeout of an http.Client, or
// X.ReadHeaderTimeout or X.ReadTimeout of an http.Server, in a function
// that did not itself just create X's value (setLater judges those).
// This is how options, setters and Configure methods give a timeout to a
// client or server that a constructor creates bare.
func (c *checker) configuredObjects() map[types.Object]bool {
	out := make(map[types.Object]bool)
	for _, a := range c.timeoutAssigns {
		sel, ok := ast.Unparen(a.lhs).(*ast.SelectorExpr)
		if !ok || a.zero(c.info) {
			continue
		}
		t := c.info.TypeOf(sel.X)
		if isType(t, "Transport") && sel.Sel.Name == "ResponseHeaderTimeout" {
			c.boundedTransport = true
		}
		if !(isType(t, "Client") && sel.Sel.Name == "Timeout" ||
			isType(t, "Server") && isReadTimeout(sel.Sel.Name)) {
			continue
		}
		obj := lint.ObjectOf(c.info, sel.X)
		if obj == nil || isLocal(obj) || c.createdIn(a.fn, pathOf(c.info, sel.X), a.pos) {
			continue
		}
		out[obj] = true
	}
	return out
}

// createdIn reports whether function fn stores a new client or server
// into p before pos.
func (c *checker) createdIn(fn ast.Node, p path, pos token.Pos) bool {
	if fn == nil || p == nil {
		return false
	}
	for _, a := range c.assignsIn(fn) {
		if a.pos < pos && a.index == 0 && c.isCreation(a.rhs) && samePath(pathOf(c.info, a.lhs), p) {
			return true
		}
	}
	return false
}

// isCreation reports whether e creates an http.Client or http.Server:
// a composite literal, its address, or new(T).
func (c *checker) isCreation(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	var t types.Type
	switch e := e.(type) {
	case *ast.CompositeLit:
		t = c.info.TypeOf(e)
	case *ast.CallExpr:
		t, _ = newOf(c.info, e)
	}
	return isType(t, "Client") || isType(t, "Server")
}

// scope returns the assignments that a node's verdict may depend on: those
// of its innermost enclosing function, or of the package for a node
// outside any function. It also returns that function.
func (c *checker) scope(cur inspector.Cursor) ([]assign, ast.Node) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.assignsIn(fn.Node()), fn.Node()
	}
	if !c.pkgDone {
		c.pkgDone = true
		for cur := range c.p.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			c.pkgAssigns = append(c.pkgAssigns, assignsOf(cur.Node())...)
		}
	}
	return c.pkgAssigns, nil
}

// isType reports whether t, or what t points to, is net/http's named type.
func isType(t types.Type, name string) bool {
	return t != nil && lint.IsNamed(t, httpPkg, name)
}

func isReadTimeout(field string) bool {
	return field == "ReadHeaderTimeout" || field == "ReadTimeout"
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// stubTransport reports whether a created client's Transport, in its
// literal, is a value of a concrete type of this package whose RoundTrip
// does no network I/O: it makes no call (prometheus's failingRoundTripper,
// which fails every request with a fixed error), or it serves the request
// in process through an http.Handler's ServeHTTP and sends it nowhere else
// (fake-gcs-server's muxTransport, which answers from its own handler
// with an httptest recorder). No remote server can hang such a client.
func (c *checker) stubTransport(cr creation) bool {
	if cr.lit == nil {
		return false
	}
	for _, elt := range cr.lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); !ok || key.Name != "Transport" {
			continue
		}
		t := c.info.TypeOf(kv.Value)
		if t == nil || types.IsInterface(t) {
			return false
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RoundTrip")
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != c.p.Pkg {
			return false
		}
		for _, f := range c.p.Pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil || c.info.Defs[fd.Name] != fn {
					continue
				}
				return c.noNetworkIO(fd.Body)
			}
		}
		return false
	}
	return false
}

// noNetworkIO reports whether a RoundTrip body makes no call, or serves
// the request through a ServeHTTP method and makes no call that could
// send it on (RoundTrip, Do, Dial..., or the Get and Post helpers).
func (c *checker) noNetworkIO(body *ast.BlockStmt) bool {
	calls, serves, sends := false, false, false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			return true // a conversion is not a call
		}
		calls = true
		name := ""
		if fn := lint.Callee(c.info, call); fn != nil {
			name = fn.Name()
		} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			name = sel.Sel.Name // a func-typed field: judged by its name
		}
		switch {
		case name == "ServeHTTP":
			serves = true
		case name == "RoundTrip" || name == "Do" || name == "Get" || name == "Post" || name == "Head" ||
			strings.HasPrefix(name, "Dial") || name == "":
			sends = true
		}
		return true
	})
	return !calls || serves && !sends
}

// optionTimeout reports whether a created client is handed to a library's
// functional option (docker's client.WithHTTPClient(&http.Client{...}))
// in a function that also passes that library's WithTimeout option, which
// sets the client's Timeout:
//
//	opts = append(opts, client.WithHTTPClient(&http.Client{Transport: rt}))
//	opts = append(opts, client.WithTimeout(d))
func (c *checker) optionTimeout(cr creation) bool {
	cur := cr.cur
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur = cur.Parent()
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) == cur.Node() {
		return false
	}
	fn := lint.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.p.Pkg || fn.Pkg().Path() == httpPkg {
		return false
	}
	_, scope := c.scope(cr.cur)
	if scope == nil {
		return false
	}
	found := false
	ast.Inspect(scope, func(n ast.Node) bool {
		if found {
			return false
		}
		if opt, ok := n.(*ast.CallExpr); ok && len(opt.Args) == 1 && !isZeroConst(c.info, opt.Args[0]) {
			if g := lint.Callee(c.info, opt); g != nil && g.Pkg() == fn.Pkg() && g.Name() == "WithTimeout" {
				if sig, ok := g.Type().(*types.Signature); ok && sig.Recv() == nil {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// isZeroConst reports whether e is a constant zero.
func isZeroConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}

// withBoundedContext reports whether one of call's arguments is a context
// with a deadline set, before the call, in the function whose assignments
// are assigns.
func (c *checker) withBoundedContext(call *ast.CallExpr, assigns []assign) bool {
	for _, a := range call.Args {
		if t := c.info.TypeOf(a); t != nil && isContext(t) &&
			c.boundedContext(a, call.Pos(), assigns, 0) {
			return true
		}
	}
	return false
}

// loopbackAddr reports whether e is a constant listen address on the
// loopback interface: "localhost:6060", "127.0.0.1:8080", "[::1]:9090".
func loopbackAddr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	host, _, err := net.SplitHostPort(constant.StringVal(tv.Value))
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
