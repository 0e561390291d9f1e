// Package dialerless dials with a connect timeout only, which does not
// bound a response that never comes.
package dialerless

import (
	"net"
	"net/http"
	"time"
)

func Get(url string) (*http.Response, error) {
	client := &http.Client{ // want `http.Client has no Timeout`
		Transport: &http.Transport{DialContext: (&net.Dialer{Timeout: 10 * time.Second}).DialContext},
	}
	return client.Get(url)
}
