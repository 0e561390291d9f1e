package lint

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// A Chain is a method chain such as db.Where(...).Order(...).Find(&xs),
// read from the call that executes it towards the value it starts from,
// following the local variables that hold part of it within the function.
type Chain struct {
	// Calls are the method calls of the chain: those written in the chain,
	// those in every value assigned to a local variable the chain goes
	// through, and those made on such a variable on their own
	// (q.Limit(10) as a statement), in no particular order.
	Calls []*ast.CallExpr
	// Roots are where the walk stopped: an expression that is neither a
	// method call nor a local variable (a parameter, a field such as s.db,
	// a package-level variable) or a call of a function (options.Find(),
	// newQuery(db)).
	Roots []ast.Expr
	// Opaque is set when a local variable that holds part of the chain is
	// used in a way the walk cannot see through: passed to a function,
	// returned, copied to another variable, or its address taken. Whatever
	// that code does to the chain is unknown.
	Opaque bool
}

// WalkChain reads the chain whose receiver is recv, in the function fn
// (an *ast.FuncDecl or *ast.FuncLit; nil when recv is outside any
// function). Uses of local variables inside exec, the call being judged,
// are not uses the chain has to see through.
func WalkChain(info *types.Info, fn ast.Node, recv ast.Expr, exec ast.Node) *Chain {
	w := &chainWalker{info: info, body: FuncBody(fn), exec: exec, seen: make(map[*types.Var]bool), chain: new(Chain)}
	w.expr(recv)
	return w.chain
}

type chainWalker struct {
	info  *types.Info
	body  *ast.BlockStmt
	exec  ast.Node
	seen  map[*types.Var]bool
	chain *Chain
}

func (w *chainWalker) expr(e ast.Expr) {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if s, ok := w.info.Selections[sel]; ok && s.Kind() == types.MethodVal {
				w.chain.Calls = append(w.chain.Calls, x)
				w.expr(sel.X)
				return
			}
		}
	case *ast.Ident:
		if v := LocalVar(w.info, w.body, x); v != nil {
			if !w.seen[v] {
				w.seen[v] = true
				w.variable(v)
			}
			return
		}
	}
	w.chain.Roots = append(w.chain.Roots, e)
}

// variable follows the assignments to and the uses of the local variable v.
func (w *chainWalker) variable(v *types.Var) {
	ast.PreorderStack(w.body, nil, func(n ast.Node, stack []ast.Node) bool {
		if w.exec != nil && n == w.exec {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || w.info.ObjectOf(id) != v || len(stack) == 0 {
			return true
		}
		switch p := stack[len(stack)-1].(type) {
		case *ast.AssignStmt:
			k := indexOf(p.Lhs, id)
			switch {
			case k < 0 || p.Tok != token.ASSIGN && p.Tok != token.DEFINE:
				w.chain.Opaque = true
			case len(p.Lhs) == len(p.Rhs):
				w.expr(p.Rhs[k])
			case len(p.Rhs) == 1:
				w.expr(p.Rhs[0]) // x, err := f()
			}
		case *ast.ValueSpec:
			k := -1
			for i, name := range p.Names {
				if name == id {
					k = i
				}
			}
			switch {
			case k < 0:
				w.chain.Opaque = true
			case len(p.Values) == len(p.Names):
				w.expr(p.Values[k])
			case len(p.Values) == 1:
				w.expr(p.Values[0])
			}
		case *ast.SelectorExpr:
			if p.X != id {
				break
			}
			s, isMethod := w.info.Selections[p]
			isMethod = isMethod && s.Kind() == types.MethodVal
			if call, ok := parentAt(stack, 2).(*ast.CallExpr); ok && ast.Unparen(call.Fun) == p && isMethod {
				w.chain.Calls = append(w.chain.Calls, call)
			} else if isMethod {
				w.chain.Opaque = true // a method value
			}
			// else a field read: it changes nothing
		case *ast.BinaryExpr:
			// a comparison, q != nil
		default:
			w.chain.Opaque = true
		}
		return true
	})
}

func parentAt(stack []ast.Node, k int) ast.Node {
	if len(stack) >= k {
		return stack[len(stack)-k]
	}
	return nil
}

func indexOf(list []ast.Expr, e ast.Expr) int {
	for i, x := range list {
		if x == e {
			return i
		}
	}
	return -1
}

// LocalVar returns the variable id refers to when it is declared inside
// body (not a parameter, a result, a field or a package-level variable),
// or nil.
func LocalVar(info *types.Info, body *ast.BlockStmt, id *ast.Ident) *types.Var {
	if body == nil {
		return nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	// A parameter or result of a function literal in body is not local:
	// its value comes from the caller.
	param := false
	ast.Inspect(body, func(n ast.Node) bool {
		if param || n == nil || v.Pos() < n.Pos() || v.Pos() >= n.End() {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok && v.Pos() < lit.Type.End() {
			param = true
		}
		return true
	})
	if param {
		return nil
	}
	return v
}

// FuncBody returns the body of an *ast.FuncDecl or *ast.FuncLit, or nil.
func FuncBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// FuncType returns the signature of an *ast.FuncDecl or *ast.FuncLit, or nil.
func FuncType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

// OutermostFunc returns the outermost function declaration or literal
// around cur, or nil. Local variables used in a closure are declared there
// or in a function around it; the outermost one sees all their assignments.
func OutermostFunc(cur inspector.Cursor) ast.Node {
	var fn ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = c.Node()
	}
	return fn
}
