package missingtx

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/resilint/resilint/internal/lint"
)

// A write is a call that writes to a database, or commits a transaction
// (one atomic write).
type write struct {
	call   *ast.CallExpr
	family string
	what   string // how the message names it: "*sql.DB.ExecContext", "CreateOrder"
	org    origin
	// wildcard writes (helpers, commits) have no handle of their own: they
	// add up with the writes on every handle of their family.
	wildcard bool
	// atomic is set for a write that is a transaction of its own: a
	// commit, a transaction helper, a helper that only writes in its own
	// transactions. A path of atomic writes only is not reported: each is
	// a unit the author chose.
	atomic bool
	// text is the SQL of a prepared statement's write (see stmtWrite).
	text string
}

var (
	mongoWrites = []string{"InsertOne", "InsertMany", "UpdateOne", "UpdateMany", "UpdateByID", "ReplaceOne",
		"DeleteOne", "DeleteMany", "FindOneAndUpdate", "FindOneAndReplace", "FindOneAndDelete", "BulkWrite"}
	gormWrites = []string{"Create", "CreateInBatches", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete", "Exec"}
	queryNames = []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext"}
)

// writeOf returns the write call makes, or nil. Transactional writes are
// nil: they are never counted.
func (c *checker) writeOf(u *unit, call *ast.CallExpr) *write {
	fn := lint.Callee(c.info, call)
	if fn == nil {
		return nil
	}
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			recv = sel.X
		}
	}
	sig := fn.Signature()
	name := fn.Name()
	w := &write{call: call}
	textArg := func() ast.Expr {
		// The SQL text: the first string parameter.
		for i := 0; i < sig.Params().Len() && i < len(call.Args); i++ {
			if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				return call.Args[i]
			}
		}
		return nil
	}
	checkText := true
	direct := func(family string, unknownIsWrite bool) *write {
		if recv == nil {
			return nil
		}
		if arg := textArg(); checkText && arg != nil && !c.isWriteText(u, arg, unknownIsWrite) {
			return nil
		}
		w.family = family
		w.org = c.eval(u, recv, 0)
		if family == "sql" {
			if g := c.gormSQLDB(u, recv); g != nil {
				// sqlDB, _ := db.DB(): the same database as GORM's handle,
				// so its writes add up with db's.
				w.family, w.org = "gorm", c.eval(u, g, 0)
			}
		}
		if w.org.state == nontxState && w.org.key != "" && c.stmtTxKeys(u)[w.org.key] {
			w.org.state = txState // between BEGIN and COMMIT statements on a pinned connection
		}
		if w.org.state == txState {
			c.sawTxWrite = true
		}
		w.what = typeName(c.info.TypeOf(recv)) + "." + name
		return w
	}
	if sw, ok := c.stmtWrite(u, call, fn, recv); ok {
		return sw
	}
	isQuery := slices.Contains(queryNames, name)
	if lint.IsMethod(fn, sqlPkg, "Tx", "Exec", "ExecContext") || lint.IsMethod(fn, pgxPkg, "Tx", "Exec", "SendBatch", "CopyFrom") ||
		lint.IsMethod(fn, sqlxPkg, "Tx", "MustExec", "MustExecContext", "NamedExec", "NamedExecContext") {
		c.sawTxWrite = true
		return nil
	}
	if recv != nil && (name == "Exec" || name == "ExecContext") && isTxType(c.info.TypeOf(recv)) {
		c.sawTxWrite = true // a wrapper of a transaction
		return nil
	}
	if isQuery && (lint.IsMethod(fn, sqlPkg, "Tx", name) || lint.IsMethod(fn, sqlxPkg, "Tx", name) || lint.IsMethod(fn, pgxPkg, "Tx", name)) {
		if arg := textArg(); arg != nil && c.isWriteText(u, arg, false) {
			c.sawTxWrite = true // INSERT ... RETURNING in a transaction
		}
		return nil
	}
	switch {
	case lint.IsMethod(fn, sqlPkg, "DB", "Exec", "ExecContext"), lint.IsMethod(fn, sqlPkg, "Conn", "ExecContext"),
		lint.IsMethod(fn, sqlxPkg, "DB", "MustExec", "MustExecContext", "NamedExec", "NamedExecContext"),
		lint.IsMethod(fn, sqlxPkg, "Conn", "ExecContext"):
		return direct("sql", true)
	case isQuery && (lint.IsMethod(fn, sqlPkg, "DB", name) || lint.IsMethod(fn, sqlPkg, "Conn", name) || lint.IsMethod(fn, sqlxPkg, "DB", name)):
		return direct("sql", false) // INSERT ... RETURNING
	case lint.IsFunc(fn, sqlxPkg, "NamedExec", "NamedExecContext", "MustExec", "MustExecContext"):
		for i, a := range call.Args {
			if i >= sig.Params().Len() {
				break
			}
			pt := sig.Params().At(i).Type()
			if _, isIface := pt.Underlying().(*types.Interface); isIface && !lint.IsNamed(pt, "context", "Context") {
				if arg := textArg(); arg != nil && !c.isWriteText(u, arg, true) {
					return nil
				}
				w.family, w.org, w.what = "sql", c.eval(u, a, 0), "sqlx."+name
				if w.org.state == txState {
					return nil
				}
				return w
			}
		}
		return nil
	case lint.IsMethod(fn, pgxPkg, "Conn", "Exec"), lint.IsMethod(fn, pgxpoolPkg, "Pool", "Exec"), lint.IsMethod(fn, pgxpoolPkg, "Conn", "Exec"):
		return direct("pgx", true)
	case lint.IsMethod(fn, pgxPkg, "Conn", "SendBatch", "CopyFrom"), lint.IsMethod(fn, pgxpoolPkg, "Pool", "SendBatch", "CopyFrom"),
		lint.IsMethod(fn, pgxpoolPkg, "Conn", "SendBatch", "CopyFrom"):
		return direct("pgx", true)
	case isQuery && (lint.IsMethod(fn, pgxPkg, "Conn", name) || lint.IsMethod(fn, pgxpoolPkg, "Pool", name) || lint.IsMethod(fn, pgxpoolPkg, "Conn", name)):
		return direct("pgx", false)
	case isGormMethod(fn, gormWrites...):
		checkText = name == "Exec"
		w := direct("gorm", true)
		if w != nil {
			w.what = "*gorm.DB." + name
		}
		return w
	case lint.IsMethod(fn, mongoV1, "Collection", mongoWrites...), lint.IsMethod(fn, mongoV2, "Collection", mongoWrites...):
		if len(call.Args) > 0 && c.sessionCtx(u, call.Args[0]) {
			c.sawTxWrite = true // in the session's transaction
			return nil
		}
		checkText = false
		w := direct("mongo", true)
		if w != nil {
			w.org.key = "" // the collections of one database
			w.what = "*mongo.Collection." + name
		}
		return w
	case recv != nil && (name == "Exec" || name == "ExecContext" || isQuery) && execInterface(c.info.TypeOf(recv)) &&
		!isTxType(c.info.TypeOf(recv)):
		// sqlc's DBTX and other Exec interfaces: counted when the
		// function knows what they hold.
		family := "sql"
		if res := sig.Results(); res.Len() > 0 && lint.IsNamed(res.At(0).Type(), pgconnPkg, "CommandTag") {
			family = "pgx"
		} else if res.Len() > 0 && lint.IsNamed(res.At(0).Type(), pgxPkg, "Row") || res.Len() > 0 && lint.IsNamed(res.At(0).Type(), pgxPkg, "Rows") {
			family = "pgx"
		}
		return direct(family, !isQuery)
	case isCommit(fn) && recv != nil:
		w.family, w.what, w.wildcard, w.atomic = familyOfTx(fn), "the transaction committed", true, true
		w.org = origin{state: nontxState}
		return w
	case c.isTxHelperCall(call):
		w.family, w.what, w.wildcard, w.atomic = familyOfTx(fn), "the transaction run by "+name, true, true
		w.org = origin{state: nontxState}
		return w
	}
	if recv != nil && len(c.extra) > 0 && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && fn.Pkg() != nil &&
			c.extra[fn.Pkg().Path()+"."+n.Obj().Name()+"."+name] {
			w.family = "custom:" + n.Obj().Name()
			w.what = n.Obj().Name() + "." + name
			w.org = c.eval(u, recv, 0)
			if w.org.state == unknownState {
				w.org.state, w.org.params = nontxState, nil // a configured data layer
			}
			return w
		}
	}
	if f := c.factOf(fn); f != nil {
		return c.helperWrite(u, call, recv, fn, f)
	}
	return nil
}

// helperWrite judges a call of a function that writes (its fact f).
func (c *checker) helperWrite(u *unit, call *ast.CallExpr, recv ast.Expr, fn *types.Func, f *writesFact) *write {
	for _, a := range call.Args {
		if c.sessionCtx(u, a) || isTxType(c.info.TypeOf(a)) {
			c.sawTxWrite = true
			return nil // the helper writes in the caller's transaction
		}
	}
	w := &write{call: call, family: f.Family, what: fn.Name(), wildcard: true, atomic: f.Atomic || !f.Plain}
	if recv != nil {
		if ro := c.eval(u, recv, 0); ro.state == txState {
			c.sawTxWrite = true
			return nil // repo.WithTx(tx).CreateOrder(...)
		}
	}
	w.org = origin{state: unknownState}
	if f.Atomic || f.Fixed {
		w.org.state = nontxState
		w.org.rooted = true
		if recv != nil {
			w.org.rooted = c.eval(u, recv, 0).rooted || len(c.eval(u, recv, 0).params) > 0
		}
	}
	for _, p := range f.Params {
		var a ast.Expr
		if p < 0 {
			a = recv
		} else if p < len(call.Args) {
			a = call.Args[p]
		}
		if a == nil {
			continue
		}
		ao := c.eval(u, a, 0)
		switch ao.state {
		case txState:
		case nontxState:
			w.org.state = nontxState
			w.org.rooted = w.org.rooted || ao.rooted
		default:
			w.org.params = append(w.org.params, ao.params...)
			w.org.rooted = w.org.rooted || ao.rooted
		}
	}
	return w
}

// sessionCtx reports whether e is a mongo session context: a v1
// mongo.SessionContext or a v2 context from mongo.NewSessionContext.
func (c *checker) sessionCtx(u *unit, e ast.Expr) bool {
	if lint.IsNamed(c.info.TypeOf(e), mongoV1, "SessionContext") {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	body := lint.FuncBody(u.outer)
	lv := lint.LocalVar(c.info, body, id)
	if lv == nil {
		return false
	}
	if val, ok := lint.SingleAssignment(c.info, body, lv).(*ast.CallExpr); ok {
		fn := lint.Callee(c.info, val)
		return lint.IsFunc(fn, mongoV2, "NewSessionContext") || lint.IsFunc(fn, mongoV1, "NewSessionContext")
	}
	return false
}

func familyOfTx(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	switch p := fn.Pkg().Path(); {
	case p == sqlPkg || p == sqlxPkg:
		return "sql"
	case strings.HasPrefix(p, pgxPkg):
		return "pgx"
	case p == gormPkg || p == gormV1Pkg:
		return "gorm"
	case p == mongoV1 || p == mongoV2:
		return "mongo"
	}
	return ""
}

// typeName writes t with package names, not paths: *sql.DB.
func typeName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// writesIn returns the writes of u in source order. With nested, the
// writes of the function literals that run before u returns count too
// (see syncLits); without, no literal's do. Writes in go and defer
// statements never count: they are not on u's path.
func (c *checker) writesIn(u *unit, nested bool) []*write {
	var sync map[*ast.FuncLit]bool
	if nested {
		sync = c.syncLits(u.body)
	}
	var out []*write
	ast.Inspect(u.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.FuncLit:
			return sync[n] && !c.txLits[n]
		case *ast.CallExpr:
			if w := c.writeOf(u, n); w != nil {
				out = append(out, w)
			}
		}
		return true
	})
	return out
}

// syncLits returns the function literals in body that run while the
// function is running: called on the spot, or passed to a call that runs
// them (a retry helper, a batch iterator). A literal that is returned,
// stored, converted to a func type (http.HandlerFunc) or shaped like an
// HTTP handler runs later, for another request: its writes are not the
// function's (a middleware constructor does not write).
func (c *checker) syncLits(body *ast.BlockStmt) map[*ast.FuncLit]bool {
	out := make(map[*ast.FuncLit]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			out[lit] = true
		}
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
			return true // a conversion
		}
		for _, a := range call.Args {
			if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && !c.handlerShaped(lit) {
				out[lit] = true
			}
		}
		return true
	})
	return out
}

// handlerShaped reports whether lit takes a request: an
// http.ResponseWriter, or a gin, echo or fiber context. Such a literal is
// registered to serve requests, not run by the call it is passed to.
func (c *checker) handlerShaped(lit *ast.FuncLit) bool {
	for _, field := range lit.Type.Params.List {
		t := c.info.TypeOf(field.Type)
		if lint.IsNamed(t, "net/http", "ResponseWriter") || lint.IsNamed(t, "github.com/gin-gonic/gin", "Context") ||
			lint.IsNamed(t, "github.com/labstack/echo/v4", "Context") || lint.IsNamed(t, "github.com/gofiber/fiber/v2", "Ctx") {
			return true
		}
	}
	return false
}

// writesInTx reports whether u writes: through a transaction, through a
// helper given one, or outside any. A commit is not a write of its own.
func (c *checker) writesInTx(u *unit) bool {
	saved := c.sawTxWrite
	c.sawTxWrite = false
	ws := c.writesIn(u, true)
	wrote := c.sawTxWrite || slices.ContainsFunc(ws, func(w *write) bool { return !isCommit(lint.Callee(c.info, w.call)) })
	c.sawTxWrite = saved
	return wrote
}

// computeFact returns the fact of the function declared at u, or nil.
func (c *checker) computeFact(u *unit) *writesFact {
	if u.body == nil {
		return nil
	}
	// Does it run a transaction itself: begin and commit one, or call a
	// transaction helper? (A function that begins one and returns it is
	// not a write.)
	opens, helper, commits := false, false, false
	ast.Inspect(u.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if c.opensTx(call) {
			opens = true
		}
		if _, lead, ok := c.connStatement(u, call); ok && (lead.Is("BEGIN") || lead.Is("START")) {
			opens = true // BEGIN IMMEDIATE on a pinned connection
		} else if ok && (lead.Is("COMMIT") || lead.Is("END")) {
			commits = true
		}
		if fn := lint.Callee(c.info, call); isCommit(fn) || c.isTxHelperCall(call) ||
			lint.IsMethod(fn, mongoV1, "Session", "CommitTransaction") || lint.IsMethod(fn, mongoV2, "Session", "CommitTransaction") {
			commits = true
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				if _, isParam := u.params[v]; isParam {
					if _, isFunc := v.Type().Underlying().(*types.Signature); isFunc {
						helper = true
					}
				}
			}
		}
		return true
	})
	if opens && !commits {
		return nil
	}
	if opens && !helper && !c.writesInTx(u) {
		// A read-only transaction (a consistent snapshot for two
		// queries) writes nothing: its callers do not count it.
		return nil
	}
	if opens {
		fam := ""
		ast.Inspect(u.body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && fam == "" && c.opensTx(call) {
				fam = familyOfTx(lint.Callee(c.info, call))
				if f := c.factOf(lint.Callee(c.info, call)); f != nil && fam == "" {
					fam = f.Family
				}
			}
			return true
		})
		return &writesFact{Family: fam, Atomic: true, TxHelper: helper}
	}
	f := &writesFact{}
	c.sawTxWrite = false
	ws := c.writesIn(u, true)
	if c.sawTxWrite {
		// It writes through a transaction it is given as well as through
		// a pool: a transaction-aware executor (an ORM session, an
		// in-house exec that uses the context's transaction when there
		// is one). Whether a call writes in a transaction is the
		// caller's choice, which the fact cannot tell.
		return nil
	}
	for _, w := range ws {
		if w.org.state == txState || !w.org.rooted && len(w.org.params) == 0 {
			continue
		}
		if f.Family == "" {
			f.Family = w.family
		}
		if !w.atomic {
			f.Plain = true
		}
		if w.org.state == nontxState {
			f.Fixed = true
		}
		for _, p := range w.org.params {
			if !slices.Contains(f.Params, p) {
				f.Params = append(f.Params, p)
			}
		}
	}
	if !f.Fixed && len(f.Params) == 0 {
		return nil
	}
	slices.Sort(f.Params)
	return f
}
