package unpaginated

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis/passes/inspect"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// Some code reads every row because that is its job, and runs once rather
// than for every request: a schema migration and a command-line tool.

// reportCLI is the -unpaginated.cli flag: also report the one-shot reads
// of command-line tools.
var reportCLI bool

// readsOnPurpose reports whether the read at cur is a whole-table read that
// its code runs once: in a schema migration, or as a one-shot of a
// command-line tool (an index clean-up or export command that the operator
// runs and watches; its daemons, polls and handlers stay reported).
func (c *checker) readsOnPurpose(cur inspector.Cursor) bool {
	if c.inMigration(cur) {
		return true
	}
	if reportCLI {
		return false
	}
	if c.once == nil {
		c.once = lint.NewOneShots(c.p.Pass)
	}
	return c.once.At(cur)
}

// inMigration reports whether cur is in schema migration code: a function
// that changes the schema (runs DDL: CREATE, ALTER, DROP ..., or GORM's
// AutoMigrate and Migrator), or a function literal in a list of
// migrations, one of which does. A migration runs once per database, at
// start-up; its reads are of its own bookkeeping (the applied versions) or
// a one-time rewrite of the data (miniflux's timezone fix-up visits every
// user once).
func (c *checker) inMigration(cur inspector.Cursor) bool { return c.inMigrationDepth(cur, 0) }

func (c *checker) inMigrationDepth(cur inspector.Cursor, depth int) bool {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if c.changesSchema(fn.Node()) {
			return true
		}
		list := migrationList(fn)
		if list == nil {
			if _, lit := fn.Node().(*ast.FuncLit); lit {
				continue // a backfill passed to db.Transaction by the function that migrates
			}
			return c.calledOnlyByMigrations(fn.Node().(*ast.FuncDecl), depth)
		}
		if v, ok := c.ddl[list]; ok {
			return v
		}
		found := false
		ast.Inspect(list, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok && c.changesSchema(lit) {
				found = true
			}
			return !found
		})
		c.ddl[list] = found
		return found // only the innermost list
	}
	return false
}

// migrationList returns the outermost composite literal that holds the
// function at fn, a literal, through elements and fields
// ([]func(*sql.Tx) error{...}, []*gormigrate.Migration{{Migrate: ...}}),
// or nil when the literal is not an element of one.
func migrationList(fn inspector.Cursor) ast.Node {
	if _, ok := fn.Node().(*ast.FuncLit); !ok {
		return nil
	}
	var list ast.Node
	for anc := fn.Parent(); ; anc = anc.Parent() {
		switch anc.Node().(type) {
		case *ast.CompositeLit:
			list = anc.Node()
			continue
		case *ast.KeyValueExpr, *ast.UnaryExpr:
			continue
		}
		return list
	}
}

// changesSchema reports whether the function n changes the schema (see
// lint.ChangesSchema), caching the answer per function.
func (c *checker) changesSchema(n ast.Node) bool {
	v, ok := c.ddl[n]
	if !ok {
		v = lint.ChangesSchema(c.info, n)
		c.ddl[n] = v
	}
	return v
}

// maxHelperDepth bounds how far the callers of a migration helper are
// followed.
const maxHelperDepth = 3

// calledOnlyByMigrations reports whether every static call of the
// function fd in the package is made from migration code (a helper that
// Migration.Up calls, a backfill step), and there is at least one.
func (c *checker) calledOnlyByMigrations(fd *ast.FuncDecl, depth int) bool {
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok || depth > maxHelperDepth {
		return false
	}
	if v, ok := c.helpers[fn]; ok {
		return v
	}
	c.helpers[fn] = false // a recursive call is not a migration's
	root := c.p.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	calls := 0
	for id, obj := range c.info.Uses {
		if obj != fn || !c.p.Analyzed(id.Pos()) {
			continue // tests calling a store's methods are no migration's callers
		}
		use, ok := root.FindNode(id)
		if !ok {
			return false
		}
		if !c.inMigrationDepth(use, depth+1) {
			return false
		}
		calls++
	}
	c.helpers[fn] = calls > 0
	return calls > 0
}
