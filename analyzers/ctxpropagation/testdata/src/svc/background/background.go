// Package background holds work that must outlive the call that starts it:
// fire-and-forget notifications, token sources, per-connection goroutines
// of an accept loop, a mount served after the lookup that creates it.
package background

import (
	"context"
	"net"
	"net/http"
	"time"

	"golang.org/x/oauth2"

	"example.com/svc/background/notify"
)

type Store struct {
	reg  *notify.Registry
	conf *oauth2.Config
}

// objectWritten tells subscribers about a write that has happened. The
// event must be delivered even when the client hangs up after the write,
// so the request's context is not the one to give it.
func (s *Store) objectWritten(name string) {
	s.reg.Trigger(context.Background(), "written:"+name)
}

func (s *Store) Put(w http.ResponseWriter, r *http.Request) {
	s.objectWritten(r.URL.Path) // no finding: Trigger's goroutines bound themselves
}

// A handler that starts Trigger directly with a fresh root.
func (s *Store) Delete(w http.ResponseWriter, r *http.Request) {
	s.reg.Trigger(context.Background(), "deleted:"+r.URL.Path)
}

// pollHooks gives Watch a context that never ends: its goroutine polls
// forever, long after the request that started it.
func (s *Store) pollHooks() { // want pollHooks:`noContextIO\(passes context\.Background\(\) to notify\.Registry\.Watch\)` `Store\.pollHooks does its I/O without a context \(it passes context\.Background\(\) to notify\.Registry\.Watch\)`
	s.reg.Watch(context.Background())
}

func (s *Store) Subscribe(w http.ResponseWriter, r *http.Request) {
	s.pollHooks() // reported at the declaration
}

func (s *Store) announce(ev string) { // want announce:`noContextIO\(passes context\.Background\(\) to notify\.Registry\.Broadcast\)` `Store\.announce does its I/O without a context`
	s.reg.Broadcast(context.Background(), ev)
}

func (s *Store) collect(ev string) []error { // want collect:`noContextIO\(passes context\.Background\(\) to notify\.Registry\.Collect\)` `Store\.collect does its I/O without a context`
	return s.reg.Collect(context.Background(), ev)
}

func (s *Store) Announce(w http.ResponseWriter, r *http.Request) {
	s.announce("hello")    // reported at the declaration
	_ = s.collect("hello") // reported at the declaration
}

// A token source refreshes its token with the context it was made with,
// long after this request: the oauth2 documentation asks for a context
// that lives as long as the source.
func (s *Store) Connect(w http.ResponseWriter, r *http.Request) {
	tok, err := s.conf.Exchange(context.Background(), r.FormValue("code")) // want `context\.Background\(\) ignores r\.Context\(\), which is in scope`
	if err != nil {
		return
	}
	ts := s.conf.TokenSource(context.Background(), tok)
	_ = oauth2.NewClient(context.Background(), ts)
}

// apiClient builds a long-lived authenticated client; a handler that asks
// for one does not drop its context into it.
func (s *Store) apiClient(tok *oauth2.Token) *http.Client {
	return s.conf.Client(context.Background(), tok)
}

func (s *Store) Profile(w http.ResponseWriter, r *http.Request) {
	c := s.apiClient(&oauth2.Token{AccessToken: r.Header.Get("X-Token")})
	_ = c
}

// Serve accepts connections until ln is closed; each connection's dial
// runs under its own deadline. ctx is the listener's lifetime, with no
// request's values for the goroutine to keep.
func Serve(ctx context.Context, ln net.Listener, dial func(context.Context) (net.Conn, error)) error { // want Serve:`inertContext\(\[0\]\)`
	for {
		select {
		case <-ctx.Done():
			return nil
		default:
		}
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			dctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			up, err := dial(dctx)
			if err != nil {
				conn.Close()
				return
			}
			up.Close()
			conn.Close()
		}()
	}
}

// work runs jobs from a queue, each in its own goroutine: ctx may carry
// the values of whoever queued them.
func work(ctx context.Context, jobs <-chan string, run func(context.Context, string)) {
	for j := range jobs {
		go func() {
			run(context.Background(), j) // want `context\.Background\(\) in a goroutine started where ctx is in scope drops its values`
		}()
	}
}

type Mounts struct {
	client *http.Client
	base   string
	listen func(name string) (net.Listener, error)
}

// Lookup is a FUSE callback: the socket it creates is served long after
// the lookup returns, so it discards the lookup's context on purpose.
func (m *Mounts) Lookup(_ context.Context, name string) error {
	ctx := context.Background()
	if err := m.check(ctx, name); err != nil {
		return err
	}
	ln, err := m.listen(name)
	if err != nil {
		return err
	}
	go func() {
		_ = Serve(ctx, ln, nil)
	}()
	return nil
}

// Stat discards its context and checks the mount under a fresh one,
// although the check ends with the call.
func (m *Mounts) Stat(_ context.Context, name string) error {
	ctx := context.Background() // want `context\.Background\(\) ignores the function's context parameter, which is in scope but unnamed`
	return m.check(ctx, name)
}

func (m *Mounts) check(ctx context.Context, name string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, m.base+name, nil)
	if err != nil {
		return err
	}
	resp, err := m.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
