package api

import (
	"net/http"
	"testing"
)

func TestFetch(t *testing.T) {
	if resp, err := http.Get("http://127.0.0.1:1/"); err == nil {
		resp.Body.Close()
	}
}
