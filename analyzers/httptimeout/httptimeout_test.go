package httptimeout_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/httptimeout"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real gin and echo, so
// the framework rules are checked against their real method sets.
func module(t *testing.T) string { return testmod.Dir(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./client", "./server", "./ginapp", "./echoapp", "./storage", "./testutil", "./gen", "./ignore", "./fix"}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, module(t), httptimeout.Analyzer, defaultPackages...)
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, module(t), httptimeout.Analyzer, "./fix")
}

// Test files are skipped by default: the only failure the default run may
// produce on ./testsonly is the unmet expectation in its _test.go file.
func TestTestFilesSkippedByDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), httptimeout.Analyzer, "./testsonly")
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
	if err := httptimeout.Analyzer.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer httptimeout.Analyzer.Flags.Set("tests", "false")
	analysistest.Run(t, module(t), httptimeout.Analyzer, "./testsonly")
}

// recorder collects analysistest's failures instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
