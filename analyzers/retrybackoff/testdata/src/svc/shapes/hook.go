package shapes

import (
	"context"
	"errors"
	"log"
	"time"

	"example.com/svc/sleeper"
)

var errStreamClosed = errors.New("stream closed")

// A reconnecting stream keeps its backoff in a function field so that
// tests can make it instant; in production it is a helper that waits.
type stream[C any] struct {
	sleep   func(ctx context.Context, attempt int) error
	onRetry func(err error)
	open    func(ctx context.Context) (C, error)
	conn    C
}

func newStream[C any](open func(ctx context.Context) (C, error)) *stream[C] {
	return &stream[C]{
		sleep: backoffSleep,
		open:  open,
		onRetry: func(err error) {
			log.Printf("stream: reconnecting: %v", err)
		},
	}
}

func backoffSleep(ctx context.Context, attempt int) error {
	return sleeper.SleepCtx(ctx, time.Duration(1<<attempt)*100*time.Millisecond)
}

// The wait is the hook: not reported.
func (s *stream[C]) connect(ctx context.Context) error {
	var last error
	for attempt := 0; attempt < 8; attempt++ {
		if attempt > 0 {
			if err := s.sleep(ctx, attempt-1); err != nil {
				return err
			}
		}
		conn, err := s.open(ctx)
		if err == nil {
			s.conn = conn
			return nil
		}
		last = err
	}
	return errors.Join(errStreamClosed, last)
}

// A hook that only logs is no wait: reported.
func (s *stream[C]) connectNoWait(ctx context.Context) error {
	var last error
	for attempt := 0; attempt < 8; attempt++ { // want `retry loop has no wait between attempts`
		conn, err := s.open(ctx)
		if err == nil {
			s.conn = conn
			return nil
		}
		s.onRetry(err)
		last = err
	}
	return last
}

// A hook whose closure calls the hook again must not send the checker
// round in circles; it never waits, so the loop is reported.
type relay struct {
	forward func() error
}

func newRelay(send func() error) *relay {
	r := &relay{}
	r.forward = func() error {
		if err := send(); err != nil {
			return r.forward()
		}
		return nil
	}
	return r
}

func (r *relay) deliver() error {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop has no wait between attempts`
		if err = r.forward(); err == nil {
			return nil
		}
	}
	return err
}
