// Package oauth2 is a stand-in for golang.org/x/oauth2 (v0.36.0) with the
// same API shape: every request goes through the client the context
// carries under HTTPClient, or http.DefaultClient.
package oauth2

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2/internal"
)

// HTTPClient is the context key to use with context.WithValue to
// associate a *http.Client value with a context.
var HTTPClient internal.ContextKey

type Endpoint struct {
	AuthURL       string
	DeviceAuthURL string
	TokenURL      string
}

type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

type Token struct {
	AccessToken  string
	TokenType    string
	RefreshToken string
}

type TokenSource interface {
	Token() (*Token, error)
}

type AuthCodeOption interface{ setValue(url.Values) }

type DeviceAuthResponse struct{ DeviceCode string }

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeOption) string {
	return c.Endpoint.AuthURL + "?state=" + url.QueryEscape(state)
}

func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeOption) (*Token, error) {
	return retrieveToken(ctx, c, url.Values{"code": {code}})
}

func (c *Config) PasswordCredentialsToken(ctx context.Context, username, password string) (*Token, error) {
	return retrieveToken(ctx, c, url.Values{"username": {username}, "password": {password}})
}

func (c *Config) DeviceAuth(ctx context.Context, opts ...AuthCodeOption) (*DeviceAuthResponse, error) {
	_, err := retrieveToken(ctx, c, url.Values{"client_id": {c.ClientID}})
	return &DeviceAuthResponse{}, err
}

func (c *Config) DeviceAccessToken(ctx context.Context, da *DeviceAuthResponse, opts ...AuthCodeOption) (*Token, error) {
	return retrieveToken(ctx, c, url.Values{"device_code": {da.DeviceCode}})
}

// Client returns a client that refreshes the token with the context's
// client (or http.DefaultClient), and has that client's Timeout.
func (c *Config) Client(ctx context.Context, t *Token) *http.Client {
	return NewClient(ctx, c.TokenSource(ctx, t))
}

func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource {
	return &tokenRefresher{ctx: ctx, conf: c, t: t}
}

type tokenRefresher struct {
	ctx  context.Context
	conf *Config
	t    *Token
}

func (tf *tokenRefresher) Token() (*Token, error) {
	return retrieveToken(tf.ctx, tf.conf, url.Values{"refresh_token": {tf.t.RefreshToken}})
}

func StaticTokenSource(t *Token) TokenSource { return staticTokenSource{t} }

type staticTokenSource struct{ t *Token }

func (s staticTokenSource) Token() (*Token, error) { return s.t, nil }

// NewClient returns a client with the Timeout of the context's client.
func NewClient(ctx context.Context, src TokenSource) *http.Client {
	cc := internal.ContextClient(ctx)
	return &http.Client{Transport: cc.Transport, Timeout: cc.Timeout}
}

func retrieveToken(ctx context.Context, c *Config, v url.Values) (*Token, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint.TokenURL, strings.NewReader(v.Encode()))
	if err != nil {
		return nil, err
	}
	resp, err := internal.ContextClient(ctx).Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return &Token{}, nil
}
