// Package testutil is test support code: it imports testing and only tests
// run it, so it is analyzed with the test files.
package testutil

import (
	"net/http"
	"testing"
)

func DumpConfig(t testing.TB, adminURL string) {
	t.Cleanup(func() {
		if t.Failed() {
			resp, err := http.Get(adminURL + "/config/")
			if err == nil {
				resp.Body.Close()
			}
		}
	})
}
