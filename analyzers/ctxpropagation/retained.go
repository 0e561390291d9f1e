package ctxpropagation

import (
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// retainsContext reports whether fn keeps its context for the life of the
// value it returns: a token source or an authenticated HTTP client
// (oauth2.NewClient, Config.TokenSource, google.DefaultTokenSource,
// impersonate.CredentialsTokenSource, idtoken.NewClient) refreshes its
// tokens with that context long after the call. The oauth2 documentation
// says the client "is not valid beyond the lifetime of the context", so a
// request's context would break every refresh once the request ends; a
// fresh root is the right argument there, and it is not reported.
func retainsContext(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for v := range sig.Results().Variables() {
		t := v.Type()
		if lint.IsNamed(t, "golang.org/x/oauth2", "TokenSource") ||
			lint.IsNamed(t, "golang.org/x/oauth2/google", "Credentials") ||
			lint.IsNamed(t, "net/http", "Client") {
			return true
		}
	}
	return false
}
