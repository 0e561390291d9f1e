package api

import (
	"context"
	"net/http"
	"time"
)

// shutdownHooks runs functions when the process shuts down.
type shutdownHooks struct{ fns []func(context.Context) }

// RunAtShutdown registers f to run at shutdown with ctx: a hook registrar,
// named for the event (gitea's graceful manager).
func (h *shutdownHooks) RunAtShutdown(ctx context.Context, f func(context.Context)) {
	h.fns = append(h.fns, func(context.Context) { f(ctx) })
}

// A handler that registers a hook: the hook runs at shutdown, long after
// the request, so it must not get the request's context.
func (s *Server) Subscribe(ctx context.Context, h *shutdownHooks, topic string) {
	h.RunAtShutdown(context.Background(), func(ctx context.Context) {
		_ = s.Publish(ctx, topic+".closed")
	})
}

// valuesOnly is a context that keeps another context's values but none of
// its deadline or cancellation, the way the standard library's resolver
// does it and context.WithoutCancel does since Go 1.21.
type valuesOnly struct {
	context.Context
	values context.Context
}

func (v valuesOnly) Value(key any) any { return v.values.Value(key) }

// Resolve keeps looking up after the caller gives up, so that the result
// can be cached; it keeps the caller's values.
func (s *Server) Resolve(ctx context.Context, host string) {
	lookupCtx, cancel := context.WithTimeout(valuesOnly{Context: context.Background(), values: ctx}, 10*time.Second)
	defer cancel()
	_ = s.Publish(lookupCtx, host)
}

// A composite literal with no other context in it is still a dropped
// context.
type job struct {
	ctx  context.Context
	name string
}

func (s *Server) Schedule(ctx context.Context, name string) job {
	return job{ctx: context.Background(), name: name} // want `context\.Background\(\) ignores ctx, which is in scope`
}

// post sends an outbound request under a context of its own, cancelled
// when the send is abandoned (etcd's snapshot sender): the request's
// Context() is not a caller's.
func post(c *http.Client, req *http.Request, stop <-chan struct{}) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req = req.WithContext(ctx)
	go func() {
		<-stop
		cancel()
	}()
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A handler that swaps its request's context for a fresh one drops the
// caller's cancellation.
func (s *Server) handleDetached(w http.ResponseWriter, r *http.Request) {
	r = r.WithContext(context.Background()) // want `context\.Background\(\) ignores r\.Context\(\), which is in scope`
	_ = s.Publish(r.Context(), "detached")
}
