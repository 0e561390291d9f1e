package missingtx

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// bestEffort returns the writes of ws whose failure the function accepts
// and goes on: the error is discarded with _, or checked by an if whose
// failure branch neither returns nor stops (it logs and carries on), or
// the write is a call of a helper that reports no error or whose error is
// ignored. Such a write is bookkeeping (a last-login time, a usage
// counter, one of several independent clean-ups): the author has chosen
// that the others stand without it, so it does not make a half-written
// change. A bare call of the database itself (db.Exec(...) as a
// statement) still counts: ignoring its error is a bug of its own.
func (c *checker) bestEffort(body *ast.BlockStmt, ws []*write) map[*ast.CallExpr]bool {
	byCall := make(map[*ast.CallExpr]*write, len(ws))
	for _, w := range ws {
		byCall[w.call] = w
	}
	out := make(map[*ast.CallExpr]bool)
	visitList := func(list []ast.Stmt) {
		for i, s := range list {
			switch s := s.(type) {
			case *ast.ExprStmt:
				if w := byCall[callOf(s.X)]; w != nil && w.wildcard {
					out[w.call] = true // repo.Touch(id): its error ignored
				}
			case *ast.AssignStmt:
				w, errVar, blank := c.assignedError(s, byCall)
				if w == nil {
					continue
				}
				switch {
				case blank:
					out[w.call] = true
				case errVar != nil && i+1 < len(list):
					if next, ok := list[i+1].(*ast.IfStmt); ok && next.Init == nil && c.failureContinues(next, errVar) {
						out[w.call] = true
					}
				}
			case *ast.IfStmt:
				if as, ok := s.Init.(*ast.AssignStmt); ok {
					if w, errVar, _ := c.assignedError(as, byCall); w != nil && errVar != nil && c.failureContinues(s, errVar) {
						out[w.call] = true
					}
				}
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			visitList(n.List)
		case *ast.CaseClause:
			visitList(n.Body)
		case *ast.CommClause:
			visitList(n.Body)
		case *ast.CallExpr:
			if w := byCall[n]; w != nil && w.wildcard && !returnsError(c.info, n) && !isGormDB(c.info.TypeOf(n)) {
				out[n] = true // a helper that handles its own failures
			}
		}
		return true
	})
	return out
}

// callOf returns the call e is, or nil.
func callOf(e ast.Expr) *ast.CallExpr {
	call, _ := ast.Unparen(e).(*ast.CallExpr)
	return call
}

// assignedError matches an assignment of one write's results (or of GORM's
// .Error of one) and returns the write, the variable its error goes to, or
// whether the error is discarded with _.
func (c *checker) assignedError(as *ast.AssignStmt, byCall map[*ast.CallExpr]*write) (w *write, errVar *types.Var, blank bool) {
	if len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return nil, nil, false
	}
	rhs := ast.Unparen(as.Rhs[0])
	if sel, ok := rhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
		rhs = ast.Unparen(sel.X) // db.Create(&x).Error
		if w = byCall[callOf(rhs)]; w == nil {
			return nil, nil, false
		}
	} else {
		if w = byCall[callOf(rhs)]; w == nil || !returnsError(c.info, w.call) {
			return nil, nil, false
		}
	}
	id, ok := ast.Unparen(as.Lhs[len(as.Lhs)-1]).(*ast.Ident)
	if !ok {
		return w, nil, false
	}
	if id.Name == "_" {
		return w, nil, true
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return w, v, false
}

// returnsError reports whether call's last result is an error.
func returnsError(info *types.Info, call *ast.CallExpr) bool {
	switch t := info.TypeOf(call).(type) {
	case *types.Tuple:
		return t.Len() > 0 && isErrorType(t.At(t.Len()-1).Type())
	case nil:
		return false
	default:
		return isErrorType(t)
	}
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// failureContinues reports whether s is `if v != nil { ... }` whose branch
// goes on to the statements after the if: no return, no jump, no panic or
// exit (an else is the success path, which goes on anyway).
func (c *checker) failureContinues(s *ast.IfStmt, v *types.Var) bool {
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ {
		return false
	}
	x, y := ast.Unparen(cond.X), ast.Unparen(cond.Y)
	if id, ok := x.(*ast.Ident); !ok || c.info.ObjectOf(id) != v || !isNil(c.info, y) {
		return false
	}
	return !c.leaves(s.Body)
}

// leaves reports whether block may not fall through: it returns, jumps,
// panics or ends the process somewhere (outside function literals),
// directly or through a function of the package that always exits
// (printErrorAndExit).
func (c *checker) leaves(block *ast.BlockStmt) bool {
	found := false
	ast.Inspect(block, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.BranchStmt:
			found = true
		case *ast.CallExpr:
			found = c.stops(n, true)
		}
		return !found
	})
	return found
}

// stopNames are the logging calls that end the process or panic, in log,
// zap, logrus and the like (not PanicIfErr, which may return).
var stopNames = map[string]bool{
	"Fatal": true, "Fatalf": true, "Fatalln": true, "Fatalw": true,
	"Panic": true, "Panicf": true, "Panicln": true, "Panicw": true,
}

// stops reports whether call does not return: panic, os.Exit,
// runtime.Goexit, a Fatal or Panic function or logger method (log, zap,
// logrus), testing's FailNow and Skip, or (with local) a function of this
// package whose last statement is one of those (printErrorAndExit). The
// control-flow graph ends its block there (mayReturn).
func (c *checker) stops(call *ast.CallExpr, local bool) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
		if _, builtin := c.info.Uses[id].(*types.Builtin); builtin {
			return true
		}
	}
	fn := lint.Callee(c.info, call)
	if fn == nil {
		return false
	}
	if lint.IsFunc(fn, "os", "Exit") || lint.IsFunc(fn, "runtime", "Goexit") ||
		stopNames[fn.Name()] ||
		lint.IsMethod(fn, "testing", "common", "FailNow", "Skip", "Skipf", "SkipNow") {
		return true
	}
	if d := c.decls[fn]; local && d != nil && len(d.Body.List) > 0 {
		if last, ok := d.Body.List[len(d.Body.List)-1].(*ast.ExprStmt); ok {
			if call := callOf(last.X); call != nil {
				return c.stops(call, false)
			}
		}
	}
	return false
}
