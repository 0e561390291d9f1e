package sqlrepo

import (
	"context"
	"database/sql"
	"fmt"
)

// ReclaimExpired frees the leases whose holder died: it locks the expired
// rows, then clears them in the same transaction. The locked rows are the
// transaction's write set, as an UPDATE ... RETURNING would be.
func ReclaimExpired(ctx context.Context, db *sql.DB, table string) ([]int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	q := fmt.Sprintf("SELECT lease_id FROM %s WHERE held = true AND expires_at < now() FOR UPDATE", table)
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET held = false WHERE lease_id = $1", id); err != nil {
			return nil, err
		}
	}
	return ids, tx.Commit()
}

// LockItems locks an order's lines before changing its total (MySQL).
func LockItems(ctx context.Context, tx *sql.Tx, orderID int64) (*sql.Rows, error) {
	return tx.QueryContext(ctx, "SELECT sku, qty FROM order_items WHERE order_id = ? LOCK IN SHARE MODE", orderID)
}

// ClaimReady is a queue worker's claim: with SKIP LOCKED and no LIMIT, one
// worker takes every ready job and the others find none.
func ClaimReady(ctx context.Context, tx *sql.Tx) (*sql.Rows, error) {
	return tx.QueryContext(ctx, "SELECT id, payload FROM jobs WHERE state = 'ready' ORDER BY id FOR UPDATE SKIP LOCKED") // want `query returns every matching row`
}

// ClaimBatch is the same claim, bounded.
func ClaimBatch(ctx context.Context, tx *sql.Tx, n int) (*sql.Rows, error) {
	return tx.QueryContext(ctx, "SELECT id, payload FROM jobs WHERE state = 'ready' ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED", n)
}
