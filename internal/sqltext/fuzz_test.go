package sqltext

import (
	"strings"
	"testing"
)

// FuzzRows checks that the tokenizer and the classifiers accept any text
// without panicking, and that they agree on invariants that hold whatever
// the statement is:
//   - a SELECT with a top-level LIMIT appended is never unbounded;
//   - a LIMIT appended inside a comment changes nothing.
//
// Run it with: go test -fuzz=FuzzRows ./internal/sqltext
func FuzzRows(f *testing.F) {
	seeds := []string{
		"SELECT * FROM users",
		"SELECT id FROM users WHERE org_id = $1 ORDER BY id",
		"SELECT * FROM users WHERE id IN (SELECT user_id FROM m LIMIT 10)",
		"select * from t where name = 'LIMIT 10' -- LIMIT\n",
		"SELECT $tag$ LIMIT $tag$, \"limit\", `limit` FROM t",
		"WITH x AS (SELECT * FROM t LIMIT 1) SELECT * FROM x, y",
		"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r",
		"(SELECT a FROM t) UNION ALL (SELECT b FROM u) ORDER BY 1",
		"SELECT count(*) FROM t GROUP BY a",
		"SELECT coalesce(max(v), 0)::int AS v FROM t",
		"SELECT * FROM t WHERE id = ANY($1::uuid[]) OR id IN (?, ?)",
		"SELECT a IS DISTINCT FROM b FROM t /* nested /* comment */ */",
		"SELECT TOP 5 * FROM t",
		"SELECT * FROM t OFFSET 5 ROWS FETCH NEXT 5 ROWS ONLY",
		"SELECT * FROM t WHERE x BETWEEN 1 AND 2 AND id = E'a\\'b'",
		"SELECT * FROM \x00 WHERE \x00",
		"INSERT INTO t SELECT * FROM u RETURNING *",
		"SELECT 1; SELECT * FROM t;",
		"SELECT * FROM (SELECT * FROM t LIMIT 5) s JOIN LATERAL unnest(s.a) u ON true",
		"SELECT ((((",
		")))",
		"'",
		"$$",
		"/*",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	cfg := &Config{UniqueColumns: []string{"id", "email"}, AllowTables: []string{"countries"}}
	f.Fuzz(func(t *testing.T, sql string) {
		toks, complete := Tokenize(sql)
		kind := Classify(sql)
		rows := cfg.Rows(sql)
		cfg.Cond(sql)
		if !complete || strings.Contains(sql, Hole) {
			return
		}
		for _, tok := range toks {
			if tok.Kind == Semicolon && tok.Depth == 0 {
				return
			}
		}
		if kind == Select {
			limited := sql + "\nLIMIT 10"
			if got := cfg.Rows(limited); got == RowsUnbounded {
				t.Errorf("Rows(%q) = %v after appending a top-level LIMIT", limited, got)
			}
		}
		for _, suffix := range []string{"\n-- LIMIT 10", " /* LIMIT 10 */"} {
			if got := cfg.Rows(sql + suffix); got != rows {
				t.Errorf("Rows(%q) = %v, but Rows(%q) = %v", sql+suffix, got, sql, rows)
			}
			if got := Classify(sql + suffix); got != kind {
				t.Errorf("Classify(%q) = %v, but Classify(%q) = %v", sql+suffix, got, sql, kind)
			}
		}
	})
}
