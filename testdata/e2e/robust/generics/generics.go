// Package generics exercises the analyzers on generic code: type
// parameters in receivers, instantiated calls, constraints.
package generics

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
	"time"
)

// Repo is a generic repository.
type Repo[T any] struct {
	db    *sql.DB
	table string
	scan  func(*sql.Rows) (T, error)
}

// All loads every row.
func (r *Repo[T]) All(ctx context.Context) ([]T, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT * FROM items")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := r.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Save writes twice.
func (r *Repo[T]) Save(ctx context.Context, id int64, v T) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if _, err := r.db.ExecContext(ctx, "UPDATE items SET body = $1 WHERE id = $2", b, id); err != nil {
		return err
	}
	_, err = r.db.ExecContext(ctx, "INSERT INTO audit (item_id) VALUES ($1)", id)
	return err
}

// GetJSON decodes a JSON document into a T.
func GetJSON[T any](ctx context.Context, c *http.Client, u string) (T, error) {
	var zero T
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return zero, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return zero, err
	}
	defer resp.Body.Close()
	var v T
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

// Retry calls f until it succeeds, doubling the wait.
func Retry[T any](ctx context.Context, attempts int, f func(context.Context) (T, error)) (T, error) {
	var zero T
	wait := 100 * time.Millisecond
	var err error
	for i := 0; i < attempts; i++ {
		var v T
		if v, err = f(ctx); err == nil {
			return v, nil
		}
		select {
		case <-ctx.Done():
			return zero, ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
	return zero, errors.Join(errors.New("retries exhausted"), err)
}

// Number is a constraint.
type Number interface{ ~int | ~int64 | ~float64 }

// Sum adds numbers.
func Sum[N Number](xs ...N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

// Client wraps any HTTP doer.
type Client[D interface {
	Do(*http.Request) (*http.Response, error)
}] struct{ doer D }

// Ping sends a request through the doer.
func (c Client[D]) Ping(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodHead, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.doer.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
