// Package jitter is checked with -require-jitter.
package jitter

import (
	"context"
	"database/sql"
	"math/rand"
	"time"
)

// Exponential with no jitter: rule 4.
func Ping(ctx context.Context, db *sql.DB) error {
	d := 100 * time.Millisecond
	var err error
	for range 5 { // want `retry loop grows its delay without jitter`
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(d)
		d *= 2
	}
	return err
}

// Linear with no jitter: rule 4 as well.
func Exec(ctx context.Context, db *sql.DB, q string) error {
	var err error
	for i := 1; i <= 5; i++ { // want `retry loop grows its delay without jitter`
		if _, err = db.ExecContext(ctx, q); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return err
}

// Jittered: fine.
func PingJittered(ctx context.Context, db *sql.DB) error {
	d := 100 * time.Millisecond
	var err error
	for range 5 {
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(d + time.Duration(rand.Int63n(int64(d))))
		d *= 2
	}
	return err
}

// Jitter added to the accumulator: fine.
func PingJitteredAcc(ctx context.Context, db *sql.DB) error {
	d := 100 * time.Millisecond
	var err error
	for range 5 {
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(d)
		d = d*2 + time.Duration(rand.Int63n(int64(50*time.Millisecond)))
	}
	return err
}

// A delay from a helper the checker cannot see through: trusted.
func PingHelper(ctx context.Context, db *sql.DB, next func(int) time.Duration) error {
	var err error
	for i := range 5 {
		if err = db.PingContext(ctx); err == nil {
			return nil
		}
		time.Sleep(next(i))
	}
	return err
}
