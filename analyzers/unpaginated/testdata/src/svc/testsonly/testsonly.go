package testsonly // want package:`tables\(grows: ; written: users; keys: \)`

import (
	"context"
	"database/sql"
)

func Seed(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "INSERT INTO users (email) VALUES ('a@b.c')")
	return err
}
