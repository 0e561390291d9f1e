package misses

import (
	"context"
	"net/http"
)

// A module function that sends with a TODO context does its I/O without
// one, for every caller.
func fetchStatus(url string) (int, error) { // want fetchStatus:`noContextIO\(passes context\.TODO\(\) to http\.NewRequestWithContext\)` `misses\.fetchStatus does its I/O without a context`
	req, err := http.NewRequestWithContext(context.TODO(), http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// A builder returns the request: its caller sends it.
func buildStatus(url string) (*http.Request, error) {
	return http.NewRequestWithContext(context.TODO(), http.MethodGet, url, nil)
}

func Status(w http.ResponseWriter, r *http.Request) {
	_, _ = fetchStatus("http://x") // reported at the declaration
	if req, err := buildStatus("http://x"); err == nil {
		_, _ = http.DefaultClient.Do(req.WithContext(r.Context()))
	}
}
