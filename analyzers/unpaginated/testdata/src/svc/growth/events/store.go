// Package events records what happens (a table inserted into per message
// grows with use) next to tables people configure by hand.
package events

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

type Event struct {
	ID       int64
	Campaign int64
	Open     bool
}

// Consume inserts one row per message: events grows with use.
func (s *Store) Consume(ctx context.Context, msgs <-chan Event) error {
	for m := range msgs {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO events (campaign_id) VALUES ($1)", m.Campaign); err != nil {
			return err
		}
	}
	return nil
}

// A child list of a growing table is reported, with the insert as evidence.
func (s *Store) CampaignEvents(ctx context.Context, campaign int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, campaign_id FROM events WHERE campaign_id = $1", campaign) // want `query returns every matching row \(a SELECT with no LIMIT\), and table events grows with use \(rows are inserted in a loop at store.go:21\): .*; paginate with a keyset`
}

// An open range (a sync position) with no LIMIT reads everything since.
func (s *Store) Since(ctx context.Context, after int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM events WHERE id > $1 ORDER BY id", after) // want `table events grows with use`
}

// Rows filtered in Go after a whole read: the advice is to filter in SQL.
func (s *Store) OpenEvents(ctx context.Context) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, campaign_id, open FROM events") // want `table events grows with use .*move that condition into the query's WHERE`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Campaign, &e.Open); err != nil {
			return nil, err
		}
		if !e.Open {
			continue
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// DeleteCampaign reads the ids of the rows its cascade removes, inside
// its transaction: not reported.
func (s *Store) DeleteCampaign(ctx context.Context, tx *sql.Tx, campaign int64) error {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM events WHERE campaign_id = $1", campaign)
	if err != nil {
		return err
	}
	rows.Close()
	_, err = tx.ExecContext(ctx, "DELETE FROM events WHERE campaign_id = $1", campaign)
	return err
}

// A table whose name says it records occurrences grows, even when its
// inserts are elsewhere.
func (s *Store) AuditTrail(ctx context.Context) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM audit_log") // want `table audit_log grows with use \(its name says it records occurrences\)`
}

// Deliver records one delivery per message: inserted into an occurrence
// table, it grows whether or not the insert is in a loop.
func (s *Store) Deliver(ctx context.Context, id int64) error {
	_, err := s.db.Exec("INSERT INTO deliveries (event_id) VALUES ($1)", id)
	return err
}

// The deliveries of one event are written once, with it: the children of
// an occurrence are its details, not a stream.
func (s *Store) Deliveries(ctx context.Context, event int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM deliveries WHERE event_id = $1", event)
}

// The deliveries of one webhook accumulate for as long as it exists.
func (s *Store) WebhookDeliveries(ctx context.Context, hook int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT * FROM deliveries WHERE webhook_id = $1 ORDER BY id DESC", hook) // want `table deliveries grows with use \(rows are inserted at store.go:80, one per occurrence\)`
}
