package sqlxrepo

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
}

type Store struct{ db *sqlx.DB }

func (s *Store) Register(ctx context.Context, u User) error { // want Register:"writes"
	if _, err := s.db.NamedExecContext(ctx, "INSERT INTO users (id, email) VALUES (:id, :email)", u); err != nil { // want `2 writes .*\*sqlx.DB.NamedExecContext here, \*sqlx.DB.ExecContext at line 20`
		return err
	}
	_, err := s.db.ExecContext(ctx, "INSERT INTO audit (user_id) VALUES ($1)", u.ID)
	return err
}

func (s *Store) RegisterTx(ctx context.Context, u User) error { // want RegisterTx:"atomic"
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.NamedExecContext(ctx, "INSERT INTO users (id, email) VALUES (:id, :email)", u); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO audit (user_id) VALUES ($1)", u.ID); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) Seed() { // want Seed:"writes"
	s.db.MustExec("INSERT INTO roles (name) VALUES ('admin')") // want `2 writes`
	s.db.MustExec("INSERT INTO roles (name) VALUES ('user')")
}

// A read and one write.
func (s *Store) Touch(ctx context.Context, id int64) error { // want Touch:"writes"
	var u User
	if err := s.db.GetContext(ctx, &u, "SELECT id, email FROM users WHERE id = $1", id); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, "UPDATE users SET seen_at = now() WHERE id = $1", id)
	return err
}

// Beginx without a rollback on the error path.
func (s *Store) Leak(u User) error { // want Leak:"atomic"
	tx, err := s.db.Beginx() // want `transaction tx is not rolled back on every path that does not commit \(line 61 leaves it open\)`
	if err != nil {
		return err
	}
	if _, err := tx.NamedExec("INSERT INTO users (id, email) VALUES (:id, :email)", u); err != nil {
		return err
	}
	return tx.Commit()
}
