package lint

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/sqltext"
)

// The statement model: which SQL a prepared statement runs. Services
// prepare their statements once, in a constructor, keep them in struct
// fields (or package-level variables) and run them elsewhere, often bound
// to a transaction first (tx.Stmt(s.insertOrder)). missingtx needs the
// text to know a call writes, unpaginated to know it reads without a
// bound; both ask this model.

const (
	sqlPkg  = "database/sql"
	sqlxPkg = "github.com/jmoiron/sqlx"
)

// Statements knows the SQL prepared into the fields and package-level
// variables of one package.
type Statements struct {
	info *types.Info
	// held maps a field or package-level variable to the distinct texts
	// prepared into it, in source order.
	held map[*types.Var][]string
	// globals are the package's string variables with an initial value
	// that no function reassigns: SQL kept in a var rather than a const.
	globals map[*types.Var]ast.Expr
}

// A Statement is what a prepared-statement expression runs.
type Statement struct {
	// Texts are the SQL texts the statement may run: one, or one per
	// place that prepares into the same field (a dialect switch).
	Texts []string
	// Holder is the field or package-level variable the statement is
	// kept in; nil for a statement prepared in the function.
	Holder *types.Var
	// HolderExpr is the expression naming the holder where the
	// statement is used (s.insertStmt).
	HolderExpr ast.Expr
	// On is the handle a statement prepared in the function was
	// prepared on (db, tx); nil for a held statement.
	On ast.Expr
	// Tx is the transaction the statement is bound to: the receiver of
	// tx.Stmt(...), or the transaction passed to a helper of the program
	// that rebinds the statement. nil when it is not bound to one here.
	Tx ast.Expr
}

// IsStmtType reports whether t is a prepared statement: *sql.Stmt,
// *sqlx.Stmt or *sqlx.NamedStmt.
func IsStmtType(t types.Type) bool {
	return IsNamed(t, sqlPkg, "Stmt") || IsNamed(t, sqlxPkg, "Stmt") || IsNamed(t, sqlxPkg, "NamedStmt")
}

// PrepareText returns the SQL argument of a call that prepares a
// statement (Prepare, PrepareContext, sqlx's Preparex, PrepareNamed and
// their Context forms, as methods or package functions), or nil.
func PrepareText(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(fn.Name(), "Prepare") {
		return nil
	}
	if p := fn.Pkg().Path(); p != sqlPkg && p != sqlxPkg {
		return nil
	}
	sig := fn.Signature()
	if sig.Results().Len() == 0 || !IsStmtType(sig.Results().At(0).Type()) {
		return nil
	}
	for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
		if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return call.Args[i]
		}
	}
	return nil
}

// NewStatements reads the statements a package prepares into fields and
// package-level variables: assignments (s.insertStmt, err =
// db.Prepare(q)), struct literals (&Store{insert: stmt}) and tables of
// {&s.insertStmt, insertSQL} pairs or map[**sql.Stmt]string entries
// prepared in a range loop.
func NewStatements(info *types.Info, files []*ast.File) *Statements {
	s := &Statements{info: info, held: make(map[*types.Var][]string), globals: make(map[*types.Var]ast.Expr)}
	s.readGlobals(files)
	for _, f := range files {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				s.assign(enclosingFunc(stack), n, stack)
			case *ast.CompositeLit:
				s.literal(enclosingFunc(stack), n)
			}
			return true
		})
	}
	return s
}

// enclosingFunc returns the outermost function on the stack: it sees
// every assignment of the local variables a literal inside it uses.
func enclosingFunc(stack []ast.Node) ast.Node {
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// readGlobals records the package's string variables that are given a
// value once, at their declaration.
func (s *Statements) readGlobals(files []*ast.File) {
	assigned := make(map[*types.Var]bool)
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if v, ok := s.info.Defs[name].(*types.Var); ok && i < len(vs.Values) {
						s.globals[v] = vs.Values[i]
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						if v, ok := s.info.Uses[id].(*types.Var); ok {
							assigned[v] = true
						}
					}
				}
			}
			return true
		})
	}
	for v := range assigned {
		delete(s.globals, v)
	}
}

// text returns the SQL text e holds in fn, as StaticString reads it, or
// the initial value of a package-level string variable never reassigned.
func (s *Statements) text(fn ast.Node, e ast.Expr) (string, bool) {
	if t, ok := StaticString(s.info, fn, e, sqltext.Hole); ok {
		return t, true
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := s.info.Uses[id].(*types.Var); ok && s.globals[v] != nil {
			return StaticString(s.info, nil, s.globals[v], sqltext.Hole)
		}
	}
	return "", false
}

// holderOf returns the field or package-level variable e names, when it
// holds a prepared statement.
func (s *Statements) holderOf(e ast.Expr) *types.Var {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.Ident:
		id = x
	default:
		return nil
	}
	v, ok := s.info.ObjectOf(id).(*types.Var)
	if !ok || !IsStmtType(v.Type()) {
		return nil
	}
	if v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return v
	}
	return nil
}

func (s *Statements) bind(holder *types.Var, texts []string) {
	for _, t := range texts {
		if !contains(s.held[holder], t) {
			s.held[holder] = append(s.held[holder], t)
		}
	}
}

func contains(list []string, x string) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func (s *Statements) assign(fn ast.Node, as *ast.AssignStmt, stack []ast.Node) {
	for i, lhs := range as.Lhs {
		var val ast.Expr
		switch {
		case len(as.Lhs) == len(as.Rhs):
			val = as.Rhs[i]
		case len(as.Rhs) == 1 && i == 0:
			val = as.Rhs[0] // s.stmt, err = db.Prepare(q)
		default:
			continue
		}
		if star, ok := ast.Unparen(lhs).(*ast.StarExpr); ok && i == 0 {
			s.table(fn, star.X, val, stack)
			continue
		}
		if h := s.holderOf(lhs); h != nil {
			if st, ok := s.local(fn, val, 0); ok {
				s.bind(h, st.Texts)
			}
		}
	}
}

// literal reads a struct literal that sets statement fields:
// &Store{insertStmt: stmt}.
func (s *Statements) literal(fn ast.Node, lit *ast.CompositeLit) {
	st, ok := typeStruct(s.info.TypeOf(lit))
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		var field *types.Var
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			field, _ = s.info.ObjectOf(id).(*types.Var)
			val = kv.Value
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field == nil || !IsStmtType(field.Type()) {
			continue
		}
		if prep, ok := s.local(fn, val, 0); ok {
			s.bind(field, prep.Texts)
		}
	}
}

func typeStruct(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	return st, ok
}

// table reads *target, err = db.Prepare(text) in a range loop over a
// literal table: each element says which holder (&s.insertStmt) gets which
// text.
func (s *Statements) table(fn ast.Node, target, val ast.Expr, stack []ast.Node) {
	call, ok := ast.Unparen(val).(*ast.CallExpr)
	if !ok {
		return
	}
	textArg := PrepareText(s.info, call)
	if textArg == nil {
		return
	}
	for i := len(stack) - 1; i >= 0; i-- {
		rs, ok := stack[i].(*ast.RangeStmt)
		if !ok {
			continue
		}
		lit := s.rangedLiteral(fn, rs.X)
		if lit == nil {
			return
		}
		for _, elt := range lit.Elts {
			env := rangeEnv{s: s, key: identVar(s.info, rs.Key), value: identVar(s.info, rs.Value)}
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				env.keyExpr, env.valueExpr = kv.Key, kv.Value
			} else {
				env.valueExpr = elt
			}
			ptr := env.eval(target)
			u, ok := ast.Unparen(ptr).(*ast.UnaryExpr)
			if !ok || u.Op != token.AND {
				continue
			}
			h := s.holderOf(u.X)
			if h == nil {
				continue
			}
			if t, ok := s.text(fn, env.eval(textArg)); ok {
				s.bind(h, []string{t})
			}
		}
		return
	}
}

func identVar(info *types.Info, e ast.Expr) *types.Var {
	if id, ok := e.(*ast.Ident); ok {
		v, _ := info.ObjectOf(id).(*types.Var)
		return v
	}
	return nil
}

// rangedLiteral returns the composite literal x is, or holds as a local or
// package-level variable with one value.
func (s *Statements) rangedLiteral(fn ast.Node, x ast.Expr) *ast.CompositeLit {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		if v := LocalVar(s.info, FuncBody(fn), id); v != nil {
			x = SingleAssignment(s.info, FuncBody(fn), v)
		} else if v, ok := s.info.Uses[id].(*types.Var); ok && s.globals[v] != nil {
			x = s.globals[v]
		}
	}
	lit, _ := ast.Unparen(x).(*ast.CompositeLit)
	return lit
}

// rangeEnv evaluates an expression over the range variables of one
// element of a literal table.
type rangeEnv struct {
	s                  *Statements
	key, value         *types.Var
	keyExpr, valueExpr ast.Expr
}

func (env rangeEnv) eval(e ast.Expr) ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := env.s.info.ObjectOf(x)
		switch {
		case v != nil && v == types.Object(env.value) && env.valueExpr != nil:
			return env.valueExpr
		case v != nil && v == types.Object(env.key) && env.keyExpr != nil:
			return env.keyExpr
		}
	case *ast.SelectorExpr:
		base, ok := ast.Unparen(env.eval(x.X)).(*ast.CompositeLit)
		if !ok {
			return e
		}
		field, _ := env.s.info.ObjectOf(x.Sel).(*types.Var)
		st, ok := typeStruct(env.s.info.TypeOf(x.X))
		if !ok || field == nil {
			return e
		}
		for i, elt := range base.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field.Name() {
					return kv.Value
				}
			} else if i < st.NumFields() && st.Field(i) == field {
				return elt
			}
		}
	}
	return e
}

const maxStmtDepth = 8

// Resolve returns what the statement expression e, used in fn, runs:
// a statement prepared in fn, one held in a field or package-level
// variable, either bound to a transaction by tx.Stmt / tx.StmtContext (sqlx:
// Stmtx, NamedStmt and their Context forms) or by a helper of the program
// that takes a statement and returns one. ok is false when no text is
// known.
func (s *Statements) Resolve(fn ast.Node, e ast.Expr) (Statement, bool) {
	st, ok := s.resolve(fn, e, 0)
	return st, ok && len(st.Texts) > 0
}

func (s *Statements) resolve(fn ast.Node, e ast.Expr, depth int) (Statement, bool) {
	if depth > maxStmtDepth {
		return Statement{}, false
	}
	if h := s.holderOf(e); h != nil {
		return Statement{Texts: s.held[h], Holder: h, HolderExpr: e}, len(s.held[h]) > 0
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return s.local(fn, e, depth)
	}
	callee := Callee(s.info, call)
	if callee == nil || len(call.Args) == 0 {
		return s.local(fn, e, depth)
	}
	if isRebind(callee) {
		st, ok := s.resolve(fn, call.Args[len(call.Args)-1], depth+1)
		if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel && ok {
			st.Tx = sel.X
		}
		return st, ok
	}
	if PrepareText(s.info, call) != nil {
		return s.local(fn, e, depth)
	}
	// A helper of the program that rebinds a statement to the
	// transaction it is given: stmt(tx, s.insertStmt).
	if p := callee.Pkg(); p == nil || p.Path() == sqlPkg || p.Path() == sqlxPkg {
		return Statement{}, false
	}
	var stmtArg, txArg ast.Expr
	for _, a := range call.Args {
		t := s.info.TypeOf(a)
		switch {
		case IsStmtType(t):
			if stmtArg != nil {
				return Statement{}, false
			}
			stmtArg = a
		case IsNamed(t, sqlPkg, "Tx") || IsNamed(t, sqlxPkg, "Tx"):
			txArg = a
		}
	}
	if stmtArg == nil {
		return Statement{}, false
	}
	st, ok := s.resolve(fn, stmtArg, depth+1)
	if ok && txArg != nil {
		st.Tx = txArg
	}
	return st, ok
}

// isRebind reports whether fn binds a statement to a transaction.
func isRebind(fn *types.Func) bool {
	return IsMethod(fn, sqlPkg, "Tx", "Stmt", "StmtContext") ||
		IsMethod(fn, sqlxPkg, "Tx", "Stmtx", "StmtxContext", "NamedStmt", "NamedStmtContext")
}

// local returns the statement e prepares, or that the local variable e
// holds when its one value is such an expression.
func (s *Statements) local(fn ast.Node, e ast.Expr, depth int) (Statement, bool) {
	if depth > maxStmtDepth {
		return Statement{}, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		textArg := PrepareText(s.info, x)
		if textArg == nil {
			return s.resolve(fn, x, depth+1)
		}
		t, ok := s.text(fn, textArg)
		if !ok {
			return Statement{}, false
		}
		st := Statement{Texts: []string{t}}
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if sl := s.info.Selections[sel]; sl != nil && sl.Kind() == types.MethodVal {
				st.On = sel.X
			} else {
				st.On = x.Args[0] // sqlx.Preparex(db, q)
			}
		}
		return st, true
	case *ast.Ident:
		body := FuncBody(fn)
		v := LocalVar(s.info, body, x)
		if v == nil {
			return s.resolve(fn, x, depth+1)
		}
		if val := SingleAssignment(s.info, body, v); val != nil {
			return s.local(fn, val, depth+1)
		}
		if val := multiAssigned(s.info, body, v); val != nil {
			return s.local(fn, val, depth+1)
		}
	case *ast.SelectorExpr:
		return s.resolve(fn, x, depth+1)
	}
	return Statement{}, false
}

// multiAssigned returns the call v is declared from when it is assigned
// once, by a multi-value assignment: stmt, err := db.Prepare(q).
func multiAssigned(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	var val ast.Expr
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			for i, l := range node.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					n++
					if i == 0 && len(node.Rhs) == 1 && len(node.Lhs) > 1 {
						val = node.Rhs[0]
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(node.X).(*ast.Ident); ok && node.Op == token.AND && info.ObjectOf(id) == v {
				n += 2
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return val
}
