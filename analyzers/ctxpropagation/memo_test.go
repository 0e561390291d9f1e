package ctxpropagation_test

import (
	"testing"

	"github.com/resilint/resilint/analyzers/ctxpropagation"
)

// Memoized getters (a lazy fill of a receiver field, an early return once
// it is set, a fill under sync.Once or sync.OnceValue, a getter of such
// getters) are quiet at their callers; a getter without a cache, a cache
// keyed per input and a query after a lazily opened handle are reported.
func TestMemoizedGetters(t *testing.T) {
	module(t).Run(t, ctxpropagation.Analyzer, "./memo")
}
