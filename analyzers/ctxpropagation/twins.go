package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// A twin is the context-taking counterpart of a function or method.
type twin struct {
	// name is the twin's name on the same receiver (or in the same
	// package), when the rewrite is mechanical: same receiver, context
	// prepended, then extra.
	name  string
	extra string
	// advice is the fix in words when the rewrite is not mechanical.
	advice string
	// fn is the twin, when known.
	fn      *types.Func
	logging bool
	// configured marks a twin from the extra-twins setting.
	configured bool
}

// A twinKey caches a twin lookup. The receiver is keyed by its named type
// and pointerness: each declaration of a *T variable has its own
// *types.Pointer, and keying by it would look the same twin up again for
// every variable.
type twinKey struct {
	fn    *types.Func
	named *types.Named
	ptr   bool
	recv  types.Type // a receiver that is not a (pointer to a) named type
}

func keyOf(fn *types.Func, recvT types.Type) twinKey {
	k := twinKey{fn: fn.Origin()}
	t := types.Unalias(recvT)
	if p, ok := t.(*types.Pointer); ok {
		k.ptr, t = true, types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		k.named = n
	} else {
		k.ptr, k.recv = false, recvT
	}
	return k
}

// A tableTwin is an entry of the fixed table of well-known twins whose
// names or parameters differ.
type tableTwin struct {
	name, extra, advice string
	configured          bool
}

const newRequestAdvice = "build the request with http.NewRequestWithContext(ctx, ...) and send it with Do"

var wellKnown = map[string]tableTwin{
	"database/sql.DB.Begin":                {name: "BeginTx", extra: "nil"},
	"github.com/jmoiron/sqlx.DB.Beginx":    {name: "BeginTxx", extra: "nil"},
	"github.com/jmoiron/sqlx.DB.MustBegin": {name: "MustBeginTx", extra: "nil"},
	"net/http.NewRequest":                  {name: "NewRequestWithContext"},
	"os/exec.Command":                      {name: "CommandContext"},
	"net.Dial":                             {advice: "use (&net.Dialer{}).DialContext(ctx, network, address)"},
	"net.DialTimeout":                      {advice: "use (&net.Dialer{Timeout: timeout}).DialContext(ctx, network, address)"},
	"crypto/tls.Dial":                      {advice: "use (&tls.Dialer{Config: config}).DialContext(ctx, network, address)"},
	"net/http.Get":                         {advice: newRequestAdvice},
	"net/http.Head":                        {advice: newRequestAdvice},
	"net/http.Post":                        {advice: newRequestAdvice},
	"net/http.PostForm":                    {advice: newRequestAdvice},
	"net/http.Client.Get":                  {advice: newRequestAdvice},
	"net/http.Client.Head":                 {advice: newRequestAdvice},
	"net/http.Client.Post":                 {advice: newRequestAdvice},
	"net/http.Client.PostForm":             {advice: newRequestAdvice},
	"net.LookupHost":                       {advice: "use net.DefaultResolver.LookupHost(ctx, host)"},
	"net.LookupAddr":                       {advice: "use net.DefaultResolver.LookupAddr(ctx, addr)"},
	"net.LookupCNAME":                      {advice: "use net.DefaultResolver.LookupCNAME(ctx, host)"},
	"net.LookupTXT":                        {advice: "use net.DefaultResolver.LookupTXT(ctx, name)"},
	"net.LookupMX":                         {advice: "use net.DefaultResolver.LookupMX(ctx, name)"},
	"net.LookupNS":                         {advice: "use net.DefaultResolver.LookupNS(ctx, name)"},
	"net.LookupSRV":                        {advice: "use net.DefaultResolver.LookupSRV(ctx, service, proto, name)"},
	"net.LookupIP":                         {advice: "use net.DefaultResolver.LookupIP(ctx, \"ip\", host)"},
	"net.LookupPort":                       {advice: "use net.DefaultResolver.LookupPort(ctx, network, service)"},
	"crypto/tls.DialWithDialer":            {advice: "use (&tls.Dialer{NetDialer: dialer, Config: config}).DialContext(ctx, network, address)"},
}

// twinTable returns the well-known twins plus the extra-twins setting.
func twinTable(setting string) map[string]tableTwin {
	table := make(map[string]tableTwin, len(wellKnown))
	for k, v := range wellKnown {
		table[k] = v
	}
	for _, pair := range splitList(setting) {
		from, to, ok := strings.Cut(pair, "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		fromPkg, fromNames := splitQualified(from)
		toPkg, toNames := splitQualified(to)
		if !ok || fromPkg == "" || toPkg == "" || len(fromNames) == 0 || len(fromNames) != len(toNames) {
			continue
		}
		tt := tableTwin{configured: true, advice: "use " + shortName(toPkg, toNames) + " with ctx"}
		// Same package and, for methods, same type: a rename with ctx
		// prepended, checked against the twin's signature when used.
		if fromPkg == toPkg && (len(fromNames) == 1 || fromNames[0] == toNames[0]) {
			tt.name = toNames[len(toNames)-1]
		}
		table[from] = tt
	}
	return table
}

func shortName(pkg string, names []string) string {
	return pkg[strings.LastIndex(pkg, "/")+1:] + "." + strings.Join(names, ".")
}

var twinSuffixes = []string{"Context", "WithContext", "Ctx"}

// twinFor returns the context-taking twin of the function call calls, or
// nil. Found generically: the same receiver type (or, for a function, the
// same package) has XContext, XWithContext or XCtx whose parameters are
// (context.Context, the same parameters) and whose results are the same.
// Then the fixed table and the extra-twins setting.
func (c *checker) twinFor(fn *types.Func, call *ast.CallExpr) *twin {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || c.takesContext(sig) || c.inertValidator(fn) {
		return nil
	}
	var recvT types.Type
	if sig.Recv() != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal {
			return nil
		}
		recvT = s.Recv()
		if m, ok := s.Obj().(*types.Func); ok {
			sig, _ = m.Type().(*types.Signature)
		}
	}
	key := keyOf(fn, recvT)
	if tw, ok := c.twins[key]; ok {
		return tw
	}
	tw := c.findTwin(fn, sig, recvT)
	c.twins[key] = tw
	return tw
}

func (c *checker) findTwin(fn *types.Func, sig *types.Signature, recvT types.Type) *twin {
	if tt, ok := c.table[funcKey(fn)]; ok {
		tw := &twin{name: tt.name, extra: tt.extra, advice: tt.advice, configured: tt.configured}
		if tt.name != "" {
			tw.fn = c.lookup(fn, recvT, tt.name)
			if tw.fn == nil {
				tw.name = ""
			} else if tt.configured && !c.sameAfterCtx(sig, tw.fn) {
				tw.name = ""
			}
			if tw.name == "" && tw.advice == "" {
				return nil
			}
		}
		return tw
	}
	if sig.TypeParams().Len() > 0 || (sig.Recv() != nil && sig.RecvTypeParams().Len() > 0) {
		return nil
	}
	for _, suffix := range twinSuffixes {
		t := c.lookup(fn, recvT, fn.Name()+suffix)
		if t == nil || !c.sameAfterCtx(sig, t) || c.deprecated[t] != nil {
			// A deprecated twin points elsewhere for the context (go-swagger's
			// NewXParamsWithContext: "use the operation call with context").
			continue
		}
		if localTwin(fn) {
			return nil
		}
		return &twin{name: t.Name(), fn: t, logging: isLogging(fn)}
	}
	return nil
}

// lookup finds the method name on recvT, or the function name in fn's
// package, when the calling package can use it.
func (c *checker) lookup(fn *types.Func, recvT types.Type, name string) *types.Func {
	var obj types.Object
	if recvT != nil {
		obj, _, _ = types.LookupFieldOrMethod(recvT, true, fn.Pkg(), name)
	} else if fn.Pkg() != nil {
		obj = fn.Pkg().Scope().Lookup(name)
	}
	t, ok := obj.(*types.Func)
	if !ok || (!t.Exported() && t.Pkg() != c.p.Pkg) {
		return nil
	}
	return t
}

// sameAfterCtx reports whether t's parameters are (context.Context, sig's
// parameters) and its results are sig's.
func (c *checker) sameAfterCtx(sig *types.Signature, t *types.Func) bool {
	ts, ok := t.Type().(*types.Signature)
	if !ok || ts.Params().Len() != sig.Params().Len()+1 || ts.Variadic() != sig.Variadic() {
		return false
	}
	if !lint.IsNamed(ts.Params().At(0).Type(), "context", "Context") {
		return false
	}
	for i := range sig.Params().Len() {
		if !types.Identical(sig.Params().At(i).Type(), ts.Params().At(i+1).Type()) {
			return false
		}
	}
	if ts.Results().Len() != sig.Results().Len() {
		return false
	}
	for i := range sig.Results().Len() {
		if !types.Identical(sig.Results().At(i).Type(), ts.Results().At(i).Type()) {
			return false
		}
	}
	return true
}

// takesContext reports whether a signature has a context parameter.
func (c *checker) takesContext(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		if lint.IsNamed(sig.Params().At(i).Type(), "context", "Context") {
			return true
		}
	}
	return false
}

// localTwin reports a function whose context-taking twin does no I/O the
// context could cancel, by its library's design: gopsutil reads the local
// process table and takes a context only for settings carried in its
// values; OpenTelemetry's resource.Default and Environment run local
// detectors once and cache the result, ignoring the context after the
// first call.
func localTwin(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	switch {
	case strings.HasPrefix(path, "github.com/shirou/gopsutil/"):
		return true
	case path == "go.opentelemetry.io/otel/sdk/resource":
		return fn.Name() == "Default" || fn.Name() == "Environment"
	}
	return false
}

// unixDial reports net.Dial or net.DialTimeout of a unix socket (a
// constant "unix" network): a local connect fails at once when nobody
// listens or the backlog is full, it does not block, so there is nothing
// for a context to cancel (SPIRE's bundle fetch over a socket).
func (c *checker) unixDial(fn *types.Func, call *ast.CallExpr) bool {
	if !lint.IsFunc(fn, "net", "Dial", "DialTimeout") || len(call.Args) == 0 {
		return false
	}
	network, ok := lint.ConstString(c.info, call.Args[0])
	return ok && strings.HasPrefix(network, "unix")
}

// loggingNames are logging calls: their context carries values (a trace
// ID), not cancellation that matters.
var loggingNames = map[string]bool{
	"Debug": true, "Info": true, "Warn": true, "Warning": true, "Error": true, "Log": true, "Trace": true,
	"Debugf": true, "Infof": true, "Warnf": true, "Errorf": true, "Logf": true, "Tracef": true,
	"Print": true, "Printf": true, "Println": true, "Fatal": true, "Fatalf": true, "Panic": true, "Panicf": true,
	"Debugw": true, "Infow": true, "Warnw": true, "Errorw": true, "LogAttrs": true,
}

// isLogging reports a logging API: a logging method name, or a function of
// a logging package.
func isLogging(fn *types.Func) bool {
	if loggingNames[fn.Name()] {
		return true
	}
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	last := path[strings.LastIndex(path, "/")+1:]
	switch last {
	case "slog", "log", "zap", "logrus", "zerolog", "logr", "klog", "glog", "xlog", "zlog", "logging", "logger":
		return true
	}
	return strings.HasPrefix(last, "log")
}

// checkTwin reports a call of a function with a context-taking twin made
// where a context is available (rule 2).
func (c *checker) checkTwin(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, tw *twin, a *avail) {
	if tw.logging && !logging {
		return
	}
	if d := enclosingDecl(cur); d != nil && tw.fn != nil {
		if obj, ok := c.info.Defs[d.Name].(*types.Func); ok && obj == tw.fn.Origin() {
			return // the twin's own implementation
		}
	}
	if c.afterDone(cur, a.fn) || c.boundToScope(cur, call, a) || c.onBoundTx(cur, call) {
		return
	}
	var fixes []analysis.SuggestedFix
	advice := tw.advice
	if tw.name != "" {
		args := "ctx, ..."
		if tw.extra != "" {
			args = "ctx, " + tw.extra
		}
		advice = fmt.Sprintf("call %s(%s) instead", tw.name, args)
		fixes = c.renameFix(call, tw, a)
	}
	var msg string
	if a.goroutine {
		msg = fmt.Sprintf("%s drops %s, which is in scope where this goroutine starts: the work loses its values (trace, auth, request ID); %s with context.WithoutCancel(%s)",
			funcName(fn), a.display(), advice, orCtx(a))
	} else {
		msg = fmt.Sprintf("%s ignores %s, which is in scope: a cancelled or timed-out caller does not stop it; %s",
			funcName(fn), a.display(), strings.Replace(advice, "(ctx", "("+orCtx(a), 1))
	}
	c.p.ReportRule("RL503", call, msg, fixes...)
}

// fixCtx returns the expression a fix at call passes as the context, or
// "" when none can be written there: the available context or, in a
// goroutine, context.WithoutCancel of it, which keeps its values but not
// its cancellation.
func (c *checker) fixCtx(fix *lint.FixBuilder, call *ast.CallExpr, a *avail) string {
	if !c.resolves(a, call.Pos()) {
		return ""
	}
	if !a.goroutine {
		return a.expr()
	}
	if !c.withoutCancelOK(call.Pos()) {
		return ""
	}
	name, ok := fix.Import("context")
	if !ok {
		return ""
	}
	return name + ".WithoutCancel(" + a.expr() + ")"
}

// renameFix rewrites x.F(args) as x.FContext(ctx, args).
func (c *checker) renameFix(call *ast.CallExpr, tw *twin, a *avail) []analysis.SuggestedFix {
	if lint.Callee(c.info, call) == nil {
		return nil // called through a function value: renaming it breaks the code
	}
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return nil
	}
	if tw.extra != "" && len(call.Args) > 0 {
		return nil
	}
	fix := c.p.NewFix(call.Pos())
	ctxExpr := c.fixCtx(fix, call, a)
	if ctxExpr == "" {
		return nil
	}
	args := ctxExpr
	if tw.extra != "" {
		args += ", " + tw.extra
	} else if len(call.Args) > 0 {
		args += ", "
	}
	// The twin lives where F does: a dot-imported F keeps its import used.
	fix.Replace(id.Pos(), id.End(), tw.name, id)
	fix.Insert(call.Lparen+1, args)
	return fix.Fix("call " + tw.name + " with " + ctxExpr)
}

// contextAttachedLater reports a call of http.NewRequest whose request is
// given a context afterwards in the same function: req, err :=
// http.NewRequest(...) followed by req = req.WithContext(ctx) (or
// req.Clone(ctx)), the idiom of code written before NewRequestWithContext.
// The request that is sent carries the context; the call is not a dropped
// context.
func (c *checker) contextAttachedLater(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) bool {
	if !lint.IsFunc(fn, "net/http", "NewRequest") {
		return false
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	req := c.info.ObjectOf(id)
	if req == nil {
		return false
	}
	body := lint.FuncBody(innermostFunc(cur))
	if body == nil {
		return false
	}
	// The request may be kept in a field (s.req = req) and sent later.
	objs := map[types.Object]bool{req: true}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, r := range as.Rhs {
				if x, ok := ast.Unparen(r).(*ast.Ident); ok && c.info.Uses[x] == req {
					if sel, ok := ast.Unparen(as.Lhs[i]).(*ast.SelectorExpr); ok {
						if o := c.info.Uses[sel.Sel]; o != nil {
							objs[o] = true
						}
					}
				}
			}
		}
		return true
	})
	isReq := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return objs[c.info.Uses[e]]
		case *ast.SelectorExpr:
			return objs[c.info.Uses[e.Sel]]
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if es, ok := n.(*ast.ExprStmt); ok {
			// req.WithContext(ctx) as a statement discards the request
			// that carries ctx: the request sent has none.
			if w, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(w.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "WithContext" || sel.Sel.Name == "Clone") {
					return false
				}
			}
			return true
		}
		w, ok := n.(*ast.CallExpr)
		if !ok || w.Pos() < call.End() {
			return true
		}
		if sel, ok := ast.Unparen(w.Fun).(*ast.SelectorExpr); ok && len(w.Args) == 1 &&
			(sel.Sel.Name == "WithContext" || sel.Sel.Name == "Clone") && isReq(sel.X) {
			found = true
			return false
		}
		// do(ctx, client, req): the request goes, with a context, to a
		// helper that attaches it.
		hasReq, hasCtx := false, false
		for _, a := range w.Args {
			if isReq(a) {
				hasReq = true
			} else if t := c.info.TypeOf(a); t != nil && types.Implements(t, c.ctxType) {
				if ac, ok := ast.Unparen(a).(*ast.CallExpr); !ok || !lint.IsFunc(lint.Callee(c.info, ac), "context", "Background", "TODO") {
					hasCtx = true
				}
			}
		}
		if hasReq && hasCtx {
			found = true
			return false
		}
		return true
	})
	return found
}

// returnsRequest reports a call of http.NewRequest (or
// NewRequestWithContext) or exec.Command whose
// request or command the enclosing function returns (return
// http.NewRequest(...), or req, err := ...; return req, err): the function
// builds it and does no I/O, and its caller, which sends the request or
// starts the command (a plugin process that outlives the call), is where a
// context must be attached.
func (c *checker) returnsRequest(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) bool {
	if !lint.IsFunc(fn, "net/http", "NewRequest", "NewRequestWithContext") && !lint.IsFunc(fn, "os/exec", "Command") {
		return false
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return false
		}
		id, ok := p.Lhs[0].(*ast.Ident)
		if !ok {
			return false
		}
		req := c.info.ObjectOf(id)
		body := lint.FuncBody(innermostFunc(cur))
		if req == nil || body == nil {
			return false
		}
		if c.namedResult(cur, req) {
			return true // req, err = http.NewRequest(...); ...; return
		}
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if r, ok := n.(*ast.ReturnStmt); ok {
				for _, res := range r.Results {
					if x, ok := ast.Unparen(res).(*ast.Ident); ok && c.info.Uses[x] == req {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	return false
}

// namedResult reports whether v is a named result of the function
// enclosing cur.
func (c *checker) namedResult(cur inspector.Cursor, v types.Object) bool {
	ft := lint.FuncType(innermostFunc(cur))
	if ft == nil || ft.Results == nil {
		return false
	}
	for _, field := range ft.Results.List {
		for _, name := range field.Names {
			if c.info.Defs[name] == v {
				return true
			}
		}
	}
	return false
}

// imposedSignature reports whether the available context is a parameter
// the function cannot drop from its signature: unnamed or _, or declared by
// a function that is used as a value (stored in a table of builders,
// passed as a callback), whose type is fixed by where it goes.
func (c *checker) imposedSignature(a *avail) bool {
	if a.field {
		return true // the receiver's context: its caller sends the request
	}
	if a.src == nil || a.src.expr != "" {
		return false // an *http.Request or framework context: not a builder's parameter
	}
	if a.v == nil || a.name == "_" {
		return true
	}
	d, ok := a.fn.(*ast.FuncDecl)
	if !ok {
		return true // a function literal is a value
	}
	obj := c.info.Defs[d.Name]
	if obj == nil {
		return false
	}
	if c.valueUses == nil {
		c.valueUses = c.funcValues()
	}
	return c.valueUses[obj]
}

// funcValues returns the functions and methods of the package that are used
// other than by calling them: assigned, stored, passed or returned.
func (c *checker) funcValues() map[types.Object]bool {
	m := make(map[types.Object]bool)
	ins := c.p.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range ins.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		fn, ok := c.info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() != c.p.Pkg {
			continue
		}
		n, parent := ast.Node(id), cur.Parent()
		if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			n, parent = sel, parent.Parent()
		}
		if call, ok := parent.Node().(*ast.CallExpr); ok && call.Fun == n {
			continue
		}
		m[fn] = true
	}
	return m
}

// validatorPkgs are go-playground/validator's import paths. Its Ctx
// methods (StructCtx, VarCtx) only hand the context to validation
// functions registered with RegisterValidationCtx: validation itself does
// no I/O.
var validatorPkgs = []string{"github.com/go-playground/validator/v10", "gopkg.in/go-playground/validator.v9", "github.com/go-playground/validator"}

// inertValidator reports whether fn is a validator method whose context
// twin would carry the context nowhere: the package registers no
// context-taking validation.
func (c *checker) inertValidator(fn *types.Func) bool {
	if fn.Pkg() == nil || !slices.Contains(validatorPkgs, fn.Pkg().Path()) {
		return false
	}
	if c.registersCtxValidation == nil {
		found := false
		for cur := range c.ins.Root().Preorder((*ast.SelectorExpr)(nil)) {
			name := cur.Node().(*ast.SelectorExpr).Sel.Name
			if strings.HasPrefix(name, "Register") && strings.HasSuffix(name, "Ctx") {
				found = true
				break
			}
		}
		c.registersCtxValidation = &found
	}
	return !*c.registersCtxValidation
}
