package recent // want package:`tables\(grows: sales spam_users user_notifications; written: housekeeper_tasks sales spam_users user_notifications; keys: \)`

// This package holds reads whose size the code bounds without a LIMIT:
// a period taken from the clock, only the first row, one row per value,
// and upserts that look like inserts in a loop.

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

const notificationDays = 30

type Store struct {
	db   *sql.DB
	pool *pgxpool.Pool
}

// Notify records a notification per event: user_notifications grows.
func (s *Store) Notify(ctx context.Context, to, from int64) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO user_notifications (touser, fromuser) VALUES (?, ?)", to, from)
	return err
}

// The last month of one user's notifications: the period is taken from
// the clock, so the rows are those of thirty days, not of the table's life.
func (s *Store) Recent(ctx context.Context, me int64) (*sql.Rows, error) {
	start := time.Now().AddDate(0, 0, -notificationDays).Format("2006-01-02")
	return s.db.QueryContext(ctx, "SELECT * FROM user_notifications WHERE touser = ? AND timestamp >= ? ORDER BY id DESC", me, start)
}

// The same period written in SQL.
func (s *Store) RecentSQL(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM user_notifications WHERE timestamp > NOW() - INTERVAL 1 DAY")
}

// A since the client sends is a cursor it chooses: an old one returns
// every notification ever written.
func (s *Store) Since(ctx context.Context, r *http.Request) (*sql.Rows, error) {
	since := r.URL.Query().Get("since")
	return s.db.QueryContext(ctx, "SELECT * FROM user_notifications WHERE timestamp >= ?", since) // want `table user_notifications grows with use`
}

// A period whose length the caller chooses is not a recent period.
func (s *Store) LastDays(ctx context.Context, days int) (*sql.Rows, error) {
	start := time.Now().AddDate(0, 0, -days)
	return s.db.QueryContext(ctx, "SELECT * FROM user_notifications WHERE timestamp >= ?", start) // want `table user_notifications grows with use`
}

// Everything due by now: a queue's backlog, as large as the backlog gets.
func (s *Store) Due(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM user_notifications WHERE send_at <= ?", time.Now()) // want `table user_notifications grows with use`
}

// Only the first row is read: the newest notification.
func (s *Store) Newest(ctx context.Context, me int64) (int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM user_notifications WHERE touser = ? ORDER BY id DESC", me)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var id int64
	if rows.Next() {
		err = rows.Scan(&id)
	}
	return id, err
}

func (s *Store) NewestPgx(ctx context.Context, kind string) (int64, error) {
	rows, err := s.pool.Query(ctx, "SELECT id FROM user_notifications WHERE kind = $1 ORDER BY id DESC", kind)
	if err != nil {
		return 0, err
	}
	return pgx.CollectOneRow(rows, pgx.RowTo[int64])
}

// Every row is read when Next is looped over.
func (s *Store) AllOfKind(ctx context.Context, kind string) ([]int64, error) {
	rows, err := s.pool.Query(ctx, "SELECT id FROM user_notifications WHERE kind = $1", kind) // want `table user_notifications grows with use`
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// One row per sender: how many senders there are is not in the text.
func (s *Store) Senders(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT DISTINCT fromuser FROM user_notifications")
}

// SyncTasks registers the housekeeping tasks the binary knows, one row
// per task key: an upsert in a loop keeps a set, it does not grow one.
func (s *Store) SyncTasks(ctx context.Context, keys []string) error {
	for _, k := range keys {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO housekeeper_tasks (task_key) VALUES (?) ON DUPLICATE KEY UPDATE task_key = VALUES(task_key)", k); err != nil {
			return err
		}
	}
	return nil
}

// Every registered task, read by the scheduler.
func (s *Store) Tasks(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT task_key FROM housekeeper_tasks WHERE enabled = 1")
}

const collectionSpammer = "Spammer"

// Flag records a user in a spam collection, for each reported message.
func (s *Store) Flag(ctx context.Context, users []int64, collection string) error {
	for _, u := range users {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO spam_users (userid, collection) VALUES (?, ?)", u, collection); err != nil {
			return err
		}
	}
	return nil
}

// The users of one collection the caller names: a parent's rows, in a
// table that grows by adding users in a loop. Not reported.
func (s *Store) InCollection(ctx context.Context, collection string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT userid FROM spam_users WHERE collection = ?", collection)
}

// Every confirmed spammer: the code passes a constant, so the filter is a
// category of the whole table, not a parent the caller picks.
func (s *Store) Spammers(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT userid FROM spam_users WHERE collection = ?", collectionSpammer) // want `table spam_users grows with use \(rows are inserted in a loop at recent.go:\d+\)`
}

// Sell records an order's lines: one row per sku, in a loop over the
// order's items. Each order adds a row to each sku it sells.
func (s *Store) Sell(ctx context.Context, order int64, skus []string) error {
	for _, sku := range skus {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO sales (order_id, sku) VALUES (?, ?)", order, sku); err != nil {
			return err
		}
	}
	return nil
}

// The sales of one sku accumulate with every order: reported.
func (s *Store) SalesOf(ctx context.Context, sku string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT order_id FROM sales WHERE sku = ?", sku) // want `table sales grows with use \(rows are inserted in a loop`
}

// The lines of one order were written together, in one call: not reported.
func (s *Store) LinesOf(ctx context.Context, order int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT sku FROM sales WHERE order_id = ?", order)
}
