// Package app has one finding and a test that needs cgodep.
package app

import "net/http"

// Get has no timeout.
func Get(u string) (*http.Response, error) { return http.Get(u) }
