package unpaginated_test

import (
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers/unpaginated"
	"github.com/resilint/resilint/internal/testmod"
)

// Open ranges, limits a caller can switch off and query builders, at the
// default settings.
func TestLimits(t *testing.T) {
	module(t).Run(t, unpaginated.Analyzer, "./limits/...")
}

// With -strict, the reads the default spares in ./limits (the closed
// windows, an open range over a table with no growth evidence, a child
// list of tags) must be unexpected; unique lookups, fixed LIMITs and
// helper-built builders stay quiet.
func TestLimitsStrict(t *testing.T) {
	set(t, "strict", "true")
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, unpaginated.Analyzer, "./limits/...")
	var unexpected []string
	for _, e := range rec.Errors {
		if !strings.Contains(e, "unexpected diagnostic") {
			t.Errorf("unexpected failure: %s", e)
			continue
		}
		unexpected = append(unexpected, e)
	}
	want := []string{"feed.go:38", "feed.go:42", "feed.go:123", "builders.go:63"}
	if len(unexpected) != len(want) {
		t.Errorf("got %d unexpected findings, want %d (%v):\n%s", len(unexpected), len(want), want, strings.Join(unexpected, "\n"))
	}
	for _, w := range want {
		if !strings.Contains(strings.Join(unexpected, "\n"), w) {
			t.Errorf("strict did not report %s", w)
		}
	}
}
