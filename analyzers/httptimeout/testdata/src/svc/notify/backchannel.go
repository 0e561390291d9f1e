package notify

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"
)

// A back-channel logout notifier, as identity providers write it: the
// client comes from a getter that falls back to a fresh client (no
// redirects), and every delivery runs off the request in a goroutine on a
// context with a deadline. Not reported.
type Logout struct {
	HTTPClient *http.Client
}

func (n *Logout) Notify(ctx context.Context, uris []string) {
	ctx = context.WithoutCancel(ctx)
	go func() {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		var wg sync.WaitGroup
		for _, uri := range uris {
			wg.Go(func() {
				n.deliver(ctx, uri)
			})
		}
		wg.Wait()
	}()
}

func (n *Logout) deliver(ctx context.Context, uri string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, uri, strings.NewReader("logout_token=..."))
	if err != nil {
		return
	}
	resp, err := n.client().Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

func (n *Logout) client() *http.Client {
	if n.HTTPClient != nil {
		return n.HTTPClient
	}
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// The same getter, with one delivery that has no deadline: reported.
type Prober struct{}

func (p *Prober) Probe(ctx context.Context, uri string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return err
	}
	resp, err := p.client().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Prober) client() *http.Client {
	return &http.Client{} // want `http.Client has no Timeout`
}
