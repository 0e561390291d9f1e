// Package store belongs to "module app": a one-element module path, no
// host, no dot. Its context-less I/O is the module's own to fix.
package store

import (
	"context"
	"database/sql"
)

func Count(db *sql.DB) (n int, err error) { // want Count:`noContextIO\(passes context\.TODO\(\) to sql\.DB\.QueryRowContext\)`
	err = db.QueryRowContext(context.TODO(), "SELECT count(*) FROM users").Scan(&n)
	return n, err
}
