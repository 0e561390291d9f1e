package missingtx

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/resilint/resilint/internal/lint"
)

// checkHygiene reports, in u, commits whose error is discarded and
// transactions that are not rolled back on every path that does not
// commit.
func (c *checker) checkHygiene(u *unit) {
	if u.body == nil {
		return
	}
	var begins []*ast.AssignStmt
	readOnly := -1 // unknown; see below
	ast.PreorderStack(u.body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && isBegin(lint.Callee(c.info, call)) {
					begins = append(begins, n)
				}
			}
		case *ast.CallExpr:
			fn := lint.Callee(c.info, n)
			if isCommit(fn) && len(stack) > 0 {
				// A transaction the function begins and only reads
				// through (a consistent snapshot) loses nothing when
				// its commit fails.
				if readOnly < 0 && len(begins) > 0 {
					readOnly = 0
					if !c.writesInTx(u) {
						readOnly = 1
					}
				}
				if readOnly != 1 {
					c.checkCommit(n, fn, stack)
				}
			}
		}
		return true
	})
	c.checkDeferredCommits(u)
	if len(begins) == 0 {
		return
	}
	var g *cfg.CFG
	for _, as := range begins {
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok {
			continue
		}
		txv := lint.LocalVar(c.info, u.body, id)
		if txv == nil || c.escapes(u, txv) || c.batched(u, as, txv) {
			continue
		}
		var errv *types.Var
		if len(as.Lhs) > 1 {
			if eid, ok := as.Lhs[1].(*ast.Ident); ok {
				errv, _ = c.info.ObjectOf(eid).(*types.Var)
			}
		}
		if g == nil {
			g = cfg.New(u.body, c.mayReturn)
		}
		if exit := c.leak(g, as, txv, errv); exit != token.NoPos {
			call := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			c.p.ReportRule("RL302", call, fmt.Sprintf(
				"transaction %s is not rolled back on every path that does not commit (line %d leaves it open): a leaked transaction holds its locks and a pooled connection until the database ends it; add defer %s right after the error check (a no-op once committed)",
				txv.Name(), c.pass.Fset.Position(exit).Line, rollbackCall(txv)))
		}
	}
}

func rollbackCall(v *types.Var) string {
	switch {
	case lint.IsNamed(v.Type(), pgxPkg, "Tx"):
		return v.Name() + ".Rollback(ctx)"
	}
	return v.Name() + ".Rollback()"
}

// checkCommit reports a commit whose error is discarded; stack holds the
// nodes around call.
func (c *checker) checkCommit(call *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	gorm := isGormMethod(fn, "Commit")
	parent := stack[len(stack)-1]
	var expr ast.Node = call
	if sel, ok := parent.(*ast.SelectorExpr); ok && gorm && sel.Sel.Name == "Error" && len(stack) > 1 {
		expr, parent = sel, stack[len(stack)-2]
	} else if paren, ok := parent.(*ast.ParenExpr); ok && len(stack) > 1 {
		expr, parent = paren, stack[len(stack)-2]
	}
	var msg string
	switch p := parent.(type) {
	case *ast.ExprStmt:
		if gorm {
			msg = "tx.Commit() is called without checking its .Error"
		} else {
			msg = "the error of Commit is discarded"
		}
	case *ast.DeferStmt:
		msg = "defer Commit discards the commit error (and commits even when the function fails)"
	case *ast.GoStmt:
		msg = "the error of Commit is discarded"
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == expr && i < len(p.Lhs) && len(p.Lhs) == len(p.Rhs) {
				if id, ok := p.Lhs[i].(*ast.Ident); ok && id.Name == "_" {
					msg = "the error of Commit is assigned to _"
				}
			}
		}
	}
	if msg == "" {
		return
	}
	check := "if err := tx.Commit(); err != nil { return err }"
	if gorm {
		check = "if err := tx.Commit().Error; err != nil { return err }"
	}
	c.p.ReportRule("RL303", call, msg+": a failed commit silently loses every write of the transaction; check it ("+check+")")
}

// escapes reports whether the transaction in v leaves the function's
// hands: returned, stored, captured by a closure, or handled in a defer
// (defer tx.Rollback(), a deferred closure that rolls back on error).
func (c *checker) escapes(u *unit, v *types.Var) bool {
	esc := false
	ast.PreorderStack(u.body, nil, func(n ast.Node, stack []ast.Node) bool {
		if esc {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || c.info.Uses[id] != v {
			return true
		}
		for i := len(stack) - 1; i >= 0; i-- {
			switch s := stack[i].(type) {
			case *ast.DeferStmt, *ast.FuncLit, *ast.GoStmt, *ast.ReturnStmt, *ast.SendStmt, *ast.CompositeLit:
				if r, ok := s.(*ast.ReturnStmt); ok && c.returnsCommit(r, v) {
					return true
				}
				esc = true
				return false
			case *ast.AssignStmt:
				for _, r := range s.Rhs {
					if ast.Unparen(r) == id {
						esc = true // stored: s.tx = tx, other := tx
						return false
					}
				}
			}
		}
		return true
	})
	return esc
}

// returnsCommit reports whether r only uses v to commit or roll back:
// return tx.Commit(), return tx.Commit(ctx).
func (c *checker) returnsCommit(r *ast.ReturnStmt, v *types.Var) bool {
	ok := true
	ast.PreorderStack(r, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !isID || c.info.Uses[id] != v {
			return true
		}
		if len(stack) < 2 {
			ok = false
			return false
		}
		sel, isSel := stack[len(stack)-1].(*ast.SelectorExpr)
		call, isCall := stack[len(stack)-2].(*ast.CallExpr)
		if !isSel || !isCall || call.Fun != sel {
			if isSel && sel.Sel.Name == "Error" {
				return true
			}
			ok = false
			return false
		}
		return true // tx.Commit(), tx.Rollback(), tx.Exec(...)
	})
	return ok
}

// Leak states.
const (
	open    = 1 // the transaction is begun and not finished
	errLive = 2 // the error of the Begin is still in its variable
)

// leak follows the paths from the Begin in as and returns where one
// leaves the function with the transaction open, or NoPos.
func (c *checker) leak(g *cfg.CFG, as *ast.AssignStmt, txv, errv *types.Var) token.Pos {
	gorm := isGormDB(txv.Type())
	type item struct {
		b     *cfg.Block
		from  int
		state int
	}
	var work []item
	for _, b := range g.Blocks {
		for k, n := range b.Nodes {
			if n == as {
				work = append(work, item{b, k + 1, open | errLive})
			}
		}
	}
	seen := make(map[[2]int]bool)
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		st := it.state
		nodes := it.b.Nodes[it.from:]
		for k, n := range nodes {
			if n == as {
				st = open | errLive
				continue
			}
			isCond := k == len(nodes)-1 && len(it.b.Succs) == 2
			if c.finishes(n, txv) {
				st = 0
				break
			}
			if !isCond && st&errLive != 0 && (errv != nil && assigns(c.info, n, errv) || gorm && lint.Mentions(c.info, n, txv)) {
				st &^= errLive
			}
		}
		if st&open == 0 {
			continue
		}
		if len(it.b.Succs) == 0 {
			if it.b.Kind == cfg.KindUnreachable {
				continue
			}
			if len(it.b.Nodes) > 0 {
				last := it.b.Nodes[len(it.b.Nodes)-1]
				if es, ok := last.(*ast.ExprStmt); ok {
					if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && !c.mayReturn(call) {
						continue // panic, log.Fatal
					}
				}
				if r, ok := last.(*ast.ReturnStmt); ok {
					return r.Pos()
				}
			}
			return as.Pos() // falls off the end
		}
		failSide := -1
		if len(it.b.Succs) == 2 && len(it.b.Nodes) > 0 && st&errLive != 0 {
			if cond, ok := it.b.Nodes[len(it.b.Nodes)-1].(ast.Expr); ok {
				failSide = c.beginFailed(cond, txv, errv)
			}
		}
		for k, s := range it.b.Succs {
			if k == failSide {
				continue // the Begin failed: there is nothing to roll back
			}
			key := [2]int{int(s.Index), st}
			if !seen[key] {
				seen[key] = true
				work = append(work, item{s, 0, st})
			}
		}
	}
	return token.NoPos
}

// beginFailed reads a test of the Begin's outcome (err != nil, tx.Error !=
// nil) and returns the successor on which it failed, or -1.
func (c *checker) beginFailed(cond ast.Expr, txv, errv *types.Var) int {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ && be.Op != token.EQL {
		return -1
	}
	x, y := ast.Unparen(be.X), ast.Unparen(be.Y)
	if isNil(c.info, x) {
		x, y = y, x
	}
	if !isNil(c.info, y) {
		return -1
	}
	isErr := false
	switch x := x.(type) {
	case *ast.Ident:
		isErr = errv != nil && c.info.Uses[x] == errv
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(x.X).(*ast.Ident)
		isErr = ok && x.Sel.Name == "Error" && c.info.Uses[id] == txv
	}
	if !isErr {
		return -1
	}
	if be.Op == token.NEQ {
		return 0
	}
	return 1
}

// finishes reports whether node n commits or rolls back the transaction
// in v, itself or through a function of this package that does.
func (c *checker) finishes(n ast.Node, v *types.Var) bool {
	done := false
	ast.Inspect(n, func(n ast.Node) bool {
		if done {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			_, lit := n.(*ast.FuncLit)
			return !lit
		}
		fn := lint.Callee(c.info, call)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (isCommit(fn) || isRollback(fn)) {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == v {
				done = true
				return false
			}
		}
		for i, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && c.info.Uses[id] == v && c.finisher(fn, i) {
				done = true
				return false
			}
		}
		return true
	})
	return done
}

// finisher reports whether fn, declared in this package, commits or rolls
// back its i-th parameter.
func (c *checker) finisher(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	d := c.decls[fn.Origin()]
	if d == nil || i >= fn.Signature().Params().Len() {
		return false
	}
	p := fn.Signature().Params().At(i)
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := lint.Callee(c.info, call)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (isCommit(fn) || isRollback(fn)) {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == p {
				found = true
			}
		}
		return true
	})
	return found
}

func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && info.ObjectOf(id) == v {
					found = true
				}
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !found && !lit
	})
	return found
}

// batched reports whether the Begin in as opens one of a series of
// transactions tracked by the function (a batch writer that begins when
// none is open and commits every N rows): the variable is reassigned
// (tx = nil), or tested against nil, or the Begin runs in a loop while the
// variable outlives it. The state lives across iterations, which the leak
// check cannot follow.
func (c *checker) batched(u *unit, as *ast.AssignStmt, txv *types.Var) bool {
	if as.Tok != token.ASSIGN {
		return false
	}
	found := false
	ast.PreorderStack(u.body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (c.isVar(n.X, txv) && isNil(c.info, n.Y) || c.isVar(n.Y, txv) && isNil(c.info, n.X)) {
				found = true
			}
		case *ast.AssignStmt:
			if n == as {
				for _, s := range stack {
					switch s.(type) {
					case *ast.ForStmt, *ast.RangeStmt:
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

func (c *checker) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.info.ObjectOf(id) == v
}

// checkDeferredCommits reports a Commit in a deferred closure whose error
// is only tested and logged: nothing hands it to a result of the
// function, which returns nil although every write of the transaction is
// lost.
func (c *checker) checkDeferredCommits(u *unit) {
	ft, _ := u.node.(*ast.FuncDecl)
	if ft == nil || ft.Type.Results == nil {
		return
	}
	ast.Inspect(u.body, func(n ast.Node) bool {
		d, ok := n.(*ast.DeferStmt)
		if !ok {
			return true
		}
		lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
		if !ok {
			return false
		}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			is, ok := n.(*ast.IfStmt)
			if !ok {
				return true
			}
			as, ok := is.Init.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 1 {
				return true
			}
			rhs := ast.Unparen(as.Rhs[0])
			if sel, ok := rhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
				rhs = ast.Unparen(sel.X)
			}
			call := callOf(rhs)
			if call == nil || !isCommit(lint.Callee(c.info, call)) || c.assignsResult(ft, is.Body) {
				return true
			}
			if c.leaves(is.Body) {
				return true // it panics or exits: not a silent loss
			}
			c.p.ReportRule("RL304", call, "the error of Commit is only logged in a deferred closure: the function returns as if the transaction succeeded while every write of it is lost; return it (name the error result and assign it in the closure, or commit before returning)")
			return true
		})
		return false
	})
}

// assignsResult reports whether block assigns a named result of fd.
func (c *checker) assignsResult(fd *ast.FuncDecl, block *ast.BlockStmt) bool {
	results := make(map[types.Object]bool)
	for _, f := range fd.Type.Results.List {
		for _, n := range f.Names {
			results[c.info.Defs[n]] = true
		}
	}
	found := false
	ast.Inspect(block, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && results[c.info.Uses[id]] {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
