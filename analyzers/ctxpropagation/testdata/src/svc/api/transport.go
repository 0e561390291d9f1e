package api

import (
	"context"
	"net"
	"net/http"
	"time"
)

// adminClient talks to a local admin endpoint whatever URL the request
// names, as caddy's command line does. The transport dials with a context
// detached from the request (Go 1.23), so ignoring it drops no deadline.
func adminClient(network, addr string) *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			DialContext: func(_ context.Context, _, _ string) (net.Conn, error) {
				return net.Dial(network, addr)
			},
		},
	}
}

func pinnedTransport(addr string) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return net.DialTimeout(network, addr, 5*time.Second)
	}
	return t
}

// A dial hook of our own type is called with whatever context its caller
// has: dropping it there is reported.
type peerDialer struct {
	DialContext func(ctx context.Context, addr string) (net.Conn, error)
}

func newPeerDialer() peerDialer {
	return peerDialer{
		DialContext: func(ctx context.Context, addr string) (net.Conn, error) {
			return net.Dial("tcp", addr) // want `net\.Dial ignores ctx`
		},
	}
}
