// Package integration holds only tests, and they do not compile here (a
// helper they need is generated in CI, say): without -tests, resilint must
// neither build them nor fail the run.
package integration

import "testing"

func TestEndToEnd(t *testing.T) {
	startStack(t)
}
