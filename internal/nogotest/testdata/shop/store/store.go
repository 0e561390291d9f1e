// Package store is the library half of the nogo test: its functions are
// analyzed first, and what the analyzers learn about them (facts) must reach
// the analysis of package api through the .vetx file alone.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

// LoadOrder takes no context and queries with a fresh one: ctxpropagation
// records that as a fact, and reports its callers in package api.
func (s *Store) LoadOrder(id int64) (string, error) {
	var status string
	err := s.db.QueryRowContext(context.Background(), "SELECT status FROM orders WHERE id = $1", id).Scan(&status)
	return status, err
}

// ListOrders reads the whole table, which SaveOrders keeps growing
// (unpaginated).
func (s *Store) ListOrders(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, status FROM orders")
}

// SaveOrders inserts orders one by one, in a loop: the evidence that the
// orders table grows with use.
func (s *Store) SaveOrders(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_, _ = s.db.ExecContext(ctx, "INSERT INTO orders (id, status) VALUES ($1, 'new')", id)
	}
}

// MarkPaid and ReleaseStock write once each; missingtx records that as a
// fact, so a caller that runs both for one order outside a transaction is
// reported.
func (s *Store) MarkPaid(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "UPDATE orders SET status = 'paid' WHERE id = $1", id)
	return err
}

func (s *Store) ReleaseStock(ctx context.Context, orderID int64) error {
	_, err := s.db.ExecContext(ctx, "UPDATE stock SET reserved = reserved - 1 WHERE order_id = $1", orderID)
	return err
}
