// Package stmts reads through prepared statements that a constructor
// binds to struct fields and other methods run.
package stmts

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

type Event struct {
	ID   int64  `db:"id"`
	Kind string `db:"kind"`
}

type EventStore struct {
	db          *sql.DB
	insertEvent *sql.Stmt
	listByKind  *sql.Stmt
	recent      *sql.Stmt
	listTags    *sql.Stmt
}

func NewEventStore(db *sql.DB) (*EventStore, error) {
	s := &EventStore{db: db}
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&s.insertEvent, "INSERT INTO events (kind) VALUES ($1)"},
		{&s.listByKind, "SELECT id, kind FROM events WHERE kind = $1 ORDER BY id"},
		{&s.recent, "SELECT id, kind FROM events ORDER BY id DESC LIMIT $1"},
		{&s.listTags, "SELECT name FROM tags ORDER BY name"},
	} {
		var err error
		if *p.stmt, err = db.Prepare(p.query); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *EventStore) Record(ctx context.Context, kinds []string) error {
	for _, k := range kinds {
		if _, err := s.insertEvent.ExecContext(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

// Every event of a kind, from a table that grows with use.
func (s *EventStore) ByKind(ctx context.Context, kind string) ([]Event, error) {
	rows, err := s.listByKind.QueryContext(ctx, kind) // want `query returns every matching row .*table events grows with use`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Kind); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// The same statement bound to a transaction.
func (s *EventStore) ByKindTx(ctx context.Context, tx *sql.Tx, kind string) (*sql.Rows, error) {
	return tx.Stmt(s.listByKind).QueryContext(ctx, kind) // want `query returns every matching row .*table events grows with use`
}

// Bounded by its LIMIT.
func (s *EventStore) Recent(ctx context.Context, n int) (*sql.Rows, error) {
	return s.recent.QueryContext(ctx, n)
}

// tags has no growth evidence and this is not a request handler: quiet
// by default.
func (s *EventStore) Tags(ctx context.Context) (*sql.Rows, error) {
	return s.listTags.QueryContext(ctx)
}

// EventIndex prepares with sqlx.
type EventIndex struct {
	byKind *sqlx.Stmt
	one    *sqlx.Stmt
}

func NewEventIndex(db *sqlx.DB) (*EventIndex, error) {
	byKind, err := db.Preparex(`SELECT id, kind FROM events WHERE kind = $1`)
	if err != nil {
		return nil, err
	}
	one, err := db.Preparex(`SELECT id, kind FROM events WHERE id = $1`)
	if err != nil {
		return nil, err
	}
	return &EventIndex{byKind: byKind, one: one}, nil
}

func (x *EventIndex) ByKind(ctx context.Context, kind string) ([]Event, error) {
	var out []Event
	err := x.byKind.SelectContext(ctx, &out, kind) // want `query returns every matching row .*table events grows with use`
	return out, err
}

// A lookup by id: one row.
func (x *EventIndex) One(ctx context.Context, id int64) ([]Event, error) {
	var out []Event
	err := x.one.SelectContext(ctx, &out, id)
	return out, err
}
