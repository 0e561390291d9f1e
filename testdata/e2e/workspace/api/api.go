// Package api is one module of the workspace.
package api

import "net/http"

// Get fetches a URL with no timeout.
func Get(url string) (*http.Response, error) {
	return http.Get(url)
}
