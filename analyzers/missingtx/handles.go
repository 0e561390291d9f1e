package missingtx

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

const (
	sqlPkg     = "database/sql"
	sqlxPkg    = "github.com/jmoiron/sqlx"
	pgxPkg     = "github.com/jackc/pgx/v5"
	pgxpoolPkg = "github.com/jackc/pgx/v5/pgxpool"
	pgconnPkg  = "github.com/jackc/pgx/v5/pgconn"
	gormPkg    = "gorm.io/gorm"
	gormV1Pkg  = "github.com/jinzhu/gorm"
	mongoV1    = "go.mongodb.org/mongo-driver/mongo"
	mongoV2    = "go.mongodb.org/mongo-driver/v2/mongo"
)

// A unit is a function analyzed on its own: a declaration or a literal.
type unit struct {
	cur  inspector.Cursor
	node ast.Node
	body *ast.BlockStmt
	// outer is the outermost function around node: the local variables
	// node uses are declared in it.
	outer  ast.Node
	params map[*types.Var]int // -1: the receiver
	// txScope is set for a literal run by a transaction helper (and what
	// is nested in one): its writes are transactional.
	txScope bool
	// stmtTx are the keys of the connections on which the unit runs a
	// transaction as statements (see stmtTxKeys); nil until computed.
	stmtTx map[string]bool
}

func (c *checker) newUnit(cur inspector.Cursor) *unit {
	u := &unit{cur: cur, node: cur.Node(), outer: lint.OutermostFunc(cur), params: make(map[*types.Var]int)}
	if u.outer == nil {
		u.outer = u.node
	}
	var ft *ast.FuncType
	switch n := u.node.(type) {
	case *ast.FuncDecl:
		u.body, ft = n.Body, n.Type
		if n.Recv != nil {
			for _, f := range n.Recv.List {
				for _, name := range f.Names {
					if v, ok := c.info.Defs[name].(*types.Var); ok {
						u.params[v] = -1
					}
				}
			}
		}
	case *ast.FuncLit:
		u.body, ft = n.Body, n.Type
	}
	i := 0
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			i++
		}
		for _, name := range f.Names {
			if v, ok := c.info.Defs[name].(*types.Var); ok {
				u.params[v] = i
			}
			i++
		}
	}
	for p := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if c.txLits[p.Node().(*ast.FuncLit)] {
			u.txScope = true
		}
	}
	return u
}

// markTxLits records the function literal at cur when it is passed to a
// transaction helper.
func (c *checker) markTxLits(cur inspector.Cursor) {
	lit, ok := cur.Node().(*ast.FuncLit)
	if !ok {
		return
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) == lit {
		return
	}
	if c.isTxHelperCall(call) {
		c.txLits[lit] = true
	}
}

// isTxHelperCall reports whether call runs a callback in a transaction.
func (c *checker) isTxHelperCall(call *ast.CallExpr) bool {
	fn := lint.Callee(c.info, call)
	if fn == nil {
		return false
	}
	switch {
	case isGormMethod(fn, "Transaction"),
		lint.IsMethod(fn, mongoV1, "Session", "WithTransaction"),
		lint.IsMethod(fn, mongoV2, "Session", "WithTransaction"),
		lint.IsFunc(fn, pgxPkg, "BeginFunc", "BeginTxFunc"):
		return true
	}
	f := c.factOf(fn)
	return f != nil && f.TxHelper
}

// isBegin reports whether fn begins a transaction.
func isBegin(fn *types.Func) bool {
	return lint.IsMethod(fn, sqlPkg, "DB", "Begin", "BeginTx") ||
		lint.IsMethod(fn, sqlPkg, "Conn", "BeginTx") ||
		lint.IsMethod(fn, sqlxPkg, "DB", "Beginx", "BeginTxx", "MustBegin", "MustBeginTx") ||
		lint.IsMethod(fn, sqlxPkg, "Conn", "BeginTxx") ||
		lint.IsMethod(fn, pgxPkg, "Conn", "Begin", "BeginTx") ||
		lint.IsMethod(fn, pgxPkg, "Tx", "Begin") ||
		lint.IsMethod(fn, pgxpoolPkg, "Pool", "Begin", "BeginTx") ||
		lint.IsMethod(fn, pgxpoolPkg, "Conn", "Begin", "BeginTx") ||
		isGormMethod(fn, "Begin")
}

// opensTx reports whether fn begins a transaction in any form.
func (c *checker) opensTx(call *ast.CallExpr) bool {
	fn := lint.Callee(c.info, call)
	return isBegin(fn) || c.isTxHelperCall(call) ||
		lint.IsMethod(fn, mongoV1, "Session", "StartTransaction") ||
		lint.IsMethod(fn, mongoV2, "Session", "StartTransaction")
}

// isCommit reports whether fn commits a transaction.
func isCommit(fn *types.Func) bool {
	return lint.IsMethod(fn, sqlPkg, "Tx", "Commit") || lint.IsMethod(fn, pgxPkg, "Tx", "Commit") ||
		isGormMethod(fn, "Commit")
}

func isRollback(fn *types.Func) bool {
	return lint.IsMethod(fn, sqlPkg, "Tx", "Rollback") || lint.IsMethod(fn, pgxPkg, "Tx", "Rollback") ||
		isGormMethod(fn, "Rollback")
}

// isTxType reports whether a value of type t is a transaction handle.
func isTxType(t types.Type) bool {
	if t == nil {
		return false
	}
	if lint.IsNamed(t, sqlPkg, "Tx") || lint.IsNamed(t, sqlxPkg, "Tx") ||
		lint.IsNamed(t, pgxPkg, "Tx") || lint.IsNamed(t, mongoV1, "SessionContext") {
		return true
	}
	// A wrapper that embeds a transaction (an ORM's core.Tx).
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := types.Unalias(t).Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Embedded() && (lint.IsNamed(f.Type(), sqlPkg, "Tx") || lint.IsNamed(f.Type(), sqlxPkg, "Tx")) {
				return true
			}
		}
	}
	return false
}

// concreteFamily returns the family of a concrete database handle type,
// or "".
func concreteFamily(t types.Type) string {
	switch {
	case t == nil:
		return ""
	case lint.IsNamed(t, sqlPkg, "DB"), lint.IsNamed(t, sqlPkg, "Conn"),
		lint.IsNamed(t, sqlxPkg, "DB"), lint.IsNamed(t, sqlxPkg, "Conn"):
		return "sql"
	case lint.IsNamed(t, pgxPkg, "Conn"), lint.IsNamed(t, pgxpoolPkg, "Pool"), lint.IsNamed(t, pgxpoolPkg, "Conn"):
		return "pgx"
	case isGormDB(t):
		return "gorm"
	case lint.IsNamed(t, mongoV1, "Collection"), lint.IsNamed(t, mongoV1, "Database"), lint.IsNamed(t, mongoV1, "Client"),
		lint.IsNamed(t, mongoV2, "Collection"), lint.IsNamed(t, mongoV2, "Database"), lint.IsNamed(t, mongoV2, "Client"):
		return "mongo"
	}
	return ""
}

// execInterface reports whether t is an interface with an Exec or
// ExecContext method: sqlc's DBTX and the like.
func execInterface(t types.Type) bool {
	it, ok := types.Unalias(t).Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < it.NumMethods(); i++ {
		if n := it.Method(i).Name(); n == "Exec" || n == "ExecContext" {
			return true
		}
	}
	return false
}

// handleish reports whether values of type t may carry a database handle:
// handles themselves, Exec interfaces, and structs with such a field (a
// sqlc Queries, a repository).
func handleish(t types.Type, depth int) bool {
	if t == nil || depth > 2 {
		return false
	}
	if isTxType(t) || concreteFamily(t) != "" || execInterface(t) {
		return true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if handleish(st.Field(i).Type(), depth+1) {
			return true
		}
	}
	return false
}

// Where a handle comes from.
const (
	unknownState uint8 = iota // an interface or wrapper of unknown origin: not counted
	txState                   // a transaction
	nontxState                // a pool, a connection, a collection
)

type origin struct {
	state uint8
	// rooted is set when the handle comes from the receiver, a parameter
	// or a package-level variable (not one the function opened itself).
	rooted bool
	// params are the parameters (-1: receiver) an unknown handle comes from.
	params []int
	key    string // which handle, for grouping writes by database
}

var unknown = origin{}

// eval tells where the handle e comes from.
func (c *checker) eval(u *unit, e ast.Expr, depth int) origin {
	if depth > 8 || e == nil {
		return unknown
	}
	t := c.info.TypeOf(e)
	if tup, ok := t.(*types.Tuple); ok && tup.Len() > 0 {
		t = tup.At(0).Type() // db, err := sql.Open(...)
	}
	if isTxType(t) {
		return origin{state: txState}
	}
	e = ast.Unparen(e)
	fam := concreteFamily(t)
	if fam == "gorm" {
		return c.evalGorm(u, e, depth)
	}
	state := unknownState
	if fam != "" {
		state = nontxState
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, _ := c.info.ObjectOf(x).(*types.Var)
		if v == nil {
			return unknown
		}
		return c.evalVar(u, x, v, state, depth)
	case *ast.SelectorExpr:
		if sel := c.info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			base := c.eval(u, x.X, depth+1)
			if base.state == txState {
				return base
			}
			o := origin{state: base.state, rooted: base.rooted, params: base.params, key: base.key + "." + x.Sel.Name}
			if state == nontxState {
				o.state, o.params = nontxState, nil
			}
			return o
		}
		if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && isGlobal(v) {
			return origin{state: state, rooted: true, key: v.Pkg().Path() + "." + v.Name()}
		}
	case *ast.StarExpr:
		return c.eval(u, x.X, depth+1)
	case *ast.UnaryExpr:
		return c.eval(u, x.X, depth+1)
	case *ast.CompositeLit:
		var parts []ast.Expr
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			parts = append(parts, elt)
		}
		return c.evalParts(u, parts, depth)
	case *ast.CallExpr:
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.eval(u, x.Args[0], depth+1) // a conversion
		}
		fn := lint.Callee(c.info, x)
		var recv ast.Expr
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				recv = sel.X
			}
		}
		if state == nontxState {
			o := origin{state: nontxState}
			if recv != nil {
				base := c.eval(u, recv, depth+1)
				o.rooted, o.key = base.rooted, base.key
			}
			if fn != nil && o.key == "" {
				o.key = fn.FullName()
			}
			return o
		}
		// A constructor such as New(db), q.WithTx(tx), NewRepo(db): the
		// handle it is given.
		o := c.evalParts(u, x.Args, depth)
		if o.state == unknownState && len(o.params) == 0 && recv != nil && handleish(c.info.TypeOf(recv), 0) {
			o = c.eval(u, recv, depth+1)
		}
		return o
	}
	return origin{state: state}
}

// evalParts judges a value built from parts (a constructor's arguments, a
// composite literal's elements): a transaction if one is, else
// non-transactional if one is.
func (c *checker) evalParts(u *unit, parts []ast.Expr, depth int) origin {
	o := unknown
	for _, a := range parts {
		if !handleish(c.info.TypeOf(a), 0) {
			continue
		}
		ao := c.eval(u, a, depth+1)
		switch ao.state {
		case txState:
			return ao
		case nontxState:
			if o.state != nontxState {
				o.key = ao.key
			}
			o.state = nontxState
			o.rooted = o.rooted || ao.rooted
		default:
			o.params = append(o.params, ao.params...)
			o.rooted = o.rooted || ao.rooted
		}
	}
	if o.state == nontxState {
		o.params = nil
	}
	return o
}

func (c *checker) evalVar(u *unit, id *ast.Ident, v *types.Var, state uint8, depth int) origin {
	if i, ok := u.params[v]; ok {
		o := origin{state: state, rooted: true, key: v.Name()}
		if state == unknownState {
			o.params = []int{i}
		}
		return o
	}
	if isGlobal(v) {
		return origin{state: state, rooted: true, key: v.Pkg().Path() + "." + v.Name()}
	}
	body := lint.FuncBody(u.outer)
	if lv := lint.LocalVar(c.info, body, id); lv != nil {
		if val := lint.SingleAssignment(c.info, body, lv); val != nil {
			o := c.eval(u, val, depth+1)
			if o.key == "" {
				o.key = v.Name()
			}
			return o
		}
		if t, ok := c.multiAssigned(body, lv); ok {
			o := c.eval(u, t, depth+1)
			if o.key == "" {
				o.key = v.Name()
			}
			return o
		}
	}
	// A parameter of an enclosing function, a variable assigned twice.
	return origin{state: state, key: v.Name()}
}

// multiAssigned returns the value of v when it is declared by a
// multi-value assignment from a call: db, err := sql.Open(...).
func (c *checker) multiAssigned(body *ast.BlockStmt, v *types.Var) (ast.Expr, bool) {
	var val ast.Expr
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		as, ok := node.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && c.info.ObjectOf(id) == v {
				n++
				if len(as.Rhs) == 1 && len(as.Lhs) > 1 {
					val = as.Rhs[0]
				}
			}
		}
		return true
	})
	return val, n == 1 && val != nil
}

// evalGorm judges a *gorm.DB expression: a transaction when its chain
// goes through Begin, of unknown origin when it goes through a method of
// the program's own (a getDB(ctx) that may return the transaction stored
// in the context) or starts from a parameter.
func (c *checker) evalGorm(u *unit, e ast.Expr, depth int) origin {
	ch := lint.WalkChain(c.info, u.outer, e, nil)
	for _, call := range ch.Calls {
		fn := lint.Callee(c.info, call)
		if isGormMethod(fn, "Begin") {
			return origin{state: txState}
		}
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != gormPkg && fn.Pkg().Path() != gormV1Pkg {
			return unknown
		}
	}
	o := origin{state: nontxState}
	for i, r := range ch.Roots {
		var ro origin
		switch x := ast.Unparen(r).(type) {
		case *ast.CallExpr:
			fn := lint.Callee(c.info, x)
			if lint.IsFunc(fn, gormPkg, "Open") || lint.IsFunc(fn, gormV1Pkg, "Open") {
				ro = origin{state: nontxState, key: "gorm.Open"}
			} else {
				ro = unknown
			}
		case *ast.Ident:
			v, _ := c.info.ObjectOf(x).(*types.Var)
			if v == nil {
				return unknown
			}
			ro = c.evalVar(u, x, v, unknownState, depth)
			if isGlobal(v) {
				ro.state = nontxState
			}
		case *ast.SelectorExpr:
			if sel := c.info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
				// A field: the repository's db, or the handle of a value
				// built from a transaction (repo.WithTx(tx).db).
				base := c.eval(u, x.X, depth+1)
				if base.state == txState {
					return base
				}
				ro = origin{state: nontxState, rooted: base.rooted, key: base.key + "." + x.Sel.Name}
			} else if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && isGlobal(v) {
				ro = origin{state: nontxState, rooted: true, key: v.Pkg().Path() + "." + v.Name()}
			} else {
				ro = unknown
			}
		default:
			ro = unknown
		}
		if ro.state == txState {
			return ro
		}
		if ro.state == unknownState {
			o.state = unknownState
		}
		o.params = append(o.params, ro.params...)
		o.rooted = o.rooted || ro.rooted
		if i == 0 {
			o.key = ro.key
		}
	}
	if len(ch.Roots) == 0 {
		return unknown
	}
	if o.state == nontxState {
		o.params = nil
	}
	return o
}

func isGlobal(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// isWriteText reports whether the SQL text e is a write. Text that is not
// known counts as a write when unknownIsWrite is set.
func (c *checker) isWriteText(u *unit, e ast.Expr, unknownIsWrite bool) bool {
	if elts := c.rangedConstants(u, e); elts != nil {
		// for _, stmt := range []string{"CREATE TABLE ...", ...}: a
		// write if one of the statements is.
		for _, elt := range elts {
			if c.isWriteText(u, elt, unknownIsWrite) {
				return true
			}
		}
		return false
	}
	s, ok := lint.StaticString(c.info, u.outer, e, sqltext.Hole)
	if !ok {
		// Schema text kept in a package-level var rather than a const.
		if v := c.globalString(e); v != nil {
			s, ok = lint.StaticString(c.info, u.outer, v, sqltext.Hole)
		}
	}
	if !ok {
		if c.rangeValue(u, e) {
			// for _, stmt := range statements { db.Exec(stmt) }: a
			// script runner (migrations, fixtures), whose statements
			// are whatever the script holds.
			return false
		}
		return unknownIsWrite
	}
	switch k := sqltext.Classify(s); {
	case schemaScript(s):
		return false
	case k.IsWrite():
		return true
	case k == sqltext.Unknown:
		return unknownIsWrite
	}
	return false
}

// rangedConstants returns the elements of the slice or array literal of
// constant strings that e, the value variable of a range loop, ranges
// over (directly, or through a variable whose only value is the literal).
func (c *checker) rangedConstants(u *unit, e ast.Expr) []ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return nil
	}
	var lit *ast.CompositeLit
	ast.Inspect(lint.FuncBody(u.outer), func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || lit != nil {
			return lit == nil
		}
		if vid, ok := rs.Value.(*ast.Ident); ok && c.info.Defs[vid] == v {
			x := ast.Unparen(rs.X)
			if xid, ok := x.(*ast.Ident); ok {
				if xv, ok := c.info.ObjectOf(xid).(*types.Var); ok {
					body := lint.FuncBody(u.outer)
					if lv := lint.LocalVar(c.info, body, xid); lv != nil {
						x = lint.SingleAssignment(c.info, body, lv)
					} else if isGlobal(xv) {
						x = c.globalValue(xv)
					}
				}
			}
			lit, _ = x.(*ast.CompositeLit)
		}
		return true
	})
	if lit == nil || len(lit.Elts) == 0 {
		return nil
	}
	for _, elt := range lit.Elts {
		if _, ok := lint.ConstString(c.info, elt); !ok {
			return nil
		}
	}
	return lit.Elts
}

// globalValue returns the initial value of a package-level variable of
// this package, when it is never assigned in a function body... as far as
// this check goes: its declaration's value.
func (c *checker) globalValue(v *types.Var) ast.Expr {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, name := range vs.Names {
					if c.info.Defs[name] == v && i < len(vs.Values) {
						return vs.Values[i]
					}
				}
			}
		}
	}
	return nil
}

// rangeValue reports whether e is the value variable of a range loop.
func (c *checker) rangeValue(u *unit, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v := c.info.ObjectOf(id)
	found := false
	ast.Inspect(lint.FuncBody(u.outer), func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok {
			if vid, ok := rs.Value.(*ast.Ident); ok && c.info.Defs[vid] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// isGormDB reports whether t is GORM's *gorm.DB, v2 or v1
// (github.com/jinzhu/gorm, whose chain and writes have the same names).
func isGormDB(t types.Type) bool {
	return lint.IsNamed(t, gormPkg, "DB") || lint.IsNamed(t, gormV1Pkg, "DB")
}

// isGormMethod reports whether fn is one of the named methods of GORM's
// *gorm.DB, v2 or v1.
func isGormMethod(fn *types.Func, names ...string) bool {
	return lint.IsMethod(fn, gormPkg, "DB", names...) || lint.IsMethod(fn, gormV1Pkg, "DB", names...)
}

// globalString returns the initial value of the package-level string
// variable e names, when the package never assigns it again.
func (c *checker) globalString(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || !isGlobal(v) || v.Pkg() != c.pass.Pkg {
		return nil
	}
	for _, f := range c.pass.Files {
		reassigned := false
		ast.Inspect(f, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, l := range as.Lhs {
					if lid, ok := ast.Unparen(l).(*ast.Ident); ok && c.info.Uses[lid] == v {
						reassigned = true
					}
				}
			}
			return !reassigned
		})
		if reassigned {
			return nil
		}
	}
	return c.globalValue(v)
}

// gormSQLDB returns the GORM handle that the *sql.DB e was taken from
// (sqlDB, err := db.DB(), in the function), or nil.
func (c *checker) gormSQLDB(u *unit, e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || u.body == nil {
		return nil
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return nil
	}
	var from ast.Expr
	ast.Inspect(u.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return from == nil
		}
		if lid, ok := as.Lhs[0].(*ast.Ident); !ok || c.info.ObjectOf(lid) != v {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		if fn := lint.Callee(c.info, call); lint.IsMethod(fn, gormPkg, "DB", "DB") {
			from = ast.Unparen(call.Fun).(*ast.SelectorExpr).X
		}
		return from == nil
	})
	return from
}
