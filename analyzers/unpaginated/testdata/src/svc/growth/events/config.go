package events // want package:`tables\(grows: deliveries devices events probes; written: deliveries devices events headers monitors probes profiles webhooks; keys: devices\)`

import (
	"context"
	"database/sql"
	"errors"
)

// Webhooks are configured by an administrator, one at a time: the table
// stays the size people make it, and reading it whole is its job.
func (s *Store) CreateWebhook(ctx context.Context, url string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO webhooks (url) VALUES ($1)", url)
	return err
}

func (s *Store) Webhooks(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, url FROM webhooks")
}

type Profile struct {
	ID      int64
	Headers []Header
}

type Header struct{ Key, Value string }

// SaveProfile stores a sending profile and its few headers: a loop over
// the children of the value it saves is not a stream of rows.
func (s *Store) SaveProfile(ctx context.Context, p Profile) error {
	if err := s.insertProfile(ctx, p); err != nil {
		return err
	}
	for _, h := range p.Headers {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO headers (profile_id, key, value) VALUES ($1, $2, $3)", p.ID, h.Key, h.Value); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) insertProfile(ctx context.Context, p Profile) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO profiles (id) VALUES ($1)", p.ID)
	return err
}

// A child list selected by its parent's id, of a table with no growth
// evidence: not reported.
func (s *Store) Headers(ctx context.Context, profile int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT key, value FROM headers WHERE profile_id = $1", profile)
}

// probe inserts one row; Probes calls it in a loop, so probes grows.
func (s *Store) probe(ctx context.Context, host string) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO probes (host) VALUES ($1)", host)
	return err
}

func (s *Store) Pings(ctx context.Context, hosts []string) error {
	for _, h := range hosts {
		if err := s.probe(ctx, h); err != nil {
			return err
		}
	}
	return nil
}

// Every failed probe, of every host: a whole-table filter on a growing table.
func (s *Store) FailedProbes(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM probes WHERE failed") // want `table probes grows with use \(rows are inserted at config.go:54, called in a loop at config.go:60\)`
}

// The probes of one host: the table grows by adding hosts in a loop, which
// says nothing about how many rows one host has (a chain's tasks, a chat's
// members). Only -strict reports it.
func (s *Store) ProbesOf(ctx context.Context, host string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM probes WHERE host = $1", host)
}

var errNotFound = errors.New("not found")

// A get-or-create in a loop adds a row per new key, not per round: the
// loop is no evidence that monitors grows.
func (s *Store) Record(ctx context.Context, names []string) error {
	for _, n := range names {
		if err := s.monitor(ctx, n); errors.Is(err, errNotFound) {
			if _, err := s.db.ExecContext(ctx, "INSERT INTO monitors (name) VALUES ($1)", n); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Store) monitor(ctx context.Context, name string) error { return errNotFound }

func (s *Store) Monitors(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM monitors")
}
