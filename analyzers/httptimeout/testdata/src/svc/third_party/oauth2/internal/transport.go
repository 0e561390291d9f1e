// Package internal mirrors golang.org/x/oauth2/internal: the context key
// and the fallback to http.DefaultClient.
package internal

import (
	"context"
	"net/http"
)

// HTTPClient is the context key to use with context.WithValue to
// associate a *http.Client value with a context.
var HTTPClient ContextKey

// ContextKey is just an empty struct, so that HTTPClient is a unique key.
type ContextKey struct{}

// ContextClient returns the client the context carries, or
// http.DefaultClient.
func ContextClient(ctx context.Context) *http.Client {
	if ctx != nil {
		if hc, ok := ctx.Value(HTTPClient).(*http.Client); ok {
			return hc
		}
	}
	return http.DefaultClient
}
