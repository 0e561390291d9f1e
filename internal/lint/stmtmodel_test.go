package lint

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// Each call of run names, in its first argument, the text the statement
// it is given should resolve to ("" for none) and, in its second, whether
// it should be bound to a transaction.
const stmtSrc = `package p

import (
	"context"
	"database/sql"
)

const insertOrder = "INSERT INTO orders (customer_id) VALUES ($1) RETURNING id"

var listOrders = "SELECT id FROM orders WHERE customer_id = $1"

type Store struct {
	db          *sql.DB
	insertOrder *sql.Stmt
	listOrders  *sql.Stmt
	deleteItems *sql.Stmt
	addItem     *sql.Stmt
	unknown     *sql.Stmt
}

var purge *sql.Stmt

func New(db *sql.DB) (*Store, error) {
	s := &Store{db: db}
	var err error
	if s.insertOrder, err = db.Prepare(insertOrder); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		stmt **sql.Stmt
		text string
	}{
		{&s.listOrders, listOrders},
		{stmt: &s.deleteItems, text: "DELETE FROM items WHERE order_id = $1"},
	} {
		if *p.stmt, err = db.Prepare(p.text); err != nil {
			return nil, err
		}
	}
	purge, _ = db.Prepare("DELETE FROM sessions")
	return s, nil
}

func NewWithItems(db *sql.DB, q string) (*Store, error) {
	add, err := db.PrepareContext(context.Background(), "INSERT INTO items (order_id) VALUES ($1)")
	if err != nil {
		return nil, err
	}
	un, _ := db.Prepare(q)
	return &Store{db: db, addItem: add, unknown: un}, nil
}

func (s *Store) bind(tx *sql.Tx, st *sql.Stmt) *sql.Stmt {
	if tx != nil {
		return tx.Stmt(st)
	}
	return st
}

func (s *Store) use(ctx context.Context, tx *sql.Tx) {
	run("INSERT INTO orders (customer_id) VALUES ($1) RETURNING id", false, s.insertOrder)
	run("SELECT id FROM orders WHERE customer_id = $1", true, tx.Stmt(s.listOrders))
	run("DELETE FROM items WHERE order_id = $1", true, tx.StmtContext(ctx, s.deleteItems))
	run("INSERT INTO items (order_id) VALUES ($1)", true, s.bind(tx, s.addItem))
	run("INSERT INTO items (order_id) VALUES ($1)", false, s.bind(nil, s.addItem))
	run("DELETE FROM sessions", false, purge)
	run("", false, s.unknown)
	local, _ := s.db.Prepare("UPDATE orders SET paid = true")
	run("UPDATE orders SET paid = true", false, local)
}

func run(text string, inTx bool, st *sql.Stmt) {}
`

func TestStatements(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", stmtSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue), Defs: make(map[*ast.Ident]types.Object),
		Uses: make(map[*ast.Ident]types.Object), Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	model := NewStatements(info, []*ast.File{f})
	var use *ast.FuncDecl
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "use" {
			use = fd
		}
	}
	runs := 0
	ast.Inspect(use, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "run" {
			return true
		}
		runs++
		want, _ := ConstString(info, call.Args[0])
		wantTx := call.Args[1].(*ast.Ident).Name == "true"
		line := fset.Position(call.Pos()).Line
		st, ok := model.Resolve(use, call.Args[2])
		switch {
		case want == "" && ok:
			t.Errorf("line %d: resolved %q, want nothing", line, st.Texts)
		case want != "" && (!ok || len(st.Texts) != 1 || st.Texts[0] != want):
			t.Errorf("line %d: resolved %q (%v), want %q", line, st.Texts, ok, want)
		case ok && (st.Tx != nil) != wantTx:
			t.Errorf("line %d: bound to a transaction: %v, want %v", line, st.Tx != nil, wantTx)
		}
		if ok && strings.HasPrefix(want, "UPDATE") && st.On == nil {
			t.Errorf("line %d: a statement prepared in the function should name its handle", line)
		}
		if ok && !strings.HasPrefix(want, "UPDATE") && st.Holder == nil {
			t.Errorf("line %d: a held statement should name its holder", line)
		}
		return true
	})
	if runs != 8 {
		t.Fatalf("found %d run calls, want 8", runs)
	}
}
