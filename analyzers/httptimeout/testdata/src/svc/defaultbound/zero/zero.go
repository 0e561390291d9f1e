// Package zero replaces http.DefaultClient with a client that still has no
// timeout: nothing is bounded.
package zero

import "net/http"

func init() {
	http.DefaultClient = &http.Client{Transport: http.DefaultTransport} // want `http.Client has no Timeout`
}

func fetch(url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get uses http.DefaultClient, which has no timeout`
}
