// Package clientcredentials is a stand-in for
// golang.org/x/oauth2/clientcredentials: the two-legged flow, with the
// same fallback to http.DefaultClient.
package clientcredentials

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

type Config struct {
	ClientID     string
	ClientSecret string
	TokenURL     string
	Scopes       []string
}

func (c *Config) Token(ctx context.Context) (*oauth2.Token, error) {
	return c.TokenSource(ctx).Token()
}

func (c *Config) Client(ctx context.Context) *http.Client {
	return oauth2.NewClient(ctx, c.TokenSource(ctx))
}

func (c *Config) TokenSource(ctx context.Context) oauth2.TokenSource {
	cfg := &oauth2.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, Endpoint: oauth2.Endpoint{TokenURL: c.TokenURL}}
	return cfg.TokenSource(ctx, &oauth2.Token{})
}
