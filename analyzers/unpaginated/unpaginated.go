// Package unpaginated defines an Analyzer that reports queries that can
// return an unbounded number of rows.
package unpaginated

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

var Analyzer = &analysis.Analyzer{
	Name:      "unpaginated",
	Doc:       Doc,
	URL:       lint.DocsURL + "unpaginated.md",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(tablesFact)},
}

var (
	common lint.Common
	// uniqueColumns and allowTables are comma-separated lists.
	uniqueColumns = "id"
	allowTables   = ""
)

func init() {
	common.Register(&Analyzer.Flags)
	Analyzer.Flags.StringVar(&uniqueColumns, "unique-columns", "id", "comma-separated column names that identify one row: a WHERE requiring one of them to equal a value bounds a query")
	Analyzer.Flags.StringVar(&allowTables, "allow-tables", "", "comma-separated tables known to stay small (lookup tables, enums) whose full reads are fine")
	Analyzer.Flags.BoolVar(&strict, "strict", false, "report every read without a row bound, not only those of tables the code shows will grow (and whole-table reads on request paths)")
	Analyzer.Flags.BoolVar(&reportCLI, "cli", false, "also report the whole-table reads that a command-line tool makes once per run (an export or clean-up command)")
}

const (
	sqlPkg     = "database/sql"
	sqlxPkg    = "github.com/jmoiron/sqlx"
	pgxPkg     = "github.com/jackc/pgx/v5"
	pgxpoolPkg = "github.com/jackc/pgx/v5/pgxpool"
	gormPkg    = "gorm.io/gorm"
	gormV1Pkg  = "github.com/jinzhu/gorm" // GORM v1, same API
	entPkg     = "entgo.io/ent"
	mongoV1    = "go.mongodb.org/mongo-driver/mongo"
	mongoV2    = "go.mongodb.org/mongo-driver/v2/mongo"
	optionsV1  = "go.mongodb.org/mongo-driver/mongo/options"
	optionsV2  = "go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Why an unbounded read is dangerous, shared by every message.
const danger = "the result grows with the table until it spikes memory, times out or saturates the database"

type checker struct {
	p *lint.Pass
	// spread holds, per table, the columns a loop insert fills from the
	// loop's variables (see notePerParent).
	spread map[string]map[string]bool
	info   *types.Info
	cfg    *sqltext.Config
	once   *lint.OneShots    // command-line one-shots, built on first use
	ddl    map[ast.Node]bool // functions and migration lists: do they change the schema
	// tables is the growth evidence and unique keys of the tables.
	tables *tables
	// deleters caches whether a function deletes rows.
	deleters map[ast.Node]bool
	// helpers caches whether a function is called only by migrations.
	helpers map[*types.Func]bool
	// stmts is the statement model: the SQL of prepared statements.
	stmts *lint.Statements
}

func run(pass *analysis.Pass) (any, error) {
	if !lint.DependsOn(pass.Pkg, sqlPkg, pgxPkg, gormPkg, gormV1Pkg, entPkg, mongoV1, mongoV2) {
		return nil, nil
	}
	c := &checker{
		p:    lint.NewPass(pass, &common),
		info: pass.TypesInfo,
		cfg:  &sqltext.Config{UniqueColumns: splitList(uniqueColumns), AllowTables: splitList(allowTables)},
		ddl:  make(map[ast.Node]bool),

		deleters: make(map[ast.Node]bool),
		helpers:  make(map[*types.Func]bool),
	}
	c.collect()
	for cur := range c.p.Preorder((*ast.CallExpr)(nil)) {
		c.call(cur)
	}
	return nil, nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// call judges one call.
func (c *checker) call(cur inspector.Cursor) {
	call := cur.Node().(*ast.CallExpr)
	fn := lint.Callee(c.info, call)
	if fn == nil {
		return
	}
	sig := fn.Signature()
	if b := c.builderExec(call, fn); b != nil { // squirrel's Query returns *sql.Rows too
		c.builderRead(cur, call, b, c.builderDest(cur, call))
		return
	}
	switch {
	case isStmtQuery(fn) || isPreparedRead(fn):
		c.preparedRead(cur, call)
	case isSQLQuery(fn, sig):
		c.sqlQuery(cur, call, fn, sig)
	case lint.IsMethod(fn, gormPkg, "DB", "Find", "Scan") || lint.IsMethod(fn, gormV1Pkg, "DB", "Find", "Scan", "Related"):
		c.gormFind(cur, call, fn)
	case (fn.Name() == "All" || fn.Name() == "AllX") && sig.Recv() != nil && isEntQuery(sig.Recv().Type()):
		c.entAll(cur, call)
	case lint.IsMethod(fn, mongoV1, "Collection", "Find") || lint.IsMethod(fn, mongoV2, "Collection", "Find"):
		c.mongoFind(cur, call)
	}
}

// --- SQL text: database/sql, sqlx, pgx ---

var queryNames = []string{"Query", "QueryContext", "Queryx", "QueryxContext", "NamedQuery", "NamedQueryContext"}

// isSQLQuery reports whether fn runs SQL text for many rows: a query method
// or function whose first result is *sql.Rows, *sqlx.Rows or pgx.Rows (the
// drivers' handles and the interfaces that wrap them, such as pgx.Tx or a
// repository's DBTX), and sqlx's Select.
func isSQLQuery(fn *types.Func, sig *types.Signature) bool {
	name := fn.Name()
	if name == "Select" || name == "SelectContext" {
		return lint.IsFunc(fn, sqlxPkg, name) || lint.IsMethod(fn, sqlxPkg, "DB", name) ||
			lint.IsMethod(fn, sqlxPkg, "Tx", name) || lint.IsMethod(fn, sqlxPkg, "Conn", name)
	}
	if !oneOf(name, queryNames) || sig.Results().Len() == 0 {
		return false
	}
	t := sig.Results().At(0).Type()
	return lint.IsNamed(t, sqlPkg, "Rows") || lint.IsNamed(t, sqlxPkg, "Rows") || lint.IsNamed(t, pgxPkg, "Rows")
}

func isStmtQuery(fn *types.Func) bool {
	return lint.IsMethod(fn, sqlPkg, "Stmt", "Query", "QueryContext") || lint.IsMethod(fn, sqlxPkg, "Stmt", "Queryx")
}

// queryArg returns the argument holding the SQL text: the string parameter
// named query or sql, else the first string parameter.
func queryArg(call *ast.CallExpr, sig *types.Signature) ast.Expr {
	params := sig.Params()
	idx := -1
	for i := 0; i < params.Len(); i++ {
		p := params.At(i)
		if b, ok := p.Type().(*types.Basic); !ok || b.Kind() != types.String {
			continue
		}
		if p.Name() == "query" || p.Name() == "sql" {
			idx = i
			break
		}
		if idx < 0 {
			idx = i
		}
	}
	if idx < 0 || idx >= len(call.Args) || sig.Variadic() && idx >= params.Len()-1 {
		return nil
	}
	return call.Args[idx]
}

func (c *checker) sqlQuery(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, sig *types.Signature) {
	arg := queryArg(call, sig)
	if arg == nil {
		return
	}
	if text, ok := c.sqlUnbounded(lint.OutermostFunc(cur), arg); ok {
		dest := c.sliceDest(call.Args)
		if dest == nil {
			dest = c.resultVar(cur)
		}
		if rd, ok := c.sqlReadCall(cur, text, dest, argsAfter(call, arg)); ok {
			c.judge(cur, call, rd)
		}
	} else if rd, ok := c.optionalLimitRead(cur, call, arg); ok {
		c.judge(cur, call, rd)
	} else {
		c.builderQuery(cur, call, arg)
	}
}

// sqlUnbounded reports whether arg is SQL text known to read an unbounded
// number of rows.
func (c *checker) sqlUnbounded(fn ast.Node, arg ast.Expr) (string, bool) {
	text, ok := lint.StaticString(c.info, fn, arg, sqltext.Hole)
	return text, ok && c.cfg.Rows(text) == sqltext.RowsUnbounded
}

// stmtQuery judges a query on a prepared statement by the text given to
// Prepare in the same function.
func (c *checker) stmtQuery(cur inspector.Cursor, call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fnNode := lint.OutermostFunc(cur)
	chain := lint.WalkChain(c.info, fnNode, sel.X, call)
	if chain.Opaque {
		return
	}
	var text ast.Expr
	for _, pc := range chain.Calls {
		pfn := lint.Callee(c.info, pc)
		if pfn == nil || !strings.HasPrefix(pfn.Name(), "Prepare") {
			continue
		}
		arg := queryArg(pc, pfn.Signature())
		if arg == nil || text != nil {
			return // two statements, or one we cannot read
		}
		text = arg
	}
	if text == nil {
		return
	}
	if sql, ok := c.sqlUnbounded(fnNode, text); ok {
		if rd, ok := c.sqlReadCall(cur, sql, c.resultVar(cur), c.stmtArgs(call)); ok {
			c.judge(cur, call, rd)
		}
	}
}

// argsAfter returns the arguments of call after arg: a query's parameters.
// A spread slice (args...) hides them: nil.
func argsAfter(call *ast.CallExpr, arg ast.Expr) []ast.Expr {
	if call.Ellipsis.IsValid() {
		return nil
	}
	for i, a := range call.Args {
		if a == arg {
			return call.Args[i+1:]
		}
	}
	return nil
}

// stmtArgs returns the parameters of a prepared statement's query: its
// arguments after a leading context.
func (c *checker) stmtArgs(call *ast.CallExpr) []ast.Expr {
	if call.Ellipsis.IsValid() {
		return nil
	}
	args := call.Args
	if len(args) > 0 && lint.IsNamed(c.info.TypeOf(args[0]), "context", "Context") {
		args = args[1:]
	}
	return args
}

// --- GORM ---

// reassignedByHelper reports whether root is a parameter of fn that fn
// replaces with what a helper returns (if p != nil { tx, err =
// applyPagination(p, tx) }): the helper may add the Limit, and when it
// does not run, the caller chose not to paginate (SPIRE's listBundles).
func (c *checker) reassignedByHelper(fn ast.Node, root ast.Expr, gormPath string) bool {
	id, ok := ast.Unparen(root).(*ast.Ident)
	body := lint.FuncBody(fn)
	if !ok || body == nil {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pos() >= body.Pos() {
		return false // not a parameter
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Rhs) != 1 {
			return !found
		}
		rc, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		rfn := lint.Callee(c.info, rc)
		if rfn == nil || rfn.Pkg() == nil || rfn.Pkg().Path() == gormPath {
			return true
		}
		for _, l := range as.Lhs {
			if lid, ok := l.(*ast.Ident); ok && c.info.Uses[lid] == v {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) gormFind(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 || !isSlice(c.info.TypeOf(call.Args[0])) {
		return
	}
	fnNode := lint.OutermostFunc(cur)
	chain := lint.WalkChain(c.info, fnNode, sel.X, call)
	if chain.Opaque {
		return
	}
	for _, root := range chain.Roots {
		if rc, ok := ast.Unparen(root).(*ast.CallExpr); ok {
			if rfn := lint.Callee(c.info, rc); rfn == nil || rfn.Pkg() == nil || rfn.Pkg().Path() != fn.Pkg().Path() && !c.handleGetter(rc, rfn) {
				return // a helper builds the query: it may paginate
			}
		}
		if c.reassignedByHelper(fnNode, root, fn.Pkg().Path()) {
			return
		}
	}
	var (
		raw     *ast.CallExpr
		or      bool
		unique  bool
		tables  []string
		models  []types.Type
		unknown bool
		conds   [][]ast.Expr // the arguments of each Where, judged once the tables are known
	)
	for _, cc := range chain.Calls {
		cfn := lint.Callee(c.info, cc)
		if cfn == nil || cfn.Signature().Recv() == nil || !lint.IsNamed(cfn.Signature().Recv().Type(), fn.Pkg().Path(), "DB") {
			return // a method of ours returning *gorm.DB: it may paginate
		}
		switch cfn.Name() {
		case "Limit":
			if len(cc.Args) == 1 && isNegativeConst(c.info, cc.Args[0]) {
				continue // Limit(-1) cancels a limit
			}
			return
		case "Scopes", "FindInBatches", "First", "Take", "Last":
			return
		case "Raw":
			if raw == nil || inReceiverChain(call, cc) {
				raw = cc // the Raw this chain runs, not one of an earlier statement on the same variable
			}
		case "Or":
			or = true
		case "Where":
			conds = append(conds, cc.Args)
		case "Table":
			if len(cc.Args) > 0 {
				if s, ok := lint.ConstString(c.info, cc.Args[0]); ok {
					tables = append(tables, s)
				} else {
					unknown = true
				}
			}
		case "Model":
			if len(cc.Args) > 0 && fn.Name() != "Related" { // Related's model is the parent
				models = append(models, c.info.TypeOf(cc.Args[0]))
			}
		}
	}
	if raw != nil {
		if len(raw.Args) == 0 {
			return
		}
		if text, ok := c.sqlUnbounded(fnNode, raw.Args[0]); ok {
			if rd, ok := c.sqlReadCall(cur, text, c.sliceDest(call.Args), argsAfter(raw, raw.Args[0])); ok {
				c.judge(cur, call, rd)
			}
		}
		return
	}
	if fn.Name() == "Scan" && chainFinds(c.info, chain) {
		return // Scan after a Find reads what the Find selected: judged there
	}
	// The table: Table(...) if given, else the model, else the destination.
	if len(tables) == 0 {
		models = append(models, c.info.TypeOf(call.Args[0]))
		for _, m := range models {
			tables = append(tables, c.modelTables(m)...)
		}
	}
	tables = lowerAll(tables)
	if len(call.Args) > 1 && fn.Name() == "Find" {
		conds = append(conds, call.Args[1:])
	}
	parent := fn.Name() == "Related" // the children of the model
	var parentCols []string
	for _, args := range conds {
		switch c.gormCond(fnNode, args, tables) {
		case sqltext.RowsBounded:
			unique = true
		case sqltext.RowsUnknown:
			unknown = true
		}
		isParent, cols := c.gormParent(fnNode, args)
		parent = parent || isParent
		parentCols = append(parentCols, cols...)
	}
	if unknown || unique && !or {
		return
	}
	for _, t := range tables {
		if c.cfg.AllowTable(t) {
			return
		}
	}
	c.judge(cur, call, read{api: apiGORM, tables: tables, parent: parent, parentCols: parentCols, dest: c.sliceDest(call.Args[:1])})
}

// handleGetter reports whether call returns the program's database handle
// rather than a query it built: a function of this package with no
// arguments (getDB(), DB()) whose body adds no Limit, Offset or Scopes.
func (c *checker) handleGetter(call *ast.CallExpr, fn *types.Func) bool {
	if len(call.Args) > 0 || fn.Pkg() != c.p.Pkg || fn.Signature().Recv() != nil {
		return false
	}
	for f := range c.p.Files() {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || c.info.Defs[fd.Name] != fn {
				continue
			}
			paginates := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Limit" || sel.Sel.Name == "Offset" || sel.Sel.Name == "Scopes") {
					paginates = true
				}
				return !paginates
			})
			return !paginates
		}
	}
	return false
}

// inReceiverChain reports whether inner is written in the method chain
// that call ends (db.Raw(q).Scan(&x): Raw is in Scan's chain).
func inReceiverChain(call, inner *ast.CallExpr) bool {
	return slices.Contains(receiverCalls(call), inner)
}

// receiverCalls returns the calls written in the method chain that call
// ends, innermost last: Model(...) and Clauses(...) in
// db.Model(x).Clauses(y).Create(z).
func receiverCalls(call *ast.CallExpr) []*ast.CallExpr {
	var out []*ast.CallExpr
	for e := ast.Unparen(call.Fun); ; {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return out
		}
		c, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return out
		}
		out = append(out, c)
		e = ast.Unparen(c.Fun)
	}
}

// gormParent reports whether the conditions of a Where (or Find's inline
// ones) require a column to equal a value the caller passes: a string
// condition with such an equality, or a struct or map literal with keys;
// cols are the columns when a string condition names them.
func (c *checker) gormParent(fn ast.Node, args []ast.Expr) (parent bool, cols []string) {
	if len(args) == 0 {
		return false, nil
	}
	if text, ok := lint.StaticString(c.info, fn, args[0], sqltext.Hole); ok {
		if t := c.info.TypeOf(args[0]); t != nil {
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				sh, ok := c.cfg.ShapeOf("SELECT * FROM t WHERE " + text)
				if !ok {
					return false, nil
				}
				cols, parent := c.callerParents(sh.ParentCols, sh.ParentArgs, args[1:], sh.Parent)
				return parent, cols
			}
		}
	}
	e := ast.Unparen(args[0])
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return len(lit.Elts) > 0, nil
	}
	return true, nil // a value built elsewhere: a filter we cannot read
}

// gormCond judges the conditions of a Where or of Find's inline
// conditions: a string condition by its text, a struct or map literal by
// its keys; any other value (primary keys, a struct variable, a clause
// expression) is unknown.
func (c *checker) gormCond(fn ast.Node, args []ast.Expr, tables []string) sqltext.Rows {
	if len(args) == 0 {
		return sqltext.RowsUnknown
	}
	first := args[0]
	if t := c.info.TypeOf(first); t != nil {
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			text, ok := lint.StaticString(c.info, fn, first, sqltext.Hole)
			if !ok {
				return sqltext.RowsUnknown
			}
			return c.cfg.CondOn(text, tables...)
		}
	}
	e := ast.Unparen(first)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return sqltext.RowsUnknown
	}
	if c.litHasUniqueKey(lit, tables) {
		return sqltext.RowsBounded
	}
	return sqltext.RowsUnbounded
}

// litHasUniqueKey reports whether a struct or map literal sets a unique
// column: a field whose name is one (ID for id, Email for email) or a
// constant key equal to one.
func (c *checker) litHasUniqueKey(lit *ast.CompositeLit, tables []string) bool {
	var cols []string // for the composite keys of the schema
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			if _, isField := c.info.ObjectOf(id).(*types.Var); isField {
				if c.uniqueName(id.Name) {
					return true
				}
				cols = append(cols, snake(id.Name))
			}
		}
		if s, ok := lint.ConstString(c.info, kv.Key); ok {
			if c.cfg.IsUnique(s) {
				return true
			}
			cols = append(cols, strings.ToLower(s))
		}
	}
	return c.coversKey(tables, cols)
}

// coversKey reports whether cols hold every column of a unique key of
// one of the tables, as their schema declares.
func (c *checker) coversKey(tables, cols []string) bool {
	for _, t := range tables {
		for _, key := range c.cfg.TableKeys[strings.ToLower(t)] {
			if len(key) > 0 && !slices.ContainsFunc(key, func(k string) bool { return !slices.Contains(cols, k) }) {
				return true
			}
		}
	}
	return false
}

// uniqueName reports whether a Go name stands for a unique column: ID for
// id, CreatedBy for created_by.
func (c *checker) uniqueName(name string) bool {
	return c.cfg.IsUnique(name) || c.cfg.IsUnique(snake(name))
}

func isNegativeConst(info *types.Info, e ast.Expr) bool {
	v := lint.ConstValue(info, e)
	return v != nil && v.Kind() == constant.Int && constant.Sign(v) < 0
}

// isSlice reports whether t is a slice or a pointer to one.
func isSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// tableNames returns the table names an ORM derives from a model type
// (*[]User, []*User, User): user, users.
func tableNames(t types.Type) []string {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Named:
			name := snake(u.Obj().Name())
			return []string{name, plural(name)}
		}
		break
	}
	return nil
}

// snake turns a Go name into snake case: UserRole -> user_role,
// HTTPLog -> http_log.
func snake(name string) string {
	var b strings.Builder
	runes := []rune(name)
	for i, r := range runes {
		if unicode.IsUpper(r) {
			if i > 0 && (unicode.IsLower(runes[i-1]) || i+1 < len(runes) && unicode.IsLower(runes[i+1]) && unicode.IsUpper(runes[i-1])) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plural is the usual English plural of a table name.
func plural(s string) string {
	switch {
	case s == "":
		return s
	case strings.HasSuffix(s, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") ||
		strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
}

// --- ent ---

// isEntQuery reports whether t is (a pointer to) a named type shaped like
// an ent query builder: its method set has Limit, Offset and All.
func isEntQuery(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if _, isIface := named.Underlying().(*types.Interface); isIface {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(named))
	for _, m := range []string{"Limit", "Offset", "All"} {
		if ms.Lookup(named.Obj().Pkg(), m) == nil {
			return false
		}
	}
	return true
}

func (c *checker) entAll(cur inspector.Cursor, call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	recvNamed := namedOf(c.info.TypeOf(sel.X))
	if recvNamed == nil {
		return
	}
	fnNode := lint.OutermostFunc(cur)
	chain := lint.WalkChain(c.info, fnNode, sel.X, call)
	if chain.Opaque {
		return
	}
	for _, root := range chain.Roots {
		if _, ok := ast.Unparen(root).(*ast.CallExpr); ok {
			return // a helper builds the query: it may paginate
		}
	}
	builderPkg := recvNamed.Obj().Pkg()
	name := strings.TrimSuffix(recvNamed.Obj().Name(), "Query")
	tables := []string{snake(name), plural(snake(name))}
	parent := false
	for _, cc := range chain.Calls {
		cfn := lint.Callee(c.info, cc)
		if cfn == nil || cfn.Pkg() != builderPkg {
			return // a method of ours returning the builder: it may paginate
		}
		switch cfn.Name() {
		case "Limit":
			return
		case "Where":
			if c.entUniquePredicate(cc.Args, tables) {
				return
			}
			parent = true // a predicate narrows the read; growth decides
		}
	}
	for _, t := range tables {
		if c.cfg.AllowTable(t) {
			return
		}
	}
	c.judge(cur, call, read{api: apiEnt, tables: tables, parent: parent, dest: c.resultVar(cur)})
}

// entUniquePredicate reports whether one of the predicates of a Where is
// the equality of a unique field to a value (user.ID(id), user.IDEQ(id),
// user.IDIn(ids...)).
func (c *checker) entUniquePredicate(args []ast.Expr, tables []string) bool {
	for _, a := range args {
		pc, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			continue
		}
		pfn := lint.Callee(c.info, pc)
		if pfn == nil || pfn.Signature().Recv() != nil {
			continue
		}
		name := pfn.Name()
		for _, suffix := range []string{"EQ", "In"} {
			name = strings.TrimSuffix(name, suffix)
		}
		if c.uniqueName(name) || c.coversKey(tables, []string{snake(name)}) {
			return true // a unique field of the ent schema: user.TokenIn(tokens...)
		}
	}
	return false
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// --- MongoDB ---

func (c *checker) mongoFind(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return
	}
	fnNode := lint.OutermostFunc(cur)
	if c.mongoFilterUnique(fnNode, call.Args[1]) {
		return
	}
	for _, opt := range call.Args[2:] {
		if !c.mongoOptionsUnlimited(fnNode, opt, call) {
			return
		}
	}
	c.judge(cur, call, read{api: apiMongo, tables: c.collectionName(call), parent: !emptyFilter(call.Args[1]), dest: c.resultVar(cur)})
}

// collectionName returns the collection a Find runs on when its receiver
// is X.Collection("name"), or nil.
func (c *checker) collectionName(call *ast.CallExpr) []string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	rc, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(rc.Args) == 0 {
		return nil
	}
	if s, ok := lint.ConstString(c.info, rc.Args[0]); ok {
		return []string{strings.ToLower(s)}
	}
	return nil
}

// emptyFilter reports whether a Find filter selects every document:
// bson.M{}, bson.D{} or nil.
func emptyFilter(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return len(x.Elts) == 0
	case *ast.Ident:
		return x.Name == "nil"
	}
	return false
}

// mongoFilterUnique reports whether a filter literal (or the literal a
// local variable is declared with) requires _id or a unique field.
func (c *checker) mongoFilterUnique(fn ast.Node, filter ast.Expr) bool {
	e := ast.Unparen(filter)
	if id, ok := e.(*ast.Ident); ok {
		if v := lint.LocalVar(c.info, lint.FuncBody(fn), id); v != nil {
			if val := lint.SingleAssignment(c.info, lint.FuncBody(fn), v); val != nil {
				e = ast.Unparen(val)
			}
		}
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range lit.Elts {
		var key ast.Expr
		switch elt := elt.(type) {
		case *ast.KeyValueExpr: // bson.M{"_id": id}
			key = elt.Key
		case *ast.CompositeLit: // bson.D{{"_id", id}} or {Key: "_id", Value: id}
			for i, f := range elt.Elts {
				if kv, ok := f.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Key" {
						key = kv.Value
					}
				} else if i == 0 {
					key = f
				}
			}
		}
		if key == nil {
			continue
		}
		if s, ok := lint.ConstString(c.info, key); ok && (s == "_id" || c.cfg.IsUnique(s)) {
			return true
		}
	}
	return false
}

// mongoOptionsUnlimited reports whether an options argument of Find is
// known to set no limit: built in the function from options.Find() with no
// SetLimit (or a FindOptions literal with no Limit). Options built
// elsewhere may set one.
func (c *checker) mongoOptionsUnlimited(fn ast.Node, opt ast.Expr, exec *ast.CallExpr) bool {
	e := ast.Unparen(opt)
	if u, ok := e.(*ast.UnaryExpr); ok {
		if lit, ok := ast.Unparen(u.X).(*ast.CompositeLit); ok && lint.IsNamed(c.info.TypeOf(lit), optionsV1, "FindOptions") {
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Limit" {
						return false
					}
				}
			}
			return true
		}
	}
	chain := lint.WalkChain(c.info, fn, opt, exec)
	if chain.Opaque || len(chain.Roots) == 0 {
		return false
	}
	for _, root := range chain.Roots {
		rc, ok := ast.Unparen(root).(*ast.CallExpr)
		if !ok {
			return false
		}
		if rfn := lint.Callee(c.info, rc); !lint.IsFunc(rfn, optionsV1, "Find") && !lint.IsFunc(rfn, optionsV2, "Find") {
			return false
		}
	}
	for _, cc := range chain.Calls {
		cfn := lint.Callee(c.info, cc)
		if cfn == nil || cfn.Pkg() == nil || cfn.Pkg().Path() != optionsV1 && cfn.Pkg().Path() != optionsV2 {
			return false
		}
		if cfn.Name() == "SetLimit" && !(len(cc.Args) == 1 && lint.IsZeroConst(c.info, cc.Args[0])) {
			return false // SetLimit(0) means no limit
		}
	}
	return true
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}
