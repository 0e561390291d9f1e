//go:build go1.22

package api

import (
	"context"
	"net"
	"net/http"
)

// Before Go 1.23 the transport dialed with the request's own context: a
// hook that ignores it keeps dialing for a request that was cancelled.
func legacyTransport(addr string) *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return net.Dial(network, addr) // want `net\.Dial ignores ctx`
		},
	}
}
