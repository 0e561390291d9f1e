package retrybackoff

import "testing"

func TestMayNameCancelOrTimeout(t *testing.T) {
	for name, want := range map[string]bool{
		"Canceled":         true,
		"DeadlineExceeded": true,
		"ErrTimeout":       true,
		"errReadTIMEOUT":   true,
		"ErrDeadline":      true,
		"timeoutErr":       true,
		"Cancelled":        false,
		"ErrTime":          false,
		"err":              false,
		"":                 false,
		"TIMEOU":           false,
	} {
		if got := mayNameCancelOrTimeout(name); got != want {
			t.Errorf("mayNameCancelOrTimeout(%q) = %v, want %v", name, got, want)
		}
	}
}
