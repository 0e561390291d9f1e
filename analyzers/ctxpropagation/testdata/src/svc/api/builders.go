package api

import (
	"bytes"
	"context"
	"net/http"
)

// Request builders in a table keyed by service (gitea's webhook
// requesters): the signature is fixed by the table, and Deliver attaches
// its context to whatever request a builder returns.
type requester func(ctx context.Context, url string, body []byte) (*http.Request, error)

var requesters = map[string]requester{
	"slack":  newSlackRequest,
	"matrix": newMatrixRequest,
}

func newDefaultRequest(ctx context.Context, url string, body []byte) (req *http.Request, err error) {
	req, err = http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return
}

func newSlackRequest(ctx context.Context, url string, body []byte) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return req, nil
}

func newMatrixRequest(_ context.Context, url string, body []byte) (req *http.Request, err error) {
	req, err = http.NewRequest(http.MethodPut, url, bytes.NewReader(body))
	return req, err
}

func Deliver(ctx context.Context, c *http.Client, kind, url string, body []byte) error {
	build := requesters[kind]
	if build == nil {
		build = newDefaultRequest
	}
	req, err := build(ctx, url, body)
	if err != nil {
		return err
	}
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A builder called directly with a ctx it ignores drops it: its callers
// send what it returns as it is.
func (s *Server) newAPIRequest(ctx context.Context, path string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, "http://api.internal"+path, nil) // want `http\.NewRequest ignores ctx, which is in scope`
}

func (s *Server) FetchStatus(ctx context.Context, c *http.Client) error {
	req, err := s.newAPIRequest(ctx, "/status")
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
