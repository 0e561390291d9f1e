// Package evidence holds the shapes of the evidence rule: by default only
// writes that the code shows belong together are reported.
package evidence

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

type Store struct {
	db *sql.DB
}

// The id from INSERT ... RETURNING goes into the child row.
func (s *Store) CreateOrder(ctx context.Context, customer string, skus []string) error { // want CreateOrder:"writes"
	var id int64
	if err := s.db.QueryRowContext(ctx, "INSERT INTO orders (customer) VALUES ($1) RETURNING id", customer).Scan(&id); err != nil { // want `2 writes .*; the insert at line 22 uses id, produced by the insert at line 19`
		return err
	}
	_, err := s.db.ExecContext(ctx, "INSERT INTO items (order_id, sku) VALUES ($1, $2)", id, skus[0])
	return err
}

// LastInsertId feeds the link row.
func (s *Store) AddMember(ctx context.Context, name string, team int64) error { // want AddMember:"writes"
	res, err := s.db.ExecContext(ctx, "INSERT INTO users (name) VALUES (?)", name) // want `the insert at line 36 uses uid, produced by the insert at line 28`
	if err != nil {
		return err
	}
	uid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, "INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", team, uid)
	return err
}

// A cascade of deletes over one user, errors discarded: still reported.
func (s *Store) DeleteUser(ctx context.Context, uid int64) { // want DeleteUser:"writes"
	_, _ = s.db.ExecContext(ctx, "DELETE FROM applications WHERE user_id = $1", uid) // want `3 writes .*the deletes at lines 42 and 43 cascade over uid`
	_, _ = s.db.ExecContext(ctx, "DELETE FROM messages WHERE user_id = $1", uid)
	_, _ = s.db.ExecContext(ctx, "DELETE FROM users WHERE id = $1", uid)
}

// Debit and credit of one amount.
func (s *Store) Transfer(ctx context.Context, from, to int64, amount int) error { // want Transfer:"writes"
	if _, err := s.db.ExecContext(ctx, "UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, from); err != nil { // want `the updates at lines 49 and 52 change the same amount`
		return err
	}
	_, err := s.db.ExecContext(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, to)
	return err
}

// Garbage collection of expired rows: independent, idempotent deletes
// that share only the clock.
func (s *Store) CollectGarbage(ctx context.Context) error { // want CollectGarbage:"writes"
	now := time.Now()
	if _, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at < $1", now); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, "DELETE FROM reset_tokens WHERE expires_at < $1", now)
	return err
}

// Unrelated writes: a page view and a last-seen time.
func (s *Store) Visit(ctx context.Context, path string, uid int64) error { // want Visit:"writes"
	if _, err := s.db.ExecContext(ctx, "INSERT INTO page_views (path) VALUES ($1)", path); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, "UPDATE users SET last_seen = now() WHERE id = $1", uid)
	return err
}

// Find-or-create of a user, then a session token: the user row is valid
// alone and the next login finds it.
func (s *Store) Login(ctx context.Context, email, token string) error { // want Login:"writes"
	var uid int64
	err := s.db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", email).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.db.QueryRowContext(ctx, "INSERT INTO users (email) VALUES ($1) RETURNING id", email).Scan(&uid)
	}
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, "INSERT INTO sessions (user_id, token) VALUES ($1, $2)", uid, token)
	return err
}
