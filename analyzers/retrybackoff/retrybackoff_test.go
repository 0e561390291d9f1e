package retrybackoff_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/retrybackoff"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real backoff libraries,
// so the do-not-flag cases are checked against their real APIs.
func module(t *testing.T) string { return testmod.Dir(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./rules", "./ok", "./libs", "./sleeper", "./helpers", "./gen", "./ignore"}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, module(t), retrybackoff.Analyzer, defaultPackages...)
}

// set sets an analyzer flag for the duration of a test.
func set(t *testing.T, name, value string) {
	t.Helper()
	old := retrybackoff.Analyzer.Flags.Lookup(name).Value.String()
	if err := retrybackoff.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { retrybackoff.Analyzer.Flags.Set(name, old) })
}

func TestRequireJitter(t *testing.T) {
	set(t, "require-jitter", "true")
	analysistest.Run(t, module(t), retrybackoff.Analyzer, "./jitter")
}

// Without the setting, the unjittered loops of ./jitter are fine: the only
// failures are their unmet expectations.
func TestJitterOffByDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), retrybackoff.Analyzer, "./jitter")
	if len(rec.errors) != 2 {
		t.Errorf("want the 2 jitter expectations unmet, got %d failures: %q", len(rec.errors), rec.errors)
	}
	for _, e := range rec.errors {
		if !strings.Contains(e, "no diagnostic was reported") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

func TestBackoffFuncs(t *testing.T) {
	set(t, "backoff-funcs", "example.com/svc/custom.Policy.Pause, example.com/svc/custom.Throttle")
	analysistest.Run(t, module(t), retrybackoff.Analyzer, "./custom")
}

// Without the setting, the custom helpers are not waits.
func TestBackoffFuncsUnset(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), retrybackoff.Analyzer, "./custom")
	var unexpected int
	for _, e := range rec.errors {
		if strings.Contains(e, "unexpected diagnostic") {
			unexpected++
		}
	}
	if unexpected != 2 {
		t.Errorf("want the 2 custom loops reported, got %d: %q", unexpected, rec.errors)
	}
}

// Test files are skipped by default: the only failure the default run may
// produce on ./testsonly is the unmet expectation in its _test.go file.
func TestTestFilesSkippedByDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), retrybackoff.Analyzer, "./testsonly")
	if len(rec.errors) == 0 {
		t.Fatal("the _test.go finding was reported although -tests is off")
	}
	for _, e := range rec.errors {
		if !strings.Contains(e, "testsonly_test.go") || !strings.Contains(e, "no diagnostic was reported") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

func TestTestFilesWithFlag(t *testing.T) {
	set(t, "tests", "true")
	analysistest.Run(t, module(t), retrybackoff.Analyzer, "./testsonly")
}

// recorder collects analysistest's failures instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
