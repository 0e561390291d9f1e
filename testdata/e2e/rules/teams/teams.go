// Package teams creates a team and makes its creator the owner: two
// inserts linked by the new team's id, outside a transaction.
package teams

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func (s *Store) CreateTeam(ctx context.Context, name string, ownerID int64) (int64, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `INSERT INTO teams (name) VALUES ($1) RETURNING id`, name).Scan(&id); err != nil {
		return 0, err
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO memberships (team_id, user_id, role) VALUES ($1, $2, 'owner')`, id, ownerID); err != nil {
		return 0, err
	}
	return id, nil
}
