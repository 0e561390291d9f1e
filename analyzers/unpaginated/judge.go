package unpaginated

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// strict is the -unpaginated.strict flag: report every read without a
// bound, whatever the code shows about its tables.
var strict bool

// An api is how a finding names the read and its fix, per library.
type api struct{ head, fix string }

var (
	apiSQL   = api{"query returns every matching row (a SELECT with no LIMIT)", "paginate with a keyset (WHERE id > $1 ORDER BY id LIMIT $2) or add a LIMIT"}
	apiGORM  = api{"Find loads every matching row (no Limit in the chain)", "paginate with a keyset (Where(\"id > ?\", last).Order(\"id\").Limit(n)), add a Limit or use FindInBatches"}
	apiEnt   = api{"All loads every matching row (no Limit on the query)", "paginate with a keyset (a Where on the ID greater than the last one, Order, Limit) or add a Limit"}
	apiMongo = api{"Find returns every matching document (no SetLimit in its options)", "paginate with a keyset filter on _id and options.Find().SetSort(...).SetLimit(n)"}
)

// moveFilter replaces the fix when the code filters the rows it loaded.
const moveFilter = "the code then skips rows it does not want: move that condition into the query's WHERE so the database returns only the rows used, and add a LIMIT"

// A read is an unbounded read, with what its text says about its tables.
type read struct {
	api    api
	tables []string // lower case; empty when unknown
	// parent is set when a filter requires a column to equal a value the
	// caller passes: the children of one parent (a campaign's events).
	parent bool
	// dest is the variable the rows go to (rows, a slice), for the
	// filter advice; nil when unknown.
	dest types.Object
	// window is set when the WHERE compares columns with the caller's
	// values on both sides only (BETWEEN $1 AND $2): see ranges.go.
	window bool
	// switchOff names how a caller switches the read's limit off (LIMIT
	// NULLIF($1, 0), a LIMIT appended only when opts.Limit > 0).
	switchOff string
	// parentCols are the columns that select the parent, lower case,
	// when the text names them.
	parentCols []string
	// shape is what the SQL text says, for a read of SQL text.
	shape sqltext.Shape
}

// sqlRead describes a read of SQL text.
func (c *checker) sqlRead(text string, dest types.Object) read {
	rd := read{api: apiSQL, dest: dest}
	if sh, ok := c.cfg.ShapeOf(text); ok {
		rd.tables, rd.parent, rd.parentCols = sh.Tables, sh.Parent, sh.ParentCols
		rd.window, rd.switchOff = sh.Window, sh.Switch
		rd.shape = sh
	}
	return rd
}

// sqlReadCall describes a read of SQL text run by call with the query
// arguments args (those after the text): as sqlRead, plus what the
// arguments and the code around the call show.
func (c *checker) sqlReadCall(cur inspector.Cursor, text string, dest types.Object, args []ast.Expr) (read, bool) {
	fn := lint.OutermostFunc(cur)
	rd := c.sqlRead(text, dest)
	c.clockWindow(fn, &rd, args)
	rd.parentCols, rd.parent = c.callerParents(rd.shape.ParentCols, rd.shape.ParentArgs, args, rd.parent)
	if rows := c.resultVar(cur); rows != nil && c.readsOneRow(fn, rows) {
		return rd, false // only the first row is read
	}
	return rd, true
}

// callerParents drops from cols those compared only with constants the
// code passes (collection = ? with SpamCollection): a category, not a
// parent the caller picks. parent is false when no column is left.
func (c *checker) callerParents(cols []string, colArgs [][]int, args []ast.Expr, parent bool) ([]string, bool) {
	if !parent || len(cols) == 0 || len(colArgs) != len(cols) || args == nil {
		return cols, parent
	}
	var kept []string
	for i, col := range cols {
		if !c.constArgs(colArgs[i], args) {
			kept = append(kept, col)
		}
	}
	return kept, len(kept) > 0
}

// constArgs reports whether every argument at the positions idx is a
// constant.
func (c *checker) constArgs(idx []int, args []ast.Expr) bool {
	for _, i := range idx {
		if i < 0 || i >= len(args) || c.info.Types[args[i]].Value == nil {
			return false
		}
	}
	return len(idx) > 0
}

// judge reports an unbounded read when the code shows it will grow (see
// the package doc), or always with -strict.
func (c *checker) judge(cur inspector.Cursor, call *ast.CallExpr, rd read) {
	if c.readsOnPurpose(cur) || rd.window && !strict {
		return
	}
	rd.parent = rd.parent && selectsParent(rd.parentCols)
	table, ev, grows := c.growing(rd.tables)
	var reason string
	switch {
	case grows && rd.parent && !strict && !c.growsPerParent(table, rd.parentCols):
		// The children of one parent, in a table that grows by adding
		// parents: a chain's tasks, a chat's members, one run's results.
		return
	case grows:
		reason = "table " + table + " grows with use (" + ev.why + ")"
		if !strict && c.deletes(lint.OutermostFunc(cur)) {
			return // the ids of the rows a cascade delete removes, in its transaction
		}
	case !rd.parent && !c.writtenCold(rd.tables) && c.onRequestPath(cur):
		what := "a whole table"
		if len(rd.tables) > 0 {
			what = "the whole " + rd.tables[0] + " table"
		}
		reason = "it reads " + what + " on a request path, and no code shows the table stays small"
	case !strict:
		// A child list, a whole read of a table inserted into one row at a
		// time outside loops (the size people make it), or of a table
		// whose growth the code does not show, off a request path.
		return
	}
	msg := rd.api.head
	if rd.switchOff != "" {
		msg = switchedHead(rd)
	}
	if reason != "" {
		msg += ", and " + reason
	}
	fix := rd.api.fix
	if c.filteredInGo(lint.OutermostFunc(cur), rd.dest) {
		fix = moveFilter
	}
	msg += ": " + danger + "; " + fix
	pos := call.Pos()
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		pos = sel.Sel.Pos()
	}
	d := analysis.Diagnostic{Pos: pos, End: call.End(), Category: "RL201", Message: msg}
	if ev.pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: ev.pos, Message: "rows of " + table + " are inserted here"}}
	}
	c.p.Report(d)
}

// onRequestPath reports whether the read is in a request handler: a
// function taking net/http's ResponseWriter or Request, or gin's, echo's
// or fiber's context.
func (c *checker) onRequestPath(cur inspector.Cursor) bool {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ft := lint.FuncType(fn.Node())
		if ft == nil || ft.Params == nil {
			continue
		}
		for _, field := range ft.Params.List {
			t := c.info.TypeOf(field.Type)
			if lint.IsNamed(t, "net/http", "ResponseWriter") || lint.IsNamed(t, "net/http", "Request") ||
				lint.IsNamed(t, "github.com/gin-gonic/gin", "Context") || lint.IsNamed(t, "github.com/labstack/echo/v4", "Context") ||
				lint.IsNamed(t, "github.com/gofiber/fiber/v2", "Ctx") || lint.IsNamed(t, "github.com/gofiber/fiber/v3", "Ctx") {
				return true
			}
		}
	}
	return false
}

// deletes reports whether the function fn deletes rows: SQL text that
// deletes, or an ORM Delete. A read there collects what the delete is
// about to remove (the ids of a cascade), in the same transaction.
func (c *checker) deletes(fn ast.Node) bool {
	if fn == nil {
		return false
	}
	if v, ok := c.deleters[fn]; ok {
		return v
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		callee := lint.Callee(c.info, call)
		if callee == nil {
			return true
		}
		if lint.IsMethod(callee, gormPkg, "DB", "Delete") || lint.IsMethod(callee, gormV1Pkg, "DB", "Delete") {
			found = true
			return false
		}
		for _, a := range call.Args {
			if b, ok := c.info.TypeOf(a).Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
				continue
			}
			if text, ok := lint.StaticString(c.info, fn, a, sqltext.Hole); ok && sqltext.Classify(text) == sqltext.Delete {
				found = true
			}
		}
		return !found
	})
	c.deleters[fn] = found
	return found
}

// filteredInGo reports whether fn loops over the rows in dest (for
// rows.Next(), or range over the slice) and skips some with an if ...
// continue: a filter the database could apply.
func (c *checker) filteredInGo(fn ast.Node, dest types.Object) bool {
	if fn == nil || dest == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found {
			return false
		}
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.RangeStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.info.Uses[id] == dest {
				body = n.Body
			}
		case *ast.ForStmt:
			if n.Cond != nil && lint.Mentions(c.info, n.Cond, dest) {
				body = n.Body
			}
		}
		if body != nil {
			for _, st := range body.List {
				if skipsRow(st) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// skipsRow reports whether st is if cond { continue }.
func skipsRow(st ast.Stmt) bool {
	is, ok := st.(*ast.IfStmt)
	if !ok || is.Else != nil || len(is.Body.List) != 1 {
		return false
	}
	br, ok := is.Body.List[0].(*ast.BranchStmt)
	return ok && br.Tok == token.CONTINUE && br.Label == nil
}

// resultVar returns the variable the call's first result is assigned to
// (rows, err := db.Query(...)), or nil.
func (c *checker) resultVar(cur inspector.Cursor) types.Object {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return nil
	}
	if id, ok := as.Lhs[0].(*ast.Ident); ok {
		return c.info.ObjectOf(id)
	}
	return nil
}

// sliceDest returns the variable behind the first argument that points
// to a slice (&out), or nil.
func (c *checker) sliceDest(args []ast.Expr) types.Object {
	for _, a := range args {
		if !isSlice(c.info.TypeOf(a)) {
			continue
		}
		e := ast.Unparen(a)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if id, ok := e.(*ast.Ident); ok {
			return c.info.ObjectOf(id)
		}
		return nil
	}
	return nil
}

// lowerAll lower-cases table names.
func lowerAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.ToLower(n)
	}
	return out
}
