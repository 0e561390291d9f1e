// Package clean uses HTTP the resilient way: nothing to report.
package clean

import (
	"net/http"
	"time"
)

// NewClient returns a client that gives up after ten seconds.
func NewClient() *http.Client {
	return &http.Client{Timeout: 10 * time.Second}
}

// NewServer returns a server that bounds how long a client may take to send headers.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
}
