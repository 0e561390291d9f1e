package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// noContextIO marks a function that has no context parameter (nor an
// *http.Request or framework context) and does I/O without a context: it
// passes context.Background() or TODO() to context-taking I/O, calls an
// API that has a context-taking twin, or calls such a function.
type noContextIO struct {
	// Reason is what the function that drops the context does, without
	// its subject: "passes context.Background() to sql.DB.QueryContext".
	Reason string
	// Origin names that function when it is not this one; Via names the
	// function this one calls to reach it.
	Origin, Via string
	// OriginPkg is the path of the package that drops the context (this
	// one's, or Origin's): a call whose I/O starts in a context-less layer
	// belongs to that layer's finding (see layer.go).
	OriginPkg string
}

func (*noContextIO) AFact() {}

func (f *noContextIO) String() string {
	if f.Via == "" {
		return "noContextIO(" + f.Reason + ")"
	}
	return "noContextIO(via " + f.Via + ": " + f.Origin + " " + f.Reason + ")"
}

// explain is the fact in a message's parentheses.
func (f *noContextIO) explain() string {
	if f.Via == "" {
		return "it " + f.Reason
	}
	return "via " + f.Via + ": " + f.Origin + " " + f.Reason
}

// A candidate is a context-less function declaration of the package.
type candidate struct {
	decl   *ast.FuncDecl
	reason string
	edges  []*types.Func
	fact   *noContextIO
	// via is the callee the fact was reached through (fact.Via), when
	// the fact is not the function's own.
	via *types.Func
	// handsOn is set while reason is a fresh context handed to a call
	// rather than a context-less call.
	handsOn bool
}

// A pendingCall is a call, where a context is available, of a function of
// the package or module; it is judged once the package's facts are known.
type pendingCall struct {
	cur  inspector.Cursor
	call *ast.CallExpr
	fn   *types.Func
	a    *avail
}

// cleanupNames are functions that release, flush or terminate: they must
// work after the caller's context is cancelled, so a fresh context there is
// deliberate, and they are not said to drop one. The first group also
// matches as a prefix (CloseAll, exitProcess, ShutdownServer).
var (
	cleanupPrefixes = []string{"Close", "Shutdown", "Stop", "Rollback", "Unlock", "Release", "Teardown", "Cleanup",
		"Exit", "Terminate", "Disconnect", "Abort"}
	cleanupExact = []string{"Cancel", "Flush", "Sync", "Drain", "Kill", "Quit", "Unsubscribe", "Deregister", "Unregister"}
)

func isCleanup(name string) bool {
	if name == "" {
		return false
	}
	// Compare with an upper-case first letter: exitProcess is Exit+Process.
	name = strings.ToUpper(name[:1]) + name[1:]
	for _, c := range cleanupExact {
		if name == c {
			return true
		}
	}
	for _, c := range cleanupPrefixes {
		if name == c || strings.HasPrefix(name, c) && !isLowerASCII(name[len(c)]) {
			return true
		}
	}
	// A hook registrar names the event it runs at: RunAtShutdown,
	// OnTerminate, AddCleanupHook.
	for _, w := range cleanupWords {
		for i := 1; i < len(name); i++ {
			j := strings.Index(name[i:], w)
			if j < 0 {
				break
			}
			end := i + j + len(w)
			if end == len(name) || !isLowerASCII(name[end]) {
				return true
			}
			i += j
		}
	}
	return false
}

// cleanupWords are the cleanup events that also mark a name inside it.
var cleanupWords = []string{"Shutdown", "Terminate", "Teardown", "Cleanup"}

// starterPrefixes begin the names of functions that create or start a
// long-lived component (a client for a hijacked connection, a worker, a
// server): its lifetime is not the caller's, so the caller's context is
// not the one its set-up I/O should take.
var starterPrefixes = []string{"new", "create", "init", "start", "spawn", "launch", "accept", "listen", "open", "connect", "dial", "register"}

func isStarter(name string) bool {
	lower := strings.ToLower(name)
	switch lower {
	case "run", "serve", "init", "setup":
		return true
	}
	for _, p := range starterPrefixes {
		if strings.HasPrefix(lower, p) && (len(name) == len(p) || !isLowerASCII(name[len(p)])) {
			return true
		}
	}
	return false
}

// rowPrefixes are starter prefixes that a data layer also gives the
// functions that write one row per request (CreateFeed, RegisterUser):
// such a function starts a component only when it returns one.
var rowPrefixes = []string{"create", "register"}

// startsComponent reports whether fn, a function of the package, creates
// or starts a long-lived component (see starterPrefixes). A name that
// begins with a row prefix must also return something with a lifetime: a
// value with a Close, Stop, Shutdown, Run, Start or Serve method, or a
// func (a stop or cancel function).
func startsComponent(fn *types.Func) bool {
	if !isStarter(fn.Name()) {
		return false
	}
	lower := strings.ToLower(fn.Name())
	row := false
	for _, p := range rowPrefixes {
		row = row || strings.HasPrefix(lower, p)
	}
	if !row {
		return true
	}
	for v := range fn.Type().(*types.Signature).Results().Variables() {
		t := v.Type()
		if _, ok := t.Underlying().(*types.Signature); ok || hasLifetime(t) {
			return true
		}
		// A wrapper of a connection or client (a hijacked conn's *Conn).
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		if st, ok := t.Underlying().(*types.Struct); ok {
			for f := range st.Fields() {
				if hasLifetime(f.Type()) {
					return true
				}
			}
		}
	}
	return false
}

// hasLifetime reports whether t (or *t) has a method that ends or runs a
// component: Close, Stop, Shutdown, Run, Start or Serve.
func hasLifetime(t types.Type) bool {
	if !types.IsInterface(t) {
		if _, ok := t.Underlying().(*types.Pointer); !ok {
			t = types.NewPointer(t)
		}
	}
	ms := types.NewMethodSet(t)
	for m := range ms.Methods() {
		switch m.Obj().Name() {
		case "Close", "Stop", "Shutdown", "Run", "Start", "Serve":
			return true
		}
	}
	return false
}

func isLowerASCII(b byte) bool { return 'a' <= b && b <= 'z' }

// propagates reports whether a call of fn may carry a noContextIO fact:
// fn is a function of this module, of this package (whose facts are not
// known yet) or with an imported fact.
func (c *checker) propagates(fn *types.Func) bool {
	if c.std || !c.ownCode(fn.Pkg()) {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return true // judged by its implementations (see ifaceFact)
	}
	if fn.Pkg() == c.p.Pkg {
		return true
	}
	return c.p.ImportObjectFact(fn.Origin(), new(noContextIO))
}

// freshArgTarget returns a reason when call passes a fresh context
// (context.Background(), TODO(), or a local derived only from them) to
// context-taking code: not package context, not a function that derives a
// context (it returns one), not logging, not cleanup.
func (c *checker) freshArgTarget(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() == "context" || isCleanup(fn.Name()) || (isLogging(fn) && !logging) {
		return ""
	}
	// A fresh root handed to a function that initializes or starts a
	// long-lived component (a lazily created singleton's initManager) is
	// deliberate: the component must not die with its first caller.
	// http.NewRequestWithContext starts nothing: its context governs the
	// request that is sent.
	if isStarter(fn.Name()) && !lint.IsFunc(fn, "net/http", "NewRequestWithContext") || retainsContext(fn) {
		return ""
	}
	for i := range sig.Results().Len() {
		if lint.IsNamed(sig.Results().At(i).Type(), "context", "Context") {
			return ""
		}
	}
	for i := range sig.Params().Len() {
		if i >= len(call.Args) || !lint.IsNamed(sig.Params().At(i).Type(), "context", "Context") || c.inertAt(fn, i) {
			continue
		}
		arg := ast.Unparen(call.Args[i])
		if root := c.freshRoot(cur, arg); root != "" && !c.selfBounded(cur, arg) {
			return "passes " + root + " to " + funcName(fn)
		}
	}
	return ""
}

// freshRoot returns "context.Background()" or "context.TODO()" when e is
// such a fresh context, derived from one, or a local variable that only
// ever holds one.
func (c *checker) freshRoot(cur inspector.Cursor, e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := lint.Callee(c.info, e)
		if lint.IsFunc(fn, "context", "Background", "TODO") {
			return "context." + fn.Name() + "()"
		}
		if isDeriver(fn) && len(e.Args) > 0 {
			return c.freshRoot(cur, e.Args[0])
		}
	case *ast.Ident:
		d := enclosingDecl(cur)
		if d == nil {
			return ""
		}
		v := lint.LocalVar(c.info, d.Body, e)
		if v == nil {
			return ""
		}
		if _, ok := c.fresh[v]; ok {
			if c.fresh[v] {
				return "a context from context.Background()"
			}
			return ""
		}
		c.fresh[v] = false // cycles are not fresh
		c.fresh[v] = c.freshVar(cur, d.Body, v)
		if c.fresh[v] {
			return "a context from context.Background()"
		}
	}
	return ""
}

// freshVar reports whether every value assigned to v in body is fresh.
func (c *checker) freshVar(cur inspector.Cursor, body *ast.BlockStmt, v *types.Var) bool {
	return c.everyValue(body, v, func(val ast.Expr) bool { return c.freshRoot(cur, val) != "" })
}

// everyValue reports whether v is assigned in body at least once, never
// has its address taken, and every value assigned to it satisfies ok.
func (c *checker) everyValue(body *ast.BlockStmt, v *types.Var, ok func(ast.Expr) bool) bool {
	n, good := 0, true
	ast.Inspect(body, func(node ast.Node) bool {
		if !good {
			return false
		}
		var lhs []ast.Expr
		var rhs []ast.Expr
		switch s := node.(type) {
		case *ast.AssignStmt:
			lhs, rhs = s.Lhs, s.Rhs
		case *ast.ValueSpec:
			for _, id := range s.Names {
				lhs = append(lhs, id)
			}
			rhs = s.Values
		case *ast.UnaryExpr:
			if s.Op == token.AND {
				if id, isID := ast.Unparen(s.X).(*ast.Ident); isID && c.info.ObjectOf(id) == v {
					good = false
				}
			}
			return true
		default:
			return true
		}
		for i, l := range lhs {
			id, isID := ast.Unparen(l).(*ast.Ident)
			if !isID || c.info.ObjectOf(id) != v {
				continue
			}
			var val ast.Expr
			switch {
			case len(rhs) == len(lhs):
				val = rhs[i]
			case len(rhs) == 1 && i == 0:
				val = rhs[0] // ctx, cancel := context.WithTimeout(...)
			}
			if val == nil || !ok(val) {
				good = false
			}
			n++
		}
		return true
	})
	return good && n > 0
}

// selfBounded reports whether the fresh context e has a deadline of its
// own: context.WithTimeout(context.Background(), 2*time.Second), directly
// or through a local. A function that bounds its I/O that way cannot hang
// for a caller that has gone, so it does not carry the fact; where a
// context is available, rule 1 still reports the Background() itself.
func (c *checker) selfBounded(cur inspector.Cursor, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := lint.Callee(c.info, e)
		if lint.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause") {
			return true
		}
		return isDeriver(fn) && len(e.Args) > 0 && c.selfBounded(cur, e.Args[0])
	case *ast.Ident:
		d := enclosingDecl(cur)
		if d == nil {
			return false
		}
		v := lint.LocalVar(c.info, d.Body, e)
		return v != nil && c.everyValue(d.Body, v, func(val ast.Expr) bool { return c.selfBounded(cur, val) })
	}
	return false
}

// recordTrigger notes what a call directly in the context-less function
// declaration decl contributes to its fact.
func (c *checker) recordTrigger(decl *ast.FuncDecl, fn *types.Func, tw *twin, freshArg string, ownFunc bool) {
	if decl.Body == nil || c.std || isCleanup(decl.Name.Name) || (decl.Recv == nil && (decl.Name.Name == "main" || decl.Name.Name == "init")) {
		return
	}
	obj, ok := c.info.Defs[decl.Name].(*types.Func)
	if !ok || fixedByInterface(obj) || startsComponent(obj) {
		return
	}
	cand := c.cands[obj]
	if cand == nil {
		cand = &candidate{decl: decl}
		c.cands[obj] = cand
	}
	switch {
	case tw != nil && !(tw.logging && !logging) && !isCleanup(fn.Name()):
		// A context-less call (http.Get) is the I/O itself: it names the
		// fact over a fresh context handed on, which the callee may ignore.
		if cand.reason == "" || cand.handsOn {
			if tw.name != "" {
				cand.reason = "calls " + funcName(fn) + " instead of " + tw.name
			} else {
				cand.reason = "calls " + funcName(fn) + ", which takes no context"
			}
			cand.handsOn = false
		}
	case freshArg != "":
		if cand.reason == "" {
			cand.reason, cand.handsOn = freshArg, true
		}
	case ownFunc && fn.Origin() != obj:
		cand.edges = append(cand.edges, fn.Origin())
	}
}

// originPkg is the path of the package that drops the context for fn,
// whose fact is f.
func originPkg(f *noContextIO, fn *types.Func) string {
	if f.OriginPkg != "" || fn.Pkg() == nil {
		return f.OriginPkg
	}
	return fn.Pkg().Path()
}

// factOf returns fn's fact: computed for this package, imported otherwise.
func (c *checker) factOf(fn *types.Func) *noContextIO {
	fn = fn.Origin()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return c.ifaceFact(fn)
	}
	if fn.Pkg() == c.p.Pkg {
		if cand := c.cands[fn]; cand != nil {
			return cand.fact
		}
		return nil
	}
	f := new(noContextIO)
	if c.p.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// solveFacts computes the facts of the package's functions (transitively,
// to a fixed point) and exports them.
func (c *checker) solveFacts() {
	for _, cand := range c.cands {
		if cand.reason != "" {
			cand.fact = &noContextIO{Reason: cand.reason, OriginPkg: c.p.Pkg.Path()}
		}
	}
	// Rounds, each reading only the facts of the rounds before it: a
	// function's fact then names its first callee (in source order) on a
	// shortest path, whatever order the map is walked in. Facts set
	// during a walk would make the message depend on that order.
	for {
		found := map[*candidate]*noContextIO{}
		vias := map[*candidate]*types.Func{}
		for _, cand := range c.cands {
			if cand.fact != nil {
				continue
			}
			for _, e := range cand.edges {
				if f := c.factOf(e); f != nil {
					origin, reason := funcName(e), f.Reason
					if f.Via != "" {
						origin = f.Origin
					}
					found[cand] = &noContextIO{Reason: reason, Origin: origin, Via: funcName(e), OriginPkg: originPkg(f, e)}
					vias[cand] = e
					break
				}
			}
		}
		if len(found) == 0 {
			break
		}
		for cand, f := range found {
			cand.fact, cand.via = f, vias[cand]
		}
	}
	for obj, cand := range c.cands {
		if cand.fact != nil {
			c.p.ExportObjectFact(obj, cand.fact)
		}
	}
}
