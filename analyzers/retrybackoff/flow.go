package retrybackoff

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// An outcome is a set of the ways control can go once it reaches a point of
// a loop body, judged up to the end of the iteration.
type outcome uint8

const (
	// fall: control reaches the end of the statements analyzed.
	fall outcome = 1 << iota
	// next: control goes on to the loop's next iteration.
	next
	// exit: control leaves the loop (return, break, goto, panic, os.Exit).
	exit
	// brk: an unlabeled break leaves the innermost switch or select that
	// encloses the statements analyzed.
	brk
)

// A flow answers control-flow questions about one loop's body. It works on
// the structured syntax: Go's loops, switches and selects nest, so the
// questions "may this branch reach the next iteration" and "may it leave
// the loop" need no general control-flow graph.
type flow struct {
	info   *types.Info
	loop   ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	label  string   // the loop's label, if any
	parent map[ast.Node]ast.Node
	// inner holds the labels declared inside the loop body.
	inner map[string]bool
	// exits, when not nil, records the statements found to leave the loop.
	exits map[ast.Node]bool
}

// An env says what unlabeled break and continue mean where statements are.
type env struct {
	breakInner bool // break leaves a switch or select inside the loop
	nested     bool // inside a loop nested in the loop: break and continue stay there
}

func newFlow(info *types.Info, loop ast.Stmt, body *ast.BlockStmt, label string) *flow {
	f := &flow{info: info, loop: loop, label: label, parent: make(map[ast.Node]ast.Node), inner: make(map[string]bool)}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			f.parent[n] = stack[len(stack)-1]
		} else {
			f.parent[n] = loop
		}
		if l, ok := n.(*ast.LabeledStmt); ok {
			f.inner[l.Label.Name] = true
		}
		stack = append(stack, n)
		return true
	})
	return f
}

func (f *flow) record(n ast.Node) {
	if f.exits != nil {
		f.exits[n] = true
	}
}

// stmts returns the outcome of running a statement list.
func (f *flow) stmts(list []ast.Stmt, e env) outcome {
	var res outcome
	for _, s := range list {
		o := f.stmt(s, e)
		res |= o &^ fall
		if o&fall == 0 {
			return res
		}
	}
	return res | fall
}

func (f *flow) stmt(s ast.Stmt, e env) outcome {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		f.record(s)
		return exit
	case *ast.BranchStmt:
		return f.branch(s, e)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && noReturn(f.info, call) {
			f.record(s)
			return exit
		}
	case *ast.BlockStmt:
		return f.stmts(s.List, e)
	case *ast.LabeledStmt:
		return f.stmt(s.Stmt, e)
	case *ast.IfStmt:
		o := f.stmts(s.Body.List, e)
		if s.Else != nil {
			return o | f.stmt(s.Else, e)
		}
		return o | fall
	case *ast.SwitchStmt:
		return f.clauses(s.Body, e, false)
	case *ast.TypeSwitchStmt:
		return f.clauses(s.Body, e, false)
	case *ast.SelectStmt:
		return f.clauses(s.Body, e, true)
	case *ast.ForStmt, *ast.RangeStmt:
		var body *ast.BlockStmt
		if fs, ok := s.(*ast.ForStmt); ok {
			body = fs.Body
		} else {
			body = s.(*ast.RangeStmt).Body
		}
		o := f.stmts(body.List, env{nested: true})
		return o&^(fall|brk) | fall
	}
	return fall
}

// clauses returns the outcome of a switch or select body.
func (f *flow) clauses(body *ast.BlockStmt, e env, isSelect bool) outcome {
	inner := env{breakInner: true, nested: e.nested}
	var res outcome
	hasDefault := false
	for _, c := range body.List {
		var list []ast.Stmt
		switch c := c.(type) {
		case *ast.CaseClause:
			list = c.Body
			hasDefault = hasDefault || c.List == nil
		case *ast.CommClause:
			list = c.Body
		}
		res |= f.stmts(list, inner)
	}
	if res&(fall|brk) != 0 || !isSelect && !hasDefault {
		res |= fall
	}
	if isSelect && len(body.List) == 0 {
		return 0 // select {} blocks forever
	}
	return res &^ brk
}

func (f *flow) branch(s *ast.BranchStmt, e env) outcome {
	switch s.Tok {
	case token.BREAK:
		if s.Label == nil {
			switch {
			case e.nested:
				return 0
			case e.breakInner:
				return brk
			}
			f.record(s)
			return exit
		}
		if s.Label.Name == f.label || !f.inner[s.Label.Name] {
			f.record(s)
			return exit
		}
		if e.nested {
			return 0
		}
		return brk
	case token.CONTINUE:
		if s.Label == nil {
			if e.nested {
				return 0
			}
			return next
		}
		if s.Label.Name == f.label {
			return next
		}
		if f.inner[s.Label.Name] {
			return 0
		}
		f.record(s)
		return exit
	case token.GOTO:
		f.record(s)
		return exit
	}
	return fall // fallthrough
}

// envAt returns the environment of the statements directly in list-holder n.
func (f *flow) envAt(n ast.Node) env {
	for p := n; p != nil && p != f.loop; p = f.parent[p] {
		switch p.(type) {
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return env{breakInner: true}
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			return env{nested: true}
		}
	}
	return env{}
}

// cont returns the outcome of what runs after statement s completes
// normally, up to the end of the iteration.
func (f *flow) cont(s ast.Node) outcome {
	p := f.parent[s]
	switch p := p.(type) {
	case nil:
		return 0
	case *ast.ForStmt, *ast.RangeStmt:
		if p == f.loop {
			return next
		}
		return 0 // not analyzed: statements in nested loops
	case *ast.BlockStmt:
		return f.after(p.List, s, p)
	case *ast.CaseClause:
		return f.after(p.Body, s, p)
	case *ast.CommClause:
		return f.after(p.Body, s, p)
	case *ast.IfStmt, *ast.LabeledStmt:
		return f.cont(p)
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		return f.cont(p)
	}
	return 0
}

// after returns the outcome of the statements that follow s in list (held
// by holder), then of what follows holder.
func (f *flow) after(list []ast.Stmt, s ast.Node, holder ast.Node) outcome {
	i := 0
	for i < len(list) && list[i] != s {
		i++
	}
	if i == len(list) {
		return 0
	}
	o := f.stmts(list[i+1:], f.envAt(holder))
	return f.resolve(o, holder)
}

// resolve turns the fall and brk parts of an outcome computed for the
// statements held by holder into what follows.
func (f *flow) resolve(o outcome, holder ast.Node) outcome {
	res := o &^ (fall | brk)
	if o&fall != 0 {
		switch holder.(type) {
		case *ast.CaseClause, *ast.CommClause:
			// the clause ends: the switch or select ends
			res |= f.cont(f.parent[f.parent[holder]])
		default:
			res |= f.cont(holder)
		}
	}
	if o&brk != 0 {
		for p := f.parent[holder]; p != nil && p != f.loop; p = f.parent[p] {
			switch p.(type) {
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				res |= f.cont(p)
			default:
				continue
			}
			break
		}
	}
	return res
}

// branches returns the outcomes of the then and else paths of an if
// statement: its body and else branch, each followed by what follows the if.
func (f *flow) branches(s *ast.IfStmt) (then, els outcome) {
	e := f.envAt(s)
	then = f.resolve(f.stmts(s.Body.List, e), s.Body)
	if s.Else != nil {
		els = f.resolve(f.stmt(s.Else, e), s.Else)
	} else {
		els = f.cont(s)
	}
	return then, els
}

// noReturn reports whether a call never returns: panic, os.Exit,
// runtime.Goexit, and the Fatal, Panic, FailNow and Skip functions and
// methods of the log, testing and logging packages.
func noReturn(info *types.Info, call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "panic"
		}
	}
	fn := lint.Callee(info, call)
	if fn == nil {
		return false
	}
	if lint.IsFunc(fn, "os", "Exit") || lint.IsFunc(fn, "runtime", "Goexit") {
		return true
	}
	switch fn.Name() {
	case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "FailNow", "SkipNow", "Skip", "Skipf":
		return true
	}
	return false
}
