// Package hooks posts webhooks through http.DefaultClient, which its init // want package:"boundsDefaultClient"
// gives a timeout for the whole program.
package hooks

import (
	"bytes"
	"net/http"
	"time"
)

func init() {
	http.DefaultClient = &http.Client{Timeout: 30 * time.Second}
}

// Not reported: http.DefaultClient has a timeout.
func Post(url string, body []byte) error {
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
