package background

import (
	"context"
	"time"
)

type Job struct{ ID int64 }

// Worker is shaped like gue's: with graceful shutdown on, a job that has
// started runs to its end even when the worker's context is cancelled.
type Worker struct {
	graceful    bool
	gracefulCtx func() context.Context
	interval    time.Duration
	work        func(context.Context, Job) error
	next        func(context.Context) (Job, bool)
}

func (w *Worker) Run(ctx context.Context) {
	for {
		handlerCtx := ctx
		if w.graceful {
			if w.gracefulCtx == nil {
				handlerCtx = context.Background() // chosen over ctx: the job must not be cut off
			} else {
				handlerCtx = w.gracefulCtx()
			}
		}
		if j, ok := w.next(ctx); ok {
			_ = w.work(handlerCtx, j)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(w.interval):
		}
	}
}

// A fresh root in a local that never held the context in scope is a
// dropped context.
func (w *Worker) RunOnce(ctx context.Context) error {
	jobCtx := context.Background() // want `context\.Background\(\) ignores ctx, which is in scope`
	if j, ok := w.next(ctx); ok {
		return w.work(jobCtx, j)
	}
	return nil
}
