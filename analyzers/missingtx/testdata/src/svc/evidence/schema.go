package evidence

import (
	"context"
	"database/sql"
	"log"
)

// Schema text kept in a var, starting with comments, with seed rows
// inserted re-runnably: a schema step, not a data write.
var schema = `-- tables
CREATE TABLE IF NOT EXISTS users (id serial PRIMARY KEY, email text);
DO $$ BEGIN CREATE TYPE role AS ENUM ('admin', 'user'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
INSERT INTO settings (k, v) VALUES ('version', '1') ON CONFLICT DO NOTHING;`

// Install loads the schema, then records the version.
func Install(ctx context.Context, db *sql.DB, version int) error { // want Install:"writes"
	if _, err := db.ExecContext(ctx, "DO $$ BEGIN PERFORM 1; END $$"); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, "UPDATE settings SET v = $1 WHERE k = 'version'", version)
	return err
}

// A script whose statements are not all re-runnable is a write: with the
// rows of Install's script the strict setting reports it.
func Seed(ctx context.Context, db *sql.DB, uid int64) error { // want Seed:"writes"
	if _, err := db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS t (id int); INSERT INTO t (id) VALUES ($1)", uid); err != nil { // want `2 writes .*uid flows into`
		return err
	}
	_, err := db.ExecContext(ctx, "INSERT INTO audit (user_id) VALUES ($1) ON CONFLICT DO NOTHING", uid)
	return err
}

// BEGIN IMMEDIATE ... COMMIT on a pinned connection, SQLite's idiom: the
// writes between them are in a transaction.
func Move(ctx context.Context, db *sql.DB, id, folder int64) error { // want Move:"atomic"
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "DELETE FROM placements WHERE item_id = ?", id); err != nil {
		conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO placements (item_id, folder_id) VALUES (?, ?)", id, folder); err != nil {
		conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// The same writes on a pinned connection without BEGIN are reported.
func MoveNoTx(ctx context.Context, db *sql.DB, id, folder int64) error { // want MoveNoTx:"writes"
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "DELETE FROM placements WHERE item_id = ?", id); err != nil { // want `2 writes .*id flows into the delete at line 68 and the insert at line 71`
		return err
	}
	_, err = conn.ExecContext(ctx, "INSERT INTO placements (item_id, folder_id) VALUES (?, ?)", id, folder)
	return err
}

// A batch writer: a transaction begun when none is open and committed
// every 100 rows, tracked by a nil check. It cannot leak.
func Import(ctx context.Context, db *sql.DB, rows [][2]int64) error { // want Import:"atomic"
	var tx *sql.Tx
	var err error
	for i, r := range rows {
		if tx == nil {
			if tx, err = db.BeginTx(ctx, nil); err != nil {
				return err
			}
		}
		if _, err = tx.ExecContext(ctx, "INSERT INTO points (a, b) VALUES ($1, $2)", r[0], r[1]); err != nil {
			tx.Rollback()
			return err
		}
		if i%100 == 99 {
			if err = tx.Commit(); err != nil {
				return err
			}
			tx = nil
		}
	}
	if tx != nil {
		return tx.Commit()
	}
	return nil
}

// A transaction begun per row and left open on an error path leaks.
func ImportLeaky(ctx context.Context, db *sql.DB, rows []int64) error { // want ImportLeaky:"atomic"
	for _, r := range rows {
		tx, err := db.BeginTx(ctx, nil) // want `transaction tx is not rolled back`
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO points (a) VALUES ($1)", r); err != nil {
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// The commit error is only logged in a deferred closure: the function
// returns nil after a failed commit.
func RenameItem(ctx context.Context, db *sql.DB, id int64, name string) error { // want RenameItem:"atomic"
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err := tx.Commit(); err != nil { // want `the error of Commit is only logged in a deferred closure`
			log.Printf("commit: %v", err)
		}
	}()
	_, err = tx.ExecContext(ctx, "UPDATE items SET name = $1 WHERE id = $2", name, id)
	return err
}

// The deferred closure hands the commit error to the named result.
func RenameItemChecked(ctx context.Context, db *sql.DB, id int64, name string) (err error) { // want RenameItemChecked:"atomic"
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := tx.Commit(); cerr != nil {
			log.Printf("commit: %v", cerr)
			err = cerr
		}
	}()
	_, err = tx.ExecContext(ctx, "UPDATE items SET name = $1 WHERE id = $2", name, id)
	return err
}
