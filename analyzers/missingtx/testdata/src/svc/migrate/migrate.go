// Package migrate holds schema migration runners, written after mailpit's
// and DBOS's. A runner that applies a script and records its version in
// two statements is reported: if the process stops between them, the next
// start applies the script again and fails on "duplicate column", which is
// why goose and golang-migrate run both in one transaction.
package migrate

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Script struct {
	Version string
	SQL     string
}

// mailpit's shape: the bookkeeping table, then each script and its
// version, outside a transaction.
func ApplySchemas(db *sql.DB, scripts []Script) error { // want ApplySchemas:"writes"
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS schemas (version TEXT PRIMARY KEY NOT NULL)`); err != nil {
		return err
	}
	for _, s := range scripts {
		if _, err := db.Exec(s.SQL); err != nil { // want `4 or more writes on one path run outside a transaction`
			return err
		}
		if _, err := db.Exec(`INSERT INTO schemas (version) VALUES (?)`, s.Version); err != nil {
			return err
		}
	}
	return nil
}

// DBOS's online migrations must run outside a transaction (CREATE INDEX
// CONCURRENTLY refuses one), and their author made them safe to re-run:
// still two writes, for a suppression that says so.
func MigrateOnline(ctx context.Context, pool *pgxpool.Pool, schema string, scripts []Script) error { // want MigrateOnline:"writes"
	createSchema := fmt.Sprintf("CREATE SCHEMA IF NOT EXISTS %s", schema)
	if _, err := pool.Exec(ctx, createSchema); err != nil {
		return err
	}
	for _, s := range scripts {
		//resilint:ignore missingtx online migrations cannot run in a transaction; each one is safe to re-run
		if _, err := pool.Exec(ctx, s.SQL); err != nil {
			return fmt.Errorf("migration %s: %w", s.Version, err)
		}
		if _, err := pool.Exec(ctx, fmt.Sprintf("UPDATE %s.migrations SET version = $1", schema), s.Version); err != nil {
			return err
		}
	}
	return nil
}

// Start-up runs the migrations, then writes once more.
func Setup(db *sql.DB, scripts []Script) error { // want Setup:"writes"
	if err := ApplySchemas(db, scripts); err != nil { // want `2 writes on one path run outside a transaction`
		return err
	}
	_, err := db.Exec(`INSERT INTO settings (key, value) VALUES ('installed', 'true') ON CONFLICT DO NOTHING`)
	return err
}

// The admin account and its role must be created together.
func Seed(db *sql.DB, email string) error { // want Seed:"writes"
	if _, err := db.Exec(`INSERT INTO users (email) VALUES (?)`, email); err != nil { // want `2 writes on one path run outside a transaction`
		return err
	}
	_, err := db.Exec(`INSERT INTO roles (email, role) VALUES (?, 'admin')`, email)
	return err
}

func Rename(db *sql.DB, logf func(string, ...any), from, to string) error { // want Rename:"writes"
	logf("CREATE TABLE users is done by the migrations")
	if _, err := db.Exec(`UPDATE users SET email = ? WHERE email = ?`, to, from); err != nil { // want `2 writes on one path run outside a transaction`
		return err
	}
	_, err := db.Exec(`UPDATE roles SET email = ? WHERE email = ?`, to, from)
	return err
}

// A migration that leaks its transaction.
func MigrateInTx(ctx context.Context, db *sql.DB) error { // want MigrateInTx:"atomic"
	tx, err := db.BeginTx(ctx, nil) // want `transaction tx is not rolled back on every path that does not commit`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE users ADD COLUMN name text`); err != nil {
		return err
	}
	return tx.Commit()
}
