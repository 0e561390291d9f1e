package sqlrepo // want package:`tables\(grows: ; written: orders; keys: \)`

import (
	"context"
	"database/sql"
)

// DBTX is the interface repositories take so that they run on a DB or a Tx.
type DBTX interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type Store struct{ q DBTX }

func (s *Store) Orders(ctx context.Context, user int64) (*sql.Rows, error) {
	return s.q.QueryContext(ctx, "SELECT id, total FROM orders WHERE user_id = $1", user) // want `query returns every matching row`
}

func (s *Store) OrderPage(ctx context.Context, user, after int64) (*sql.Rows, error) {
	return s.q.QueryContext(ctx, "SELECT id, total FROM orders WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT 100", user, after)
}
