package client

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"time"

	"example.com/svc/dockerclient"
)

// From prometheus's discovery/moby: the client is handed to the Docker
// client's WithHTTPClient option, and the same function adds WithTimeout,
// which sets that client's Timeout.
func NewDockerSD(rt http.RoundTripper, refresh time.Duration) (*dockerclient.Client, error) {
	var opts []dockerclient.Opt
	opts = append(opts, dockerclient.WithHTTPClient(&http.Client{
		Transport: rt,
	}))
	opts = append(opts, dockerclient.WithTimeout(refresh))
	return dockerclient.New(opts...)
}

// Without the WithTimeout option the client stays unbounded.
func NewDockerSDNoTimeout(rt http.RoundTripper) (*dockerclient.Client, error) {
	return dockerclient.New(dockerclient.WithHTTPClient(&http.Client{Transport: rt})) // want `http.Client has no Timeout`
}

// From prometheus's scrape: a stand-in client whose transport fails every
// request with a fixed error never does any I/O.
type failingRoundTripper struct{ err error }

func (rt failingRoundTripper) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, rt.err
}

func FailingClient(reason string) *http.Client {
	return &http.Client{Transport: failingRoundTripper{err: errors.New(reason)}}
}

// A transport that forwards the request does I/O: still reported.
type headerRoundTripper struct{ next http.RoundTripper }

func (rt headerRoundTripper) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("X-Svc", "1")
	return rt.next.RoundTrip(r)
}

func HeaderClient() *http.Client {
	return &http.Client{Transport: headerRoundTripper{next: http.DefaultTransport}} // want `http.Client has no Timeout`
}

// From fake-gcs-server: an emulator hands its tests a client whose
// transport answers from the emulator's own handler, in process, with an
// httptest recorder. No server can hang it.
type muxTransport struct {
	handler http.Handler
	closed  bool
}

func (t *muxTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.closed {
		return nil, errors.New("server closed")
	}
	w := httptest.NewRecorder()
	t.handler.ServeHTTP(w, r)
	return w.Result(), nil
}

type Emulator struct{ transport *muxTransport }

func (e *Emulator) HTTPClient() *http.Client {
	return &http.Client{Transport: e.transport}
}

// A transport that serves some requests in process and sends the others
// on does I/O: still reported.
type splitTransport struct {
	local http.Handler
	next  http.RoundTripper
}

func (t *splitTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host == "local" {
		w := httptest.NewRecorder()
		t.local.ServeHTTP(w, r)
		return w.Result(), nil
	}
	return t.next.RoundTrip(r)
}

func SplitClient(h http.Handler) *http.Client {
	return &http.Client{Transport: &splitTransport{local: h, next: http.DefaultTransport}} // want `http.Client has no Timeout`
}

// From etcd's getPeerHashKVs: the local client is passed, with a context
// bounded here, to a helper that sends one request with them.
func PeerHashes(peers []string) []string {
	cc := &http.Client{Transport: http.DefaultTransport}
	var out []string
	for _, p := range peers {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		h, err := hashOf(ctx, cc, p)
		cancel()
		if err == nil {
			out = append(out, h)
		}
	}
	return out
}

// The same helper called with the caller's context: the deadline is the
// caller's to set (see ../peer).
func PeerHashesFrom(ctx context.Context, peers []string) []string { // want PeerHashesFrom:"deadlineFromCaller.param 0."
	cc := &http.Client{}
	var out []string
	for _, p := range peers {
		if h, err := hashOf(ctx, cc, p); err == nil {
			out = append(out, h)
		}
	}
	return out
}

func hashOf(ctx context.Context, cc *http.Client, url string) (string, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := cc.Do(req.WithContext(ctx))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("X-Hash"), nil
}

// With a fresh context and no ctx parameter there is no caller to leave
// the deadline to: reported.
func PeerHashesBackground(peers []string) []string {
	cc := &http.Client{} // want `http.Client has no Timeout`
	var out []string
	for _, p := range peers {
		if h, err := hashOf(context.Background(), cc, p); err == nil {
			out = append(out, h)
		}
	}
	return out
}
