package ctxpropagation_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/ctxpropagation"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real gin, echo (v4),
// GORM and sqlx, so the rules are checked against their real method sets.
func module(t *testing.T) string { return testmod.Dir(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./store", "./api", "./ginapp", "./echoapp", "./gormrepo", "./cmd/...", "./logs", "./gen"}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, module(t), ctxpropagation.Analyzer, defaultPackages...)
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, module(t), ctxpropagation.Analyzer, "./fix")
}

func set(t *testing.T, name, value string) {
	t.Helper()
	f := ctxpropagation.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

func TestLoggingOptIn(t *testing.T) {
	set(t, "logging", "true")
	analysistest.Run(t, module(t), ctxpropagation.Analyzer, "./logsoptin")
}

// Without -logging the logging calls in ./logsoptin are not reported.
func TestLoggingDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), ctxpropagation.Analyzer, "./logsoptin")
	if len(rec.errors) != 2 {
		t.Fatalf("want the 2 logging expectations unmet, got %d failures: %q", len(rec.errors), rec.errors)
	}
	for _, e := range rec.errors {
		if !strings.Contains(e, "no diagnostic was reported") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

func TestSettings(t *testing.T) {
	set(t, "extra-twins", "example.com/svc/settings.Mailer.Send=example.com/svc/settings.Mailer.Deliver, example.com/svc/settings.Load=example.com/svc/settings.LoadFrom")
	set(t, "extra-context-types", "example.com/svc/settings.Job=.Ctx()")
	analysistest.Run(t, module(t), ctxpropagation.Analyzer, "./settings")
}

// Without the settings nothing in ./settings is reported: every
// expectation is unmet.
func TestSettingsDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), ctxpropagation.Analyzer, "./settings")
	if len(rec.errors) != 3 {
		t.Fatalf("want the 3 expectations unmet, got %d failures: %q", len(rec.errors), rec.errors)
	}
}

// Test files are skipped by default: the only failure the default run may
// produce on ./testsonly is the unmet expectation in its _test.go file.
func TestTestFilesSkippedByDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), ctxpropagation.Analyzer, "./testsonly")
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
	analysistest.Run(t, module(t), ctxpropagation.Analyzer, "./testsonly")
}

// recorder collects analysistest's failures instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
