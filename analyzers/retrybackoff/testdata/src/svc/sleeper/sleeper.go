// Package sleeper holds a service's in-house wait helpers.
package sleeper

import (
	"context"
	"time"
)

// SleepCtx waits d, or until ctx is done.
func SleepCtx(ctx context.Context, d time.Duration) error { // want SleepCtx:"waits\\(param 1\\)"
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Pause waits a fixed quarter second.
func Pause() { // want Pause:"waits\\(constant 250ms\\)"
	time.Sleep(250 * time.Millisecond)
}

// Backoff waits longer after each attempt.
func Backoff(attempt int) { // want Backoff:"waits"
	time.Sleep(time.Duration(attempt*attempt) * 100 * time.Millisecond)
}

// Every is not a wait helper: it loops.
func Every(d time.Duration, f func()) {
	for {
		f()
		time.Sleep(d)
	}
}
