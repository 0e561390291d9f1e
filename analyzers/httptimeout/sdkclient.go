package httptimeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// An sdkDefault is an SDK call that builds a client sending through an
// http.Client with no Timeout unless the caller injects one. Each entry
// was checked against the SDK's source (versions in the comments of
// sdkDefaults); an SDK whose default client has a timeout (twilio-go's
// 10 s) is not listed.
type sdkDefault struct {
	pkg   string // import path; see sdkPkgMatches for go-github's major versions
	recv  string // receiver type of a method, "" for a function
	names []string
	// nilArg, when >= 0, is the argument that injects the client: the
	// call is judged only when it is nil or http.DefaultClient.
	nilArg int
	// options are the pkg functions whose result, among the call's
	// arguments, injects a client (gitea.SetHTTPClient).
	options []string
	// setters are methods of the result that bound it later, on the
	// same variable or in a chain (resty's SetTimeout).
	setters []string
	// fields are field paths of the result whose assignment bounds it
	// (retryablehttp's HTTPClient, HTTPClient.Timeout).
	fields []string
	// optArg and optField, when optField is set: the call's argument
	// optArg is an options struct whose field optField injects the
	// client (&webpush.Options{HTTPClient: c}); a literal without it
	// leaves the SDK's default. An options value of other origin is
	// trusted.
	optArg   int
	optField string
	// httpClient: the call returns an *http.Client, judged like a created
	// one (rule 3: Timeout set later, bounded requests, ...).
	httpClient bool
	// sends: the call sends a request itself through http.DefaultClient.
	sends bool
	fix   string
}

const goGithubPrefix = "github.com/google/go-github"

// sdkDefaults is the table. Checked in: go-github v39, v48, v84, v90
// (NewClient: `if httpClient == nil { httpClient = &http.Client{} }`; the
// transports' Client() return &http.Client{Transport: t}); gitea SDK
// v0.24/v0.25 (NewClient: client: &http.Client{}); resty v2.17 (New:
// &http.Client{Jar: jar}, a transport with no ResponseHeaderTimeout);
// slack-go v0.27 (New: httpclient: &http.Client{}; PostWebhook:
// http.DefaultClient); GitLab client-go v1.46 and retryablehttp v0.7
// (cleanhttp.DefaultPooledClient(): no Timeout, no ResponseHeaderTimeout).
var sdkDefaults = []sdkDefault{
	{pkg: goGithubPrefix, names: []string{"NewClient"}, nilArg: 0,
		fix: "pass github.NewClient an http.Client with Timeout set"},
	{pkg: goGithubPrefix, names: []string{"NewEnterpriseClient"}, nilArg: 2,
		fix: "pass github.NewEnterpriseClient an http.Client with Timeout set"},
	{pkg: goGithubPrefix, names: []string{"NewTokenClient"}, nilArg: -1,
		fix: "use github.NewClient(&http.Client{Timeout: ...}).WithAuthToken(token)"},
	{pkg: goGithubPrefix, recv: "BasicAuthTransport", names: []string{"Client"}, nilArg: -1, httpClient: true,
		fix: "use &http.Client{Transport: &tp, Timeout: ...}"},
	{pkg: goGithubPrefix, recv: "UnauthenticatedRateLimitedTransport", names: []string{"Client"}, nilArg: -1, httpClient: true,
		fix: "use &http.Client{Transport: &tp, Timeout: ...}"},
	{pkg: "code.gitea.io/sdk/gitea", names: []string{"NewClient"}, nilArg: -1,
		options: []string{"SetHTTPClient"}, setters: []string{"SetHTTPClient"},
		fix: "pass gitea.SetHTTPClient(&http.Client{Timeout: ...})"},
	{pkg: "github.com/go-resty/resty/v2", names: []string{"New", "NewWithLocalAddr"}, nilArg: -1,
		setters: []string{"SetTimeout"},
		fix:     "call SetTimeout on the client (or use resty.NewWithClient with a bounded http.Client)"},
	{pkg: "github.com/slack-go/slack", names: []string{"New"}, nilArg: -1,
		options: []string{"OptionHTTPClient"},
		fix:     "pass slack.OptionHTTPClient(&http.Client{Timeout: ...})"},
	{pkg: "github.com/slack-go/slack", names: []string{"PostWebhook"}, nilArg: -1, sends: true,
		fix: "use slack.PostWebhookCustomHTTP with an http.Client that has a Timeout"},
	{pkg: "gitlab.com/gitlab-org/api/client-go", names: []string{"NewClient", "NewBasicAuthClient", "NewJobClient", "NewOAuthClient", "NewAuthSourceClient"},
		nilArg: -1, options: []string{"WithHTTPClient"},
		fix: "pass gitlab.WithHTTPClient(&http.Client{Timeout: ...})"},
	{pkg: "github.com/xanzy/go-gitlab", names: []string{"NewClient", "NewBasicAuthClient", "NewJobClient", "NewOAuthClient"},
		nilArg: -1, options: []string{"WithHTTPClient"},
		fix: "pass gitlab.WithHTTPClient(&http.Client{Timeout: ...})"},
	{pkg: "github.com/hashicorp/go-retryablehttp", names: []string{"NewClient"}, nilArg: -1,
		fields: []string{"HTTPClient", "HTTPClient.Timeout"},
		fix:    "set the client's HTTPClient.Timeout"},
	{pkg: "github.com/hashicorp/go-cleanhttp", names: []string{"DefaultClient", "DefaultPooledClient"}, nilArg: -1, httpClient: true,
		fix: "set the client's Timeout"},
	// simples3 v0.11 (S3.getClient: http.DefaultClient while Client is nil).
	{pkg: "github.com/rhnvrm/simples3", names: []string{"New"}, nilArg: -1,
		setters: []string{"SetClient"}, fields: []string{"Client", "Client.Timeout"},
		fix: "call SetClient(&http.Client{Timeout: ...}) on the S3 value"},
	// gofeed v1.3 (Parser.httpClient: &http.Client{} while Client is nil).
	{pkg: "github.com/mmcdole/gofeed", names: []string{"NewParser"}, nilArg: -1,
		fields: []string{"Client", "Client.Timeout"},
		fix:    "set the parser's Client to an http.Client with Timeout set"},
	// transmissionrpc v3 (New: cleanhttp.DefaultPooledClient() when extra
	// or its CustomClient is nil).
	{pkg: "github.com/hekmon/transmissionrpc/v3", names: []string{"New"}, nilArg: 1,
		fix: "pass &transmissionrpc.Config{CustomClient: &http.Client{Timeout: ...}}"},
	// webpush-go v1.4 (SendNotification: &http.Client{} unless
	// Options.HTTPClient is set).
	{pkg: "github.com/SherClockHolmes/webpush-go", names: []string{"SendNotification"}, nilArg: -1,
		optArg: 2, optField: "HTTPClient",
		fix: "set webpush.Options.HTTPClient to an http.Client with Timeout set"},
}

// sdkPkgMatches reports whether path is the entry's package: go-github is
// github.com/google/go-github/vNN/github for every major version.
func sdkPkgMatches(entry, path string) bool {
	if entry == goGithubPrefix {
		return strings.HasPrefix(path, goGithubPrefix) && strings.HasSuffix(path, "/github")
	}
	return path == entry
}

// sdkDefaultOf returns the table entry fn is.
func sdkDefaultOf(fn *types.Func) (*sdkDefault, bool) {
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	recv := ""
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		t := r.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return nil, false
		}
		recv = n.Obj().Name()
	}
	for i := range sdkDefaults {
		e := &sdkDefaults[i]
		if e.recv == recv && oneOf(fn.Name(), e.names) && sdkPkgMatches(e.pkg, fn.Pkg().Path()) {
			return e, true
		}
	}
	return nil, false
}

// sdkName names fn as the message does: github.NewClient,
// github.BasicAuthTransport.Client.
func sdkName(fn *types.Func) string { return qualifiedName(fn) }

// checkSDKCall reports an SDK call of the table that leaves its client
// with no timeout.
func (c *checker) checkSDKCall(cur inspector.Cursor, e *sdkDefault, fn *types.Func, configured map[types.Object]bool) {
	call := cur.Node().(*ast.CallExpr)
	if e.nilArg >= 0 {
		if e.nilArg >= len(call.Args) {
			return
		}
		if arg := call.Args[e.nilArg]; !isNil(c.info, arg) && !lint.IsPkgVar(c.info, arg, httpPkg, "DefaultClient") {
			return // the caller's client: judged where it is created
		}
	}
	if e.optField != "" && !c.optionsLeaveDefault(call, e) {
		return
	}
	if c.oneShot(cur) {
		return
	}
	switch {
	case e.sends:
		c.p.ReportRule("RL101", call, sdkName(fn)+" sends through http.DefaultClient, which has no timeout: "+
			"a slow server blocks this goroutine forever; "+e.fix)
		return
	case e.httpClient:
		c.checkClientFrom(creation{cur: cur}, configured, sdkName(fn)+" returns an http.Client with no Timeout", e.fix)
		return
	}
	if c.injectsClient(cur, call, e, fn.Pkg()) || c.boundLater(cur, e) {
		return
	}
	c.p.ReportRule("RL101", call, sdkName(fn)+" sends through an http.Client with no Timeout: "+
		"a slow server blocks its callers forever; "+e.fix)
}

// optionsLeaveDefault reports whether the options argument of the call
// is a literal that does not set the field injecting the client.
func (c *checker) optionsLeaveDefault(call *ast.CallExpr, e *sdkDefault) bool {
	if e.optArg >= len(call.Args) {
		return false
	}
	x := ast.Unparen(call.Args[e.optArg])
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return isNil(c.info, x)
	}
	set, _ := c.litField(lit, e.optField)
	return !set
}

// injectsClient reports whether one of the call's arguments is an option
// of the entry that injects a client: directly, or in a local slice of
// options spread into the call (opts...) that holds it on every path (its
// initializer, or an append in the block of the call). An option slice of
// unknown content (a parameter, a helper's result) is trusted.
func (c *checker) injectsClient(cur inspector.Cursor, call *ast.CallExpr, e *sdkDefault, pkg *types.Package) bool {
	isOption := func(x ast.Expr) bool {
		oc, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return false
		}
		g := lint.Callee(c.info, oc)
		return g != nil && g.Pkg() == pkg && oneOf(g.Name(), e.options)
	}
	for _, a := range call.Args {
		if isOption(a) {
			return true
		}
	}
	if !call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return false
	}
	id, ok := ast.Unparen(call.Args[len(call.Args)-1]).(*ast.Ident)
	if !ok {
		return true
	}
	v, ok := c.info.Uses[id].(*types.Var)
	assigns, fnNode := c.scope(cur)
	if !ok || fnNode == nil || !declaredIn(v, fnNode) {
		return true
	}
	block := enclosingBlock(cur)
	for _, a := range assigns {
		if a.pos > call.Pos() || lint.ObjectOf(c.info, a.lhs) != v || a.index != 0 {
			continue
		}
		switch rhs := ast.Unparen(a.rhs).(type) {
		case *ast.CompositeLit:
			if sliceHas(rhs.Elts, isOption) {
				return true
			}
		case *ast.CallExpr:
			if b, ok := c.info.Uses[callIdent(rhs)].(*types.Builtin); ok && b.Name() == "append" {
				if len(rhs.Args) > 1 && sliceHas(rhs.Args[1:], isOption) && c.inBlock(a.pos, block) {
					return true
				}
				continue
			}
			return true // built by a helper: unknown
		default:
			return true
		}
	}
	return false
}

func sliceHas(list []ast.Expr, pred func(ast.Expr) bool) bool {
	for _, x := range list {
		if pred(x) {
			return true
		}
	}
	return false
}

func callIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
}

// enclosingBlock returns the innermost block around cur.
func enclosingBlock(cur inspector.Cursor) *ast.BlockStmt {
	for b := range cur.Enclosing((*ast.BlockStmt)(nil)) {
		return b.Node().(*ast.BlockStmt)
	}
	return nil
}

// inBlock reports whether the statement at pos is directly in block (not
// in a nested if or loop, which may not run).
func (c *checker) inBlock(pos token.Pos, block *ast.BlockStmt) bool {
	if block == nil {
		return false
	}
	for _, s := range block.List {
		if s.Pos() == pos {
			return true
		}
	}
	return false
}

// boundLater reports whether the SDK client built at cur gets a bounded
// client afterwards: a setter in the call chain (resty.New().SetTimeout(d)),
// or on the variable or field it is stored into, or an assignment to one
// of the entry's fields of it.
func (c *checker) boundLater(cur inspector.Cursor, e *sdkDefault) bool {
	// resty.New().SetBaseURL(u).SetTimeout(d)
	for at := cur; ; {
		sel, ok := at.Parent().Node().(*ast.SelectorExpr)
		if !ok {
			break
		}
		chained := at.Parent().Parent()
		if _, isCall := chained.Node().(*ast.CallExpr); !isCall {
			break
		}
		if oneOf(sel.Sel.Name, e.setters) {
			return true
		}
		at = chained
	}
	dest := c.destination(cur)
	if len(dest) == 0 || dest[0] == nil {
		return false
	}
	assigns, fnNode := c.scope(cur)
	for _, a := range assigns {
		lhs := pathOf(c.info, a.lhs)
		if a.pos > cur.Node().End() && hasPrefix(lhs, dest) && len(lhs) > len(dest) &&
			oneOf(pathString(lhs[len(dest):]), e.fields) && !a.zero(c.info) {
			return true
		}
	}
	// A setter on the same variable, or on the same field anywhere in
	// the package (a constructor stores it, an option sets the timeout).
	field := dest[len(dest)-1]
	local := isLocal(field)
	found := false
	var scope ast.Node = fnNode
	for f := range c.p.Files() {
		if !local {
			scope = f
		}
		ast.Inspect(scope, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if found || !ok {
				return !found
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || !oneOf(sel.Sel.Name, e.setters) {
				return true
			}
			p := pathOf(c.info, sel.X)
			if local && samePath(p, dest) || !local && len(p) > 0 && p[len(p)-1] == field {
				found = true
			}
			return !found
		})
		if local || found {
			break
		}
	}
	return found
}

// pathString names the fields of a path: HTTPClient.Timeout.
func pathString(p path) string {
	names := make([]string, len(p))
	for i, o := range p {
		names[i] = o.Name()
	}
	return strings.Join(names, ".")
}
