package testsonly

import (
	"context"
	"database/sql"
	"testing"
	"time"
)

func waitForDB(t *testing.T, db *sql.DB) {
	for i := 0; i < 30; i++ { // want `retry loop waits the same fixed delay`
		if err := Ping(context.Background(), db); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("database never came up")
}

func TestPing(t *testing.T) { _ = waitForDB }
