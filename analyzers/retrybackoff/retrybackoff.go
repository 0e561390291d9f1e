// Package retrybackoff defines an Analyzer that reports retry loops whose
// wait between attempts is missing, constant or unbounded.
package retrybackoff

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

var Analyzer = &analysis.Analyzer{
	Name:      "retrybackoff",
	Doc:       Doc,
	URL:       lint.DocsURL + "retrybackoff.md",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*waitsFact)(nil)},
}

var (
	common lint.Common
	// requireJitter turns on rule 4: a growing delay must also be randomized.
	requireJitter bool
	// backoffFuncs lists extra functions that implement a proper backoff,
	// as "pkgpath.Func" or "pkgpath.Type.Method", comma-separated.
	backoffFuncs string
	// minFixedDelay is the shortest fixed delay that a start-up readiness
	// poll may keep; see shortWaits and startup.
	minFixedDelay = time.Second
)

func init() {
	common.Register(&Analyzer.Flags)
	Analyzer.Flags.BoolVar(&requireJitter, "require-jitter", false,
		"also report retry loops whose growing delay has no random jitter")
	Analyzer.Flags.StringVar(&backoffFuncs, "backoff-funcs", "",
		`comma-separated functions that implement a proper backoff ("pkgpath.Func" or "pkgpath.Type.Method"); loops that call one are not reported`)
	Analyzer.Flags.DurationVar(&minFixedDelay, "min-fixed-delay", minFixedDelay,
		"a start-up readiness poll's fixed delay is reported when it is known to be shorter than this (any other retry's fixed delay always is); 0 reports every fixed delay, readiness polls included")
}

// backoffLibs are the packages (and their subpackages and major versions)
// whose retry helpers back off properly: a loop that calls into one
// delegates its waiting to it.
var backoffLibs = []string{
	"github.com/cenkalti/backoff",
	"github.com/avast/retry-go",
	"github.com/hashicorp/go-retryablehttp",
	"github.com/sethvargo/go-retry",
	"k8s.io/apimachinery/pkg/util/wait",
	"k8s.io/client-go/util/retry",
	"github.com/jpillora/backoff",
	"github.com/googleapis/gax-go/v2",
	"google.golang.org/grpc/backoff",
	"github.com/failsafe-go/failsafe-go",
}

// waitsFact marks a function whose body always waits: an in-house sleep
// helper such as sleepCtx(ctx, d). Loops that call it wait.
type waitsFact struct {
	// Param is the index of the time.Duration parameter the function
	// waits for, or -1 when the wait is not one of its parameters.
	Param int
	// Constant is set when the function always waits a constant time.
	Constant bool
	// Delay is that constant time, in nanoseconds, when it is known.
	Delay int64
}

func (*waitsFact) AFact() {}

func (f *waitsFact) String() string {
	switch {
	case f.Param >= 0:
		return fmt.Sprintf("waits(param %d)", f.Param)
	case f.Constant:
		return fmt.Sprintf("waits(constant %v)", time.Duration(f.Delay))
	}
	return "waits"
}

type checker struct {
	pass     *analysis.Pass
	p        *lint.Pass
	info     *types.Info
	backoffs map[string]bool

	decls    map[*types.Func]*ast.FuncDecl
	facts    map[*types.Func]*waitsFact // computed helpers; nil: does not wait
	imported map[*types.Func]*waitsFact // facts of other packages' functions looked up so far

	cur *loopCtx // the loop being judged

	// assigned holds every assignment to the package's variables,
	// collected on first use (see singleAssignment).
	assigned map[*types.Var][]ast.Expr
	hooks    map[*types.Var]bool // function-valued variables judged by hookWaits
	// skip is a call the scan leaves out: the event loop's own blocking
	// operation (see checkSpinLoop).
	skip *ast.CallExpr

	insp    *inspector.Inspector
	callers map[*types.Func][]*types.Func // see indexCallers
}

func run(pass *analysis.Pass) (any, error) {
	// The standard library's waits (time.Sleep, timers) are recognized
	// directly, so its packages need no facts, and its loops are not the
	// user's to fix. Skipping it is most of this analyzer's cost under go vet,
	// which runs fact-exporting analyzers over every dependency.
	if lint.IsStd(pass) {
		return nil, nil
	}
	path := pass.Pkg.Path()
	for _, lib := range backoffLibs {
		if path == lib || strings.HasPrefix(path, lib+"/") {
			return nil, nil // the libraries' own loops are the backoff
		}
	}
	c := &checker{
		pass:     pass,
		p:        lint.NewPass(pass, &common),
		info:     pass.TypesInfo,
		backoffs: parseList(backoffFuncs),
		decls:    make(map[*types.Func]*ast.FuncDecl),
		facts:    make(map[*types.Func]*waitsFact),
		imported: make(map[*types.Func]*waitsFact),
	}
	// One traversal of every file: helper functions are judged in all of
	// them (their facts serve other packages), loops only in analyzed ones.
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.insp = ins
	var loops []inspector.Cursor
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := c.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
				c.decls[fn] = n
			}
		default:
			if c.p.Analyzed(n.Pos()) {
				loops = append(loops, cur)
			}
		}
	}
	// Only exported functions can be called from other packages; the
	// package's own helpers are judged when a loop calls one.
	for fn := range c.decls {
		if !fn.Exported() {
			continue
		}
		if f := c.localFact(fn); f != nil {
			pass.ExportObjectFact(fn, f)
		}
	}
	for _, cur := range loops {
		c.checkLoop(cur)
	}
	return nil, nil
}

func parseList(s string) map[string]bool {
	m := make(map[string]bool)
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			m[x] = true
		}
	}
	return m
}

// isBackoff reports whether fn belongs to a backoff library or is one of
// the configured backoff functions.
func (c *checker) isBackoff(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	for _, lib := range backoffLibs {
		if path == lib || strings.HasPrefix(path, lib+"/") {
			return true
		}
	}
	if len(c.backoffs) == 0 {
		return false
	}
	name := path + "." + fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t := recv.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return false
		}
		name = path + "." + n.Origin().Obj().Name() + "." + fn.Name()
	}
	return c.backoffs[name]
}

// waitsFactOf returns the fact of a function that always waits, or nil.
func (c *checker) waitsFactOf(fn *types.Func) *waitsFact {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.localFact(fn)
	}
	if f, ok := c.imported[fn]; ok {
		return f
	}
	var f *waitsFact
	if imp := new(waitsFact); c.pass.ImportObjectFact(fn, imp) {
		f = imp
	}
	c.imported[fn] = f // most callees have none: remember that too
	return f
}

// localFact judges whether a function of this package always waits: its
// body, outside loops and closures, sleeps or receives from a timer.
func (c *checker) localFact(fn *types.Func) *waitsFact {
	if f, ok := c.facts[fn]; ok {
		return f
	}
	decl := c.decls[fn]
	if decl == nil {
		return nil
	}
	c.facts[fn] = nil // guards recursion
	saved := c.cur
	c.cur = nil
	sc := c.scanNodes(false, nil, decl.Body)
	c.cur = saved
	if sc.library || len(sc.waits) == 0 {
		return nil
	}
	f := &waitsFact{Param: -1}
	if len(sc.waits) == 1 {
		w := sc.waits[0]
		switch {
		case w.constant:
			f.Constant, f.Delay = true, w.delay
		case w.dur != nil:
			if tv, ok := c.info.Types[w.dur]; ok && tv.Value != nil {
				f.Constant = true
				f.Delay, _ = c.knownDuration(w.dur, nil)
			} else {
				f.Param = c.paramIndex(fn, w.dur)
			}
		}
	}
	c.facts[fn] = f
	return f
}

// paramIndex returns the index of the parameter e names (through
// conversions), or -1.
func (c *checker) paramIndex(fn *types.Func, e ast.Expr) int {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			break
		}
		if tv, ok := c.info.Types[call.Fun]; !ok || !tv.IsType() {
			break
		}
		e = call.Args[0]
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return -1
	}
	obj := c.info.ObjectOf(id)
	params := fn.Type().(*types.Signature).Params()
	for i := range params.Len() {
		if params.At(i) == obj {
			return i
		}
	}
	return -1
}

// A retry is the error check that makes a loop a retry loop.
type retry struct {
	// weak is set when the check also tests something else than the error
	// (err == nil && ready): the loop may be polling for a condition, so
	// only a missing wait is reported.
	weak         bool
	err          types.Object // the error checked
	ops          []*ast.CallExpr
	failure      outcome
	successExits map[ast.Node]bool
	// collision is set when each attempt draws a new random key (see
	// drawsKey): there is nothing to back off from, and only an
	// unbounded loop that takes every error for a collision is reported.
	collision bool
}

func (c *checker) checkLoop(cur inspector.Cursor) {
	var body *ast.BlockStmt
	var cond, post ast.Node
	loop := cur.Node().(ast.Stmt)
	forPos := loop.Pos()
	switch l := loop.(type) {
	case *ast.ForStmt:
		// A counted loop bounded by len(x) walks data, forwards or
		// backwards: it counts elements, not attempts.
		if callsLen(c.info, l.Init) || callsLen(c.info, l.Cond) {
			return
		}
		body, forPos = l.Body, l.For
		if l.Cond != nil {
			cond = l.Cond
		}
		if l.Post != nil {
			post = l.Post
		}
	case *ast.RangeStmt:
		// Only counted loops: range over data, channels and iterators
		// is not a retry loop.
		b, ok := types.Unalias(c.info.TypeOf(l.X)).Underlying().(*types.Basic)
		if !ok || b.Info()&types.IsInteger == 0 {
			return
		}
		body, forPos = l.Body, l.For
	}
	label := ""
	if ls, ok := cur.Parent().Node().(*ast.LabeledStmt); ok {
		label = ls.Label.Name
	}
	c.cur = c.newLoopCtx(loop)
	defer func() { c.cur = nil }()
	fl := newFlow(c.info, loop, body, label)
	r := c.findRetry(fl, loop, body)
	if r == nil {
		if fs, ok := loop.(*ast.ForStmt); ok && !c.checkIterLoop(fs, fl) {
			c.checkSpinLoop(fs, fl)
		}
		return
	}
	sc := c.scanNodes(true, fl, cond, post, body)
	if sc.ticker && !sc.signal {
		// A loop that leaves on success and goes round on failure is a
		// retry whatever paces it: a ticker's period is a fixed delay
		// (a peer redialled on every tick until it answers).
		sc.ticker = false
		sc.waits = append(sc.waits, wait{constant: true})
	}
	if sc.library || sc.signal || sc.ticker || sc.timeoutOp {
		return
	}
	if r.collision {
		c.checkCollision(loop, forPos, fl, body, r, sc)
		return
	}

	var problems []string
	if c.localOps(r.ops) {
		// Retrying the local file system or a syscall overloads no
		// shared dependency: only an endless loop is a problem.
		sc.waits = append(sc.waits, wait{})
	}
	sel, identity := false, false
	if r.failure&exit != 0 {
		sel, identity = c.selective(body, r.err)
	}
	if len(sc.waits) == 0 {
		if !identity {
			problems = append(problems, "has no wait between attempts")
		}
	} else if !r.weak && !sc.deadline && !sel && !c.pollsUntilDeadline(cur, body) {
		// A loop that polls until a deadline, or that retries only the
		// errors it recognizes and gives up on the others (waiting for a
		// known transient state), may keep a fixed pace. So may a start-up
		// readiness poll, unless its pace is known to be shorter than
		// min-fixed-delay; any other retry's fixed delay, of any length
		// or origin, makes the clients that failed together retry
		// together. A loop whose operation runs only when a condition
		// holds polls for it, and is judged like a readiness poll.
		switch {
		case c.constantWaits(sc.waits) && (c.shortWaits(sc.waits) || !c.startup(cur) && !conditionalOps(body, r.ops)):
			problems = append(problems, "waits the same fixed delay between attempts")
		case requireJitter && c.unjittered(sc.waits):
			problems = append(problems, "grows its delay without jitter")
		}
	}
	logged := c.logsError(body, r.err)
	if !r.weak && !c.bounded(loop, fl, body, r, sc) && !(logged && !c.contextInScope(cur, body)) {
		// A loop with no context to check that logs every failure is a
		// start-up wait for a dependency: the operator sees each failure
		// and stops the process. One that ignores a context in scope, or
		// fails silently, is reported.
		problems = append(problems, "never gives up and never checks for cancellation")
	}
	if len(problems) == 0 {
		return
	}
	why := "clients that fail together retry in lockstep and hammer the dependency while it recovers"
	switch {
	case len(problems) == 1 && strings.HasPrefix(problems[0], "never") && logged:
		why = "a permanent failure spins forever and the caller can neither stop it nor see it fail"
	case len(problems) == 1 && strings.HasPrefix(problems[0], "never"):
		why = "a permanent failure spins forever and is never reported"
	case strings.HasPrefix(problems[len(problems)-1], "never"):
		why += ", and a permanent failure spins forever"
	}
	msg := "retry loop " + strings.Join(problems, " and ") + ": " + why +
		"; back off exponentially with jitter and a cap, stop when the context is done, " +
		"or use a backoff library such as github.com/cenkalti/backoff"
	c.p.Report(analysis.Diagnostic{Pos: forPos, End: forPos + token.Pos(len("for")), Category: retryRule(problems), Message: msg})
}

// findRetry returns the error check that makes the loop a retry loop:
// on success it leaves the loop, on failure it may go round again. It
// returns nil when there is none.
func (c *checker) findRetry(fl *flow, loop ast.Stmt, body *ast.BlockStmt) *retry {
	var found *retry
	var ifs []*ast.IfStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.IfStmt:
			ifs = append(ifs, n)
		}
		return true
	})
	for _, s := range ifs {
		obj, thenFails, weak, ok := c.errCheck(s.Cond)
		if !ok || found != nil && (weak || !found.weak) {
			continue
		}
		ops := c.ops(body, obj)
		if len(ops) == 0 || c.candidates(fl, body, ops) {
			continue
		}
		collision := c.drawsKey(body, ops)
		if !collision && c.opsStep(ops) {
			continue
		}
		successExits := make(map[ast.Node]bool)
		var success, failure outcome
		fl.exits = successExits
		if thenFails {
			success = fl.elseOut(s)
			fl.exits = nil
			failure = fl.thenOut(s)
		} else {
			success = fl.thenOut(s)
			fl.exits = nil
			failure = fl.elseOut(s)
		}
		if success == 0 || success&^exit != 0 || failure&next == 0 {
			continue
		}
		found = &retry{weak: weak, err: obj, ops: ops, failure: failure, successExits: successExits, collision: collision}
	}
	if found != nil {
		return found
	}
	// for err != nil { ...; err = op() }: the condition is the check.
	fs, ok := loop.(*ast.ForStmt)
	if !ok || fs.Cond == nil {
		return nil
	}
	for _, x := range conjuncts(fs.Cond) {
		obj, neq, ok := c.nilCmp(x)
		if !ok || !neq {
			continue
		}
		ops := c.ops(fs.Post, obj)
		ops = append(ops, c.ops(body, obj)...)
		if len(ops) == 0 || c.opsStep(ops) || c.walksChain(body, ops, obj) {
			continue
		}
		o := fl.stmts(body.List, env{})
		if o&(next|fall) == 0 {
			continue
		}
		return &retry{err: obj, ops: ops, failure: next, successExits: map[ast.Node]bool{}}
	}
	return nil
}

func (f *flow) thenOut(s *ast.IfStmt) outcome {
	return f.resolve(f.stmts(s.Body.List, f.envAt(s)), s.Body)
}

func (f *flow) elseOut(s *ast.IfStmt) outcome {
	if s.Else == nil {
		return f.cont(s)
	}
	return f.resolve(f.stmt(s.Else, f.envAt(s)), s.Else)
}

// errCheck recognizes err != nil and err == nil, alone or in a && or ||
// with other conditions (which makes the check weak).
func (c *checker) errCheck(cond ast.Expr) (obj types.Object, thenFails, weak, ok bool) {
	if obj, neq, ok := c.nilCmp(cond); ok {
		return obj, neq, false, true
	}
	if b, isBin := ast.Unparen(cond).(*ast.BinaryExpr); isBin {
		switch b.Op {
		case token.LAND:
			for _, x := range conjuncts(b) {
				if obj, neq, ok := c.nilCmp(x); ok && !neq {
					return obj, false, true, true
				}
			}
		case token.LOR:
			for _, x := range disjuncts(b) {
				if obj, neq, ok := c.nilCmp(x); ok && neq {
					return obj, true, true, true
				}
			}
		}
	}
	return nil, false, false, false
}

func conjuncts(e ast.Expr) []ast.Expr { return split(e, token.LAND) }
func disjuncts(e ast.Expr) []ast.Expr { return split(e, token.LOR) }

func split(e ast.Expr, op token.Token) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == op {
		return append(split(b.X, op), split(b.Y, op)...)
	}
	return []ast.Expr{e}
}

// nilCmp recognizes a comparison of an error variable with nil.
func (c *checker) nilCmp(e ast.Expr) (obj types.Object, neq, ok bool) {
	b, isBin := ast.Unparen(e).(*ast.BinaryExpr)
	if !isBin || b.Op != token.EQL && b.Op != token.NEQ {
		return nil, false, false
	}
	x, y := ast.Unparen(b.X), ast.Unparen(b.Y)
	if c.isNil(x) {
		x, y = y, x
	}
	id, isID := x.(*ast.Ident)
	if !isID || !c.isNil(y) {
		return nil, false, false
	}
	v, isVar := c.info.ObjectOf(id).(*types.Var)
	if !isVar || !types.IsInterface(v.Type()) || !types.Implements(v.Type(), errorType.Underlying().(*types.Interface)) {
		return nil, false, false
	}
	return v, b.Op == token.NEQ, true
}

func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.IsNil()
}

// ops returns the calls, in n, whose result is assigned to the error
// variable obj: the operation the loop retries.
func (c *checker) ops(n ast.Node, obj types.Object) []*ast.CallExpr {
	if n == nil || isNilNode(n) {
		return nil
	}
	var calls []*ast.CallExpr
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if lint.ObjectOf(c.info, l) != obj {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
					calls = append(calls, call)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.info.Defs[name] == obj && len(n.Values) > 0 {
					rhs := n.Values[0]
					if len(n.Values) == len(n.Names) {
						rhs = n.Values[i]
					}
					if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
						calls = append(calls, call)
					}
				}
			}
		}
		return true
	})
	return calls
}

// walksChain reports whether every operation computes the next error from
// the current one: err = errors.Unwrap(err), or err = u.Unwrap() where u
// was taken from err in the loop (u, ok := err.(unwrapper)). Such a loop
// walks an error chain; nothing is retried.
func (c *checker) walksChain(body *ast.BlockStmt, ops []*ast.CallExpr, errObj types.Object) bool {
	fromErr := make(map[types.Object]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && lint.Mentions(c.info, as.Rhs[0], errObj) {
			for _, l := range as.Lhs {
				if o := lint.ObjectOf(c.info, l); o != nil && o != errObj {
					fromErr[o] = true
				}
			}
		}
		return true
	})
	for _, call := range ops {
		derived := lint.Mentions(c.info, call, errObj)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fromErr[lint.ObjectOf(c.info, sel.X)] {
			derived = true
		}
		if !derived {
			return false
		}
	}
	return true
}

// opsStep reports whether an operation changes with each iteration (its
// receiver or arguments depend on the counter, the next item, a random
// value): trying the next candidate is not retrying.
func (c *checker) opsStep(ops []*ast.CallExpr) bool {
	for _, call := range ops {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && c.mentionsStepped(sel.X, call.Pos(), map[types.Object]bool{}) {
			return true
		}
		for _, a := range call.Args {
			if c.mentionsStepped(a, call.Pos(), map[types.Object]bool{}) {
				return true
			}
		}
	}
	return false
}

// candidates reports whether an operation works on a candidate that the
// loop picks afresh each time and stops when there is none left:
//
//	remote := tp.pick()
//	if remote == nil { break }
//	conn, err = net.Dial("tcp", remote.addr)
//
// That is failing over through candidates, not retrying one operation.
func (c *checker) candidates(fl *flow, body *ast.BlockStmt, ops []*ast.CallExpr) bool {
	picked := make(map[types.Object]bool)
	for _, call := range ops {
		var exprs []ast.Expr
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			exprs = append(exprs, sel.X)
		}
		exprs = append(exprs, call.Args...)
		for _, e := range exprs {
			ast.Inspect(e, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						for _, a := range c.cur.assigns[v] {
							if _, isCall := ast.Unparen(a.rhs).(*ast.CallExpr); isCall || a.rhs == nil {
								picked[v] = true
							}
						}
					}
				}
				return true
			})
		}
	}
	if len(picked) == 0 {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
			if !ok || b.Op != token.EQL || !c.isNil(b.X) && !c.isNil(b.Y) {
				return true
			}
			x := b.X
			if c.isNil(x) {
				x = b.Y
			}
			if picked[lint.ObjectOf(c.info, x)] && fl.thenOut(n) == exit {
				found = true
			}
		}
		return !found
	})
	return found
}

// localOps reports whether every operation works on the local machine:
// the file system, a syscall.
func (c *checker) localOps(ops []*ast.CallExpr) bool {
	for _, call := range ops {
		fn := lint.Callee(c.info, call)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch p := fn.Pkg().Path(); {
		case p == "os", p == "syscall", p == "io/fs", p == "path/filepath", strings.HasPrefix(p, "golang.org/x/sys/"):
		default:
			return false
		}
	}
	return len(ops) > 0
}

// selective reports whether a loop looks into the error it retries on,
// beyond comparing it with nil: errors.Is(err, ErrNotReady), a type
// switch, isRetryable(err), strings.Contains(err.Error(), ...).
// Cancellation checks (errors.Is(err, context.Canceled)) do not count.
func (c *checker) selective(body *ast.BlockStmt, errObj types.Object) (sel, identity bool) {
	inspects := func(e ast.Expr) bool {
		if e == nil {
			return false
		}
		found, ctxErr := false, false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case ast.Expr:
				if _, _, ok := c.nilCmp(n); ok {
					return false
				}
				if id, ok := n.(*ast.Ident); ok {
					switch obj := c.info.Uses[id]; {
					case obj == errObj:
						found = true
					case obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "context":
						ctxErr = true
					}
				}
			}
			return true
		})
		return found && !ctxErr
	}
	identity = true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if inspects(n.Cond) {
				sel = true
				identity = identity && c.identityTest(n.Cond, errObj)
			}
		case *ast.SwitchStmt:
			if inspects(n.Tag) {
				sel = true // switch err { case ErrA: }
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if inspects(e) {
					sel = true
					identity = identity && c.identityTest(e, errObj)
				}
			}
		case *ast.TypeSwitchStmt:
			ast.Inspect(n.Assign, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && c.info.Uses[id] == errObj {
					sel = true
				}
				return true
			})
		case *ast.AssignStmt:
			// ok, cause := shouldRetry(ctx, err)
			for _, r := range n.Rhs {
				if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && returnsBool(c.info, call) && inspects(call) {
					sel = true
					identity = identity && c.identityTest(call, errObj)
				}
			}
		}
		return true
	})
	return sel, sel && identity
}

func returnsBool(info *types.Info, call *ast.CallExpr) bool {
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	return ok && sig.Results().Len() > 0 && types.Identical(sig.Results().At(0).Type().Underlying(), types.Typ[types.Bool])
}

// identityTest reports whether every use of the error in a condition asks
// what the error is (errors.Is, errors.As, err == ErrX, os.IsNotExist(err),
// err.Error()), rather than handing it to a retry-policy predicate
// (isRetryable(err)).
func (c *checker) identityTest(e ast.Expr, errObj types.Object) bool {
	ok := true
	var stack []ast.Node
	ast.Inspect(e, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, isID := n.(*ast.Ident); isID && c.info.Uses[id] == errObj && len(stack) > 0 {
			switch p := stack[len(stack)-1].(type) {
			case *ast.BinaryExpr, *ast.SelectorExpr, *ast.TypeAssertExpr:
			case *ast.CallExpr:
				fn := lint.Callee(c.info, p)
				if !lint.IsFunc(fn, "errors", "Is", "As") && !(fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "os" && strings.HasPrefix(fn.Name(), "Is")) {
					ok = false
				}
			default:
				ok = false
			}
		}
		stack = append(stack, n)
		return true
	})
	return ok
}

// constantWaits reports whether every wait of the loop lasts the same
// known time on every attempt.
func (c *checker) constantWaits(ws []wait) bool {
	for _, w := range ws {
		if w.constant {
			continue
		}
		if w.dur == nil || c.eval(w.dur, map[types.Object]bool{}).varies {
			return false
		}
	}
	return true
}

// unjittered reports whether the loop's delays grow by plain arithmetic
// with no random part.
func (c *checker) unjittered(ws []wait) bool {
	for _, w := range ws {
		if w.dur == nil {
			return false
		}
		d := c.eval(w.dur, map[types.Object]bool{})
		if d.random || d.unknown {
			return false
		}
	}
	return true
}

// bounded reports whether a retry loop can end otherwise than by success:
// an attempt limit, a deadline, a cancellation check, or any exit that is
// not the success exit.
func (c *checker) bounded(loop ast.Stmt, fl *flow, body *ast.BlockStmt, r *retry, sc *scan) bool {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		return true
	case *ast.ForStmt:
		if l.Cond != nil && !c.trivialCond(l.Cond) {
			return true
		}
	}
	if r.failure&exit != 0 || sc.cancel || c.succeedsOnCancel(r.ops) {
		return true
	}
	all := make(map[ast.Node]bool)
	fl.exits = all
	fl.stmts(body.List, env{})
	fl.exits = nil
	for n := range all {
		if !r.successExits[n] {
			return true
		}
	}
	return false
}

// trivialCond reports whether a loop condition bounds nothing: it only
// tests the error, or a local flag set on success.
func (c *checker) trivialCond(e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		return true // for true
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			return c.trivialCond(e.X) && c.trivialCond(e.Y)
		}
		_, _, ok := c.nilCmp(e)
		return ok
	case *ast.UnaryExpr:
		return e.Op == token.NOT && c.trivialCond(e.X)
	case *ast.Ident:
		v, ok := c.info.ObjectOf(e).(*types.Var)
		return ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
	}
	return false
}

// callsLen reports whether n calls the builtin len or cap.
func callsLen(info *types.Info, n ast.Node) bool {
	if n == nil || isNilNode(n) {
		return false
	}
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
