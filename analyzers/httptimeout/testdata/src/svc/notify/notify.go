// Package notify delivers webhooks the way services do: the notifier keeps
// a client with no Timeout in a field, and every request it sends carries
// a context that has a deadline, set by the dispatcher.
package notify

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

type Event struct {
	Kind string
	Body []byte
}

type Notifier interface {
	Send(ctx context.Context, e Event) error
}

// Quiet: Send is reached only through Notifier, whose one caller bounds
// the context.
type webhook struct {
	url string
	hc  *http.Client
}

func NewWebhook(url string) Notifier {
	return &webhook{url: url, hc: &http.Client{}}
}

func (w *webhook) Send(ctx context.Context, e Event) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(e.Body))
	if err != nil {
		return err
	}
	resp, err := doWithRetry(ctx, w.hc, req, 3)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func doWithRetry(ctx context.Context, hc *http.Client, req *http.Request, attempts int) (*http.Response, error) {
	var err error
	for range attempts {
		var resp *http.Response
		if resp, err = hc.Do(req); err == nil {
			return resp, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return nil, err
}

// Dispatch fans an event out to every notifier under one deadline.
func Dispatch(ns []Notifier, e Event, timeout time.Duration) {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		for _, n := range ns {
			go func(n Notifier) { _ = n.Send(ctx, e) }(n)
		}
	}()
}

// Quiet: the deadline is set two frames up, by the caller of the caller.
type relay struct {
	hc *http.Client
}

func newRelay() *relay { return &relay{hc: &http.Client{}} }

func (r *relay) post(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (r *relay) forward(ctx context.Context, url string) error { return r.post(ctx, url) }

func RelayOnce(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return newRelay().forward(ctx, url)
}

// Quiet: a package variable whose one use sends a request bounded in place.
var pingClient = &http.Client{}

func Ping(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	resp, err := pingClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
