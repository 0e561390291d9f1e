// Package notify publishes events to webhooks. Its Trigger is fire and
// forget: each delivery runs in a goroutine with its own deadline and
// outlives the call (fake-gcs-server's notification registry).
package notify

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"
)

type Registry struct {
	client *http.Client
	hooks  []string
}

// Trigger delivers ev to every hook in the background; it returns at once.
func (r *Registry) Trigger(ctx context.Context, ev string) { // want Trigger:`inertContext\(\[0\]\)`
	for _, url := range r.hooks {
		go func() {
			pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			_ = r.deliver(pctx, url, ev)
		}()
	}
}

// Watch polls every hook until ctx ends: its goroutine has no deadline of
// its own, so the caller's context is what stops it.
func (r *Registry) Watch(ctx context.Context) {
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				for _, url := range r.hooks {
					_ = r.deliver(ctx, url, "ping")
				}
			}
		}
	}()
}

// Broadcast delivers ev to every hook in parallel and waits for all of
// them: the caller's cancellation should reach every delivery.
func (r *Registry) Broadcast(ctx context.Context, ev string) {
	var wg sync.WaitGroup
	for _, url := range r.hooks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			_ = r.deliver(pctx, url, ev)
		}()
	}
	wg.Wait()
}

// Collect starts one delivery per hook and gathers their errors from a
// channel: it waits for them too.
func (r *Registry) Collect(ctx context.Context, ev string) []error {
	errs := make(chan error, len(r.hooks))
	for _, url := range r.hooks {
		go func() {
			pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			errs <- r.deliver(pctx, url, ev)
		}()
	}
	var out []error
	for range r.hooks {
		out = append(out, <-errs)
	}
	return out
}

func (r *Registry) deliver(ctx context.Context, url, ev string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(ev))
	if err != nil {
		return err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
