// Package fetch calls an upstream price service.
package fetch

import (
	"io"
	"net/http"
)

// Price asks the upstream for a price with http.Get, which has no timeout.
func Price(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Health pings a sidecar on localhost; the finding is suppressed with a reason.
func Health() error {
	//resilint:ignore httptimeout the sidecar answers on localhost and is supervised
	resp, err := http.Get("http://127.0.0.1:9901/ready")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Legacy has a directive without a reason: it does not suppress, and is reported.
func Legacy() error {
	resp, err := http.Get("http://legacy.internal/") //resilint:ignore httptimeout
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Stale carries a directive that no longer suppresses anything.
func Stale() int {
	//resilint:ignore httptimeout this used to call http.Get
	return 42
}
