package misses

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

// The caller's context is thrown away and a fresh root passed on.
func (r *Repo) Purge(ctx context.Context) error {
	ctx = context.Background() // want `context\.Background\(\) overwrites ctx, so its deadline and cancellation do not reach the calls after it; delete the assignment`
	_, err := r.db.ExecContext(ctx, "DELETE FROM sessions")
	return err
}

// A default for a nil context keeps the caller's when there is one.
func (r *Repo) Touch(ctx context.Context) error {
	if ctx == nil {
		ctx = context.Background()
	}
	_, err := r.db.ExecContext(ctx, "UPDATE sessions SET seen = now()")
	return err
}

// An opt-in detach: the caller asks for it.
func (r *Repo) Archive(ctx context.Context, detach bool) error {
	if detach {
		ctx = context.Background()
	}
	_, err := r.db.ExecContext(ctx, "INSERT INTO archive SELECT * FROM sessions")
	return err
}
