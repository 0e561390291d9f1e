// Package pipes holds a release tool's announcers. Each is a method that
// sends with the context it is given: the caller sets the deadline, once,
// for the whole release.
package pipes

import (
	"bytes"
	"context"
	"crypto/tls"
	"net/http"
	"time"

	"example.com/svc/release/ctxpkg"
)

type Discord struct{ URL string }

func (d Discord) Announce(ctx *ctxpkg.Context) error { // want Announce:"deadlineFromCaller.param 0."
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader([]byte(`{}`)))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Ping takes a plain context.Context: its direct callers are checked.
func (d Discord) Ping(ctx context.Context) error { // want Ping:"deadlineFromCaller.param 0."
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, d.URL, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PingAll passes its context on to Ping, which leaves the deadline to its
// callers: PingAll does too.
func (d Discord) PingAll(ctx context.Context, n int) error { // want PingAll:"deadlineFromCaller.param 0."
	for range n {
		if err := d.Ping(ctx); err != nil {
			return err
		}
	}
	return nil
}

type Webhook struct {
	URL      string
	Insecure bool
}

// A local client used only for a request that carries the method's
// context.
func (w Webhook) Announce(ctx *ctxpkg.Context) error { // want Announce:"deadlineFromCaller.param 0."
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: w.Insecure}}}
	return w.post(ctx, client)
}

func (w Webhook) post(ctx context.Context, client *http.Client) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Slack struct{ URL string }

// The context goes nowhere: the request has no deadline at all.
func (s Slack) Announce(ctx *ctxpkg.Context) error {
	resp, err := http.Post(s.URL, "application/json", nil) // want `http.Post uses http.DefaultClient, which has no timeout`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A context kept in a field is not the caller's to bound at this call.
type Getter struct{ ctx context.Context }

func (g *Getter) Get(u string) error {
	req, err := http.NewRequestWithContext(g.ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A gRPC service implementation: its methods get a remote client's
// context, which may have no deadline, so their requests are judged where
// they send.
type UnimplementedUsersServer struct{}

type UsersServer struct {
	UnimplementedUsersServer
	avatars string
}

func (s *UsersServer) GetAvatar(ctx context.Context, id string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.avatars+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient`
	if err != nil {
		return nil, err
	}
	return nil, resp.Body.Close()
}

// Unexported methods are judged by their calls in the package, like
// unexported functions.
type Mirror struct{ base string }

func (m *Mirror) fetch(ctx context.Context, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (m *Mirror) Sync(paths []string) error {
	for _, p := range paths {
		if err := m.fetch(context.Background(), p); err != nil {
			return err
		}
	}
	return nil
}

func (m *Mirror) probe(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, m.base, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (m *Mirror) Healthy() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return m.probe(ctx) == nil
}

// An older gRPC service that embeds no Unimplemented server: its methods
// have the unary handler shape, protobuf messages in and out.
type LoginRequest struct{ Code string }

func (*LoginRequest) ProtoMessage() {}

type LoginResponse struct{ Token string }

func (*LoginResponse) ProtoMessage() {}

type InternalAPI struct{ callbackURL string }

func (a *InternalAPI) Login(ctx context.Context, req *LoginRequest) (*LoginResponse, error) {
	if err := a.provision(ctx, req.Code); err != nil {
		return nil, err
	}
	return &LoginResponse{}, nil
}

func (a *InternalAPI) provision(ctx context.Context, user string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.callbackURL+user, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `request sent through http.DefaultClient`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
