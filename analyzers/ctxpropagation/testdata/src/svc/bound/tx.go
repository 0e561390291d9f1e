package bound

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
)

// database/sql rolls a transaction begun with ctx back when ctx is done;
// every later call on it fails.
func (s *Store) Rename(ctx context.Context, id int, name string) error {
	tx, err := s.sdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE users SET name = ? WHERE id = ?", name, id); err != nil {
		return err
	}
	return tx.Commit()
}

// A transaction begun with a fresh root is not bound to ctx.
func (s *Store) RenameDetached(ctx context.Context, id int, name string) error {
	tx, err := s.sdb.BeginTx(context.Background(), nil) // want `context\.Background\(\) ignores ctx`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("UPDATE users SET name = ? WHERE id = ?", name, id); err != nil { // want `sql\.Tx\.Exec ignores ctx`
		return err
	}
	return tx.Commit()
}

// A transaction from elsewhere: nothing says which context began it.
func (s *Store) Touch(ctx context.Context, tx *sql.Tx, id int) error {
	_, err := tx.Exec("UPDATE users SET seen = now() WHERE id = ?", id) // want `sql\.Tx\.Exec ignores ctx`
	return err
}

type DB struct{ w *sqlx.DB }

// withTx runs fn in a transaction begun with ctx.
func (d *DB) withTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := d.w.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (d *DB) Save(ctx context.Context, names []string) error {
	return d.withTx(ctx, func(tx *sqlx.Tx) error {
		st, err := tx.Preparex("INSERT INTO tags(name) VALUES (?)")
		if err != nil {
			return err
		}
		for _, n := range names {
			if _, err := st.ExecContext(ctx, n); err != nil {
				return err
			}
		}
		return nil
	})
}

// each hands fn a transaction it did not begin with ctx.
func each(tx *sqlx.Tx, fn func(*sqlx.Tx) error) error { return fn(tx) }

func (d *DB) SaveOn(ctx context.Context, tx *sqlx.Tx) error {
	return each(tx, func(tx *sqlx.Tx) error {
		_, err := tx.Preparex("INSERT INTO tags(name) VALUES (?)") // want `sqlx\.Tx\.Preparex ignores ctx`
		return err
	})
}
