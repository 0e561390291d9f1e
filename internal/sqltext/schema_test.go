package sqltext

import (
	"reflect"
	"testing"
)

func TestUniqueKeys(t *testing.T) {
	ddl := `CREATE TABLE IF NOT EXISTS public.devices (
		id bigserial PRIMARY KEY,
		mac text NOT NULL UNIQUE,
		name text,
		CONSTRAINT kind_app UNIQUE (kind, application_id),
		FOREIGN KEY (application_id) REFERENCES applications (id)
	);
	CREATE UNIQUE INDEX IF NOT EXISTS idx_tokens ON "tokens" USING btree (token);
	CREATE INDEX idx_name ON devices (name);
	CREATE UNIQUE INDEX lower_email ON users (lower(email));`
	got := UniqueKeys(ddl)
	want := map[string][][]string{
		"devices": {{"id"}, {"mac"}, {"kind", "application_id"}},
		"tokens":  {{"token"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("UniqueKeys = %v, want %v", got, want)
	}
}

func TestTableKeysBound(t *testing.T) {
	cfg := &Config{TableKeys: map[string][][]string{
		"devices": {{"mac"}, {"kind", "application_id"}},
	}}
	for _, tt := range []struct {
		sql  string
		want Rows
	}{
		{"SELECT * FROM devices WHERE mac = ANY($1)", RowsBounded},
		{"SELECT * FROM devices d WHERE d.kind = $1 AND d.application_id = $2", RowsBounded},
		{"SELECT * FROM devices WHERE kind = $1", RowsUnbounded},             // half of a key
		{"SELECT * FROM gateways WHERE mac = ANY($1)", RowsUnbounded},        // another table's key
		{"SELECT * FROM devices WHERE mac = $1 OR name = $2", RowsUnbounded}, // one branch unbound
	} {
		if got := cfg.Rows(tt.sql); got != tt.want {
			t.Errorf("Rows(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
	if got := cfg.CondOn("mac IN ?", "devices"); got != RowsBounded {
		t.Errorf("CondOn(mac IN ?, devices) = %v, want bounded", got)
	}
	if got := cfg.Cond("mac IN ?"); got != RowsUnbounded {
		t.Errorf("Cond(mac IN ?) without a table = %v, want unbounded", got)
	}
}

func TestTarget(t *testing.T) {
	for sql, want := range map[string]string{
		"INSERT INTO events (a) VALUES ($1)":                       "events",
		"insert or ignore into app.Logs(a) values (?)":             "logs",
		"WITH x AS (SELECT 1) INSERT INTO results SELECT * FROM x": "results",
		"REPLACE INTO settings VALUES (?)":                         "settings",
		"UPDATE events SET a = 1":                                  "",
		"SELECT * FROM events":                                     "",
	} {
		if got := Target(sql); got != want {
			t.Errorf("Target(%q) = %q, want %q", sql, got, want)
		}
	}
}

func TestShapeOf(t *testing.T) {
	var cfg Config
	for _, tt := range []struct {
		sql  string
		want Shape
		ok   bool
	}{
		{"SELECT * FROM events", Shape{Tables: []string{"events"}}, true},
		{"SELECT e.* FROM app.events e JOIN users u ON u.id = e.user_id WHERE u.org_id = $1 ORDER BY e.at",
			Shape{Tables: []string{"events", "users"}, Parent: true, ParentCols: []string{"org_id"}, ParentArgs: [][]int{{0}}}, true},
		{"SELECT * FROM events WHERE id > $1", Shape{Tables: []string{"events"}, Range: true, LowArgs: []int{0}}, true},
		{"SELECT * FROM events WHERE status = 'new'", Shape{Tables: []string{"events"}}, true},
		{"SELECT * FROM events WHERE a = $1 OR b > $2", Shape{Tables: []string{"events"}}, true},
		{"SELECT * FROM events WHERE a = $1 OR b = 'x'", Shape{Tables: []string{"events"}}, true},
		// Either role of the caller's value, or its rows and the shared ones.
		{"SELECT * FROM chat_rooms WHERE (user1 = ? OR user2 = ?) ORDER BY latest DESC",
			Shape{Tables: []string{"chat_rooms"}, Parent: true, ParentCols: []string{"user1", "user2"}, ParentArgs: [][]int{{0}, {1}}}, true},
		{"SELECT * FROM chain WHERE live AND (client_name = $1 OR client_name IS NULL)",
			Shape{Tables: []string{"chain"}, Parent: true, ParentCols: []string{"client_name"}, ParentArgs: [][]int{{0}}}, true},
		{"SELECT * FROM events WHERE a IS NULL OR b IS NULL", Shape{Tables: []string{"events"}}, true},
		{"SELECT * FROM events LIMIT 5", Shape{}, false},
	} {
		got, ok := cfg.ShapeOf(tt.sql)
		if ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ShapeOf(%q) = %+v, %v; want %+v, %v", tt.sql, got, ok, tt.want, tt.ok)
		}
	}
}
