package missingtx

import (
	"go/ast"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/sqltext"
)

// schemaScript reports whether the SQL text s is a schema step rather than
// a data write: statements that change the schema (CREATE, ALTER, DROP,
// a PL/pgSQL DO block) and, at most, seed rows inserted re-runnably (ON
// CONFLICT DO NOTHING, INSERT IGNORE, INSERT OR IGNORE). Running such a
// script twice is harmless, so stopping half-way through it corrupts
// nothing: the next run of the migration finishes it. A lone re-runnable
// INSERT is still a write (a link row whose parent may be missing).
func schemaScript(s string) bool {
	toks, _ := sqltext.Tokenize(s)
	schema := false
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && !(toks[i].Kind == sqltext.Semicolon && toks[i].Depth == 0) {
			continue
		}
		st := toks[start:i]
		start = i + 1
		if len(st) == 0 {
			continue
		}
		switch lead := st[0]; {
		case lead.Is("CREATE"), lead.Is("ALTER"), lead.Is("DROP"), lead.Is("DO"), lead.Is("COMMENT"), lead.Is("GRANT"), lead.Is("REVOKE"):
			schema = true
		case lead.Is("INSERT"):
			if !rerunnableInsert(st) {
				return false
			}
		case lead.Is("SET"), lead.Is("PRAGMA"), lead.Is("BEGIN"), lead.Is("COMMIT"), lead.Is("START"):
		default:
			return false
		}
	}
	return schema
}

// rerunnableInsert reports whether the INSERT in toks does nothing when
// its row exists: ON CONFLICT ... DO NOTHING, INSERT IGNORE, INSERT OR
// IGNORE.
func rerunnableInsert(toks []sqltext.Token) bool {
	if len(toks) > 2 && (toks[1].Is("IGNORE") || toks[1].Is("OR") && toks[2].Is("IGNORE")) {
		return true
	}
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].Depth == 0 && toks[i].Is("ON") && toks[i+1].Is("CONFLICT") {
			for j := i + 2; j+1 < len(toks); j++ {
				if toks[j].Is("DO") {
					return toks[j+1].Is("NOTHING")
				}
			}
		}
	}
	return false
}

// stmtTxKeys returns the keys of the pinned connections on which u runs a
// transaction as statements: conn.ExecContext(ctx, "BEGIN IMMEDIATE") ...
// conn.ExecContext(ctx, "COMMIT"), SQLite's way to take the write lock up
// front. The writes on such a connection are in that transaction.
func (c *checker) stmtTxKeys(u *unit) map[string]bool {
	if u.stmtTx != nil {
		return u.stmtTx
	}
	u.stmtTx = make(map[string]bool)
	begins := make(map[string]bool)
	commits := make(map[string]bool)
	ast.Inspect(u.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		key, lead, ok := c.connStatement(u, call)
		if !ok {
			return true
		}
		switch {
		case lead.Is("BEGIN"), lead.Is("START"):
			begins[key] = true
		case lead.Is("COMMIT"), lead.Is("END"):
			commits[key] = true
		}
		return true
	})
	for k := range begins {
		if commits[k] {
			u.stmtTx[k] = true
		}
	}
	return u.stmtTx
}

// connStatement matches an Exec of a static statement on a pinned
// connection (*sql.Conn, *sqlx.Conn, *pgx.Conn, *pgxpool.Conn) and returns
// the connection's key and the statement's first token.
func (c *checker) connStatement(u *unit, call *ast.CallExpr) (string, sqltext.Token, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Exec" && sel.Sel.Name != "ExecContext" {
		return "", sqltext.Token{}, false
	}
	t := c.info.TypeOf(sel.X)
	if !lint.IsNamed(t, sqlPkg, "Conn") && !lint.IsNamed(t, sqlxPkg, "Conn") && !lint.IsNamed(t, pgxPkg, "Conn") && !lint.IsNamed(t, pgxpoolPkg, "Conn") {
		return "", sqltext.Token{}, false
	}
	for _, a := range call.Args {
		if b, ok := c.info.TypeOf(a).Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			continue
		}
		s, ok := lint.StaticString(c.info, u.outer, a, sqltext.Hole)
		if !ok {
			break
		}
		toks, _ := sqltext.Tokenize(s)
		if len(toks) == 0 {
			break
		}
		return c.eval(u, sel.X, 0).key, toks[0], true
	}
	return "", sqltext.Token{}, false
}
