package testsonly

import (
	"context"
	"database/sql"
	"testing"
)

func TestSeed(t *testing.T) {
	var db *sql.DB
	if db == nil {
		t.Skip("no database")
	}
	rows, err := db.QueryContext(context.Background(), "SELECT email FROM users") // want `query returns every matching row`
	if err != nil {
		t.Fatal(err)
	}
	rows.Close()
}
