package sqltext

import (
	"reflect"
	"testing"
)

// A LIMIT a caller can switch off does not bound the read, and the shape
// names it; a plain LIMIT $1 does.
func TestLimitSwitch(t *testing.T) {
	var cfg Config
	for sql, want := range map[string]string{
		"SELECT * FROM jobs ORDER BY id LIMIT NULLIF($1, 0)":                                      "LIMIT NULLIF($1, 0)",
		"SELECT * FROM jobs ORDER BY id LIMIT (CASE WHEN $2 < 1 THEN NULL ELSE $2 END) OFFSET $3": "LIMIT (CASE WHEN $2 < 1 THEN NULL ELSE $2 END)",
		"SELECT * FROM jobs LIMIT ALL":                                                            "LIMIT ALL",
		"SELECT * FROM jobs WHERE owner = $1 LIMIT CASE WHEN $2 > 0 THEN $2 END":                  "LIMIT CASE WHEN $2 > 0 THEN $2 END",
	} {
		got, ok := cfg.ShapeOf(sql)
		if !ok || got.Switch != want || cfg.Rows(sql) != RowsUnbounded {
			t.Errorf("ShapeOf(%q).Switch = %q (ok %v, rows %v); want %q, unbounded", sql, got.Switch, ok, cfg.Rows(sql), want)
		}
	}
	for _, sql := range []string{
		"SELECT * FROM jobs LIMIT $1",
		"SELECT * FROM jobs LIMIT COALESCE($1, 100)",
		"SELECT * FROM jobs LIMIT CASE WHEN $1 > 0 THEN $1 ELSE 50 END",
		"WITH j AS (SELECT * FROM jobs LIMIT NULLIF($1, 0)) SELECT * FROM j LIMIT 10",
	} {
		if got := cfg.Rows(sql); got != RowsBounded {
			t.Errorf("Rows(%q) = %v, want bounded", sql, got)
		}
	}
}

// An open range is everything after a cursor; a closed one is a window.
func TestRanges(t *testing.T) {
	var cfg Config
	events := []string{"events"}
	for _, tt := range []struct {
		sql  string
		want Shape
	}{
		{"SELECT * FROM events WHERE id > $1 ORDER BY id", Shape{Tables: events, Range: true, LowArgs: []int{0}}},
		{"SELECT * FROM events WHERE created_at >= ?", Shape{Tables: events, Range: true, LowArgs: []int{0}}},
		{"SELECT * FROM events WHERE kind = ? AND created_at >= ?", Shape{Tables: events, Parent: true, ParentCols: []string{"kind"}, ParentArgs: [][]int{{0}}, Range: true, LowArgs: []int{1}}},
		{"SELECT * FROM events WHERE created_at < $1 ORDER BY created_at DESC", Shape{Tables: events, Range: true, HighOpen: true}},
		{"SELECT * FROM events WHERE at BETWEEN $1 AND $2", Shape{Tables: events, Window: true}},
		{"SELECT * FROM events WHERE at >= $1 AND at < $2 AND kind = 'x'", Shape{Tables: events, Window: true}},
		{"SELECT * FROM events WHERE at >= $2 AND id < $1", Shape{Tables: events, Range: true, LowArgs: []int{1}, HighOpen: true}},
		{"SELECT * FROM events WHERE endpoint_id = $1 AND at BETWEEN $2 AND $3", Shape{Tables: events, Parent: true, ParentCols: []string{"endpoint_id"}, ParentArgs: [][]int{{0}}, Window: true}},
		// A lower bound taken from the clock is a recent period; an upper
		// one (everything due by now) is not.
		{"SELECT * FROM events WHERE at > now() - interval '1 day'", Shape{Tables: events, Window: true}},
		{"SELECT * FROM events WHERE at >= DATE_SUB(NOW(), INTERVAL 7 DAY)", Shape{Tables: events, Window: true}},
		{"SELECT * FROM events WHERE at > datetime('now', '-1 day')", Shape{Tables: events, Window: true}},
		{"SELECT * FROM jobs WHERE run_at <= NOW()", Shape{Tables: []string{"jobs"}}},
		{"SELECT * FROM events WHERE at > NOW() - $1::interval", Shape{Tables: events, Range: true, LowArgs: []int{0}}},
	} {
		got, ok := cfg.ShapeOf(tt.sql)
		if !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ShapeOf(%q) = %+v, %v; want %+v", tt.sql, got, ok, tt.want)
		}
	}
}

// An upsert writes one row per key: it does not make a table grow.
func TestKeyed(t *testing.T) {
	for sql, want := range map[string]bool{
		"INSERT INTO metric (name, sqls) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET sqls = $2": true,
		"INSERT INTO config (`key`, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = ?":          true,
		"INSERT IGNORE INTO users_active (userid, ts) VALUES (?, ?)":                                 true,
		"INSERT OR REPLACE INTO kv VALUES (?, ?)":                                                    true,
		"REPLACE INTO settings VALUES (?)":                                                           true,
		"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a":                   true,
		"INSERT INTO events (kind) VALUES ($1)":                                                      false,
		"INSERT INTO events (kind) SELECT kind FROM staged WHERE note = 'ON CONFLICT'":               false,
		"INSERT INTO t (a) VALUES ($1) RETURNING id":                                                 false,
		"UPDATE t SET a = 1": false,
	} {
		if got := Keyed(sql); got != want {
			t.Errorf("Keyed(%q) = %v, want %v", sql, got, want)
		}
	}
}

func TestInsertArgs(t *testing.T) {
	got := InsertArgs("INSERT INTO order_items (order_id, sku, quantity, at) VALUES ($1, $2, $3, now())")
	want := map[string]int{"order_id": 0, "sku": 1, "quantity": 2}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("InsertArgs = %v, want %v", got, want)
	}
	if got := InsertArgs("INSERT INTO t (a, b) VALUES (?, lower(?))"); !reflect.DeepEqual(got, map[string]int{"a": 0}) {
		t.Errorf("InsertArgs with an expression = %v", got)
	}
}
