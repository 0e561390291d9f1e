// Package good loads fine and has a finding.
package good

import "net/http"

// Get has no timeout.
func Get(u string) (*http.Response, error) { return http.Get(u) }
