// Package legacy is excluded from httptimeout by .resilint.yml, and from
// nothing else.
package legacy

import "net/http"

// Old fetches with no timeout; the exclusion drops the finding.
func Old(url string) (*http.Response, error) {
	return http.Get(url)
}

// Stale carries a directive that suppresses nothing, which is still reported.
func Stale() int {
	//resilint:ignore retrybackoff this loop used to retry
	return 1
}
