package unpaginated

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// "No LIMIT" alone does not make a read dangerous: the users of a
// self-hosted tool, its webhooks or its settings stay the size people make
// them. What makes a read grow is a table the code keeps inserting into.
// This file computes that evidence per table, over the package and, via
// facts, the packages it imports.

// tablesFact is what a package's code shows about tables. Its lists are
// sorted by table: a fact's encoding must be deterministic.
type tablesFact struct {
	// Growth says why tables (lower case) grow: "rows are inserted in a
	// loop at events.go:88".
	Growth []TableWhy
	// Written lists the tables the package inserts into, hot or not.
	Written []string
	// Keys are the unique keys its schema declares (see sqltext.UniqueKeys).
	Keys []TableKeys
}

// TableWhy says why a table grows.
type TableWhy struct{ Table, Why string }

// TableKeys are the unique keys of a table.
type TableKeys struct {
	Table string
	Keys  [][]string
}

func (*tablesFact) AFact() {}

func (f *tablesFact) String() string {
	var grows, keys []string
	for _, g := range f.Growth {
		grows = append(grows, g.Table)
	}
	for _, k := range f.Keys {
		keys = append(keys, k.Table)
	}
	return fmt.Sprintf("tables(grows: %s; written: %s; keys: %s)",
		strings.Join(grows, " "), strings.Join(f.Written, " "), strings.Join(keys, " "))
}

func (f *tablesFact) empty() bool {
	return len(f.Growth) == 0 && len(f.Written) == 0 && len(f.Keys) == 0
}

// newFact records what t holds.
func newFact(t *tables) *tablesFact {
	f := &tablesFact{Written: slices.Sorted(maps.Keys(t.written))}
	for _, name := range slices.Sorted(maps.Keys(t.growth)) {
		f.Growth = append(f.Growth, TableWhy{name, t.growth[name].why})
	}
	for _, name := range slices.Sorted(maps.Keys(t.keys)) {
		f.Keys = append(f.Keys, TableKeys{name, t.keys[name]})
	}
	return f
}

// evidence is why one table grows; pos is set when the insert is in this
// package, to attach it to the finding.
type evidence struct {
	why string
	pos token.Pos
}

// tables is what the checker knows about tables.
type tables struct {
	growth  map[string]evidence
	written map[string]bool
	keys    map[string][][]string
}

func newTables() *tables {
	return &tables{growth: make(map[string]evidence), written: make(map[string]bool), keys: make(map[string][][]string)}
}

// occurrenceWords name tables that record things that happen (one row
// per event, message, delivery, check): they grow with use whoever
// inserts into them.
var occurrenceWords = map[string]bool{
	"event": true, "events": true, "log": true, "logs": true, "result": true, "results": true,
	"message": true, "messages": true, "history": true, "histories": true, "delivery": true,
	"deliveries": true, "notification": true, "notifications": true, "audit": true, "audits": true,
	"activity": true, "activities": true, "measurement": true,
	"measurements": true, "sample": true, "samples": true, "visit": true, "visits": true,
	"click": true, "clicks": true, "execution": true, "executions": true, "attempt": true,
	"attempts": true, "heartbeat": true, "heartbeats": true, "trace": true, "traces": true,
	"span": true, "spans": true, "hit": true, "hits": true, "uptime": true, "uptimes": true,
	"failure": true, "failures": true, "transaction": true, "transactions": true,
}

// enumColumns hold one of a few values (a kind, a status): a filter on
// them alone narrows a table by a fraction, it does not pick a parent's
// children.
var enumColumns = map[string]bool{
	"kind": true, "type": true, "status": true, "state": true, "level": true, "category": true,
	"role": true, "enabled": true, "active": true, "deleted": true, "archived": true, "visible": true,
	"public": true, "provider": true, "source": true, "lang": true, "language": true, "locale": true,
	"country": true, "region": true, "tier": true, "plan": true, "severity": true, "priority": true,
	"channel": true, "format": true, "mode": true, "processing": true, "done": true, "sent": true,
}

// selectsParent reports whether equality on cols picks the children of
// a parent (user_id = $1, host = $1) rather than narrowing by an
// enumeration (status = $1); unknown columns (nil) count as a parent.
func selectsParent(cols []string) bool {
	for _, col := range cols {
		if !enumColumns[col] {
			return true
		}
	}
	return len(cols) == 0
}

// recordsOccurrences reports whether a table's name says it records
// occurrences: events, mail_logs, login_history, audit_log_entries. The
// head noun, the last word, decides: event_types holds kinds of events and
// messages_groups is a link table, neither records occurrences.
func recordsOccurrences(table string) bool {
	words := strings.FieldsFunc(table, func(r rune) bool { return r == '_' || r == '.' })
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if occurrenceWords[last] {
		return true
	}
	if entryWords[last] {
		for _, w := range words[:len(words)-1] {
			if occurrenceWords[w] {
				return true
			}
		}
	}
	return false
}

// entryWords are head nouns that take their meaning from the words
// before them: log_entries, audit_records.
var entryWords = map[string]bool{"entry": true, "entries": true, "record": true, "records": true, "item": true, "items": true, "line": true, "lines": true}

// growsPerParent reports whether the children of one parent in table
// grow with use too: the table records occurrences (a campaign's events,
// a user's messages) and the parent is not itself an occurrence (the
// results of one suite run, the attachments of one message, which are
// written once with it).
func (c *checker) growsPerParent(table string, parentCols []string) bool {
	for _, col := range parentCols {
		if c.spread[table][col] {
			return true
		}
	}
	if !recordsOccurrences(table) {
		return false
	}
	for _, col := range parentCols {
		col = strings.TrimSuffix(strings.TrimSuffix(col, "id"), "_")
		if col != "" && recordsOccurrences(col) {
			return false
		}
	}
	return true
}

// notePerParent records the columns of a loop insert whose value comes
// from the loop's variables (order_items' sku, ranging over an order's
// items): each round adds a row to a different parent, so over many calls
// every parent's rows accumulate (a best-seller's sales). A column the
// loop keeps fixed (the order_id of the items) makes one parent's children
// at once, which says nothing of their number.
func (c *checker) notePerParent(cur inspector.Cursor, ins insert) {
	for anc := range cur.Enclosing((*ast.RangeStmt)(nil)) {
		rs := anc.Node().(*ast.RangeStmt)
		var vars []types.Object
		for _, e := range []ast.Expr{rs.Key, rs.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				if obj := c.info.ObjectOf(id); obj != nil {
					vars = append(vars, obj)
				}
			}
		}
		for col, arg := range ins.cols {
			for _, v := range vars {
				if lint.Mentions(c.info, arg, v) {
					if c.spread == nil {
						c.spread = make(map[string]map[string]bool)
					}
					if c.spread[ins.table] == nil {
						c.spread[ins.table] = make(map[string]bool)
					}
					c.spread[ins.table][strings.ToLower(col)] = true
				}
			}
		}
		return
	}
}

// collect reads the package: its schema, the tables it inserts into and
// whether each insert runs hot, then merges what imported packages know
// and exports the result as the package's fact.
func (c *checker) collect() {
	t := newTables()
	c.tables = t
	c.schemaKeys(t)
	inserters := make(map[*types.Func][]insert) // functions with a cold insert, for their callers
	for cur := range c.p.Preorder((*ast.CallExpr)(nil)) {
		for _, ins := range c.inserts(cur) {
			t.written[ins.table] = true
			if ins.keyed || c.inMigration(cur) {
				continue // one row per key; a backfill runs once per database
			}
			if why := c.hot(cur); why != "" {
				c.grow(ins.table, "rows are inserted "+why+" at "+c.where(ins.pos), ins.pos)
				c.notePerParent(cur, ins)
			} else if recordsOccurrences(ins.table) {
				c.grow(ins.table, "rows are inserted at "+c.where(ins.pos)+", one per occurrence", ins.pos)
			} else if fn := c.enclosingFunc(cur); fn != nil {
				inserters[fn] = append(inserters[fn], ins)
			}
		}
	}
	// One level up: a function that inserts one row, called in a loop.
	for cur := range c.p.Preorder((*ast.CallExpr)(nil)) {
		fn := lint.Callee(c.info, cur.Node().(*ast.CallExpr))
		if len(inserters[fn]) == 0 {
			continue
		}
		if why := c.hot(cur); why != "" {
			for _, ins := range inserters[fn] {
				c.grow(ins.table, "rows are inserted at "+c.where(ins.pos)+", called "+why+" at "+c.where(cur.Node().Pos()), ins.pos)
			}
		}
	}
	own := newFact(t)
	if !own.empty() {
		c.p.ExportPackageFact(own)
	}
	for _, pf := range c.p.AllPackageFacts() {
		f, ok := pf.Fact.(*tablesFact)
		if !ok || pf.Package == c.p.Pkg {
			continue
		}
		for _, g := range f.Growth {
			if _, ok := t.growth[g.Table]; !ok {
				t.growth[g.Table] = evidence{why: g.Why}
			}
		}
		for _, name := range f.Written {
			t.written[name] = true
		}
		for _, k := range f.Keys {
			t.keys[k.Table] = append(t.keys[k.Table], k.Keys...)
		}
	}
	c.cfg.TableKeys = t.keys
}

func (c *checker) grow(table, why string, pos token.Pos) {
	if _, ok := c.tables.growth[table]; !ok {
		c.tables.growth[table] = evidence{why: why, pos: pos}
	}
}

// where is a short position: events.go:88.
func (c *checker) where(pos token.Pos) string {
	p := c.p.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

func (c *checker) enclosingFunc(cur inspector.Cursor) *types.Func {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		f, _ := c.info.Defs[fn.Node().(*ast.FuncDecl).Name].(*types.Func)
		return f
	}
	return nil
}

// An insert is a call that adds rows to a table.
type insert struct {
	table string
	pos   token.Pos
	// keyed is set for an upsert (ON CONFLICT, ON DUPLICATE KEY, INSERT
	// IGNORE, GORM FirstOrCreate or Clauses(clause.OnConflict{})): one row
	// per key, however often it runs.
	keyed bool
	// cols are the arguments SQL text gives its columns, when it lists them.
	cols map[string]ast.Expr
}

// inserts returns the inserts the call at cur makes: SQL text that
// inserts, GORM Create/Save/CreateInBatches of a model, ent's Save on a
// create builder.
func (c *checker) inserts(cur inspector.Cursor) []insert {
	call := cur.Node().(*ast.CallExpr)
	fn := lint.Callee(c.info, call)
	if fn == nil {
		return nil
	}
	name := fn.Name()
	var out []insert
	keyed := false
	add := func(tables ...string) {
		for _, t := range tables {
			out = append(out, insert{table: strings.ToLower(t), pos: call.Pos(), keyed: keyed})
		}
	}
	switch {
	case lint.IsMethod(fn, gormPkg, "DB", "Create", "Save", "CreateInBatches", "FirstOrCreate") ||
		lint.IsMethod(fn, gormV1Pkg, "DB", "Create", "Save", "FirstOrCreate"):
		keyed = name == "FirstOrCreate" || c.onConflict(call)
		if len(call.Args) > 0 {
			add(c.modelTables(c.info.TypeOf(call.Args[0]))...)
		}
	case (name == "Save" || name == "SaveX" || name == "Exec" || name == "ExecX") && entCreate(fn) != "":
		base := entCreate(fn)
		add(snake(base), plural(snake(base)))
	case strings.Contains(name, "Exec") || strings.Contains(name, "Query") || name == "Raw" || strings.HasPrefix(name, "Prepare") ||
		strings.HasPrefix(name, "Get") || strings.HasPrefix(name, "Select"):
		fnNode := lint.OutermostFunc(cur)
		for _, a := range call.Args {
			if b, ok := c.info.TypeOf(a).Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
				continue
			}
			if text, ok := lint.StaticString(c.info, fnNode, a, sqltext.Hole); ok {
				if t := sqltext.Target(text); t != "" {
					keyed = sqltext.Keyed(text)
					add(t)
					cols := make(map[string]ast.Expr)
					for col, i := range sqltext.InsertArgs(text) {
						if args := argsAfter(call, a); i < len(args) {
							cols[col] = args[i]
						}
					}
					out[len(out)-1].cols = cols
				}
			}
		}
	}
	return out
}

// onConflict reports whether the GORM chain that call ends has a
// Clauses(clause.OnConflict{...}): an upsert.
func (c *checker) onConflict(call *ast.CallExpr) bool {
	for _, inner := range receiverCalls(call) {
		if fn := lint.Callee(c.info, inner); fn != nil && fn.Name() == "Clauses" {
			for _, a := range inner.Args {
				if lint.IsNamed(c.info.TypeOf(a), "gorm.io/gorm/clause", "OnConflict") {
					return true
				}
			}
		}
	}
	return false
}

// entCreate returns the entity whose ent create builder (UserCreate,
// UserCreateBulk) fn is a method of, or "".
func entCreate(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	n := namedOf(recv.Type())
	if n == nil {
		return ""
	}
	base := strings.TrimSuffix(strings.TrimSuffix(n.Obj().Name(), "Bulk"), "Create")
	if base == n.Obj().Name() || base == "" || !isEntPackage(n.Obj().Pkg()) {
		return ""
	}
	return base
}

// isEntPackage reports whether pkg is ent's generated code: it imports
// entgo.io/ent.
func isEntPackage(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		if strings.HasPrefix(imp.Path(), entPkg) {
			return true
		}
	}
	return false
}

// hot tells how the code at cur repeats with use, or "" when nothing
// shows it does: in a loop (a batch, a worker's rounds, a fan-out over
// targets). A loop over a field of a value the function saves (a
// template's attachments saved with it) stores a parent's few children,
// not a stream.
func (c *checker) hot(cur inspector.Cursor) string {
	outer := lint.OutermostFunc(cur)
	if createsOnMiss(cur) {
		return ""
	}
	for anc := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if rs, ok := anc.Node().(*ast.RangeStmt); ok && c.rangesSavedChildren(outer, rs) {
			continue
		}
		return "in a loop"
	}
	return ""
}

// rangesSavedChildren reports whether a range statement iterates over a
// field of a variable that the function fn passes to another call (saves
// or creates): s.Headers where s is saved.
func (c *checker) rangesSavedChildren(fn ast.Node, rs *ast.RangeStmt) bool {
	sel, ok := ast.Unparen(rs.X).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	root, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || fn == nil {
		return false
	}
	obj := c.info.Uses[root]
	if obj == nil {
		return false
	}
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		for _, a := range call.Args {
			a = ast.Unparen(a)
			if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
				a = ast.Unparen(u.X)
			}
			if id, ok := a.(*ast.Ident); ok && c.info.Uses[id] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// modelTables returns the tables a GORM model type maps to: its
// TableName() if that returns a constant, else the snake-case name and its
// plural.
func (c *checker) modelTables(t types.Type) []string {
	named := elemNamed(t)
	if named == nil {
		return nil
	}
	if name := c.tableNameMethod(named); name != "" {
		return []string{strings.ToLower(name)}
	}
	return tableNames(named)
}

// elemNamed strips pointers and slices from t down to a named type.
func elemNamed(t types.Type) *types.Named {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Named:
			return u
		default:
			return nil
		}
	}
	return nil
}

// tableNameMethod returns the constant a model's TableName method
// returns, when it is declared in this package.
func (c *checker) tableNameMethod(named *types.Named) string {
	if named.Obj().Pkg() != c.p.Pkg {
		return ""
	}
	for f := range c.p.Files() {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Name.Name != "TableName" || fd.Recv == nil || fd.Body == nil || len(fd.Body.List) != 1 {
				continue
			}
			if namedOf(c.info.TypeOf(fd.Recv.List[0].Type)) != named {
				continue
			}
			if ret, ok := fd.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				if s, ok := lint.ConstString(c.info, ret.Results[0]); ok {
					return s
				}
			}
		}
	}
	return ""
}

// growing returns the evidence that one of the tables grows.
func (c *checker) growing(names []string) (string, evidence, bool) {
	for _, n := range names {
		n = strings.ToLower(n)
		if ev, ok := c.tables.growth[n]; ok {
			return n, ev, true
		}
	}
	for _, n := range names {
		if recordsOccurrences(strings.ToLower(n)) {
			return n, evidence{why: "its name says it records occurrences"}, true
		}
	}
	return "", evidence{}, false
}

// writtenCold reports whether the code inserts into one of the tables,
// none of them hot: tables that stay the size people make them.
func (c *checker) writtenCold(names []string) bool {
	for _, n := range names {
		if c.tables.written[strings.ToLower(n)] {
			return true
		}
	}
	return false
}

// createsOnMiss reports whether the code at cur runs only when a lookup
// found nothing (if errors.Is(err, ErrNotFound) { insert }): a get-or-create
// of a row per key, whose table grows with the keys, not with use.
func createsOnMiss(cur inspector.Cursor) bool {
	for anc := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		is, ok := anc.Node().(*ast.IfStmt)
		if !ok {
			return false // the loop is reached first
		}
		found := false
		ast.Inspect(is.Cond, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && (strings.Contains(id.Name, "NotFound") || id.Name == "ErrNoRows") {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
