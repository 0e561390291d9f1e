package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// A ctxSource is a parameter type that makes a context available, and the
// expression, appended to the parameter's name, that yields the context.
type ctxSource struct {
	pkg, name string
	expr      string
}

// builtinSources is the one table of types that carry a context. Types
// match with or without a pointer.
var builtinSources = []ctxSource{
	{"context", "Context", ""},
	{"net/http", "Request", ".Context()"},
	{"github.com/gin-gonic/gin", "Context", ".Request.Context()"},
	{"github.com/labstack/echo/v4", "Context", ".Request().Context()"},
	{"github.com/gofiber/fiber/v2", "Ctx", ".UserContext()"},
}

// parseContextTypes reads the extra-context-types setting:
// "pkgpath.Type=expr" pairs.
func parseContextTypes(s string) []ctxSource {
	var out []ctxSource
	for _, item := range splitList(s) {
		typ, expr, _ := strings.Cut(item, "=")
		pkg, names := splitQualified(strings.TrimSpace(typ))
		if pkg == "" || len(names) != 1 {
			continue
		}
		expr = strings.TrimSpace(expr)
		if expr != "" && !strings.HasPrefix(expr, ".") {
			expr = "." + expr
		}
		out = append(out, ctxSource{pkg: pkg, name: names[0], expr: expr})
	}
	return out
}

// An avail is the context available at a call: a parameter of the function
// around it, or of a function literal it runs in.
type avail struct {
	v    *types.Var // the parameter; nil when unnamed
	name string
	src  *ctxSource
	fn   ast.Node // the *ast.FuncDecl or *ast.FuncLit declaring it
	// field is set when the context is a field of the method's
	// receiver (w.ctx): v is the receiver.
	field bool
	// goroutine is set when the call runs in a goroutine started under fn
	// (a go statement): detached work, which should keep ctx's values
	// but not its cancellation.
	goroutine bool
}

// expr is the expression that yields the context, or "" when the
// parameter has no usable name.
func (a *avail) expr() string {
	if a.name == "" || a.name == "_" {
		return ""
	}
	return a.name + a.src.expr
}

// display names the available context in messages.
func (a *avail) display() string {
	if e := a.expr(); e != "" {
		return e
	}
	return "the function's context parameter"
}

// displayCaller names the available context of a call site in a grouped
// finding, saying when the caller must first name its parameter (a
// context declared _ cannot be passed as it stands).
func (a *avail) displayCaller() string {
	if a.expr() == "" && !a.field {
		return "an unnamed context parameter, to name and pass"
	}
	return a.display()
}

// sourceOf returns the context a function type's parameters make
// available. A context.Context parameter wins over the framework types.
func (c *checker) sourceOf(ft *ast.FuncType) *avail {
	if ft == nil || ft.Params == nil {
		return nil
	}
	var best *avail
	rank := 0
	for _, field := range ft.Params.List {
		t := c.info.TypeOf(field.Type)
		if t == nil {
			continue
		}
		src, r := c.sourceFor(t)
		if src == nil || (best != nil && r >= rank) {
			continue
		}
		a := &avail{src: src}
		if len(field.Names) > 0 {
			a.name = field.Names[0].Name
			a.v, _ = c.info.Defs[field.Names[0]].(*types.Var)
		}
		best, rank = a, r
	}
	return best
}

// implementsCtx is the source of a parameter whose type implements
// context.Context without being in the table.
var implementsCtx = &ctxSource{expr: ""}

func (c *checker) sourceFor(t types.Type) (*ctxSource, int) {
	for i := range c.sources {
		s := &c.sources[i]
		if lint.IsNamed(t, s.pkg, s.name) {
			return s, i
		}
	}
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
		if _, ok := types.Unalias(t).(*types.Named); !ok {
			return nil, 0
		}
	}
	if types.Implements(t, c.ctxType) {
		return implementsCtx, len(c.sources)
	}
	return nil, 0
}

// cachedSource returns a copy of sourceOf(ft), computed once per function:
// every call in a function asks for it.
func (c *checker) cachedSource(ft *ast.FuncType) *avail {
	a, ok := c.srcCache[ft]
	if !ok {
		a = c.sourceOf(ft)
		c.srcCache[ft] = a
	}
	if a == nil {
		return nil
	}
	cp := *a
	return &cp
}

// contextAt returns the context available at cur. When there is none and
// cur is directly in the body of a function declaration (not in a function
// literal, a go or a defer statement), it returns that declaration, whose
// facts the call feeds.
func (c *checker) contextAt(cur inspector.Cursor) (*avail, *ast.FuncDecl) {
	goroutine := false
	direct := true
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.DeferStmt:
			// Deferred cleanup runs as the function returns, often after
			// ctx is cancelled: a fresh context there is deliberate.
			return nil, nil
		case *ast.IfStmt:
			if c.cleanupOnError(cur, n) {
				return nil, nil
			}
		case *ast.GoStmt:
			goroutine = true
			direct = false
		case *ast.FuncLit:
			if a := c.cachedSource(n.Type); a != nil {
				if c.dialHook(p) {
					return nil, nil
				}
				a.fn, a.goroutine = n, goroutine
				return a, nil
			}
			direct = false
			if !c.litRunsNow(p) {
				return nil, nil
			}
			if c.launchedByGo(p) {
				goroutine = true
			}
		case *ast.FuncDecl:
			if a := c.cachedSource(n.Type); a != nil && !c.rootOnly(n, a) {
				if c.sharedWithGoroutine(n, a) {
					return nil, nil
				}
				a.fn, a.goroutine = n, goroutine
				return a, nil
			}
			if a := c.receiverSource(n); a != nil {
				a.fn, a.goroutine = n, goroutine
				return a, nil
			}
			if direct {
				return nil, n
			}
			return nil, nil
		}
	}
	return nil, nil
}

// dialHook reports whether the function literal at cur is the DialContext
// or DialTLSContext hook of an http.Transport. Since Go 1.23 the transport
// dials with a context detached from the request's cancellation (so that
// the connection can serve the next request): a hook that ignores it drops
// no caller's deadline, and there is nothing to propagate (caddy's admin
// client, which dials the admin socket or address).
func (c *checker) dialHook(cur inspector.Cursor) bool {
	lit := cur.Node()
	if !c.goAtLeast(lit.Pos(), "go1.23") {
		return false
	}
	var field string
	var holder ast.Expr
	switch p := cur.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		key, ok := p.Key.(*ast.Ident)
		cl, isLit := cur.Parent().Parent().Node().(*ast.CompositeLit)
		if !ok || !isLit || p.Value != lit {
			return false
		}
		field, holder = key.Name, cl
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Rhs[0] != lit {
			return false
		}
		sel, ok := p.Lhs[0].(*ast.SelectorExpr)
		if !ok {
			return false
		}
		field, holder = sel.Sel.Name, sel.X
	default:
		return false
	}
	if field != "DialContext" && field != "DialTLSContext" {
		return false
	}
	tv, ok := c.info.Types[holder]
	return ok && lint.IsNamed(tv.Type, "net/http", "Transport")
}

// litRunsNow reports whether the function literal at cur runs while the
// enclosing function's context is live: called on the spot, started with
// go (the caller sees the go statement), passed to a call that runs it
// (errgroup's Go, a transaction, a retry helper), or kept in a local
// variable and called by the function. A literal stored in a field,
// returned, or registered to run later (a cleanup, a shutdown hook, a
// subscription, context.AfterFunc) outlives the call that had the context.
func (c *checker) litRunsNow(cur inspector.Cursor) bool {
	lit := cur.Node()
	parent := cur.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		lit, parent = parent.Node(), parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.CallExpr:
		if p.Fun == lit {
			return true // called here, or by the go/defer statement above
		}
		if tv, ok := c.info.Types[p.Fun]; ok && tv.IsType() {
			return false // converted to a named func type: stored
		}
		fn := lint.Callee(c.info, p)
		if fn == nil {
			return true // a local function value
		}
		return !runsLater(fn)
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				return false
			}
			if v, ok := c.info.ObjectOf(id).(*types.Var); !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
				return false
			}
		}
		return true
	case *ast.ValueSpec:
		return true // var f = func() {...} inside a function
	}
	return false
}

// launchedByGo reports whether the function literal at cur is kept in a
// local variable that is only ever called by go statements
// (execute := func(t task) {...}; for ... { go execute(t) }).
func (c *checker) launchedByGo(cur inspector.Cursor) bool {
	// contextAt asks for each call inside the literal: answer once.
	if r, ok := c.launched[cur.Node()]; ok {
		return r
	}
	if c.launched == nil {
		c.launched = make(map[ast.Node]bool)
	}
	r := c.launchedByGoOnce(cur)
	c.launched[cur.Node()] = r
	return r
}

func (c *checker) launchedByGoOnce(cur inspector.Cursor) bool {
	v := c.assignedTo(cur)
	if v == nil {
		return false
	}
	fn := innermostFunc(cur.Parent())
	if fn == nil {
		return false
	}
	launched, other := 0, 0
	ast.Inspect(lint.FuncBody(fn), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			if id, ok := ast.Unparen(n.Call.Fun).(*ast.Ident); ok && c.info.Uses[id] == v {
				launched++
				for _, arg := range n.Call.Args {
					if lint.Mentions(c.info, arg, v) {
						other++
					}
				}
				return false
			}
		case *ast.Ident:
			if c.info.Uses[n] == v {
				other++
			}
		}
		return true
	})
	return launched > 0 && other == 0
}

// runsLater reports whether a function that receives a callback keeps it
// to run later: context.AfterFunc, time.AfterFunc, t.Cleanup, shutdown and
// close hooks, subscriptions, registrations.
func runsLater(fn *types.Func) bool {
	if lint.IsFunc(fn, "context", "AfterFunc") || lint.IsFunc(fn, "time", "AfterFunc") ||
		lint.IsFunc(fn, "runtime", "SetFinalizer", "AddCleanup") {
		return true
	}
	name := fn.Name()
	if len(name) > 2 && strings.HasPrefix(name, "On") && unicode.IsUpper(rune(name[2])) {
		return true
	}
	lower := strings.ToLower(name)
	for _, w := range []string{"afterfunc", "cleanup", "finaliz", "shutdown", "subscribe", "register", "hook", "listener", "callback", "defer", "schedule", "addfunc", "addjob", "watch"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// resolves reports whether a's parameter is what its name refers to at pos
// (not shadowed), so that a fix can write it there.
func (c *checker) resolves(a *avail, pos token.Pos) bool {
	if a.v == nil || a.expr() == "" {
		return false
	}
	s := c.p.Pkg.Scope().Innermost(pos)
	if s == nil {
		return false
	}
	_, obj := s.LookupParent(a.name, pos)
	return obj == a.v
}

// innermostFunc returns the innermost function declaration or literal
// around cur.
func innermostFunc(cur inspector.Cursor) ast.Node {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f.Node()
	}
	return nil
}

// enclosingDecl returns the function declaration around cur, or nil.
func enclosingDecl(cur inspector.Cursor) *ast.FuncDecl {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return f.Node().(*ast.FuncDecl)
	}
	return nil
}

// assignedTo returns the variable that the expression at cur is the only
// value of (v := e, v = e, var v = e), or nil.
func (c *checker) assignedTo(cur inspector.Cursor) *types.Var {
	var v *types.Var
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				v, _ = c.info.ObjectOf(id).(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			v, _ = c.info.Defs[p.Names[0]].(*types.Var)
		}
	}
	return v
}

// receiverSource returns the context a method's receiver holds in a
// context.Context field (a collector's or worker's d.ctx), computed once
// per declaration: work done on the receiver's behalf belongs to that
// context.
func (c *checker) receiverSource(decl *ast.FuncDecl) *avail {
	a, ok := c.recvSrc[decl]
	if !ok {
		a = c.findReceiverSource(decl)
		if c.recvSrc == nil {
			c.recvSrc = make(map[*ast.FuncDecl]*avail)
		}
		c.recvSrc[decl] = a
	}
	if a == nil {
		return nil
	}
	cp := *a
	return &cp
}

func (c *checker) findReceiverSource(decl *ast.FuncDecl) *avail {
	if decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	id := decl.Recv.List[0].Names[0]
	v, ok := c.info.Defs[id].(*types.Var)
	if !ok || id.Name == "_" {
		return nil
	}
	t := v.Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for f := range st.Fields() {
		if lint.IsNamed(f.Type(), "context", "Context") {
			return &avail{v: v, name: id.Name, src: &ctxSource{expr: "." + f.Name()}, field: true}
		}
	}
	return nil
}
