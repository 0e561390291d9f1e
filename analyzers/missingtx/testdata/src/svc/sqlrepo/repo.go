// Package sqlrepo is a database/sql repository: its writing methods carry
// facts that the service package counts.
package sqlrepo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"time"
)

type Order struct {
	ID       int64
	Customer string
	Items    []Item
}

type Item struct {
	SKU string
	Qty int
}

type Repo struct {
	db *sql.DB
}

func NewRepo(db *sql.DB) *Repo { return &Repo{db: db} }

const insertOrder = `INSERT INTO orders (id, customer) VALUES ($1, $2)`

func (r *Repo) CreateOrder(ctx context.Context, o Order) error { // want CreateOrder:"writes\\(sql fixed\\)"
	_, err := r.db.ExecContext(ctx, insertOrder, o.ID, o.Customer)
	return err
}

func (r *Repo) CreateItems(ctx context.Context, id int64, items []Item) error { // want CreateItems:"writes\\(sql fixed\\)"
	_, err := r.db.ExecContext(ctx, "INSERT INTO items (order_id, sku, qty) SELECT $1, unnest($2::text[]), unnest($3::int[])", id, skus(items), qtys(items))
	return err
}

// A read: no fact.
func (r *Repo) GetOrder(ctx context.Context, id int64) (Order, error) {
	var o Order
	err := r.db.QueryRowContext(ctx, "SELECT id, customer FROM orders WHERE id = $1", id).Scan(&o.ID, &o.Customer)
	return o, err
}

// INSERT ... RETURNING through QueryRow is a write.
func (r *Repo) InsertReturning(ctx context.Context, c string) (int64, error) { // want InsertReturning:"writes"
	var id int64
	err := r.db.QueryRowContext(ctx, "INSERT INTO orders (customer) VALUES ($1) RETURNING id", c).Scan(&id)
	return id, err
}

// Transfer opens its own transaction: one atomic write for callers.
func (r *Repo) Transfer(ctx context.Context, from, to int64, amount int) error { // want Transfer:"atomic"
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, to); err != nil {
		return err
	}
	return tx.Commit()
}

// WithTx is an in-house transaction helper: callbacks run in a transaction.
func (r *Repo) WithTx(ctx context.Context, fn func(tx *sql.Tx) error) error { // want WithTx:"txhelper"
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Two writes in a row on the pool: reported.
func (r *Repo) Debit(ctx context.Context, from, to int64, amount int) error { // want Debit:"writes"
	if _, err := r.db.ExecContext(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, from); err != nil { // want `2 writes on one path run outside a transaction \(\*sql.DB.ExecContext here, \*sql.DB.ExecContext at line 91\)`
		return err
	}
	_, err := r.db.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, to)
	return err
}

// A loop of inserts: every iteration is a separate write.
func (r *Repo) InsertAll(ctx context.Context, items []Item) error { // want InsertAll:"writes"
	for _, it := range items {
		if _, err := r.db.ExecContext(ctx, "INSERT INTO items (sku, qty) VALUES ($1, $2)", it.SKU, it.Qty); err != nil { // want `2 writes .*again in a loop`
			return err
		}
	}
	return nil
}

// Exclusive branches do not add up.
func (r *Repo) SetStatus(ctx context.Context, id int64, done bool) error { // want SetStatus:"writes"
	var err error
	if done {
		_, err = r.db.ExecContext(ctx, "UPDATE orders SET status = 'done' WHERE id = $1", id)
	} else {
		_, err = r.db.ExecContext(ctx, "UPDATE orders SET status = 'open' WHERE id = $1", id)
	}
	return err
}

func (r *Repo) SetKind(ctx context.Context, id int64, kind string) error { // want SetKind:"writes"
	switch kind {
	case "a":
		_, err := r.db.ExecContext(ctx, "UPDATE orders SET kind = 'a' WHERE id = $1", id)
		return err
	case "b":
		_, err := r.db.ExecContext(ctx, "UPDATE orders SET kind = 'b' WHERE id = $1", id)
		return err
	}
	return errors.New("bad kind")
}

// Update, else insert when no row matched: the insert only runs when the
// update wrote nothing.
func (r *Repo) Upsert(ctx context.Context, id int64, name string) error { // want Upsert:"writes"
	res, err := r.db.ExecContext(ctx, "UPDATE users SET name = $2 WHERE id = $1", id, name)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = r.db.ExecContext(ctx, "INSERT INTO users (id, name) VALUES ($1, $2)", id, name)
	}
	return err
}

// A compensating write on the error path of a failed write.
func (r *Repo) Reserve(ctx context.Context, id int64) error { // want Reserve:"writes"
	_, err := r.db.ExecContext(ctx, "UPDATE stock SET reserved = reserved + 1 WHERE id = $1", id)
	if err != nil {
		_, _ = r.db.ExecContext(ctx, "INSERT INTO failures (stock_id) VALUES ($1)", id)
		return err
	}
	return nil
}

// A retry loop that ends on the first success is one write.
func (r *Repo) MarkSent(ctx context.Context, id int64) error { // want MarkSent:"writes"
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		_, err = r.db.ExecContext(ctx, "UPDATE outbox SET sent = true WHERE id = $1", id)
		if err == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}

// A batch delete until nothing is left: each batch stands on its own.
func (r *Repo) Prune(ctx context.Context, before time.Time) error { // want Prune:"writes"
	for {
		res, err := r.db.ExecContext(ctx, "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE at < $1 LIMIT 1000)", before)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n < 1000 {
			return nil
		}
	}
}

// A read followed by one write.
func (r *Repo) Rename(ctx context.Context, id int64, name string) error { // want Rename:"writes"
	var old string
	if err := r.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&old); err != nil {
		return err
	}
	if old == name {
		return nil
	}
	_, err := r.db.ExecContext(ctx, "UPDATE users SET name = $2 WHERE id = $1", id, name)
	return err
}

// Migrations: DDL is not a write.
func Migrate(ctx context.Context, db *sql.DB) error {
	for _, stmt := range []string{
		"CREATE TABLE IF NOT EXISTS orders (id bigint primary key, customer text)",
		"CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer)",
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	_, err := db.ExecContext(ctx, "ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text")
	return err
}

// Two writes on two databases: a transaction cannot span them.
type Replicator struct {
	primary *sql.DB
	archive *sql.DB
}

func (r *Replicator) Archive(ctx context.Context, id int64) error { // want Archive:"writes"
	if _, err := r.archive.ExecContext(ctx, "INSERT INTO archived_orders (id) VALUES ($1)", id); err != nil {
		return err
	}
	_, err := r.primary.ExecContext(ctx, "DELETE FROM orders WHERE id = $1", id)
	return err
}

// Unknown text counts as a write.
func (r *Repo) Exec2(ctx context.Context, q1, q2 string) error { // want Exec2:"writes"
	if _, err := r.db.ExecContext(ctx, q1); err != nil { // want `2 writes`
		return err
	}
	_, err := r.db.ExecContext(ctx, q2)
	return err
}

// Writes in a callback of an in-house transaction helper are transactional.
func (r *Repo) PlaceInTx(ctx context.Context, o Order) error { // want PlaceInTx:"atomic"
	return r.WithTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, insertOrder, o.ID, o.Customer); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE customers SET orders = orders + 1 WHERE name = $1", o.Customer)
		return err
	})
}

// A function literal is a function of its own.
func (r *Repo) Async(ctx context.Context, id int64) { // want Async:"writes"
	go func() {
		if _, err := r.db.ExecContext(ctx, "UPDATE orders SET seen = true WHERE id = $1", id); err != nil { // want `2 writes`
			log.Print(err)
			return
		}
		if _, err := r.db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id); err != nil {
			log.Print(err)
			return
		}
	}()
	_, _ = r.db.ExecContext(ctx, "UPDATE stats SET n = n + 1")
}

// sql.Open in the function: no fact (the caller cannot share the handle),
// but the two writes are still reported.
func Seed(ctx context.Context, dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "INSERT INTO roles (name) VALUES ('admin')"); err != nil { // want `2 writes`
		return err
	}
	_, err = db.ExecContext(ctx, "INSERT INTO roles (name) VALUES ('user')")
	return err
}

// A non-transactional write after a committed transaction: two units.
func (r *Repo) CloseAndNotify(ctx context.Context, id int64) error { // want CloseAndNotify:"atomic"
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET closed = true WHERE id = $1", id); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil { // want `2 writes on one path run outside a transaction \(the transaction committed here, \*sql.DB.ExecContext at line 289\)`
		return err
	}
	_, err = r.db.ExecContext(ctx, "INSERT INTO notifications (order_id) VALUES ($1)", id)
	return err
}

func skus(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.SKU)
	}
	return out
}

func qtys(items []Item) []int {
	var out []int
	for _, it := range items {
		out = append(out, it.Qty)
	}
	return out
}

var _ = fmt.Sprint

// Self-contained transactions one after the other, or one per item (a
// migration runner applies each migration in its own transaction): each
// is a unit the author chose.
func (r *Repo) TwoUnits(ctx context.Context, moves [][2]int64) error { // want TwoUnits:"writes\\(sql fixed atomic-only\\)"
	if err := r.Transfer(ctx, 1, 2, 3); err != nil {
		return err
	}
	for _, m := range moves {
		if err := r.Transfer(ctx, m[0], m[1], 1); err != nil {
			return err
		}
	}
	return nil
}

// A script runner: the statements are whatever the script holds.
func RunScript(ctx context.Context, db *sql.DB, statements []string) error {
	for _, stmt := range statements {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

// A lock row taken and released in a defer: the release is cleanup, not a
// second write of the same change.
func (r *Repo) WithLock(ctx context.Context, name string, fn func() error) error { // want WithLock:"writes"
	if _, err := r.db.ExecContext(ctx, "INSERT INTO locks (name) VALUES ($1)", name); err != nil {
		return err
	}
	defer r.db.ExecContext(context.WithoutCancel(ctx), "DELETE FROM locks WHERE name = $1", name)
	return fn()
}

// A transaction-aware executor: it writes through the transaction the
// context carries, else through the pool. Its callers' writes may be in a
// transaction: it has no fact.
type ctxTxKey struct{}

func (r *Repo) exec(ctx context.Context, q string, args ...any) error {
	if tx, ok := ctx.Value(ctxTxKey{}).(*sql.Tx); ok {
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	}
	_, err := r.db.ExecContext(ctx, q, args...)
	return err
}

func (r *Repo) CreateTwice(ctx context.Context, id int64) error {
	if err := r.exec(ctx, "INSERT INTO a (id) VALUES ($1)", id); err != nil {
		return err
	}
	return r.exec(ctx, "INSERT INTO b (id) VALUES ($1)", id)
}
