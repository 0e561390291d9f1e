// Package fetch is in the second module, and imports the first through go.work.
package fetch

import (
	"net/http"

	"example.com/api"
)

// Both fetches a URL twice, with no timeout either way.
func Both(url string) error {
	if _, err := api.Get(url); err != nil {
		return err
	}
	_, err := http.Get(url)
	return err
}
