package testsonly

import (
	"context"
	"database/sql"
	"testing"
)

func seed(t *testing.T, db *sql.DB) { // want seed:"writes"
	ctx := context.Background()
	if err := Insert(ctx, db); err != nil { // want `2 writes`
		t.Fatal(err)
	}
	if err := Insert(ctx, db); err != nil {
		t.Fatal(err)
	}
}
