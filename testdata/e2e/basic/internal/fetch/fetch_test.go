package fetch

import (
	"net/http"
	"testing"
)

func TestPrice(t *testing.T) {
	// Test code may call http.Get: it is only analyzed with -tests.
	resp, err := http.Get("http://127.0.0.1:1/")
	if err == nil {
		resp.Body.Close()
	}
}
