package retrybackoff

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/lint"
)

// A wait is one way a loop body pauses between attempts.
type wait struct {
	// dur is the duration waited for; nil when it is not known (a timer
	// reset elsewhere, a rate limiter, a helper that computes its own
	// delay), which the checker trusts.
	dur ast.Expr
	// constant is set for a helper known to always wait the same time;
	// delay is that time in nanoseconds, 0 when not known.
	constant bool
	delay    int64
}

// A scan is what a loop body (or a helper's body) does besides its
// operation: how it waits, whether it checks for cancellation, and the
// signs that it is not a retry loop at all.
type scan struct {
	waits     []wait
	cancel    bool // checks ctx.Done(), ctx.Err(), a stop channel or a deadline
	signal    bool // blocks on a channel that is not a timer: waits for an event
	ticker    bool // paced by a time.Ticker: a periodic loop
	library   bool // calls a backoff library or a configured backoff function
	timeoutOp bool // retries after timeouts: the operation itself waited
	deadline  bool // compares against a deadline: polls until a time
	timerDurs []ast.Expr
	timerC    bool // receives from a time.Timer's channel
}

// scanner walks a body and fills a scan.
type scanner struct {
	c *checker
	s *scan
	// loops is false for helper bodies: a wait inside a loop there is not
	// a wait the helper always performs.
	loops bool
	flow  *flow // nil for helper bodies
	done  map[ast.Node]bool
}

func (c *checker) scanNodes(loops bool, fl *flow, nodes ...ast.Node) *scan {
	sc := &scanner{c: c, s: &scan{}, loops: loops, flow: fl, done: make(map[ast.Node]bool)}
	for _, n := range nodes {
		if n != nil && !isNilNode(n) {
			ast.Inspect(n, sc.visit)
		}
	}
	s := sc.s
	if s.timerC {
		if len(s.timerDurs) == 0 {
			s.waits = append(s.waits, wait{})
		}
		for _, d := range s.timerDurs {
			s.waits = append(s.waits, wait{dur: d})
		}
	}
	return s
}

func isNilNode(n ast.Node) bool {
	switch n := n.(type) {
	case ast.Stmt:
		return n == nil
	case ast.Expr:
		return n == nil
	}
	return false
}

func (sc *scanner) visit(n ast.Node) bool {
	info := sc.c.info
	switch n := n.(type) {
	case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
		return false
	case *ast.ForStmt, *ast.RangeStmt:
		return sc.loops
	case *ast.SelectStmt:
		sc.selectStmt(n)
	case *ast.ExprStmt:
		if u, ok := ast.Unparen(n.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			sc.receive(u, true)
		}
	case *ast.UnaryExpr:
		if n.Op == token.ARROW {
			sc.receive(n, false)
		}
	case *ast.CallExpr:
		sc.call(n)
	case *ast.Ident:
		// The name test first: it spares a map lookup for almost every
		// identifier of the function.
		if !mayNameCancelOrTimeout(n.Name) {
			break
		}
		if v, ok := info.Uses[n].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			switch {
			case v.Pkg().Path() == "context" && (v.Name() == "Canceled" || v.Name() == "DeadlineExceeded"):
				sc.s.cancel = true
			case isTimeoutErr(v):
				sc.s.timeoutOp = true
			}
		}
	}
	return true
}

// isTimeoutErr reports whether v is a package-level error variable that
// names a timeout (os.ErrDeadlineExceeded, nats.ErrTimeout, ...): an
// operation that can fail that way has already waited.
func isTimeoutErr(v *types.Var) bool {
	if !types.Identical(v.Type(), errorType) {
		return false
	}
	name := strings.ToLower(v.Name())
	return strings.Contains(name, "timeout") || strings.Contains(name, "deadline")
}

// mayNameCancelOrTimeout reports whether name could be context.Canceled,
// context.DeadlineExceeded or a timeout error variable (see isTimeoutErr).
func mayNameCancelOrTimeout(name string) bool {
	return name == "Canceled" || containsFold(name, "timeout") || containsFold(name, "deadline")
}

// containsFold reports whether s contains the lower-case ASCII word sub,
// ignoring case, without allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type()

// selectStmt classifies the cases of a select statement.
func (sc *scanner) selectStmt(s *ast.SelectStmt) {
	hasDefault := false
	for _, c := range s.Body.List {
		if c.(*ast.CommClause).Comm == nil {
			hasDefault = true
		}
	}
	for _, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		u := recvOf(cc.Comm)
		if u == nil {
			continue
		}
		sc.done[u] = true
		kind, dur := sc.chanKind(u.X)
		leaves := false
		if sc.flow != nil {
			leaves = sc.flow.stmts(cc.Body, env{breakInner: true})&exit != 0
		} else {
			leaves = hasReturn(cc.Body)
		}
		switch {
		case kind == chanTicker && hasDefault:
			// a non-blocking look at a ticker (has a token expired?)
			// does not pace the loop
		case kind == chanTicker:
			sc.s.ticker = true
		case kind == chanTime && sc.flow == nil:
			// a helper returns once its timer fires
			if !hasDefault {
				sc.addTimeWait(u.X, dur)
			}
		case kind == chanDone || leaves:
			// ctx.Done(), a stop channel or an overall deadline that
			// ends the loop
			sc.s.cancel = true
		case kind == chanTime:
			if !hasDefault {
				sc.addTimeWait(u.X, dur)
			}
		case !hasDefault:
			sc.s.signal = true
		}
	}
}

func hasReturn(list []ast.Stmt) bool {
	found := false
	for _, s := range list {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			}
			return !found
		})
	}
	return found
}

// recvOf returns the receive operation of a select case, or nil for a send
// or the default case.
func recvOf(s ast.Stmt) *ast.UnaryExpr {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u
	}
	return nil
}

// receive classifies a receive operation outside a select. A discarded
// receive from a channel that is not a timer waits for an event.
func (sc *scanner) receive(u *ast.UnaryExpr, discarded bool) {
	if sc.done[u] {
		return
	}
	sc.done[u] = true
	kind, dur := sc.chanKind(u.X)
	switch kind {
	case chanTicker:
		sc.s.ticker = true
	case chanDone:
		sc.s.cancel = true
	case chanTime:
		sc.addTimeWait(u.X, dur)
	default:
		if discarded {
			sc.s.signal = true
		}
	}
}

func (sc *scanner) addTimeWait(ch ast.Expr, dur ast.Expr) {
	if dur != nil {
		sc.s.waits = append(sc.s.waits, wait{dur: dur})
		return
	}
	if sel, ok := ast.Unparen(ch).(*ast.SelectorExpr); ok && sel.Sel.Name == "C" && lint.IsNamed(sc.c.info.TypeOf(sel.X), "time", "Timer") {
		sc.s.timerC = true
		return
	}
	sc.s.waits = append(sc.s.waits, wait{})
}

type chanKindT int

const (
	chanOther chanKindT = iota
	chanTime            // delivers a time.Time: a timer
	chanTicker
	chanDone // a context's Done channel
)

// chanKind classifies a channel expression, and returns the duration a
// timer channel fires after when it is a direct call (time.After(d),
// clock.After(d)).
func (sc *scanner) chanKind(ch ast.Expr) (chanKindT, ast.Expr) {
	info := sc.c.info
	ch = ast.Unparen(ch)
	if call, ok := ch.(*ast.CallExpr); ok {
		fn := lint.Callee(info, call)
		if fn != nil && fn.Name() == "Done" && isContext(recvType(fn, call, info)) {
			return chanDone, nil
		}
		if lint.IsFunc(fn, "time", "Tick") {
			return chanTicker, nil
		}
	}
	if sel, ok := ch.(*ast.SelectorExpr); ok && sel.Sel.Name == "C" {
		if lint.IsNamed(info.TypeOf(sel.X), "time", "Ticker") {
			return chanTicker, nil
		}
	}
	t, ok := types.Unalias(info.TypeOf(ch)).(*types.Chan)
	if !ok || !lint.IsNamed(t.Elem(), "time", "Time") {
		return chanOther, nil
	}
	if call, ok := ch.(*ast.CallExpr); ok {
		if d := durationArg(info, call); d != nil {
			return chanTime, d
		}
	}
	if id, ok := ch.(*ast.Ident); ok && sc.c.cur != nil {
		// after := time.After(d) assigned in the loop
		if obj := info.ObjectOf(id); obj != nil {
			for _, a := range sc.c.cur.assigns[obj] {
				if call, ok := ast.Unparen(a.rhs).(*ast.CallExpr); ok && a.op == token.ASSIGN {
					if d := durationArg(info, call); d != nil {
						return chanTime, d
					}
				}
			}
		}
	}
	return chanTime, nil
}

// durationArg returns the single time.Duration argument of a call, or nil.
func durationArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	var d ast.Expr
	for _, a := range call.Args {
		if lint.IsNamed(info.TypeOf(a), "time", "Duration") || isUntypedConstFor(info, call, a) {
			if d != nil {
				return nil
			}
			d = a
		}
	}
	return d
}

// isUntypedConstFor reports whether a is an untyped constant passed for a
// time.Duration parameter of call.
func isUntypedConstFor(info *types.Info, call *ast.CallExpr, a ast.Expr) bool {
	tv, ok := info.Types[a]
	if !ok || tv.Value == nil {
		return false
	}
	if b, ok := tv.Type.(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
		return false
	}
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return false
	}
	for i, x := range call.Args {
		if x == a && i < sig.Params().Len() {
			return lint.IsNamed(sig.Params().At(i).Type(), "time", "Duration")
		}
	}
	return false
}

func (sc *scanner) call(call *ast.CallExpr) {
	info := sc.c.info
	if call == sc.c.skip {
		return
	}
	fn := lint.Callee(info, call)
	if fn == nil {
		if sc.c.hookWaits(call) {
			sc.s.waits = append(sc.s.waits, wait{})
		}
		return
	}
	if sc.c.isBackoff(fn) {
		sc.s.library = true
		return
	}
	switch {
	case lint.IsFunc(fn, "time", "Sleep"):
		if len(call.Args) == 1 {
			sc.s.waits = append(sc.s.waits, wait{dur: call.Args[0]})
		}
		return
	case lint.IsFunc(fn, "time", "NewTimer") || lint.IsMethod(fn, "time", "Timer", "Reset"):
		if len(call.Args) == 1 {
			sc.s.timerDurs = append(sc.s.timerDurs, call.Args[0])
		}
		return
	case lint.IsFunc(fn, "time", "NewTicker"):
		sc.s.ticker = true
		return
	case lint.IsFunc(fn, "time", "Since", "Until") || lint.IsMethod(fn, "time", "Time", "Before", "After", "Compare"):
		sc.s.deadline = true
		return
	case lint.IsFunc(fn, "os", "IsTimeout"):
		sc.s.timeoutOp = true
		return
	case lint.IsMethod(fn, "golang.org/x/time/rate", "Limiter", "Wait", "WaitN"):
		sc.s.waits = append(sc.s.waits, wait{})
		return
	case lint.IsMethod(fn, "sync", "Cond", "Wait"):
		sc.s.signal = true
		return
	case isAccept(fn):
		// Accept blocks until a client connects: each iteration handles
		// a new event, as in a server loop.
		sc.s.signal = true
		return
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil {
		switch fn.Name() {
		case "Done", "Err":
			if isContext(recvType(fn, call, info)) {
				sc.s.cancel = true
				return
			}
		case "Timeout":
			// net.Error's Timeout(): the operation failed after waiting
			if sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
				sc.s.timeoutOp = true
				return
			}
		}
	}
	if strings.HasPrefix(strings.ToLower(fn.Name()), "wait") && fn.Pkg() != nil && fn.Pkg().Path() != "sync" {
		// WaitForReady, waitForSelector, cmd.Wait: by Go convention a
		// Wait function blocks until something happens.
		sc.s.waits = append(sc.s.waits, wait{})
		return
	}
	if fn.Name() == "Sleep" {
		// clock.Sleep, gax.Sleep, fake clocks: whatever sleeps for a duration
		if d := durationArg(info, call); d != nil {
			sc.s.waits = append(sc.s.waits, wait{dur: d})
			return
		}
	}
	if f := sc.c.waitsFactOf(fn); f != nil {
		switch {
		case f.Param >= 0 && f.Param < len(call.Args) && !sig.Variadic():
			sc.s.waits = append(sc.s.waits, wait{dur: call.Args[f.Param]})
		case f.Constant:
			sc.s.waits = append(sc.s.waits, wait{constant: true, delay: f.Delay})
		default:
			sc.s.waits = append(sc.s.waits, wait{})
		}
	}
}

// recvType returns the type of a method call's receiver.
func recvType(fn *types.Func, call *ast.CallExpr, info *types.Info) types.Type {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return info.TypeOf(sel.X)
	}
	return nil
}

var contextIface = func() *types.Interface {
	// context.Context's Done and Err are what a cancellation check calls;
	// any type that has them is a context for this purpose.
	done := types.NewFunc(token.NoPos, nil, "Done", types.NewSignatureType(nil, nil, nil, nil,
		types.NewTuple(types.NewVar(token.NoPos, nil, "", types.NewChan(types.RecvOnly, types.NewStruct(nil, nil)))), false))
	err := types.NewFunc(token.NoPos, nil, "Err", types.NewSignatureType(nil, nil, nil, nil,
		types.NewTuple(types.NewVar(token.NoPos, nil, "", errorType)), false))
	return types.NewInterfaceType([]*types.Func{done, err}, nil).Complete()
}()

func isContext(t types.Type) bool {
	if t == nil {
		return false
	}
	return types.Implements(t, contextIface) || types.Implements(types.NewPointer(t), contextIface)
}

// isAccept reports whether fn is a listener's Accept method (net.Listener,
// *net.TCPListener's AcceptTCP, and in-house listeners alike).
func isAccept(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	switch fn.Name() {
	case "Accept", "AcceptTCP", "AcceptUnix":
		return true
	}
	return false
}
