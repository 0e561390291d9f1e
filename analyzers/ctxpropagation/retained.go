package ctxpropagation

import (
	"go/types"
	"strings"

	"github.com/resilint/resilint/internal/lint"
)

const oidcPkg = "github.com/coreos/go-oidc/v3/oidc"

// retainsContext reports whether fn keeps its context for the life of the
// value it returns: a token source or an authenticated HTTP client
// (oauth2.NewClient, Config.TokenSource, google.DefaultTokenSource,
// impersonate.CredentialsTokenSource, idtoken.NewClient) refreshes its
// tokens with that context long after the call. The oauth2 documentation
// says the client "is not valid beyond the lifetime of the context", so a
// request's context would break every refresh once the request ends; a
// fresh root is the right argument there, and it is not reported.
//
// go-oidc's Provider.VerifierContext(ctx, config) is the twin of Verifier:
// it builds a new remote key set bound to ctx on every call, so following
// the advice in a request would drop the provider's key cache and fetch
// keys with a context that dies with the request.
func retainsContext(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for v := range sig.Results().Variables() {
		t := v.Type()
		if lint.IsNamed(t, "golang.org/x/oauth2", "TokenSource") ||
			lint.IsNamed(t, "golang.org/x/oauth2/google", "Credentials") ||
			lint.IsNamed(t, "net/http", "Client") ||
			lint.IsNamed(t, oidcPkg, "IDTokenVerifier") {
			return true
		}
	}
	return false
}

// bindsListener reports whether fn binds a listener: its name begins with
// Listen and it returns one (a value with an Accept method, a
// net.PacketConn) or a value of any type (caddy's NetworkAddress.Listen,
// which may return either). Binding is local and immediate and the
// listener outlives the call: net.ListenConfig.Listen's context "does not
// affect the returned Listener", and a listener plugin that keeps its
// context must not close when the caller's ends. A fresh root there is
// deliberate (caddy binds its admin socket with context.TODO()).
func bindsListener(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || !strings.HasPrefix(fn.Name(), "Listen") {
		return false
	}
	for v := range sig.Results().Variables() {
		t := v.Type()
		if iface, ok := t.Underlying().(*types.Interface); ok && iface.Empty() ||
			lint.IsNamed(t, "net", "PacketConn") || hasMethod(t, "Accept") {
			return true
		}
	}
	return false
}

func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// fixedByInterface reports whether the method fn has the signature of a
// method of a context-less interface it is written to satisfy: an
// oauth2.TokenSource's Token() (*oauth2.Token, error), an io.Reader's
// Read or an io.Writer's Write. The interface fixes its parameters, so it
// cannot take a context, and the I/O it does without one is no fact its
// callers could act on (cloud-sql-proxy's gcloud token source runs the
// gcloud command in Token).
func fixedByInterface(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	params, results := sig.Params(), sig.Results()
	switch fn.Name() {
	case "Token":
		return params.Len() == 0 && results.Len() == 2 &&
			lint.IsNamed(results.At(0).Type(), "golang.org/x/oauth2", "Token") && isError(results.At(1).Type())
	case "Read", "Write":
		if params.Len() != 1 || results.Len() != 2 || !isError(results.At(1).Type()) {
			return false
		}
		s, ok := params.At(0).Type().(*types.Slice)
		if !ok {
			return false
		}
		b, ok := s.Elem().(*types.Basic)
		r, isInt := results.At(0).Type().(*types.Basic)
		return ok && b.Kind() == types.Byte && isInt && r.Kind() == types.Int
	}
	return false
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
