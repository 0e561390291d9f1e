package hygiene

import (
	"context"
	"database/sql"
	"errors"
)

type Store struct{ db *sql.DB }

// Leaked when the second statement fails.
func (s *Store) Leak(ctx context.Context) error { // want Leak:"atomic"
	tx, err := s.db.BeginTx(ctx, nil) // want `transaction tx is not rolled back on every path that does not commit \(line 22 leaves it open\).*defer tx.Rollback\(\)`
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE a SET n = n + 1"); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE b SET n = n + 1"); err != nil {
		return err
	}
	return tx.Commit()
}

// The error variable is reused after Begin: its test is not the Begin's.
func (s *Store) LeakReused(ctx context.Context) (err error) { // want LeakReused:"atomic"
	var tx *sql.Tx
	tx, err = s.db.BeginTx(ctx, nil) // want `transaction tx is not rolled back`
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE a SET n = n + 1")
	if err != nil {
		return err
	}
	return tx.Commit()
}

// A deferred closure that rolls back on error.
func (s *Store) DeferredClosure(ctx context.Context) (err error) { // want DeferredClosure:"atomic"
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, "UPDATE a SET n = n + 1"); err != nil {
		return err
	}
	return tx.Commit()
}

// A helper of this package rolls back.
func rollback(tx *sql.Tx, err error) error {
	if rerr := tx.Rollback(); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

func (s *Store) WithHelper(ctx context.Context) error { // want WithHelper:"atomic"
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE a SET n = n + 1"); err != nil {
		return rollback(tx, err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE b SET n = n + 1"); err != nil {
		rollback(tx, err)
		return err
	}
	return tx.Commit()
}

// The transaction is handed to the caller.
func (s *Store) Begin(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return tx, nil
}

// Commits whose error is lost.
func (s *Store) DeferCommit(ctx context.Context) error { // want DeferCommit:"atomic"
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Commit() // want `defer Commit discards the commit error`
	_, err = tx.ExecContext(ctx, "UPDATE a SET n = n + 1")
	return err
}

func (s *Store) BlankCommit(ctx context.Context) error { // want BlankCommit:"atomic"
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE a SET n = n + 1"); err != nil {
		return err
	}
	_ = tx.Commit() // want `the error of Commit is assigned to _`
	return nil
}

// Suppressed with a reason.
func (s *Store) Ignored(ctx context.Context) { // want Ignored:"writes"
	s.db.ExecContext(ctx, "UPDATE a SET n = n + 1") //resilint:ignore missingtx counters are best effort
	s.db.ExecContext(ctx, "UPDATE b SET n = n + 1")
}
