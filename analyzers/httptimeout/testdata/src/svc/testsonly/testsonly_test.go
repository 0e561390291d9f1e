package testsonly

import (
	"net/http"
	"testing"
)

func TestUpstream(t *testing.T) {
	resp, err := http.Get("http://localhost:1/healthz") // want `http.Get uses http.DefaultClient`
	if err == nil {
		resp.Body.Close()
	}
}
