package sqltext

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		sql      string
		want     string // kinds:texts joined by spaces
		complete bool
	}{
		{"SELECT a FROM t", "W:SELECT W:a W:FROM W:t", true},
		{"select 'it''s -- not a comment' -- a comment\n, x", "W:select S:'it''s -- not a comment' ,:, W:x", true},
		{`SELECT "limit", ` + "`order`" + ` FROM t`, "W:SELECT Q:limit ,:, Q:order W:FROM W:t", true},
		{"SELECT /* LIMIT /* nested */ 10 */ 1", "W:SELECT N:1", true},
		{"SELECT $1, $body$ LIMIT ' $body$, $$x$$", "W:SELECT P:$1 ,:, S:$body$ LIMIT ' $body$ ,:, S:$$x$$", true},
		{"a = ? AND b = :name AND c = @p AND d::text", "W:a O:= P:? W:AND W:b O:= P::name W:AND W:c O:= P:@p W:AND W:d O::: W:text", true},
		{"E'a\\'b' 1.5e-3 .5", "S:E'a\\'b' N:1.5e-3 N:.5", true},
		{"SELECT 'unterminated", "W:SELECT S:'unterminated", false},
		{"SELECT (1", "W:SELECT (:( N:1", false},
		{"SELECT 1)", "W:SELECT N:1 ):)", false},
		{"/* open", "", false},
		{"a--b\nc", "W:a W:c", true},
		{"a-/*x*/-b", "W:a O:- O:- W:b", true},
		{"SELECT * FROM \x00", "W:SELECT O:* W:FROM H:\x00", true},
		{"SELECT café FROM t", "W:SELECT W:café W:FROM W:t", true},
	}
	kinds := map[TokenKind]string{Word: "W", QuotedIdent: "Q", String: "S", Number: "N", Param: "P", Op: "O", LParen: "(", RParen: ")", Comma: ",", Semicolon: ";", Dot: ".", HoleTok: "H"}
	for _, tt := range tests {
		toks, complete := Tokenize(tt.sql)
		var got []string
		for _, tok := range toks {
			got = append(got, kinds[tok.Kind]+":"+tok.Text)
		}
		if g := strings.Join(got, " "); g != tt.want || complete != tt.complete {
			t.Errorf("Tokenize(%q) = %q, %v; want %q, %v", tt.sql, g, complete, tt.want, tt.complete)
		}
	}
}

func TestDepth(t *testing.T) {
	toks, _ := Tokenize("SELECT (SELECT x LIMIT 1) FROM t")
	for _, tok := range toks {
		want := 0
		if tok.Text == "x" || tok.Is("LIMIT") || tok.Text == "1" || (tok.Is("SELECT") && tok.Depth != 0) {
			want = 1
		}
		if tok.Depth != want {
			t.Errorf("%q at depth %d, want %d", tok.Text, tok.Depth, want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		sql  string
		want Kind
	}{
		{"SELECT 1", Select},
		{"  select * from t", Select},
		{"(SELECT a FROM t) UNION (SELECT b FROM u)", Select},
		{"VALUES (1), (2)", Select},
		{"WITH x AS (SELECT 1) SELECT * FROM x", Select},
		{"WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x) SELECT n FROM x", Select},
		{"WITH x AS (SELECT id FROM t) INSERT INTO u SELECT * FROM x", Insert},
		{"WITH d AS (DELETE FROM t WHERE old RETURNING *) SELECT count(*) FROM d", Delete},
		{"WITH x AS MATERIALIZED (SELECT 1) UPDATE t SET a = 1", Update},
		{"INSERT INTO t (a) VALUES ($1) RETURNING id", Insert},
		{"insert into t select * from u", Insert},
		{"UPDATE t SET a = 1", Update},
		{"DELETE FROM t WHERE id = $1", Delete},
		{"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a", Merge},
		{"REPLACE INTO t VALUES (1)", Replace},
		{"UPSERT INTO t VALUES (1)", Upsert},
		{"CREATE TABLE t (id int)", DDL},
		{"ALTER TABLE t ADD COLUMN x int", DDL},
		{"DROP INDEX i", DDL},
		{"TRUNCATE t", DDL},
		{"SET search_path = x", Other},
		{"BEGIN", Other},
		{"EXPLAIN SELECT 1", Other},
		{"CALL p()", Unknown},
		{"", Unknown},
		{"-- only a comment", Unknown},
		{"\x00", Unknown},
		{"\x00 FROM t", Unknown},
		{"SELECT 1; INSERT INTO t VALUES (1)", Insert},
		{"CREATE TABLE t (id int); INSERT INTO t VALUES (1);", Insert},
		{"CREATE TABLE t (id int); CREATE INDEX i ON t (id);", DDL},
		{"/* INSERT */ SELECT 'DELETE'", Select},
	}
	for _, tt := range tests {
		if got := Classify(tt.sql); got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
	if !Insert.IsWrite() || !Upsert.IsWrite() || DDL.IsWrite() || Select.IsWrite() || Unknown.IsWrite() {
		t.Error("IsWrite")
	}
}

func TestRows(t *testing.T) {
	cfg := &Config{}
	tests := []struct {
		sql  string
		want Rows
	}{
		// Unbounded reads.
		{"SELECT * FROM users", RowsUnbounded},
		{"SELECT id, name FROM users WHERE org_id = $1 ORDER BY name", RowsUnbounded},
		{"select * from users where deleted_at is null", RowsUnbounded},
		{"SELECT * FROM users WHERE id IN (SELECT user_id FROM members LIMIT 10)", RowsUnbounded},
		{"SELECT * FROM users WHERE name = 'LIMIT 10'", RowsUnbounded},
		{"SELECT * FROM users -- LIMIT 10", RowsUnbounded},
		{"SELECT * FROM users /* LIMIT 10 */", RowsUnbounded},
		{`SELECT "limit" FROM users`, RowsUnbounded},
		{"SELECT * FROM users LIMIT ALL", RowsUnbounded},
		{"SELECT count(*) OVER (), id FROM users", RowsUnbounded},
		{"SELECT count(*) OVER () FROM users", RowsUnbounded},
		{"SELECT 1 FROM users WHERE org_id = $1", RowsUnbounded},
		{"SELECT max(x) + y FROM t", RowsUnbounded},
		{"SELECT * FROM t WHERE id = $1 OR parent_id = $1", RowsUnbounded},
		{"SELECT * FROM t WHERE id > $1", RowsUnbounded},
		{"SELECT * FROM t WHERE id <> $1", RowsUnbounded},
		{"SELECT * FROM t WHERE NOT id = $1", RowsUnbounded},
		{"SELECT * FROM t a JOIN u b ON a.id = b.a_id", RowsUnbounded},
		{"SELECT * FROM t WHERE t.id = u.t_id", RowsUnbounded},
		{"SELECT * FROM t WHERE id IN (SELECT t_id FROM u)", RowsUnbounded},
		{"SELECT * FROM t WHERE id = ANY(SELECT t_id FROM u)", RowsUnbounded},
		{"SELECT a FROM t UNION SELECT a FROM u LIMIT 5", RowsBounded},
		{"SELECT a FROM t WHERE id = 1 UNION ALL SELECT a FROM u", RowsUnbounded},
		{"(SELECT a FROM t LIMIT 1) UNION ALL (SELECT a FROM u)", RowsUnbounded},
		{"WITH x AS (SELECT * FROM t LIMIT 10) SELECT * FROM u", RowsUnbounded},
		{"WITH x AS (SELECT * FROM t) SELECT * FROM x", RowsUnbounded},
		{"SELECT * FROM (SELECT * FROM t) s", RowsUnbounded},
		{"SELECT * FROM \x00", RowsUnbounded},
		{"SELECT \x00 FROM users WHERE org_id = $1", RowsUnbounded},
		{"SELECT * FROM users WHERE org_id = \x00", RowsUnbounded},
		{"TABLE users", RowsUnbounded},
		{"SELECT DISTINCT ON (a) a, b FROM t ORDER BY a", RowsUnbounded},
		{"SELECT a IS DISTINCT FROM b, c FROM t", RowsUnbounded},
		{"SELECT DISTINCT u.* FROM users u JOIN orders o ON o.user_id = u.id", RowsUnbounded},
		{"SELECT DISTINCT id, name, email FROM users", RowsUnbounded},
		// One row per value, like a GROUP BY: how many values is not in the text.
		{"SELECT DISTINCT e.endpoint_key FROM endpoints e JOIN results r ON r.endpoint_id = e.id", RowsUnknown},
		{"SELECT DISTINCT kind, region FROM events", RowsUnknown},
		{"SELECT * FROM t WHERE x BETWEEN 1 AND 2 AND y = 3", RowsUnbounded},
		{"SELECT 1; SELECT * FROM t", RowsUnbounded},
		{"SELECT id FROM jobs WHERE state = 'ready' FOR UPDATE SKIP LOCKED", RowsUnbounded},
		{"SELECT id FROM jobs WHERE state = $1 FOR NO KEY UPDATE SKIP LOCKED", RowsUnbounded},
		{"SELECT * FROM t FOR JSON AUTO", RowsUnbounded},
		// Bounded reads.
		{"SELECT * FROM users LIMIT 10", RowsBounded},
		{"SELECT * FROM users ORDER BY id LIMIT $1 OFFSET $2", RowsBounded},
		{"SELECT * FROM users WHERE id > $1 ORDER BY id LIMIT $2", RowsBounded},
		{"select * from users limit ?", RowsBounded},
		{"SELECT * FROM users OFFSET 10 ROWS FETCH NEXT 10 ROWS ONLY", RowsBounded},
		{"SELECT * FROM users FETCH FIRST ROW ONLY", RowsBounded},
		{"SELECT TOP 10 * FROM users", RowsBounded},
		{"SELECT DISTINCT TOP (5) name FROM users", RowsBounded},
		{"SELECT * FROM users WHERE ROWNUM <= 10", RowsBounded},
		{"SELECT 1", RowsBounded},
		{"SELECT now()", RowsBounded},
		{"SELECT EXISTS(SELECT 1 FROM users WHERE email = $1)", RowsBounded},
		{"SELECT count(*) FROM users WHERE org_id = $1", RowsBounded},
		{"SELECT COUNT(DISTINCT user_id) AS n FROM events", RowsBounded},
		{"SELECT coalesce(max(version), 0) FROM migrations", RowsBounded},
		{"SELECT count(*) total, sum(amount)::bigint, avg(x) FILTER (WHERE y) FROM t", RowsBounded},
		{"SELECT CAST(count(*) AS INTEGER), max(a) - min(a) FROM t", RowsBounded},
		{"SELECT count(*) FROM t HAVING count(*) > 1", RowsBounded},
		{"SELECT (SELECT count(*) FROM a), count(*) FROM b", RowsBounded},
		{"SELECT * FROM users WHERE id = $1", RowsBounded},
		{"SELECT * FROM users WHERE id = ?", RowsBounded},
		{"SELECT * FROM users u WHERE u.id = :id", RowsBounded},
		{`SELECT * FROM users WHERE "id" = $1::uuid`, RowsBounded},
		{"SELECT * FROM users WHERE org_id = $1 AND id = $2", RowsBounded},
		{"SELECT * FROM users WHERE (org_id = $1 AND id = $2)", RowsBounded},
		{"SELECT * FROM users WHERE $1 = id", RowsBounded},
		{"SELECT * FROM users WHERE id = ANY($1)", RowsBounded},
		{"SELECT * FROM users WHERE id = ANY($1::bigint[])", RowsBounded},
		{"SELECT * FROM users WHERE id IN (?, ?, ?)", RowsBounded},
		{"SELECT * FROM users WHERE id IN ?", RowsBounded},
		{"SELECT * FROM users WHERE id = CAST($1 AS uuid)", RowsBounded},
		{"SELECT * FROM users WHERE id = 42 FOR UPDATE", RowsBounded},
		{"SELECT id FROM jobs WHERE state = 'ready' FOR UPDATE SKIP LOCKED LIMIT 10", RowsBounded},
		{"SELECT * FROM users WHERE id = $1 OR id = $2", RowsBounded},
		{"SELECT * FROM users WHERE x BETWEEN 1 AND 2 AND id = 3", RowsBounded},
		{"SELECT * FROM users WHERE id = \x00", RowsBounded},
		{"SELECT a FROM t LIMIT 1 UNION ALL SELECT a FROM u LIMIT 1", RowsBounded},
		{"(SELECT a FROM t LIMIT 1) UNION ALL (SELECT a FROM u WHERE id = $1)", RowsBounded},
		{"SELECT a FROM t WHERE id = $1 UNION SELECT count(*) FROM u", RowsBounded},
		{"WITH x AS (SELECT * FROM t ORDER BY id LIMIT 10) SELECT * FROM x", RowsBounded},
		{"WITH x AS (SELECT * FROM t) SELECT * FROM x LIMIT 3", RowsBounded},
		{"WITH x AS (SELECT * FROM t) SELECT count(*) FROM x", RowsBounded},
		{"SELECT * FROM (SELECT * FROM t LIMIT 5) s", RowsBounded},
		{"SELECT * FROM unnest($1::int[]) AS u(id)", RowsBounded},
		{"SELECT * FROM generate_series(1, 10)", RowsBounded},
		{"VALUES (1), (2)", RowsBounded},
		{"SELECT a INTO b FROM t", RowsBounded},
		{"SELECT * FROM t;", RowsUnbounded},
		// Not reads, or unknown.
		{"INSERT INTO t SELECT * FROM u RETURNING id", RowsUnknown},
		{"UPDATE t SET a = 1 RETURNING *", RowsUnknown},
		// Locking reads select a transaction's write set.
		{"SELECT lock_id FROM locks WHERE locked = true AND lease_expires_at < now(6) FOR UPDATE", RowsUnknown},
		{"SELECT * FROM order_items WHERE order_id = $1 FOR NO KEY UPDATE", RowsUnknown},
		{"SELECT * FROM accounts WHERE owner = $1 FOR SHARE NOWAIT", RowsUnknown},
		{"SELECT * FROM t FOR KEY SHARE OF t", RowsUnknown},
		{"SELECT * FROM t WHERE a = ? LOCK IN SHARE MODE", RowsUnknown},
		{"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", RowsUnknown},
		{"SELECT * FROM t WHERE \x00", RowsUnknown},
		{"SELECT * FROM t WHERE a = 1 AND \x00", RowsUnknown},
		{"SELECT * FROM t \x00", RowsUnknown},
		{"SELECT * FROM t ORDER BY \x00 \x00", RowsUnknown},
		{"\x00", RowsUnknown},
		{"SELECT * FROM t WHERE (\x00)", RowsUnknown},
		{"SELECT * FROM 'unterminated", RowsUnknown},
		{"SELECT * FROM (t", RowsUnknown},
		{"", RowsUnknown},
		{"CREATE TABLE t (id int)", RowsUnknown},
		// GROUP BY: one row per group, a number the text does not tell.
		{"SELECT count(*) FROM users GROUP BY org_id", RowsUnknown},
		{"SELECT status, count(*) FROM entries GROUP BY status", RowsUnknown},
		{"SELECT a FROM t WHERE id = 1 UNION SELECT a FROM u GROUP BY a", RowsUnknown},
		{"SELECT a FROM t UNION SELECT a FROM u GROUP BY a", RowsUnbounded},
		// The database's own catalogs follow the schema, not the data.
		{"SELECT name FROM pg_timezone_names ORDER BY name", RowsBounded},
		{"SELECT table_name FROM information_schema.tables WHERE table_schema = $1", RowsBounded},
		{"SELECT name FROM sqlite_master WHERE type = 'table'", RowsBounded},
		{"SELECT * FROM pg_catalog.pg_tables", RowsBounded},
	}
	for _, tt := range tests {
		if got := cfg.Rows(tt.sql); got != tt.want {
			t.Errorf("Rows(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
}

func TestRowsConfig(t *testing.T) {
	cfg := &Config{UniqueColumns: []string{"id", "Email"}, AllowTables: []string{"countries", "ref.currencies"}}
	tests := []struct {
		sql  string
		want Rows
	}{
		{"SELECT * FROM users WHERE email = $1", RowsBounded},
		{"SELECT * FROM users WHERE EMAIL = $1", RowsBounded},
		{"SELECT * FROM users WHERE name = $1", RowsUnbounded},
		{"SELECT * FROM countries", RowsBounded},
		{"SELECT * FROM public.countries ORDER BY name", RowsBounded},
		{`SELECT * FROM "Countries"`, RowsBounded},
		{"SELECT * FROM ref.currencies", RowsBounded},
		{"SELECT * FROM countries c JOIN users u ON u.country = c.code", RowsUnbounded},
		{"SELECT * FROM countries c JOIN ref.currencies r ON r.code = c.currency", RowsBounded},
		{"TABLE countries", RowsBounded},
		{"SELECT * FROM currencies", RowsBounded},
	}
	for _, tt := range tests {
		if got := cfg.Rows(tt.sql); got != tt.want {
			t.Errorf("Rows(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
	other := &Config{UniqueColumns: []string{"uuid"}}
	if got := other.Rows("SELECT * FROM users WHERE id = $1"); got != RowsUnbounded {
		t.Errorf("with unique-columns uuid, id = $1 is %v", got)
	}
}

func TestCond(t *testing.T) {
	cfg := &Config{}
	tests := []struct {
		cond string
		want Rows
	}{
		{"id = ?", RowsBounded},
		{"users.id = ?", RowsBounded},
		{"org_id = ? AND id = ?", RowsBounded},
		{"id IN ?", RowsBounded},
		{"id IN (?)", RowsBounded},
		{"org_id = ?", RowsUnbounded},
		{"id > ?", RowsUnbounded},
		{"name LIKE ?", RowsUnbounded},
		{"\x00", RowsUnknown},
		{"org_id = ? AND \x00", RowsUnknown},
		{"", RowsUnknown},
	}
	for _, tt := range tests {
		if got := cfg.Cond(tt.cond); got != tt.want {
			t.Errorf("Cond(%q) = %v, want %v", tt.cond, got, tt.want)
		}
	}
}
