package unpaginated

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// Query builders write the SQL at run time, so the text is not there to
// read; the builder's calls are. A SELECT builder of squirrel, goqu or
// go-sqlbuilder run with no Limit reads every matching row. It is run
// either by the builder (squirrel's Query, goqu's ScanStructs) or by
// handing its Build/ToSql text to a database/sql query. The chain is
// followed as GORM's is: through local variables, and not at all when a
// helper of the program builds or receives it (it may paginate).

const (
	squirrelPkg   = "github.com/Masterminds/squirrel"
	goquPkg       = "github.com/doug-martin/goqu/v9"
	goquExecPkg   = "github.com/doug-martin/goqu/v9/exec"
	sqlbuilderPkg = "github.com/huandu/go-sqlbuilder"
)

var apiBuilder = api{"query builder runs a SELECT with no Limit and returns every matching row", "paginate with a keyset (a Where on the ID greater than the last one, OrderBy, Limit) or add a Limit"}

// selectBuilder reports whether t is a SELECT builder: squirrel's
// SelectBuilder, goqu's *SelectDataset, go-sqlbuilder's *SelectBuilder.
func selectBuilder(t types.Type) bool {
	return lint.IsNamed(t, squirrelPkg, "SelectBuilder") || lint.IsNamed(t, goquPkg, "SelectDataset") ||
		lint.IsNamed(t, sqlbuilderPkg, "SelectBuilder")
}

// builderExec returns the builder a call runs for many rows: squirrel's
// Query/QueryContext, goqu's ScanStructs/ScanVals (also through
// Executor()), or nil.
func (c *checker) builderExec(call *ast.CallExpr, fn *types.Func) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	switch {
	case lint.IsMethod(fn, squirrelPkg, "SelectBuilder", "Query", "QueryContext"),
		lint.IsMethod(fn, goquPkg, "SelectDataset", "ScanStructs", "ScanStructsContext", "ScanVals", "ScanValsContext"):
		return sel.X
	case lint.IsMethod(fn, goquExecPkg, "QueryExecutor", "ScanStructs", "ScanStructsContext", "ScanVals", "ScanValsContext"):
		if ec, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
			if efn := lint.Callee(c.info, ec); lint.IsMethod(efn, goquPkg, "SelectDataset", "Executor") {
				return ast.Unparen(ec.Fun).(*ast.SelectorExpr).X
			}
		}
	}
	return nil
}

// builtText returns the builder whose text the local variable arg holds:
// query, args, err := b.ToSql() (squirrel), b.ToSQL() (goqu), b.Build()
// or b.BuildWithFlavor(...) (go-sqlbuilder).
func (c *checker) builtText(fn ast.Node, arg ast.Expr) ast.Expr {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	body := lint.FuncBody(fn)
	if !ok || body == nil {
		return nil
	}
	v := lint.LocalVar(c.info, body, id)
	if v == nil {
		return nil
	}
	var recv ast.Expr
	writes := 0
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for _, l := range as.Lhs {
			if lid, ok := l.(*ast.Ident); !ok || c.info.ObjectOf(lid) != v {
				continue
			}
			writes++
			if len(as.Rhs) != 1 {
				continue
			}
			bc, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok {
				continue
			}
			bfn := lint.Callee(c.info, bc)
			if lint.IsMethod(bfn, squirrelPkg, "SelectBuilder", "ToSql") || lint.IsMethod(bfn, goquPkg, "SelectDataset", "ToSQL") ||
				lint.IsMethod(bfn, sqlbuilderPkg, "SelectBuilder", "Build", "BuildWithFlavor") {
				recv = ast.Unparen(bc.Fun).(*ast.SelectorExpr).X
			}
		}
		return true
	})
	if writes != 1 {
		return nil
	}
	return recv
}

// builderRead judges the SELECT builder recv, run by exec.
func (c *checker) builderRead(cur inspector.Cursor, exec *ast.CallExpr, recv ast.Expr, dest types.Object) {
	fnNode := lint.OutermostFunc(cur)
	chain := lint.WalkChain(c.info, fnNode, recv, exec)
	if chain.Opaque {
		return
	}
	rd := read{api: apiBuilder, dest: dest}
	calls := chain.Calls
	for _, root := range chain.Roots {
		if selectBuilder(c.info.TypeOf(root)) {
			if rc, ok := ast.Unparen(root).(*ast.CallExpr); ok {
				rfn := lint.Callee(c.info, rc)
				if rfn == nil || rfn.Pkg() == nil || !builderPkg(rfn.Pkg().Path()) {
					return // a helper of ours builds it: it may paginate
				}
				calls = append(calls, rc) // squirrel.Select(...), goqu.From(...)
				continue
			}
			return // a builder passed in or kept in a field: its Limit is elsewhere
		}
	}
	calls = c.withOuterChains(fnNode, calls)
	var cols []string
	for _, cc := range calls {
		cfn := lint.Callee(c.info, cc)
		if cfn == nil || cfn.Pkg() == nil || !builderPkg(cfn.Pkg().Path()) {
			return // a method of ours returning the builder: it may paginate
		}
		switch cfn.Name() {
		case "Limit":
			if is := c.conditionalIn(fnNode, cc, exec); is != nil {
				rd.switchOff = "Limit is called only when " + types.ExprString(is.Cond)
				continue
			}
			return
		case "LimitAll":
			rd.switchOff = "LimitAll()"
		case "Suffix", "SuffixExpr":
			return // raw SQL after the query: it may hold the LIMIT
		case "GroupBy", "GroupByAppend", "FromSelect", "FromSelf", "Executor":
			return // one row per group, or nested: not judged, as in SQL text
		case "From", "SelectFrom":
			rd.tables = append(rd.tables, c.builderTables(cc.Args)...)
		case "Select", "Columns":
			for _, a := range cc.Args {
				if s, ok := lint.ConstString(c.info, a); ok {
					cols = append(cols, s)
				} else {
					cols = append(cols, "x") // not a constant: a column, not an aggregate
				}
			}
		case "Where", "Having":
			if c.builderCond(fnNode, cc.Args, rd.tables) == sqltext.RowsBounded {
				return
			}
			rd.parent = true // a filter narrows the read; growth decides
		case "Equal", "E", "EQ", "In":
			// go-sqlbuilder's conditions are methods of the builder: sb.Equal("id", id).
			if len(cc.Args) > 0 {
				if col, ok := lint.ConstString(c.info, cc.Args[0]); ok && c.uniqueCol(col, rd.tables) {
					return
				}
			}
		}
	}
	if len(cols) > 0 && c.cfg.Rows("SELECT "+strings.Join(cols, ", ")+" FROM t") == sqltext.RowsBounded {
		return // only aggregates: count(*)
	}
	for _, t := range rd.tables {
		if c.cfg.AllowTable(t) {
			return
		}
	}
	c.judge(cur, exec, rd)
}

func builderPkg(path string) bool {
	return path == squirrelPkg || path == goquPkg || path == sqlbuilderPkg || path == goquExecPkg ||
		strings.HasPrefix(path, goquPkg+"/")
}

// builderTables returns the tables of a From: constant names ("users u"
// is users) or goqu.T("users").
func (c *checker) builderTables(args []ast.Expr) []string {
	var out []string
	for _, a := range args {
		if tc, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(tc.Args) == 1 {
			if lint.IsFunc(lint.Callee(c.info, tc), goquPkg, "T") {
				a = tc.Args[0]
			}
		}
		if s, ok := lint.ConstString(c.info, a); ok {
			if f := strings.Fields(s); len(f) > 0 {
				name := f[0]
				if i := strings.LastIndexByte(name, '.'); i >= 0 {
					name = name[i+1:]
				}
				out = append(out, strings.ToLower(strings.Trim(name, "\"`")))
			}
		}
	}
	return out
}

// builderCond judges the arguments of a Where: a string condition by its
// text ("id = ?"), squirrel's Eq{"id": x} by its keys, goqu's
// C("id").Eq(x)/In(...) and Ex{"id": x} by their columns. Anything else
// narrows the read by an unknown amount.
func (c *checker) builderCond(fn ast.Node, args []ast.Expr, tables []string) sqltext.Rows {
	if len(args) == 0 {
		return sqltext.RowsUnknown
	}
	if s, ok := lint.StaticString(c.info, fn, args[0], sqltext.Hole); ok {
		if b, isStr := c.info.TypeOf(args[0]).Underlying().(*types.Basic); isStr && b.Info()&types.IsString != 0 {
			return c.cfg.CondOn(s, tables...)
		}
	}
	for _, a := range args {
		e := ast.Unparen(a)
		if lit, ok := e.(*ast.CompositeLit); ok {
			if c.litHasUniqueKey(lit, tables) {
				return sqltext.RowsBounded
			}
			continue
		}
		// goqu.C("token").In(tokens), goqu.I("t.id").Eq(id)
		if call, ok := e.(*ast.CallExpr); ok {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || !oneOf(sel.Sel.Name, []string{"Eq", "In"}) {
				continue
			}
			if inner, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok && len(inner.Args) == 1 {
				if col, ok := lint.ConstString(c.info, inner.Args[0]); ok && c.uniqueCol(col, tables) {
					return sqltext.RowsBounded
				}
			}
		}
	}
	return sqltext.RowsUnbounded
}

// uniqueCol reports whether col ("id", "u.token") is a unique column, by
// the settings or a single-column key of one of the tables.
func (c *checker) uniqueCol(col string, tables []string) bool {
	if i := strings.LastIndexByte(col, '.'); i >= 0 {
		col = col[i+1:]
	}
	return c.cfg.IsUnique(col) || c.coversKey(tables, []string{strings.ToLower(col)})
}

// conditionalIn returns the if statement of fn that holds call but not
// exec: the call happens only when its condition holds.
func (c *checker) conditionalIn(fn ast.Node, call, exec ast.Node) *ast.IfStmt {
	var found *ast.IfStmt
	ast.PreorderStack(lint.FuncBody(fn), nil, func(n ast.Node, stack []ast.Node) bool {
		if n != call {
			return found == nil
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if is, ok := stack[i].(*ast.IfStmt); ok && !(is.Pos() <= exec.Pos() && exec.End() <= is.End()) {
				found = is
				break
			}
		}
		return false
	})
	return found
}

// builderQuery judges the text of a builder run by a database/sql query,
// when arg holds what its ToSql or Build returned.
func (c *checker) builderQuery(cur inspector.Cursor, call *ast.CallExpr, arg ast.Expr) bool {
	b := c.builtText(lint.OutermostFunc(cur), arg)
	if b == nil || !selectBuilder(c.info.TypeOf(b)) {
		return false
	}
	dest := c.sliceDest(call.Args)
	if dest == nil {
		dest = c.resultVar(cur)
	}
	c.builderRead(cur, call, b, dest)
	return true
}

// builderDest is where a builder's rows go: the slice ScanStructs fills,
// or the rows Query returns.
func (c *checker) builderDest(cur inspector.Cursor, call *ast.CallExpr) types.Object {
	if d := c.sliceDest(call.Args); d != nil {
		return d
	}
	return c.resultVar(cur)
}

// withOuterChains adds the calls chained on top of the builder's own
// calls: go-sqlbuilder mutates, so sb.Select(...).From("t").Where(...)
// as a statement configures sb through every call of that chain.
func (c *checker) withOuterChains(fn ast.Node, calls []*ast.CallExpr) []*ast.CallExpr {
	seen := make(map[*ast.CallExpr]bool)
	for _, cc := range calls {
		seen[cc] = true
	}
	out := calls
	ast.PreorderStack(lint.FuncBody(fn), nil, func(n ast.Node, stack []ast.Node) bool {
		cc, ok := n.(*ast.CallExpr)
		if !ok || !seen[cc] {
			return true
		}
		for i := len(stack) - 1; i >= 1; i -= 2 {
			sel, ok := stack[i].(*ast.SelectorExpr)
			outer, ok2 := stack[i-1].(*ast.CallExpr)
			if !ok || !ok2 || ast.Unparen(outer.Fun) != sel || !selectBuilder(c.info.TypeOf(outer)) || seen[outer] {
				break
			}
			seen[outer] = true
			out = append(out, outer)
		}
		return true
	})
	return out
}
