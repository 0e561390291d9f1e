package unpaginated

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// A repository List often builds its SQL at run time and adds the LIMIT
// only when the caller asks for one:
//
//	q := "SELECT id, name FROM jobs WHERE state = $1 ORDER BY id"
//	if opts.Limit > 0 {
//		q += fmt.Sprintf(" LIMIT %d", opts.Limit)
//	}
//
// The read is unbounded whenever a caller leaves the limit zero. The same
// holds for a query builder whose Limit is called under a condition. When
// every caller in the package passes a constant non-zero limit to an
// unexported function, the switch is never off and nothing is reported;
// an exported function may be called from elsewhere with zero.

// optionalLimit reads the SQL text held in the local variable arg when it
// is a constant start plus appends, some under a condition, and one such
// conditional append adds the LIMIT. It returns the text without the
// conditional appends and the switch ("LIMIT added only when opts.Limit >
// 0"); ok is false for any other shape.
func (c *checker) optionalLimit(fn ast.Node, arg ast.Expr, exec *ast.CallExpr) (text, sw string, ok bool) {
	id, isIdent := ast.Unparen(arg).(*ast.Ident)
	body := lint.FuncBody(fn)
	if !isIdent || body == nil {
		return "", "", false
	}
	v := lint.LocalVar(c.info, body, id)
	if v == nil {
		return "", "", false
	}
	var (
		start ast.Node // the statement giving the first value
		parts []string // the start and the unconditional appends, in order
		cond  ast.Expr // the condition of the append adding the LIMIT
		bad   bool
	)
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		if bad || n.Pos() >= exec.Pos() {
			return false
		}
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND && lint.Mentions(c.info, u.X, v) {
			bad = true // its address is taken: anything may write it
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		lid, ok := as.Lhs[0].(*ast.Ident)
		if !ok || c.info.ObjectOf(lid) != v {
			return true
		}
		rhs := as.Rhs[0]
		var tail []ast.Expr // q = q + " LIMIT " + n: what follows q
		switch {
		case as.Tok == token.DEFINE || as.Tok == token.ASSIGN && start == nil:
			if start != nil {
				bad = true
				return false
			}
			start = as
		case as.Tok == token.ADD_ASSIGN:
		case as.Tok == token.ASSIGN:
			ops := sumOperands(rhs)
			if len(ops) < 2 || !isVar(c.info, ops[0], v) || slices.ContainsFunc(ops[1:], func(e ast.Expr) bool { return lint.Mentions(c.info, e, v) }) {
				bad = true // a second value
				return false
			}
			tail = ops[1:]
		default:
			bad = true
			return false
		}
		if tail == nil {
			tail = []ast.Expr{rhs}
		}
		s, known := "", false
		for _, e := range tail {
			part, ok := lint.StaticString(c.info, fn, e, sqltext.Hole)
			s, known = s+part, known || ok
		}
		branch := conditionOf(stack, start)
		switch {
		case as == start && branch != nil:
			bad = true // the start itself is conditional
		case branch == nil:
			parts = append(parts, s)
		case !known:
			bad = true // an opaque conditional append may hold the LIMIT
		case addsLimit(s):
			is, isIf := branch.(*ast.IfStmt)
			if !isIf || cond != nil {
				bad = true // a LIMIT per case, or two: not the switch we read
			} else {
				cond = is.Cond
			}
		}
		// Other conditional appends narrow the read (AND user_id = ?):
		// without them the text reads at least as much.
		return false
	})
	if bad || start == nil || cond == nil {
		return "", "", false
	}
	if c.callersLimit(fn, cond) {
		return "", "", false
	}
	return strings.Join(parts, ""), "the LIMIT is added only when " + types.ExprString(cond), true
}

// conditionOf returns the innermost if statement or case clause around
// the node the stack leads to that does not also hold start, or nil.
func conditionOf(stack []ast.Node, start ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.IfStmt, *ast.CaseClause, *ast.CommClause:
			if start != nil && n.Pos() <= start.Pos() && start.End() <= n.End() {
				return nil
			}
			return n
		}
	}
	return nil
}

// addsLimit reports whether appended SQL text adds a LIMIT at its top
// level (" LIMIT ?", " LIMIT 50 OFFSET ?").
func addsLimit(s string) bool {
	toks, _ := sqltext.Tokenize(s)
	for _, t := range toks {
		if t.Depth == 0 && (t.Is("LIMIT") || t.Is("FETCH") || t.Is("TOP")) {
			return true
		}
	}
	return false
}

// callersLimit reports whether the condition switching the limit on
// (limit > 0, opts.Limit != 0) tests a parameter of an unexported
// function (or a field of one) to which every call in the package passes
// a constant non-zero value: the switch is then always on.
func (c *checker) callersLimit(fn ast.Node, cond ast.Expr) bool {
	decl, ok := fn.(*ast.FuncDecl)
	if !ok || decl.Name.IsExported() {
		return false
	}
	obj, _ := c.info.Defs[decl.Name].(*types.Func)
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if obj == nil || !ok {
		return false
	}
	param, field := limitOperand(c.info, be.X)
	if param == nil {
		return false
	}
	sig := obj.Signature()
	idx := -1
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == param {
			idx = i
		}
	}
	if idx < 0 || sig.Variadic() && idx == sig.Params().Len()-1 {
		return false
	}
	calls, constant := 0, true
	for f := range c.p.Files() {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || lint.Callee(c.info, call) != obj {
				return true
			}
			calls++
			if idx >= len(call.Args) || !c.nonZeroArg(call.Args[idx], field) {
				constant = false
			}
			return true
		})
	}
	return calls > 0 && constant
}

// limitOperand returns the parameter a condition operand reads (limit, or
// opts in opts.Limit) and the field, if any.
func limitOperand(info *types.Info, e ast.Expr) (*types.Var, string) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v, ""
	case *ast.SelectorExpr:
		if id, ok := ast.Unparen(x.X).(*ast.Ident); ok {
			v, _ := info.Uses[id].(*types.Var)
			return v, x.Sel.Name
		}
	}
	return nil, ""
}

// nonZeroArg reports whether arg is a constant non-zero number, or (with
// field) a struct literal setting field to one.
func (c *checker) nonZeroArg(arg ast.Expr, field string) bool {
	if field == "" {
		v := lint.ConstValue(c.info, arg)
		return v != nil && (v.Kind() == constant.Int || v.Kind() == constant.Float) && constant.Sign(v) > 0
	}
	e := ast.Unparen(arg)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
				return c.nonZeroArg(kv.Value, "")
			}
		}
	}
	return false
}

// optionalLimitRead describes the read of SQL text built with an optional
// LIMIT (see optionalLimit), when the text without it is unbounded.
func (c *checker) optionalLimitRead(cur inspector.Cursor, call *ast.CallExpr, arg ast.Expr) (read, bool) {
	text, sw, ok := c.optionalLimit(lint.OutermostFunc(cur), arg, call)
	if !ok || c.cfg.Rows(text) != sqltext.RowsUnbounded {
		return read{}, false
	}
	dest := c.sliceDest(call.Args)
	if dest == nil {
		dest = c.resultVar(cur)
	}
	rd := c.sqlRead(text, dest)
	rd.switchOff = sw
	return rd, true
}

// sumOperands flattens a + b + c into its operands, left to right.
func sumOperands(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(sumOperands(b.X), sumOperands(b.Y)...)
	}
	return []ast.Expr{e}
}

func isVar(info *types.Info, e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}
