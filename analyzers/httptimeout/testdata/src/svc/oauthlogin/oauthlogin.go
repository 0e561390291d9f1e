// Package oauthlogin is an OAuth2/OIDC login: the libraries send through
// the client the context carries, or http.DefaultClient.
package oauthlogin

import (
	"context"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

type Login struct {
	conf     oauth2.Config
	provider *oidc.Provider
	verifier *oidc.IDTokenVerifier
	hc       *http.Client
}

var bounded = &http.Client{Timeout: 10 * time.Second}

// Setup discovers the provider with a background context: no client.
func (l *Login) Setup(issuer string) error {
	provider, err := oidc.NewProvider(context.Background(), issuer) // want `oidc.NewProvider sends through http.DefaultClient, which has no timeout, since this context carries no client: .*every later key refresh for Verify.*oidc.ClientContext`
	if err != nil {
		return err
	}
	l.provider = provider
	l.verifier = provider.Verifier(&oidc.Config{ClientID: l.conf.ClientID})
	return nil
}

// SetupBounded gives discovery and the key set a client with a timeout.
func (l *Login) SetupBounded(issuer string) error {
	ctx := oidc.ClientContext(context.Background(), &http.Client{Timeout: 10 * time.Second})
	provider, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return err
	}
	l.provider = provider
	return nil
}

// A deadline bounds the discovery, not the key set, which drops it.
func (l *Login) SetupDeadline(issuer string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ctx = oidc.InsecureIssuerURLContext(ctx, issuer)
	provider, err := oidc.NewProvider(ctx, issuer) // want `oidc.NewProvider sends through http.DefaultClient`
	l.provider = provider
	return err
}

// Callback exchanges the code with the request's context: no client.
// Verify refreshes keys with the client NewProvider was given, judged there.
func (l *Login) Callback(w http.ResponseWriter, r *http.Request) {
	tok, err := l.conf.Exchange(r.Context(), r.URL.Query().Get("code")) // want `oauth2.Config.Exchange sends through http.DefaultClient, which has no timeout, since this context carries no client: a slow identity provider blocks this call forever; pass ctx = context.WithValue\(ctx, oauth2.HTTPClient, &http.Client\{Timeout: ...\}\)`
	if err != nil {
		return
	}
	if _, err := l.verifier.Verify(r.Context(), tok.AccessToken); err != nil {
		return
	}
	ctx := r.Context()
	if _, err := l.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok)); err != nil { // want `oidc.Provider.UserInfo sends through http.DefaultClient`
		return
	}
}

// CallbackBounded carries a client with a timeout, through locals.
func (l *Login) CallbackBounded(w http.ResponseWriter, r *http.Request) {
	ctx := context.WithValue(r.Context(), oauth2.HTTPClient, bounded)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tok, err := l.conf.Exchange(cctx, r.URL.Query().Get("code"))
	if err != nil {
		return
	}
	l.provider.UserInfo(oidc.ClientContext(r.Context(), l.hc), oauth2.StaticTokenSource(tok))
}

// CallbackDefault carries a client, but it is http.DefaultClient.
func (l *Login) CallbackDefault(w http.ResponseWriter, r *http.Request) {
	ctx := context.WithValue(r.Context(), oauth2.HTTPClient, http.DefaultClient)
	l.conf.Exchange(ctx, r.URL.Query().Get("code")) // want `oauth2.Config.Exchange sends through http.DefaultClient, which has no timeout, since this context carries http.DefaultClient`
}

// A client with no Timeout in the context is reported once, where it is
// created, not again at each call that uses it.
func (l *Login) CallbackBareClient(w http.ResponseWriter, r *http.Request) {
	hc := &http.Client{} // want `http.Client has no Timeout`
	ctx := context.WithValue(r.Context(), oauth2.HTTPClient, hc)
	l.conf.Exchange(ctx, r.URL.Query().Get("code"))
}

// A request deadline bounds the exchange.
func (l *Login) CallbackDeadline(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	l.conf.Exchange(ctx, r.URL.Query().Get("code"))
}

// Exchange is exported: the context (and the client it carries) is its
// callers' choice.
func (l *Login) Exchange(ctx context.Context, code string) (*oauth2.Token, error) {
	return l.conf.Exchange(ctx, code)
}

// refresh is unexported: judged by its callers' contexts.
func (l *Login) refresh(ctx context.Context, tok *oauth2.Token) (*oauth2.Token, error) {
	return l.conf.TokenSource(ctx, tok).Token() // want `oauth2.Config.TokenSource sends through http.DefaultClient`
}

func (l *Login) Refresh(tok *oauth2.Token) (*oauth2.Token, error) {
	return l.refresh(context.Background(), tok)
}

// password's only caller gives it a client.
func (l *Login) password(ctx context.Context, user, pass string) (*oauth2.Token, error) {
	return l.conf.PasswordCredentialsToken(ctx, user, pass)
}

func (l *Login) Password(user, pass string) (*oauth2.Token, error) {
	return l.password(oidc.ClientContext(context.Background(), bounded), user, pass)
}

// Service-to-service tokens: the client credentials flow.
func ServiceClient(id, secret, tokenURL string) *http.Client {
	cc := clientcredentials.Config{ClientID: id, ClientSecret: secret, TokenURL: tokenURL}
	return cc.Client(context.Background()) // want `clientcredentials.Config.Client returns a client with no timeout, since this context carries no client \(it takes the context client.s Timeout and refreshes tokens through it\): a slow server blocks every request through it forever`
}

// ServiceClientWith is given the client to use (gatus' configureOAuth2).
func ServiceClientWith(hc *http.Client, id, secret, tokenURL string) *http.Client {
	cc := clientcredentials.Config{ClientID: id, ClientSecret: secret, TokenURL: tokenURL}
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, hc)
	return cc.Client(ctx)
}

// A static token: the returned client has the context client's Timeout,
// here none.
func APIClient(token string) *http.Client {
	return oauth2.NewClient(context.Background(), oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token})) // want `oauth2.NewClient returns a client with no timeout`
}

// A context of unknown origin (a helper's) is trusted.
func (l *Login) Helper(code string) {
	l.conf.Exchange(l.clientCtx(), code)
}

func (l *Login) clientCtx() context.Context {
	return context.WithValue(context.Background(), oauth2.HTTPClient, l.hc)
}
