package fix

import (
	"context"
	"database/sql"
	"net/http"
)

// Two fixes each replace one of the last two uses of context: neither
// removes the import alone; drivers that apply both remove it.
func Pay(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(context.Background(), "SELECT 1") // want `context\.Background\(\) ignores r\.Context\(\)`
}

func Refund(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(context.TODO(), "SELECT 2") // want `context\.TODO\(\) ignores r\.Context\(\)`
}
