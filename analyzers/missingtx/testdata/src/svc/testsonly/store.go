package testsonly

import (
	"context"
	"database/sql"
)

func Insert(ctx context.Context, db *sql.DB) error { // want Insert:"writes"
	_, err := db.ExecContext(ctx, "INSERT INTO a (n) VALUES (1)")
	return err
}
