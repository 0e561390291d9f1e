// Package defaultbound imports a package that bounds http.DefaultClient.
package defaultbound

import (
	"net/http"

	"example.com/svc/defaultbound/hooks"
)

// Not reported: hooks' init has given http.DefaultClient a timeout.
func fetch(url string) (*http.Response, error) {
	_ = hooks.Post
	return http.DefaultClient.Get(url)
}
