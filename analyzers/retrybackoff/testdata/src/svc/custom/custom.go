// Package custom is checked with -backoff-funcs naming its helpers.
package custom

import (
	"context"
	"net/http"
	"time"
)

// Policy is a house backoff policy.
type Policy struct{ attempt int }

// Wait sleeps for the policy's next delay.
func (p *Policy) Pause(ctx context.Context) {}

// Throttle is a house backoff function.
func Throttle(ctx context.Context, attempt int) {}

func FetchPolicy(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	var p Policy
	for {
		resp, err := c.Get(url)
		if err == nil {
			return resp, nil
		}
		p.Pause(ctx)
	}
}

func FetchThrottle(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Get(url)
		if err == nil {
			return resp, nil
		}
		Throttle(ctx, attempt)
	}
	return nil, context.DeadlineExceeded
}

// Not configured: reported.
func FetchPlain(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	for attempt := 0; attempt < 3; attempt++ { // want `retry loop waits the same fixed delay`
		resp, err := c.Get(url)
		if err == nil {
			return resp, nil
		}
		time.Sleep(300 * time.Millisecond)
	}
	return nil, context.DeadlineExceeded
}
