// Package rules holds retry loops that must be reported.
package rules

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// Rule 1: no wait between attempts.

// FetchProfile retries an HTTP call three times back to back.
func FetchProfile(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ { // want `^retry loop has no wait between attempts: clients that fail together retry in lockstep and hammer the dependency while it recovers; back off exponentially with jitter and a cap, stop when the context is done, or use a backoff library such as github.com/cenkalti/backoff$`
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		return resp, nil
	}
	return nil, fmt.Errorf("fetch profile: %w", lastErr)
}

// Publisher publishes messages to a queue.
type Publisher interface {
	Publish(ctx context.Context, topic string, body []byte) error
}

// OrderEvents publishes order events.
type OrderEvents struct {
	pub        Publisher
	maxRetries int
	retryDelay time.Duration
}

// PublishCreated retries the publish as many times as configured, at once.
func (e *OrderEvents) PublishCreated(ctx context.Context, body []byte) error {
	var err error
	for i := range e.maxRetries { // want `retry loop has no wait between attempts:`
		if err = e.pub.Publish(ctx, "orders.created", body); err == nil {
			return nil
		}
		log.Printf("publish attempt %d failed: %v", i, err)
	}
	return err
}

// Rule 2: a short constant wait. Fixed delays of -min-fixed-delay (1s)
// or more, and delays read from configuration, are in ../strict.

const publishPause = 200 * time.Millisecond

// PublishUpdated waits a short constant between publishes.
func (e *OrderEvents) PublishUpdated(ctx context.Context, body []byte) error {
	var err error
	for i := 0; i < e.maxRetries; i++ { // want `retry loop waits the same fixed delay between attempts: clients`
		err = e.pub.Publish(ctx, "orders.updated", body)
		if err == nil {
			break
		}
		time.Sleep(publishPause)
	}
	return err
}

// redialDelay is set once, here, and never changed.
var redialDelay = 100 * time.Millisecond

// OpenDB pings the database with a fixed pause, stopping on cancellation.
func OpenDB(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	for { // want `retry loop waits the same fixed delay between attempts:`
		err := db.PingContext(ctx)
		if err == nil {
			return db, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(redialDelay):
		}
	}
}

// PingWithTimer waits on a timer created for a constant time.
func PingWithTimer(ctx context.Context, db *sql.DB) error {
	for attempt := 1; attempt <= 5; attempt++ { // want `retry loop waits the same fixed delay between attempts:`
		if err := db.PingContext(ctx); err == nil {
			return nil
		}
		t := time.NewTimer(500 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
	return errors.New("database unreachable")
}

// delay is a local, given once, that the loop never changes.
func sendReport(ctx context.Context, c *http.Client, req *http.Request) error {
	delay := 250 * time.Millisecond
	var lastErr error
	for n := 0; n < 4; n++ { // want `retry loop waits the same fixed delay between attempts:`
		resp, err := c.Do(req.Clone(ctx))
		if err == nil {
			resp.Body.Close()
			return nil
		}
		lastErr = err
		wait := delay
		time.Sleep(wait)
	}
	return lastErr
}

// Rule 3: unbounded.

// WaitForBroker redials forever with a growing delay but never gives up
// and never looks at ctx: a broker that is gone for good hangs startup.
func WaitForBroker(ctx context.Context, addr string) net.Conn {
	var d net.Dialer
	delay := 100 * time.Millisecond
	for { // want `^retry loop never gives up and never checks for cancellation: a permanent failure spins forever and the caller can neither stop it nor see it fail; back off`
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			return conn
		}
		log.Printf("broker %s unreachable: %v", addr, err)
		time.Sleep(delay)
		delay = min(delay*2, 30*time.Second)
	}
}

// Rules 2 and 3: the classic, failing silently.
func connectGRPC(dial func(string) (net.Conn, error), target string) net.Conn {
	for { // want `^retry loop waits the same fixed delay between attempts and never gives up and never checks for cancellation: clients that fail together retry in lockstep and hammer the dependency while it recovers, and a permanent failure spins forever;`
		conn, err := dial(target)
		if err != nil {
			time.Sleep(500 * time.Millisecond)
			continue
		}
		return conn
	}
}

// Rule 3 with a context in scope: logging each failure does not let the
// caller stop the loop. A reconnect is no start-up poll: its fixed pause
// is reported too.
func subscribe(ctx context.Context, dial func(context.Context) (net.Conn, error)) net.Conn {
	for { // want `^retry loop waits the same fixed delay between attempts and never gives up and never checks for cancellation`
		conn, err := dial(ctx)
		if err == nil {
			return conn
		}
		log.Printf("subscribe: %v", err)
		time.Sleep(2 * time.Second)
	}
}

// Rules 1 and 3: a hot loop.
func mustRegister(ctx context.Context, c *http.Client, req *http.Request) {
	var err error
	for err = register(ctx, c, req); err != nil; err = register(ctx, c, req) { // want `retry loop has no wait between attempts and never gives up`
		log.Print(err)
	}
}

func register(ctx context.Context, c *http.Client, req *http.Request) error {
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A flag set on success bounds nothing.
func acquireLease(ctx context.Context, db *sql.DB, owner string) {
	acquired := false
	for !acquired { // want `retry loop waits the same fixed delay between attempts and never gives up`
		_, err := db.ExecContext(ctx, "UPDATE lease SET owner = $1 WHERE owner IS NULL", owner)
		if err != nil {
			time.Sleep(200 * time.Millisecond)
			continue
		}
		acquired = true
		break
	}
}

// A condition that tests more than the error still retries without any
// wait: only rule 1 applies to such loops.
func waitHealthy(ctx context.Context, c *http.Client, url string) {
	for i := 0; i < 10; i++ { // want `retry loop has no wait between attempts:`
		resp, err := c.Get(url)
		if err == nil && resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			return
		}
	}
}

// A labeled loop whose failure path is a switch.
func publishAll(ctx context.Context, pub Publisher, body []byte) error {
	var err error
retry:
	for attempt := 0; attempt < 5; attempt++ { // want `retry loop waits the same fixed delay`
		err = pub.Publish(ctx, "audit", body)
		if err != nil {
			switch {
			case errors.Is(err, context.Canceled):
				return err
			default:
				time.Sleep(250 * time.Millisecond)
				continue retry
			}
		}
		break retry
	}
	return err
}

// A retry-policy predicate still retries at once: reported.
func isRetryable(err error) bool { return !errors.Is(err, context.Canceled) }

func Charge(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	for attempt := 0; attempt < 5; attempt++ { // want `retry loop has no wait between attempts`
		resp, err := c.Do(req.Clone(ctx))
		if err == nil {
			return resp, nil
		}
		if !isRetryable(err) {
			return nil, err
		}
	}
	return nil, errors.New("charge failed")
}

// Resend reads its payload afresh in the loop, but from a reader opened
// there: the same data is sent again, back to back.
func Resend(send func([]byte) error, open func() io.Reader) {
	for attempt := 0; attempt < 3; attempt++ { // want `retry loop has no wait between attempts:`
		data, _ := io.ReadAll(open())
		if err := send(data); err == nil {
			return
		}
	}
}

// The condition is the check and the operation is a dial: a retry, even
// though the loop also looks at the error.
func dialUntilUp(addr string) net.Conn {
	conn, err := net.Dial("tcp", addr)
	for err != nil { // want `retry loop has no wait between attempts`
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		conn, err = net.Dial("tcp", addr)
	}
	return conn
}
