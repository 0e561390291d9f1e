package events

import (
	"context"
	"database/sql"
)

// Register inserts devices in bulk: devices grows.
func (s *Store) Register(ctx context.Context, macs []string) error {
	for _, m := range macs {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO devices (mac) VALUES ($1)", m); err != nil {
			return err
		}
	}
	return nil
}

// Lookups by a unique key the schema declares read one row per value.
func (s *Store) ByMACs(ctx context.Context, macs []string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, mac FROM devices WHERE mac = ANY($1)", macs)
}

func (s *Store) ByKind(ctx context.Context, kind string, app int64) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM devices WHERE kind = $1 AND application_id = $2", kind, app)
}

// Half of the (kind, application_id) key bounds nothing.
func (s *Store) OfKind(ctx context.Context, kind string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id FROM devices WHERE kind = $1", kind) // want `table devices grows with use`
}
