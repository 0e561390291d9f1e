package shapes

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

type crdClient struct{ log *slog.Logger }

func (c *crdClient) ready(name string) error { return nil }

// Waiting for resources to become ready, within a deadline the function
// sets itself, at a fixed pace: not reported.
func (c *crdClient) waitReady(ctx context.Context, names []string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for _, name := range names {
		for {
			err := c.ready(name)
			if err == nil {
				break
			}
			c.log.ErrorContext(ctx, "checking resource", "err", err)
			select {
			case <-ctx.Done():
				return errors.New("timed out waiting for resources")
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	return nil
}

// Retrying a job's call at a fixed pace until the caller gives up is a
// retry, not a poll: reported.
func (c *crdClient) publish(ctx context.Context, send func(context.Context) error) error {
	for { // want `retry loop waits the same fixed delay between attempts`
		err := send(ctx)
		if err == nil {
			return nil
		}
		c.log.ErrorContext(ctx, "publish", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Second):
		}
	}
}

func genRandomPassword(n int) (string, error) { return "", nil }

func checkStrength(pw string) error { return nil }

// Drawing a new random password until one passes a local strength check:
// nothing to back off from, and bounded. Not reported.
func newPassword() (string, error) {
	var pw string
	var err error
	for range 10 {
		pw, err = genRandomPassword(16)
		if err != nil {
			continue
		}
		if err := checkStrength(pw); err == nil {
			return pw, nil
		}
	}
	if err != nil {
		return "", err
	}
	return "", errors.New("no strong password after 10 tries")
}
