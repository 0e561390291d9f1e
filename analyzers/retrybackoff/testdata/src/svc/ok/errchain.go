package ok

import (
	"errors"
	"net"
)

type fielder interface{ Fields() map[string]any }

// Collecting fields along an error chain: each turn takes the next error
// from the current one; nothing is retried (maddy's exterrors.Fields).
func fieldsOf(err error) map[string]any {
	fields := make(map[string]any)
	for err != nil {
		if f, ok := err.(fielder); ok {
			for k, v := range f.Fields() {
				if _, seen := fields[k]; !seen {
					fields[k] = v
				}
			}
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			break
		}
		err = u.Unwrap()
	}
	return fields
}

// The same walk with errors.Unwrap.
func timeoutInChain(err error) bool {
	for err != nil {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			return true
		}
		err = errors.Unwrap(err)
	}
	return false
}
