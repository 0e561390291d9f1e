package missingtx_test

import (
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers/missingtx"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real database libraries,
// so the rules are checked against their real method sets.
func module(t *testing.T) *testmod.Module { return testmod.Load(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./sqlrepo", "./service", "./sqlxrepo", "./pgxrepo", "./gormrepo", "./mongorepo", "./mongov1repo", "./sqlcdb", "./sqlcuse", "./hygiene", "./gen", "./webapp", "./migrate"}

func TestAnalyzer(t *testing.T) {
	module(t).Run(t, missingtx.Analyzer, defaultPackages...)
}

// In-house write methods and min-writes.
func TestSettings(t *testing.T) {
	testmod.SetFlag(t, missingtx.Analyzer, "write-methods", "example.com/svc/settings.Store.Put")
	testmod.SetFlag(t, missingtx.Analyzer, "min-writes", "3")
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, missingtx.Analyzer, "./settings")
	// With min-writes 3, Save's two writes are not reported: its
	// expectation is the only one unmet.
	if len(rec.Errors) != 1 || !strings.Contains(rec.Errors[0], "store.go:12: no diagnostic") {
		t.Errorf("want only Save's expectation unmet, got %q", rec.Errors)
	}
	testmod.SetFlag(t, missingtx.Analyzer, "min-writes", "2")
	module(t).Run(t, missingtx.Analyzer, "./settings")
}

// Test files are analyzed only with -tests: the _test.go expectation in
// ./testsonly goes unmet by default and is met with the flag.
func TestTestFiles(t *testing.T) {
	testmod.TestFiles(t, module(t), missingtx.Analyzer, "./testsonly")
}
