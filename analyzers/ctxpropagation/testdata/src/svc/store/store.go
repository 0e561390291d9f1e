// Package store is a repository package whose functions other packages
// call: some take a context, some drop it.
package store

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

type User struct {
	ID   int64
	Name string
}

// Store is a repository over database/sql.
type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

// UserByID takes a context: calling it is fine.
func (s *Store) UserByID(ctx context.Context, id int64) (*User, error) {
	u := &User{}
	err := s.db.QueryRowContext(ctx, "SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	return u, err
}

// LoadUser has no context and passes context.Background() to the query:
// it exports the fact.
func (s *Store) LoadUser(id int64) (*User, error) { // want LoadUser:`noContextIO\(passes context\.Background\(\) to sql\.DB\.QueryRowContext\)` `store\.Store\.LoadUser does its I/O without a context \(it passes context\.Background\(\) to sql\.DB\.QueryRowContext\) and is called from 1 call site that has a context in scope \(store\.go:123, with ctx\), whose deadline and cancellation do not reach it; add a ctx parameter to it and pass each caller's context`
	u := &User{}
	err := s.db.QueryRowContext(context.Background(), "SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	return u, err
}

// CountUsers uses a local derived from context.Background(), with no
// deadline: the query can hang for as long as the database does.
func (s *Store) CountUsers() (int, error) { // want CountUsers:`noContextIO\(passes a context from context\.Background\(\) to sql\.DB\.QueryRowContext\)`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// Rename calls a twinned non-context API.
func (s *Store) Rename(id int64, name string) error { // want Rename:`noContextIO\(calls sql\.DB\.Exec instead of ExecContext\)`
	_, err := s.db.Exec("UPDATE users SET name = $1 WHERE id = $2", name, id)
	return err
}

// loadAll is unexported; LoadAll reaches it: the fact is transitive.
func (s *Store) loadAll() ([]User, error) { // want loadAll:`noContextIO\(calls sql\.DB\.Query instead of QueryContext\)`
	rows, err := s.db.Query("SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func (s *Store) LoadAll() ([]User, error) { return s.loadAll() } // want LoadAll:`noContextIO\(via store\.Store\.loadAll: store\.Store\.loadAll calls sql\.DB\.Query instead of QueryContext\)`

// Close is cleanup: it must work after any request is gone, so it is not
// said to drop a context.
func (s *Store) Close() error {
	_, _ = s.db.ExecContext(context.Background(), "SELECT pg_advisory_unlock_all()")
	return s.db.Close()
}

// Validate does no I/O.
func Validate(u *User) bool { return u.Name != "" }

// Cache is an in-house client with generic twins.
type Cache struct {
	addr string
}

func (c *Cache) Get(key string) (string, error) { // want Get:`noContextIO\(passes context\.Background\(\) to store\.Cache\.GetContext\)`
	return c.GetContext(context.Background(), key)
}

func (c *Cache) GetContext(ctx context.Context, key string) (string, error) {
	_ = ctx
	return c.addr + key, nil
}

func (c *Cache) Set(key, value string, ttl time.Duration) error { return nil }

func (c *Cache) SetWithContext(ctx context.Context, key, value string, ttl time.Duration) error {
	return nil
}

// Delete's "twin" returns something else: not a twin.
func (c *Cache) Delete(key string) error { return nil }

func (c *Cache) DeleteCtx(ctx context.Context, key string) (int, error) { return 0, nil }

// Ping's "twin" takes other parameters: not a twin.
func (c *Cache) Ping() error { return nil }

func (c *Cache) PingContext(ctx context.Context, timeout time.Duration) error { return nil }

// Fetch is a package-level function with a twin.
func Fetch(url string) ([]byte, error) { return FetchCtx(context.Background(), url) } // want Fetch:`noContextIO\(passes context\.Background\(\) to store\.FetchCtx\)`

func FetchCtx(ctx context.Context, url string) ([]byte, error) { return nil, nil }

// Refresh has a context but calls the context-less LoadUser of its own
// package.
func (s *Store) Refresh(ctx context.Context, id int64) error {
	_, err := s.LoadUser(id) // reported at the declaration
	return err
}

// CountAdmins bounds its own query with a timeout: it cannot hang for a
// caller that has gone, so it carries no fact (gitea's configuration
// loaders look up DNS this way).
func (s *Store) CountAdmins() (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE admin").Scan(&n)
	return n, err
}

// newRequest builds a request and returns it: it does no I/O, and its
// callers attach their context before sending (a request builder).
func newRequest(method, url string) (*http.Request, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// NewReport builds a request too, returning it directly.
func NewReport(url string) (*http.Request, error) {
	return http.NewRequest(http.MethodPost, url, nil)
}

// Send sends a built request with the caller's context.
func Send(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := newRequest(http.MethodGet, url)
	if err != nil {
		return nil, err
	}
	return c.Do(req.WithContext(ctx))
}
