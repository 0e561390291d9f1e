// Package storage is a data layer written without contexts // want package:`contextlessLayer\(6 functions without a context, 1 with\)`
//
// It has the shape of a feed reader's: every query runs on database/sql's
// context-less methods, and the only method with a context is the one an
// external cache interface imposes. Its callers in package api are one
// finding.
package storage

import (
	"context"
	"database/sql"
)

type Storage struct{ db *sql.DB }

type User struct {
	ID   int64
	Name string
}

func (s *Storage) UserByID(id int64) (*User, error) { // want UserByID:`noContextIO\(calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	u := &User{}
	err := s.db.QueryRow(`SELECT id, name FROM users WHERE id = $1`, id).Scan(&u.ID, &u.Name)
	return u, err
}

func (s *Storage) FeedURLExists(userID int64, url string) bool { // want FeedURLExists:`noContextIO\(calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	var ok bool
	_ = s.db.QueryRow(`SELECT true FROM feeds WHERE user_id = $1 AND feed_url = $2`, userID, url).Scan(&ok)
	return ok
}

func (s *Storage) CreateFeed(userID int64, url string) error { // want CreateFeed:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)`
	_, err := s.db.Exec(`INSERT INTO feeds (user_id, feed_url) VALUES ($1, $2)`, userID, url)
	return err
}

func (s *Storage) MarkAllAsRead(userID int64) error { // want MarkAllAsRead:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)`
	_, err := s.db.Exec(`UPDATE entries SET status = 'read' WHERE user_id = $1`, userID)
	return err
}

// fetchUser is reached through UserByName: a fact of its own, found in
// the layer, not a separate root for the callers.
func (s *Storage) fetchUser(query string, arg any) (*User, error) { // want fetchUser:`noContextIO\(calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	u := &User{}
	err := s.db.QueryRow(query, arg).Scan(&u.ID, &u.Name)
	return u, err
}

func (s *Storage) UserByName(name string) (*User, error) { // want UserByName:`noContextIO\(via storage\.Storage\.fetchUser: storage\.Storage\.fetchUser calls sql\.DB\.QueryRow instead of QueryRowContext\)`
	return s.fetchUser(`SELECT id, name FROM users WHERE name = $1`, name)
}

// Get is the cache interface's method (autocert.Cache's shape): the one
// function of the layer with a context.
func (s *Storage) Get(ctx context.Context, key string) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM cache WHERE key = $1`, key).Scan(&data)
	return data, err
}
