package ignore

import (
	"context"
	"database/sql"
)

func Export(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	//resilint:ignore unpaginated the nightly export streams every row to a file on purpose
	return db.QueryContext(ctx, "SELECT * FROM orders")
}

func Admin(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	return db.QueryContext(ctx, "SELECT * FROM admins") //nolint:resilint // three rows
}

func Other(ctx context.Context, db *sql.DB) (*sql.Rows, error) {
	//resilint:ignore httptimeout wrong analyzer
	return db.QueryContext(ctx, "SELECT * FROM orders") // want `query returns every matching row`
}
