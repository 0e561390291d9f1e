// Package transmissionrpc is a stand-in for
// github.com/hekmon/transmissionrpc/v3 v3.0: with no Config (or no
// CustomClient) New uses cleanhttp.DefaultPooledClient(), which has no
// timeout.
package transmissionrpc

import (
	"net/http"
	"net/url"
)

type Config struct {
	CustomClient *http.Client
	UserAgent    string
}

type Client struct{ http *http.Client }

func New(endpoint *url.URL, extra *Config) (*Client, error) {
	c := &http.Client{}
	if extra != nil && extra.CustomClient != nil {
		c = extra.CustomClient
	}
	return &Client{http: c}, nil
}
