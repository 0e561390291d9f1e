// Package missingtx defines an Analyzer that reports code paths making two
// or more database writes outside a transaction, transactions that are not
// rolled back on every path, and commits whose error is discarded.
package missingtx

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

var Analyzer = &analysis.Analyzer{
	Name:      "missingtx",
	Doc:       Doc,
	URL:       lint.DocsURL + "missingtx.md",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*writesFact)(nil)},
}

var (
	common lint.Common
	// writeMethods lists extra methods that write, as "pkgpath.Type.Method",
	// comma-separated.
	writeMethods string
	// minWrites is how many writes on one path make a finding.
	minWrites = 2
	// strict reports any minWrites writes on a path, linked or not.
	strict bool
)

func init() {
	common.Register(&Analyzer.Flags)
	Analyzer.Flags.StringVar(&writeMethods, "write-methods", "",
		`comma-separated methods of in-house data layers that write ("pkgpath.Type.Method"); they count as non-transactional writes on their receiver`)
	Analyzer.Flags.IntVar(&minWrites, "min-writes", 2,
		"how many non-transactional writes on one path are reported")
	Analyzer.Flags.BoolVar(&strict, "strict", false,
		"report any min-writes writes on one path outside a transaction, not only those the code shows belong together (a later write uses a value an earlier one produced, or the same key flows into both)")
}

// writesFact marks a function whose calls write to a database. The caller
// counts each call as one write.
type writesFact struct {
	// Family is the kind of database handle written to: "sql" (database/sql,
	// sqlx, sqlc), "pgx", "gorm", "mongo" or "custom".
	Family string
	// Atomic is set when the function opens its own transaction: the call
	// is one atomic write.
	Atomic bool
	// TxHelper is set when the function opens a transaction and calls one
	// of its function parameters: a function literal passed to it runs in
	// the transaction.
	TxHelper bool
	// Fixed is set when the function writes on a non-transactional handle
	// the caller cannot change: a field of the receiver, a package-level
	// variable.
	Fixed bool
	// Plain is set when some call writes outside any transaction (not
	// only through helpers that open their own).
	Plain bool
	// Params are the parameters (-1: the receiver) whose argument supplies
	// the handle written to: the call writes outside a transaction when the
	// caller passes a non-transactional handle there.
	Params []int
}

func (*writesFact) AFact() {}

func (f *writesFact) String() string {
	var b strings.Builder
	switch {
	case f.TxHelper:
		b.WriteString("txhelper")
	case f.Atomic:
		b.WriteString("atomic")
	default:
		b.WriteString("writes")
	}
	b.WriteString("(" + f.Family)
	if f.Fixed {
		b.WriteString(" fixed")
	}
	if !f.Plain && !f.Atomic {
		b.WriteString(" atomic-only")
	}
	for _, p := range f.Params {
		if p < 0 {
			b.WriteString(" recv")
		} else {
			fmt.Fprintf(&b, " param%d", p)
		}
	}
	b.WriteString(")")
	return b.String()
}

type checker struct {
	pass  *analysis.Pass
	p     *lint.Pass
	info  *types.Info
	extra map[string]bool // "pkgpath.Type.Method"

	decls map[*types.Func]*ast.FuncDecl
	facts map[*types.Func]*writesFact // facts of this package's functions
	// txLits are the function literals passed to a transaction helper.
	txLits map[*ast.FuncLit]bool
	// sawTxWrite is set by writeOf when it meets a write through a
	// transaction.
	sawTxWrite bool
	// stmts is the statement model: the SQL of prepared statements.
	stmts *lint.Statements
}

func run(pass *analysis.Pass) (any, error) {
	// A versioned dependency (a module from the cache) is library code:
	// an ORM's internals decide per call whether a write runs in its
	// session's transaction, which its facts could not tell, and its
	// helpers are not the program's repositories. Only the program's own
	// packages (the main module, or an unknown module) get facts.
	if lint.Dependency(pass) {
		return nil, nil
	}
	if isLibrary(pass.Pkg.Path()) ||
		!lint.DependsOn(pass.Pkg, sqlPkg, pgxPkg, gormPkg, gormV1Pkg, mongoV1, mongoV2) && writeMethods == "" {
		return nil, nil
	}
	c := &checker{
		pass:   pass,
		p:      lint.NewPass(pass, &common),
		info:   pass.TypesInfo,
		extra:  parseList(writeMethods),
		decls:  make(map[*types.Func]*ast.FuncDecl),
		facts:  make(map[*types.Func]*writesFact),
		txLits: make(map[*ast.FuncLit]bool),
	}
	// One traversal of every file: helpers are judged in all of them,
	// generated ones included (sqlc's Queries methods are generated; their
	// facts serve the callers), findings only in analyzed files.
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var funcs []inspector.Cursor
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if d, ok := cur.Node().(*ast.FuncDecl); ok {
			if d.Body == nil {
				continue
			}
			if fn, ok := c.info.Defs[d.Name].(*types.Func); ok {
				c.decls[fn] = d
			}
		}
		funcs = append(funcs, cur)
	}
	// Facts of this package's helpers, to a fixpoint: a helper may call
	// another one declared after it.
	for round := 0; round < 8; round++ {
		changed := false
		c.txLits = make(map[*ast.FuncLit]bool)
		for _, cur := range funcs {
			c.markTxLits(cur)
		}
		for _, cur := range funcs {
			d, ok := cur.Node().(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := c.info.Defs[d.Name].(*types.Func)
			if fn == nil {
				continue
			}
			f := c.computeFact(c.newUnit(cur))
			if !sameFact(f, c.facts[fn]) {
				changed = true
				if f == nil {
					delete(c.facts, fn)
				} else {
					c.facts[fn] = f
				}
			}
		}
		if !changed {
			break
		}
	}
	for fn, f := range c.facts {
		pass.ExportObjectFact(fn, f)
	}
	for _, cur := range funcs {
		if !c.p.Analyzed(cur.Node().Pos()) {
			continue
		}
		u := c.newUnit(cur)
		c.checkWrites(u)
		c.checkHygiene(u)
	}
	return nil, nil
}

func sameFact(a, b *writesFact) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Family == b.Family && a.Atomic == b.Atomic && a.TxHelper == b.TxHelper &&
		a.Fixed == b.Fixed && a.Plain == b.Plain && slices.Equal(a.Params, b.Params)
}

func parseList(s string) map[string]bool {
	m := make(map[string]bool)
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			m[x] = true
		}
	}
	return m
}

// libraries are the database libraries themselves: their functions are
// matched by name, they carry no facts.
var libraries = []string{sqlPkg, sqlxPkg, "github.com/jackc/pgx/", "gorm.io/", gormV1Pkg, "go.mongodb.org/mongo-driver"}

func isLibrary(path string) bool {
	for _, l := range libraries {
		if path == l || strings.HasPrefix(path, strings.TrimSuffix(l, "/")+"/") || strings.HasSuffix(l, "/") && strings.HasPrefix(path, l) {
			return true
		}
	}
	return false
}

// factOf returns the fact of fn, from this package or an imported one.
func (c *checker) factOf(fn *types.Func) *writesFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == nil || isLibrary(fn.Pkg().Path()) {
		return nil
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.facts[fn]
	}
	var f writesFact
	if fn.Pkg() != nil && c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}
