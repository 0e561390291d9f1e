package fix

import (
	"context"
	"database/sql"
	"net/http"
)

// The only use of context is replaced: the fix removes the import.
func Order(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(context.Background(), "SELECT 1") // want `context\.Background\(\) ignores r\.Context\(\)`
}
