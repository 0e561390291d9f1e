package retrybackoff_test

import (
	"testing"

	"github.com/resilint/resilint/analyzers/retrybackoff"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real backoff libraries,
// so the do-not-flag cases are checked against their real APIs.
func module(t *testing.T) *testmod.Module { return testmod.Load(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./rules", "./ok", "./libs", "./sleeper", "./helpers", "./gen", "./ignore", "./purpose", "./shapes"}

func TestAnalyzer(t *testing.T) {
	module(t).Run(t, retrybackoff.Analyzer, defaultPackages...)
}

func TestRequireJitter(t *testing.T) {
	set(t, "require-jitter", "true")
	module(t).Run(t, retrybackoff.Analyzer, "./jitter")
}

// Without the setting, the unjittered loops of ./jitter are fine: the only
// failures are their unmet expectations.
func TestJitterOffByDefault(t *testing.T) {
	testmod.Unmet(t, module(t), retrybackoff.Analyzer, "./jitter", 2)
}

// With min-fixed-delay 0 (the strict reading of rule 2), every fixed
// delay is reported, start-up readiness polls included.
func TestStrictFixedDelay(t *testing.T) {
	set(t, "min-fixed-delay", "0")
	module(t).Run(t, retrybackoff.Analyzer, "./strict")
}

// By default none of ./strict's start-up readiness polls is reported:
// every expectation goes unmet, and nothing else is reported.
func TestFixedDelayDefault(t *testing.T) {
	testmod.Unmet(t, module(t), retrybackoff.Analyzer, "./strict", 3)
}

// At start-up, a threshold between the short and the long delays splits
// them.
func TestMinFixedDelayThreshold(t *testing.T) {
	set(t, "min-fixed-delay", "20s")
	// The two known delays (1s, 1s) are now short; the one read from
	// configuration stays unknown.
	testmod.Unmet(t, module(t), retrybackoff.Analyzer, "./strict", 1)
}

func TestBackoffFuncs(t *testing.T) {
	set(t, "backoff-funcs", "example.com/svc/custom.Policy.Pause, example.com/svc/custom.Throttle")
	module(t).Run(t, retrybackoff.Analyzer, "./custom")
}

// Without the setting, the custom helpers are not waits.
func TestBackoffFuncsUnset(t *testing.T) {
	testmod.Unexpected(t, module(t), retrybackoff.Analyzer, "./custom", 2)
}

// set sets one of the analyzer's flags for the rest of the test.
func set(t *testing.T, name, value string) { testmod.SetFlag(t, retrybackoff.Analyzer, name, value) }

// Test files are analyzed only with -tests: the _test.go expectation in
// ./testsonly goes unmet by default and is met with the flag.
func TestTestFiles(t *testing.T) {
	testmod.TestFiles(t, module(t), retrybackoff.Analyzer, "./testsonly")
}
