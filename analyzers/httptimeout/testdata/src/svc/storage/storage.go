// Package storage is an object-storage client: it streams large bodies, so
// it bounds waits at the transport and leaves the rest to request contexts,
// as minio-go does.
package storage

import (
	"context"
	"io"
	"net"
	"net/http"
	"time"
)

var DefaultTransport = func() *http.Transport {
	return &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: time.Minute,
	}
}

type Options struct {
	Transport http.RoundTripper
}

type Client struct {
	hc *http.Client
}

func New(opts Options) *Client {
	tr := opts.Transport
	if tr == nil {
		tr = DefaultTransport()
	}
	// No Timeout: it would cut a 5 GB GetObject in the middle.
	return &Client{hc: &http.Client{Transport: tr}}
}

func (c *Client) GetObject(ctx context.Context, u string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Without a transport of its own, the client has no bound at all.
func NewBare() *Client {
	return &Client{hc: &http.Client{Transport: http.DefaultTransport}} // want `http.Client has no Timeout`
}
