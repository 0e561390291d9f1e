// Package stmtfields writes through prepared statements that a
// constructor binds to struct fields and other methods run.
package stmtfields

import (
	"context"
	"database/sql"
	"time"
)

const (
	insertOrderSQL = "INSERT INTO orders (customer_id, total) VALUES ($1, $2) RETURNING id"
	insertItemSQL  = "INSERT INTO order_items (order_id, sku, qty) VALUES ($1, $2, $3)"
)

type Item struct {
	SKU string
	Qty int
}

type OrderStore struct {
	db          *sql.DB
	insertOrder *sql.Stmt
	insertItem  *sql.Stmt
	getOrder    *sql.Stmt
	deleteItems *sql.Stmt
	deleteOrder *sql.Stmt
	audit       *sql.Stmt
	touch       *sql.Stmt
}

func NewOrderStore(db *sql.DB) (*OrderStore, error) {
	s := &OrderStore{db: db}
	var err error
	if s.insertOrder, err = db.Prepare(insertOrderSQL); err != nil {
		return nil, err
	}
	if s.insertItem, err = db.Prepare(insertItemSQL); err != nil {
		return nil, err
	}
	// The rest from a table of {field, text} pairs.
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&s.getOrder, "SELECT customer_id, total FROM orders WHERE id = $1"},
		{&s.deleteItems, "DELETE FROM order_items WHERE order_id = $1"},
		{&s.deleteOrder, "DELETE FROM orders WHERE id = $1"},
		{&s.audit, "INSERT INTO audit_log (action, at) VALUES ($1, $2)"},
		{&s.touch, "UPDATE customers SET last_seen = $1 WHERE id = $2"},
	} {
		if *p.stmt, err = db.Prepare(p.query); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// The order's id, from INSERT ... RETURNING, goes into its items.
func (s *OrderStore) PlaceOrder(ctx context.Context, customer int64, total int, items []Item) (int64, error) { // want PlaceOrder:"writes"
	var id int64
	if err := s.insertOrder.QueryRowContext(ctx, customer, total).Scan(&id); err != nil { // want `writes on one path run outside a transaction \(insertOrder.QueryRowContext \(insert into orders\) here, insertItem.ExecContext \(insert into order_items\).*uses id, produced by the insert`
		return 0, err
	}
	for _, it := range items {
		if _, err := s.insertItem.ExecContext(ctx, id, it.SKU, it.Qty); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// A cascade over one order, through statements prepared in the table.
func (s *OrderStore) DeleteOrder(ctx context.Context, id int64) error { // want DeleteOrder:"writes"
	if _, err := s.deleteItems.ExecContext(ctx, id); err != nil { // want `the deletes at lines 75 and 78 cascade over id`
		return err
	}
	_, err := s.deleteOrder.ExecContext(ctx, id)
	return err
}

// The same statements bound to a transaction: nothing to report.
func (s *OrderStore) PlaceOrderTx(ctx context.Context, customer int64, total int, items []Item) (int64, error) { // want PlaceOrderTx:"atomic"
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var id int64
	if err := tx.StmtContext(ctx, s.insertOrder).QueryRowContext(ctx, customer, total).Scan(&id); err != nil {
		return 0, err
	}
	for _, it := range items {
		if _, err := tx.Stmt(s.insertItem).ExecContext(ctx, id, it.SKU, it.Qty); err != nil {
			return 0, err
		}
	}
	return id, tx.Commit()
}

// stmt rebinds a statement to the transaction, when there is one.
func (s *OrderStore) stmt(tx *sql.Tx, st *sql.Stmt) *sql.Stmt {
	if tx != nil {
		return tx.Stmt(st)
	}
	return st
}

// Through the rebinding helper, in a transaction: nothing to report.
func (s *OrderStore) DeleteOrderTx(ctx context.Context, id int64) error { // want DeleteOrderTx:"atomic"
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := s.stmt(tx, s.deleteItems).ExecContext(ctx, id); err != nil {
		return err
	}
	if _, err := s.stmt(tx, s.deleteOrder).ExecContext(ctx, id); err != nil {
		return err
	}
	return tx.Commit()
}

// A read and one write: one write only.
func (s *OrderStore) Reprice(ctx context.Context, id int64, total int) error { // want Reprice:"writes"
	var customer int64
	var old int
	if err := s.getOrder.QueryRowContext(ctx, id).Scan(&customer, &old); err != nil {
		return err
	}
	_, err := s.insertOrder.ExecContext(ctx, customer, total)
	return err
}

// An audit row and a last-seen time share nothing: each stands alone.
func (s *OrderStore) Visit(ctx context.Context, customer int64, action string) error { // want Visit:"writes"
	if _, err := s.audit.ExecContext(ctx, action, time.Now()); err != nil {
		return err
	}
	_, err := s.touch.ExecContext(ctx, time.Now(), customer)
	return err
}
