package testsonly

import (
	"context"
	"database/sql"
)

func Seed(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "INSERT INTO users (email) VALUES ('a@b.c')")
	return err
}
