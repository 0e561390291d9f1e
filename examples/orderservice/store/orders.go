// Package store keeps orders in PostgreSQL.
package store

import (
	"context"
	"database/sql"
)

// Order is one customer order.
type Order struct {
	ID         int64
	CustomerID int64
	Total      int64
}

// Item is one line of an order.
type Item struct {
	SKU      string
	Quantity int
}

// Line is an item as sold in an order.
type Line struct {
	OrderID int64
	Item
}

// Store is the order repository.
type Store struct{ db *sql.DB }

// New returns a store on db.
func New(db *sql.DB) *Store { return &Store{db: db} }

// Order returns one order by id: bounded by the primary key.
func (s *Store) Order(ctx context.Context, id int64) (Order, error) {
	var o Order
	err := s.db.QueryRowContext(ctx, `SELECT id, customer_id, total FROM orders WHERE id = $1`, id).
		Scan(&o.ID, &o.CustomerID, &o.Total)
	return o, err
}

// Sales lists every order line that sold sku, for the product page.
func (s *Store) Sales(ctx context.Context, sku string) ([]Line, error) {
	// Bug(unpaginated): order_items gains a row per item sold (CreateOrder); a best-seller loads its whole history.
	rows, err := s.db.QueryContext(ctx, `
		SELECT order_id, sku, quantity
		FROM order_items
		WHERE sku = $1
		ORDER BY order_id DESC`, sku)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Line
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.OrderID, &l.SKU, &l.Quantity); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// CreateOrder stores an order and its items.
func (s *Store) CreateOrder(ctx context.Context, o Order, items []Item) (int64, error) {
	var id int64
	// Bug(missingtx): several writes outside a transaction: a crash in between leaves an order without its items.
	if err := s.db.QueryRowContext(ctx, `INSERT INTO orders (customer_id, total) VALUES ($1, $2) RETURNING id`, o.CustomerID, o.Total).Scan(&id); err != nil {
		return 0, err
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE customers SET order_count = order_count + 1 WHERE id = $1`, o.CustomerID); err != nil {
		return 0, err
	}
	for _, it := range items {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO order_items (order_id, sku, quantity) VALUES ($1, $2, $3)`, id, it.SKU, it.Quantity); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// CancelOrder marks an order cancelled and restocks its items, atomically.
func (s *Store) CancelOrder(ctx context.Context, id int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE orders SET status = 'cancelled' WHERE id = $1`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stock SET quantity = quantity + i.quantity FROM order_items i WHERE i.order_id = $1 AND stock.sku = i.sku`, id); err != nil {
		return err
	}
	return tx.Commit()
}
