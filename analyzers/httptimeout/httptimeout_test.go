package httptimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/httptimeout"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real gin and echo, so
// the framework rules are checked against their real method sets.
func module(t *testing.T) *testmod.Module { return testmod.Load(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./client", "./peer", "./server", "./ginapp", "./echoapp", "./storage", "./testutil", "./gen", "./ignore", "./fix", "./release/...", "./cmd/...", "./internal/uicmd", "./oauthlogin", "./apiclient", "./dialer", "./dialerless", "./sdkclients", "./fiberapp", "./notify", "./diag", "./defaultbound/..."}

func TestAnalyzer(t *testing.T) {
	module(t).Run(t, httptimeout.Analyzer, defaultPackages...)
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, module(t).Dir, httptimeout.Analyzer, "./fix")
}

// Test files are analyzed only with -tests: the _test.go expectation in
// ./testsonly goes unmet by default and is met with the flag.
func TestTestFiles(t *testing.T) {
	testmod.TestFiles(t, module(t), httptimeout.Analyzer, "./testsonly")
}

// With -httptimeout.diagnostics the metrics and pprof ports of ./diag are
// reported too: three more findings than its expectations name.
func TestDiagnosticsServers(t *testing.T) {
	testmod.SetFlag(t, httptimeout.Analyzer, "diagnostics", "true")
	testmod.Unexpected(t, module(t), httptimeout.Analyzer, "./diag", 3)
}
