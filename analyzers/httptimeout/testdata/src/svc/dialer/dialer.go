// Package dialer is an old-style HTTP helper whose transport dials through
// a dialer that gives each connection an absolute deadline.
package dialer

import (
	"context"
	"net"
	"net/http"
	"time"
)

// timeoutDialer sets a read/write deadline on every connection it opens:
// a response that never comes fails at the deadline.
func timeoutDialer(connect, rw time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := net.DialTimeout(network, addr, connect)
		if err != nil {
			return nil, err
		}
		return conn, conn.SetDeadline(time.Now().Add(rw))
	}
}

// Get is bounded by its transport's dialer: not reported.
func Get(url string) (*http.Response, error) {
	client := &http.Client{
		Transport: &http.Transport{DialContext: timeoutDialer(10*time.Second, time.Minute)},
	}
	return client.Get(url)
}
