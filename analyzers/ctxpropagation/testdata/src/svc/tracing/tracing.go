// Package tracing installs a tracer provider when the configuration
// changes, as a metrics server does on reload.
package tracing

import (
	"context"
	"net/http"
	"os"
)

type Config struct{ Endpoint, CAFile string }

type Provider struct{ client *http.Client }

type Manager struct{ provider *Provider }

// ApplyConfig has no context: reloads come from a signal handler.
func (m *Manager) ApplyConfig(cfg Config) error { // want ApplyConfig:`noContextIO\(passes context\.Background\(\) to tracing\.buildProvider\)`
	p, err := buildProvider(context.Background(), cfg)
	if err != nil {
		return err
	}
	m.provider = p
	return nil
}

// buildProvider's only caller passes context.Background(): its ctx has no
// deadline to pass on, so loadClient's context-less read is not reported
// here (nor is the root it hands to ping).
func buildProvider(ctx context.Context, cfg Config) (*Provider, error) { // want buildProvider:`noContextIO\(passes context\.TODO\(\) to tracing\.ping\)`
	client, err := loadClient(cfg)
	if err != nil {
		return nil, err
	}
	if err := ping(context.TODO(), client, cfg.Endpoint); err != nil {
		return nil, err
	}
	return &Provider{client: client}, ping(ctx, client, cfg.Endpoint)
}

func loadClient(cfg Config) (*http.Client, error) { // want loadClient:`noContextIO\(calls http\.Get, which takes no context\)` `tracing\.loadClient does its I/O without a context`
	if _, err := os.ReadFile(cfg.CAFile); err != nil {
		return nil, err
	}
	resp, err := http.Get(cfg.Endpoint + "/ca")
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return http.DefaultClient, nil
}

func ping(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// refresh is called with a request's context as well as with a root: the
// context it drops may be a caller's.
func refresh(ctx context.Context, cfg Config) error {
	_, err := loadClient(cfg) // reported at the declaration
	return err
}

func (m *Manager) Reload(cfg Config) error { return refresh(context.Background(), cfg) } // want Reload:`noContextIO\(passes context\.Background\(\) to tracing\.refresh\)`

func (m *Manager) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := refresh(r.Context(), Config{}); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}
