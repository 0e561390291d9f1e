package ctxpropagation_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/ctxpropagation"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real gin, echo (v4),
// GORM and sqlx, so the rules are checked against their real method sets.
func module(t *testing.T) *testmod.Module { return testmod.Load(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./store", "./api", "./ginapp", "./echoapp", "./gormrepo", "./cmd/...", "./logs", "./gen", "./localtwins", "./mvcc/...", "./tracing", "./dbinit", "./background/...", "./swagger/...", "./bound", "./detached", "./misses", "./wrappers", "./validation/...", "./layer/..."}

func TestAnalyzer(t *testing.T) {
	module(t).Run(t, ctxpropagation.Analyzer, defaultPackages...)
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, module(t).Dir, ctxpropagation.Analyzer, "./fix")
}

func TestLoggingOptIn(t *testing.T) {
	set(t, "logging", "true")
	module(t).Run(t, ctxpropagation.Analyzer, "./logsoptin")
}

// Without -logging the logging calls in ./logsoptin are not reported.
func TestLoggingDefault(t *testing.T) {
	testmod.Unmet(t, module(t), ctxpropagation.Analyzer, "./logsoptin", 2)
}

func TestSettings(t *testing.T) {
	set(t, "extra-twins", "example.com/svc/settings.Mailer.Send=example.com/svc/settings.Mailer.Deliver, example.com/svc/settings.Load=example.com/svc/settings.LoadFrom")
	set(t, "extra-context-types", "example.com/svc/settings.Job=.Ctx()")
	module(t).Run(t, ctxpropagation.Analyzer, "./settings")
}

// Without the settings nothing in ./settings is reported: every
// expectation is unmet.
func TestSettingsDefault(t *testing.T) {
	testmod.Unmet(t, module(t), ctxpropagation.Analyzer, "./settings", 3)
}

// set sets one of the analyzer's flags for the rest of the test.
func set(t *testing.T, name, value string) { testmod.SetFlag(t, ctxpropagation.Analyzer, name, value) }

// Test files are analyzed only with -tests: the _test.go expectation in
// ./testsonly goes unmet by default and is met with the flag.
func TestTestFiles(t *testing.T) {
	testmod.TestFiles(t, module(t), ctxpropagation.Analyzer, "./testsonly")
}

// Modules whose path has no dot ("module corp/app", "module app") are the
// user's code like example.com/app: their context-less functions get facts
// and calls of them are reported.
func TestDotlessModulePaths(t *testing.T) {
	for _, name := range []string{"dotless", "hostless"} {
		t.Run(name, func(t *testing.T) {
			testmod.Load(t, name).Run(t, ctxpropagation.Analyzer, "./...")
		})
	}
}

// A library function whose context parameter is only read for values (an
// i18n lookup) is judged in the library's own pass: a fresh context passed
// there is not reported, one passed to a library function that fetches,
// waits or checks for cancellation is. analysistest analyzes the library
// from source, as go vet does.
func TestLibraryValueReaders(t *testing.T) {
	analysistest.Run(t, testmod.Dir(t, "valuesonly"), ctxpropagation.Analyzer, "./...")
}
