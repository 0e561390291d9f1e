package api

import (
	"context"
	"net"
)

// A unix socket connect does not block: it fails at once when nobody
// listens. Nothing for ctx to cancel (a bundle fetched over the agent's
// socket).
func dialAgent(ctx context.Context, path string) (net.Conn, error) {
	return net.Dial("unix", path)
}

// The same dial over TCP can hang on an unreachable host.
func dialPeer(ctx context.Context, addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want `net\.Dial ignores ctx`
}
