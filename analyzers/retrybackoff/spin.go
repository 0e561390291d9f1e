package retrybackoff

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/lint"
)

// checkSpinLoop reports an endless event loop (receive a message, accept a
// connection, wait for a notification, handle it, go round) that goes
// round again right after its operation fails, with nothing in the loop
// that waits. Such a loop is paced only by the operation blocking until
// the next event; once the connection or listener behind it breaks, the
// operation fails at once on every call and the loop spins, burning a core
// and flooding the log, for as long as the failure lasts. It reports
// whether it reported.
func (c *checker) checkSpinLoop(fs *ast.ForStmt, fl *flow) bool {
	if fs.Cond != nil && !c.trivialCond(fs.Cond) {
		return false
	}
	op, failPath := c.spinningOp(fs.Body, fs.Cond, fl)
	if op == nil {
		return false
	}
	// The operation itself blocks (that is the loop's pace on success);
	// anything else on the failure's way round that waits, blocks on a
	// channel or backs off paces the failures too. Handling a message
	// after a successful receive does not.
	nodes := []ast.Node{fs.Cond, fs.Post}
	for _, s := range failPath {
		nodes = append(nodes, s)
	}
	if failPath == nil {
		nodes = append(nodes, fs.Body)
	}
	c.skip = op
	sc := c.scanNodes(true, fl, nodes...)
	c.skip = nil
	if sc.library || sc.signal || sc.ticker || sc.timeoutOp || sc.deadline || len(sc.waits) > 0 {
		return false
	}
	name := "its operation"
	if fn := lint.Callee(c.info, op); fn != nil {
		name = fn.Name()
	}
	c.p.Report(analysis.Diagnostic{Pos: fs.For, End: fs.For + token.Pos(len("for")), Category: "RL607",
		Message: "event loop goes round again right after " + name + " fails, with no wait: " +
			"once the connection or listener behind it breaks, " + name + " fails at once on every call and the loop spins, " +
			"burning a core and flooding the log; wait with a growing delay before the next call, or return the error"})
	return true
}

// spinningOp returns the operation an endless loop's body starts with when
// its failure goes round again: the first error check, if its failing
// branch neither leaves the loop nor waits, or an error discarded with _.
// The operation must work on the same thing every time (its receiver and
// arguments do not change in the loop): handling one message that fails
// is not retried; reading the next one is what spins. A loop that keeps
// a position (offset += n) walks batches, not events.
//
// It also returns the statements a failure runs before going round, when
// the failing branch ends in continue: those up to and including the
// error check. Otherwise (the failure falls through) it returns nil: the
// whole body runs.
func (c *checker) spinningOp(body *ast.BlockStmt, cond ast.Expr, fl *flow) (*ast.CallExpr, []ast.Stmt) {
	if len(c.cur.stepped) > 0 {
		return nil, nil
	}
	stmts := eventStmts(body)
	for i, s := range stmts {
		switch s := s.(type) {
		case *ast.IfStmt:
			obj, thenFails, weak, ok := c.errCheck(s.Cond)
			if !ok {
				continue
			}
			failure := fl.elseOut(s)
			if thenFails {
				failure = fl.thenOut(s)
			}
			if weak || failure&exit != 0 {
				return nil, nil // the first operation's failure leaves the loop
			}
			var failBranch ast.Node = s.Else
			if thenFails {
				failBranch = s.Body
			}
			if cond != nil && failBranch != nil && !isNilNode(failBranch) && c.assignsCondVar(failBranch, cond) {
				return nil, nil // for listening { ...; if err != nil { listening = false } }
			}
			var ops []*ast.CallExpr
			if s.Init != nil {
				ops = c.ops(s.Init, obj)
			}
			if len(ops) == 0 {
				// the assignment that reaches the check: later ones
				// (groupID, err := uuid.Parse(...)) reuse the variable
				if from := c.lastAssigning(stmts[:i], obj); from != nil {
					ops = c.ops(from, obj)
				}
			}
			if len(ops) != 1 || !c.invariantOp(ops[0]) {
				return nil, nil // the loop starts with something else than a receive
			}
			if endsInContinue(failBranch) {
				return ops[0], stmts[:i+1]
			}
			return ops[0], nil
		case *ast.AssignStmt:
			// conn, _ := ln.Accept()
			if len(s.Rhs) != 1 || len(s.Lhs) < 2 {
				continue
			}
			call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
			if !ok {
				continue
			}
			last, ok := s.Lhs[len(s.Lhs)-1].(*ast.Ident)
			if ok && last.Name == "_" && lastResultIsError(c.info, call) && c.invariantOp(call) {
				return call, nil
			}
		}
	}
	return nil, nil
}

// eventStmts returns the statements an event loop runs each time round:
// its body, or the default clause of a select that is its whole body
// (select { case <-ctx.Done(): return; default: msg, err := sub.Receive(ctx) ... }).
func eventStmts(body *ast.BlockStmt) []ast.Stmt {
	if len(body.List) != 1 {
		return body.List
	}
	sel, ok := body.List[0].(*ast.SelectStmt)
	if !ok {
		return body.List
	}
	for _, cc := range sel.Body.List {
		if cc := cc.(*ast.CommClause); cc.Comm == nil {
			return cc.Body
		}
	}
	return body.List
}

// endsInContinue reports whether a branch's last statement is a bare
// continue: the statements after its if are skipped on that path.
func endsInContinue(n ast.Node) bool {
	b, ok := n.(*ast.BlockStmt)
	if !ok || b == nil || len(b.List) == 0 {
		return false
	}
	br, ok := b.List[len(b.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.CONTINUE && br.Label == nil
}

// assignsCondVar reports whether n assigns a variable that the loop
// condition reads: the failure ends the loop through its flag.
func (c *checker) assignsCondVar(n ast.Node, cond ast.Expr) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if as, ok := m.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if obj := lint.ObjectOf(c.info, l); obj != nil && lint.Mentions(c.info, cond, obj) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func lastResultIsError(info *types.Info, call *ast.CallExpr) bool {
	sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	return types.Identical(sig.Results().At(sig.Results().Len()-1).Type(), errorType)
}

// invariantOp reports whether a call works on the same thing on every
// iteration: a method of a value that outlives the loop (or one taken
// from it in the loop, c := conn.Conn()), with arguments that do not
// change. Local file and syscall operations are left to the reader rule.
func (c *checker) invariantOp(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if _, isPkg := c.info.Uses[identOf(sel.X)].(*types.PkgName); isPkg {
		return false // a package function: no source that outlives the loop
	}
	if c.localOps([]*ast.CallExpr{call}) {
		return false
	}
	if !c.invariant(sel.X, 0) {
		return false
	}
	for _, a := range call.Args {
		if !c.invariant(a, 0) {
			return false
		}
	}
	return true
}

// sameEachTime reports whether a call inside an operation's receiver or
// arguments yields the same thing each time round: a conversion
// (servicebus.HandlerFunc(h)), a builtin (make) or a getter with no
// arguments (conn.Conn()).
// Any other call (time.Now(), cache.SelectCandidate(now)) may pick
// something new on each iteration.
func (c *checker) sameEachTime(call *ast.CallExpr) bool {
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return true
	}
	if _, ok := c.info.Uses[identOf(call.Fun)].(*types.Builtin); ok {
		return true // make([]byte, n): a fresh buffer for the same source
	}
	if len(call.Args) > 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	_, isPkg := c.info.Uses[identOf(sel.X)].(*types.PkgName)
	return !isPkg
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// invariant reports whether every variable e reads is declared outside the
// loop, or is assigned in the loop only from such expressions.
func (c *checker) invariant(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if call, isCall := n.(*ast.CallExpr); isCall && !c.sameEachTime(call) {
			ok = false // pick(now, slots): a new candidate each time round
			return false
		}
		id, isID := n.(*ast.Ident)
		if !isID {
			return true
		}
		v, isVar := c.info.Uses[id].(*types.Var)
		if !isVar || v.IsField() || v.Pkg() == nil {
			return true
		}
		loop := c.cur.loop
		if v.Pos() < loop.Pos() || v.Pos() >= loop.End() || v.Pkg() != c.pass.Pkg {
			if len(c.cur.assigns[v]) > 0 {
				ok = false // changed in the loop
			}
			return true
		}
		as := c.cur.assigns[v]
		if len(as) == 0 {
			ok = false
			return false
		}
		for _, a := range as {
			if a.rhs == nil || a.op != token.DEFINE && a.op != token.ASSIGN || !c.invariant(a.rhs, depth+1) {
				ok = false
			}
		}
		return ok
	})
	return ok
}
