package feed // want package:`tables\(grows: entries; written: entries; keys: \)`

// feed serves a sync API over a table that grows per message: open
// ranges and limits a caller can switch off.

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

type Store struct{ db *sql.DB }

// Ingest inserts one entry per message: entries grows with use.
func (s *Store) Ingest(ctx context.Context, msgs <-chan string) error {
	for m := range msgs {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO entries (body) VALUES ($1)", m); err != nil {
			return err
		}
	}
	return nil
}

// A sync position with no LIMIT reads everything after it.
func (s *Store) After(ctx context.Context, cursor int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, body FROM entries WHERE id > $1 ORDER BY id", cursor) // want `query returns every matching row \(a SELECT with no LIMIT\), and table entries grows with use`
}

// A since-timestamp from the client: an old one returns the whole table.
func (s *Store) ChangedSince(ctx context.Context, since time.Time) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, body FROM entries WHERE updated_at >= ?", since) // want `table entries grows with use`
}

// A closed window the caller chose (a chart's span) is not reported by
// default.
func (s *Store) Between(ctx context.Context, from, to time.Time) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM entries WHERE created_at BETWEEN $1 AND $2", from, to)
}

func (s *Store) Window(ctx context.Context, from, to time.Time) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM entries WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at", from, to)
}

// A range next to an equality on a unique column reads one row.
func (s *Store) Fresh(ctx context.Context, id int64, since time.Time) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM entries WHERE id = $1 AND updated_at > $2", id, since)
}

// LIMIT NULLIF($2, 0) is no limit when the page size is 0.
func (s *Store) Page(ctx context.Context, after int64, size int) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM entries WHERE id > $1 ORDER BY id LIMIT NULLIF($2, 0)", after, size) // want `query returns every matching row when its limit is switched off \(LIMIT NULLIF\(\$2, 0\)\), and table entries grows`
}

func (s *Store) PageCase(ctx context.Context, size int) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM entries ORDER BY id DESC LIMIT (CASE WHEN $1 < 1 THEN NULL ELSE $1 END)", size) // want `when its limit is switched off \(LIMIT \(CASE WHEN \$1 < 1 THEN NULL ELSE \$1 END\)\)`
}

// A plain LIMIT $1 bounds the read.
func (s *Store) PageFixed(ctx context.Context, size int) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM entries ORDER BY id DESC LIMIT $1", size)
}

// ListOptions is a repository's paging: Limit 0 means everything.
type ListOptions struct {
	Author string
	Limit  int
}

// List builds its SQL at run time and adds the LIMIT only when asked: a
// caller in another package that leaves Limit zero reads every entry.
func (s *Store) List(ctx context.Context, opts ListOptions) (*sql.Rows, error) {
	q := "SELECT id, body FROM entries"
	var args []any
	if opts.Author != "" {
		q += " WHERE author = ?"
		args = append(args, opts.Author)
	}
	q += " ORDER BY id DESC"
	if opts.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, opts.Limit)
	}
	return s.db.QueryContext(ctx, q, args...) // want `when its limit is switched off \(the LIMIT is added only when opts.Limit > 0\), and table entries grows`
}

// Every caller of recent passes a constant page size: the switch is on.
func (s *Store) recent(ctx context.Context, n int) (*sql.Rows, error) {
	q := "SELECT id FROM entries ORDER BY id DESC"
	if n > 0 {
		q += fmt.Sprintf(" LIMIT %d", n)
	}
	return s.db.QueryContext(ctx, q)
}

func (s *Store) Latest(ctx context.Context) (*sql.Rows, error) { return s.recent(ctx, 20) }
func (s *Store) Top(ctx context.Context) (*sql.Rows, error)    { return s.recent(ctx, 5) }

// A caller of older passes 0: the read is unbounded there.
func (s *Store) older(ctx context.Context, n int) (*sql.Rows, error) {
	q := "SELECT id FROM entries ORDER BY id"
	if n != 0 {
		q = q + " LIMIT " + fmt.Sprint(n)
	}
	return s.db.QueryContext(ctx, q) // want `the LIMIT is added only when n != 0`
}

func (s *Store) Archive(ctx context.Context) (*sql.Rows, error) { return s.older(ctx, 0) }

// An unconditional LIMIT appended at run time bounds the read.
func (s *Store) Bounded(ctx context.Context, author string) (*sql.Rows, error) {
	q := "SELECT id FROM entries"
	if author != "" {
		q += " WHERE author = ?"
	}
	q += " LIMIT 100"
	return s.db.QueryContext(ctx, q, author)
}

// Settings has no growth evidence: an open range over it is reported only
// with -strict.
func (s *Store) SettingsSince(ctx context.Context, v int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT key, value FROM settings WHERE version > $1", v)
}
