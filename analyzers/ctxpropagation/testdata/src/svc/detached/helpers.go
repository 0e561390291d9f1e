package detached

import (
	"context"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
)

type Hooks struct {
	url      string
	provider *oidc.Provider
}

// notify posts an event. Handlers call it inline; the scheduler starts it
// with go, and it must outlive the request: the request is unnamed on
// purpose.
func (h *Hooks) notify(ev string, _ *http.Request) {
	_, _ = http.Post(h.url, "text/plain", strings.NewReader(ev))
}

func (h *Hooks) Handle(w http.ResponseWriter, r *http.Request) { h.notify("hit", r) }

func (h *Hooks) Schedule() { go h.notify("tick", nil) }

// audit has the same shape but no goroutine shares it: it discards the
// request's context for nothing.
func (h *Hooks) audit(ev string, _ *http.Request) {
	_, _ = http.Post(h.url, "text/plain", strings.NewReader(ev)) // want `http\.Post ignores the function's context parameter`
}

func (h *Hooks) Audit(w http.ResponseWriter, r *http.Request) { h.audit("seen", r) }

// Verifier keeps the provider's key cache; VerifierContext would build a
// new key set, bound to this request, on every call.
func (h *Hooks) Verify(ctx context.Context, raw string) error {
	_, err := h.provider.Verifier(&oidc.Config{ClientID: "app"}).Verify(ctx, raw)
	return err
}

// A look-alike whose twin retains nothing is an ordinary twin.
type Checker struct{}

type Check struct{}

func (Checker) Verifier(name string) *Check                             { return &Check{} }
func (Checker) VerifierContext(ctx context.Context, name string) *Check { return &Check{} }

func (h *Hooks) Check(ctx context.Context, c Checker) *Check {
	return c.Verifier("app") // want `detached\.Checker\.Verifier ignores ctx`
}
