// Package purpose holds fixed-pace retries judged by what they retry: an
// operation done on behalf of a request, a job or a message is reported
// whatever the length of its pause, and wherever the pause comes from; a
// start-up readiness poll is not. Each is written after real code.
package purpose

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"
)

type Agent interface {
	Datacenter(ctx context.Context) (string, error)
}

// Asks the node-local agent for its datacenter every 15 seconds until it
// answers or the discoverer stops (a service-discovery refresh).
func datacenter(ctx context.Context, a Agent) (string, error) {
	for { // want `^retry loop waits the same fixed delay between attempts: clients that fail together retry in lockstep`
		dc, err := a.Datacenter(ctx)
		if err == nil {
			return dc, nil
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(15 * time.Second):
		}
	}
}

func Refresh(ctx context.Context, a Agent) (string, error) { return datacenter(ctx, a) }

// A helper whose caller picks the pace: still the same pause every time.
func RetryOnError(ctx context.Context, interval time.Duration, f func() error) error {
	var err error
	for { // want `^retry loop waits the same fixed delay between attempts`
		if err = f(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(interval):
		}
	}
}

// A webhook notifier whose retry delay is a configured field that never
// grows.
type Notifier struct {
	client     *http.Client
	retries    int
	retryDelay time.Duration
}

func (n *Notifier) Send(req *http.Request) error {
	var err error
	for i := 0; i < n.retries; i++ { // want `^retry loop waits the same fixed delay between attempts`
		var resp *http.Response
		if resp, err = n.client.Do(req); err == nil {
			return resp.Body.Close()
		}
		time.Sleep(n.retryDelay)
	}
	return err
}

type Gateway interface {
	Charge(ctx context.Context, order string, cents int64) error
}

// Charging a card for an order, three seconds apart.
func ChargeOrder(ctx context.Context, g Gateway, order string, cents int64) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ { // want `^retry loop waits the same fixed delay between attempts`
		if err = g.Charge(ctx, order, cents); err == nil {
			return nil
		}
		log.Printf("charge %s: %v", order, err)
		time.Sleep(3 * time.Second)
	}
	return err
}

type Broker interface {
	Ping(ctx context.Context) error
}

// A constructor that waits for the broker to come up, once per process,
// a second apart: a start-up readiness poll.
func NewPublisher(ctx context.Context, b Broker) (*Publisher, error) {
	var err error
	for i := 0; i < 30; i++ {
		if err = b.Ping(ctx); err == nil {
			return &Publisher{b: b}, nil
		}
		log.Printf("broker not ready: %v", err)
		time.Sleep(time.Second)
	}
	return nil, err
}

type Publisher struct{ b Broker }

// The same pace through a helper that only the process set-up calls.
func waitForBroker(ctx context.Context, b Broker, every time.Duration) error {
	var err error
	for i := 0; i < 30; i++ {
		if err = b.Ping(ctx); err == nil {
			return nil
		}
		time.Sleep(every)
	}
	return err
}

func setupBroker(ctx context.Context, b Broker, every time.Duration) error {
	return waitForBroker(ctx, b, every)
}

// A helper that a start-up path and a request handler both call is not
// start-up code.
func pingStore(ctx context.Context, b Broker) error {
	var err error
	for i := 0; i < 5; i++ { // want `^retry loop waits the same fixed delay between attempts`
		if err = b.Ping(ctx); err == nil {
			return nil
		}
		time.Sleep(2 * time.Second)
	}
	return err
}

func InitStore(ctx context.Context, b Broker) error { return pingStore(ctx, b) }

func Health(w http.ResponseWriter, r *http.Request, b Broker) {
	if pingStore(r.Context(), b) != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

// A start-up poll that hammers: a known pace shorter than min-fixed-delay
// is reported even at start-up.
func NewCache(ctx context.Context, b Broker) error {
	var err error
	for i := 0; i < 100; i++ { // want `^retry loop waits the same fixed delay between attempts`
		if err = b.Ping(ctx); err == nil {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

type Config struct{ path string }

func (c *Config) Modified() bool { return false }

func load(path string) (*Config, error) { return &Config{path: path}, nil }

// A watch that reloads the configuration when its file changes: the
// operation runs only when the condition holds, so the loop polls for it
// at its own pace and is no operation retry.
func watchConfig(cfg *Config, reload func(*Config)) {
	for {
		time.Sleep(30 * time.Second)
		if cfg.Modified() {
			updated, err := load(cfg.path)
			if err != nil {
				log.Printf("invalid configuration: %v", err)
				continue
			}
			reload(updated)
			return
		}
	}
}

func Start(cfg *Config, reload func(*Config)) { go watchConfig(cfg, reload) }
