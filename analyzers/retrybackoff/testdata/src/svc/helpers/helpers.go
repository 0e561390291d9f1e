// Package helpers retries through the sleeper package's helpers, which
// count as waits across packages.
package helpers

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"example.com/svc/sleeper"
)

const retryDelay = 300 * time.Millisecond

// A helper that waits a constant: rule 2.
func MigrateWithPause(ctx context.Context, db *sql.DB) error {
	for i := 0; i < 5; i++ { // want `retry loop waits the same fixed delay between attempts`
		if _, err := db.ExecContext(ctx, "SELECT pg_advisory_lock(1)"); err == nil {
			return nil
		}
		sleeper.Pause()
	}
	return errors.New("could not lock")
}

// The duration handed to the helper is constant: rule 2.
func ConnectConstant(ctx context.Context, db *sql.DB) error {
	for { // want `retry loop waits the same fixed delay between attempts`
		err := db.PingContext(ctx)
		if err == nil {
			return nil
		}
		if err := sleeper.SleepCtx(ctx, retryDelay); err != nil {
			return err
		}
	}
}

// The duration doubles: fine.
func ConnectGrowing(ctx context.Context, db *sql.DB) error {
	d := 100 * time.Millisecond
	for {
		err := db.PingContext(ctx)
		if err == nil {
			return nil
		}
		if err := sleeper.SleepCtx(ctx, d); err != nil {
			return err
		}
		d *= 2
	}
}

// A helper that computes its own delay from the attempt: fine.
func ConnectHelper(ctx context.Context, db *sql.DB) error {
	var err error
	for attempt := range 5 {
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		sleeper.Backoff(attempt)
	}
	return err
}

// A loop whose helper only loops is not waiting.
func ConnectEvery(ctx context.Context, db *sql.DB) error {
	var err error
	for range 3 { // want `retry loop has no wait between attempts`
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		go sleeper.Every(time.Second, func() {})
	}
	return err
}

// A helper of the same package, declared after its use.
func Enqueue(ctx context.Context, db *sql.DB, job string) error {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop waits the same fixed delay`
		if _, err = db.ExecContext(ctx, "INSERT INTO jobs VALUES ($1)", job); err == nil {
			return nil
		}
		nap(ctx, 200*time.Millisecond)
	}
	return err
}

// nap is unexported: judged when a loop calls it, never exported as a fact.
func nap(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
