// Package testsonly has a retry loop only in its test file.
package testsonly

import (
	"context"
	"database/sql"
)

// Ping pings once.
func Ping(ctx context.Context, db *sql.DB) error { return db.PingContext(ctx) }
