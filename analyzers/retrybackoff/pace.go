package retrybackoff

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// shortWaits reports whether a loop whose waits are all constant hammers
// its dependency even as a start-up readiness poll: every wait is known to
// last less than -min-fixed-delay.
//
// Waiting for a database or a local agent at start-up (ping ten times, a
// second apart) is a deliberate pace, once per process; a delay read from
// configuration or a parameter there is the operator's choice. Other
// retries are reported whatever their fixed delay (see startup). With the
// setting 0, the strict reading, every fixed delay is reported.
func (c *checker) shortWaits(ws []wait) bool {
	if minFixedDelay <= 0 {
		return true
	}
	for _, w := range ws {
		var d int64
		var ok bool
		switch {
		case w.constant:
			d, ok = w.delay, w.delay > 0
		case w.dur != nil:
			d, ok = c.knownDuration(w.dur, map[types.Object]bool{})
		}
		if !ok || d >= int64(minFixedDelay) {
			return false
		}
	}
	return true
}

// knownDuration returns the value of a duration expression when it is
// known where it is used: a constant, arithmetic and conversions of
// constants, or a variable of this package assigned once from one.
func (c *checker) knownDuration(e ast.Expr, seen map[types.Object]bool) (int64, bool) {
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		v := constant.ToInt(tv.Value)
		if v.Kind() != constant.Int {
			return 0, false
		}
		return constant.Int64Val(v)
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		if !ok || seen[v] {
			return 0, false
		}
		init := c.singleAssignment(v)
		if init == nil {
			return 0, false
		}
		if seen == nil {
			seen = map[types.Object]bool{}
		}
		seen[v] = true
		defer delete(seen, v)
		return c.knownDuration(init, seen)
	case *ast.CallExpr:
		if tv, ok := c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.knownDuration(e.Args[0], seen)
		}
	case *ast.BinaryExpr:
		x, okx := c.knownDuration(e.X, seen)
		y, oky := c.knownDuration(e.Y, seen)
		if !okx || !oky {
			return 0, false
		}
		switch e.Op {
		case token.ADD:
			return x + y, true
		case token.SUB:
			return x - y, true
		case token.MUL:
			return x * y, true
		case token.QUO:
			if y != 0 {
				return x / y, true
			}
		}
	}
	return 0, false
}

// singleAssignment returns the expression a variable of this package is
// given, when that is the only assignment to it anywhere in the package
// and its address is never taken. Exported package variables can be set
// by other packages and have none.
func (c *checker) singleAssignment(v *types.Var) ast.Expr {
	if v.Pkg() != c.pass.Pkg || v.IsField() || (v.Parent() == v.Pkg().Scope() && v.Exported()) {
		return nil
	}
	if c.assigned == nil {
		c.assigned = c.collectAssignments()
	}
	as := c.assigned[v]
	if len(as) != 1 {
		return nil
	}
	return as[0]
}

// collectAssignments records, for every variable of the package, the
// expressions assigned to it; a nil entry stands for an assignment whose
// value is not one expression (x++, a tuple, &x, a range variable).
func (c *checker) collectAssignments() map[*types.Var][]ast.Expr {
	m := make(map[*types.Var][]ast.Expr)
	add := func(lhs ast.Expr, rhs ast.Expr) {
		if v, ok := lint.ObjectOf(c.info, lhs).(*types.Var); ok {
			v = v.Origin() // a field of a generic type: one entry for all instances
			m[v] = append(m[v], rhs)
		}
	}
	ins := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.IncDecStmt)(nil),
		(*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil), (*ast.KeyValueExpr)(nil)}
	ins.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			// A struct literal's field: Stream{sleep: retry.Backoff}. Map
			// keys resolve to no field and are left out.
			if id, ok := n.Key.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && v.IsField() {
					m[v.Origin()] = append(m[v.Origin()], n.Value)
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
					rhs = n.Rhs[i]
				}
				add(l, rhs)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if len(n.Values) == len(n.Names) {
					add(name, n.Values[i])
				} else if len(n.Values) > 0 {
					add(name, nil)
				}
			}
		case *ast.IncDecStmt:
			add(n.X, nil)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X, nil)
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				add(n.Key, nil)
			}
			if n.Value != nil {
				add(n.Value, nil)
			}
		}
	})
	return m
}

// logsError reports whether the loop body hands the retried error to a
// logging call (log.Printf("...: %v", err), logger.Warn("...", zap.Error(err)),
// log.Error().Err(err).Msg(...)): each failure is reported as it happens.
func (c *checker) logsError(body *ast.BlockStmt, errObj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || !ok {
			return !found
		}
		if !c.isLogCall(call) {
			return true
		}
		for _, a := range chainArgs(call) {
			if lint.Mentions(c.info, a, errObj) {
				found = true
			}
		}
		return !found
	})
	return found
}

// chainArgs returns the arguments of call and of the calls before it in a
// method chain: log.Error().Err(err).Msg("...") logs err.
func chainArgs(call *ast.CallExpr) []ast.Expr {
	var args []ast.Expr
	for call != nil {
		args = append(args, call.Args...)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		call, _ = ast.Unparen(sel.X).(*ast.CallExpr)
	}
	return args
}

// logNames are the method and function names through which Go code logs:
// the log and slog packages, zap, logrus, zerolog, klog, go-kit and the
// testing-style Logf. Debug levels are left out: nobody watches them.
// ctxpropagation's list differs on purpose: it excludes logging calls from
// twin checks, where a name like Send would hide real I/O.
var logNames = map[string]bool{
	"Print": true, "Printf": true, "Println": true,
	"Info": true, "Infof": true, "Infow": true, "Infoln": true, "InfoS": true,
	"Warn": true, "Warnf": true, "Warnw": true, "Warning": true, "Warningf": true, "Warnln": true,
	"Error": true, "Errorf": true, "Errorw": true, "Errorln": true, "ErrorS": true,
	"Log": true, "Logf": true, "Msg": true, "Msgf": true, "Send": true,
}

// isLogCall reports whether call logs: its name, or a name earlier in its
// chain, is a logging verb, and it is not fmt.Errorf or errors' wrapping.
func (c *checker) isLogCall(call *ast.CallExpr) bool {
	fn := lint.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt":
		return strings.HasPrefix(fn.Name(), "Fprint") && len(call.Args) > 0 && lint.IsPkgVar(c.info, call.Args[0], "os", "Stderr")
	case "errors":
		return false
	}
	return logNames[fn.Name()]
}

// contextInScope reports whether the loop could check for cancellation:
// an enclosing function has a context.Context or *http.Request parameter,
// or the loop uses a context variable declared outside it.
func (c *checker) contextInScope(cur inspector.Cursor, body *ast.BlockStmt) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft := lint.FuncType(fc.Node())
		for _, field := range ft.Params.List {
			if isContextish(c.info.TypeOf(field.Type)) {
				return true
			}
		}
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && isContextish(v.Type()) && v.Pos() < body.Pos() {
				found = true
			}
		}
		return !found
	})
	return found
}

func isContextish(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		return lint.IsNamed(p.Elem(), "net/http", "Request")
	}
	return lint.IsNamed(t, "context", "Context")
}

// hookWaits reports whether a call through a function-valued field or
// variable (s.sleep(ctx, attempt)) calls a function that waits: a sleep
// hook that the package sets to a backoff helper so that tests can swap
// it. The hook is judged by what the package assigns to it.
func (c *checker) hookWaits(call *ast.CallExpr) bool {
	v, ok := lint.ObjectOf(c.info, ast.Unparen(call.Fun)).(*types.Var)
	if !ok {
		return false
	}
	if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc {
		return false
	}
	v = v.Origin()
	if c.hooks == nil {
		c.hooks = make(map[*types.Var]bool)
	}
	if done, ok := c.hooks[v]; ok {
		return done
	}
	c.hooks[v] = false // guards recursion: a hook whose closure calls the hook
	if c.assigned == nil {
		c.assigned = c.collectAssignments()
	}
	waits := c.assignedWaits(v)
	c.hooks[v] = waits
	return waits
}

func (c *checker) assignedWaits(v *types.Var) bool {
	for _, rhs := range c.assigned[v] {
		switch e := ast.Unparen(rhs).(type) {
		case *ast.FuncLit:
			saved := c.cur
			c.cur = nil
			sc := c.scanNodes(false, nil, e.Body)
			c.cur = saved
			if sc.library || len(sc.waits) > 0 {
				return true
			}
		case *ast.Ident, *ast.SelectorExpr:
			fn, ok := lint.ObjectOf(c.info, e).(*types.Func)
			if ok && (c.isBackoff(fn) || lint.IsFunc(fn, "time", "Sleep") || c.waitsFactOf(fn) != nil) {
				return true
			}
		}
	}
	return false
}
