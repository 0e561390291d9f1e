// Package dockerclient mimics github.com/docker/docker/client's functional
// options: WithHTTPClient installs a client, WithTimeout sets its Timeout.
package dockerclient

import (
	"net/http"
	"time"
)

type Client struct{ hc *http.Client }

type Opt func(*Client) error

func WithHTTPClient(hc *http.Client) Opt {
	return func(c *Client) error { c.hc = hc; return nil }
}

func WithTimeout(d time.Duration) Opt {
	return func(c *Client) error { c.hc.Timeout = d; return nil }
}

func New(opts ...Opt) (*Client, error) {
	c := &Client{hc: &http.Client{Timeout: time.Minute}}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}
