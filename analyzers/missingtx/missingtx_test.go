package missingtx_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/missingtx"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real database libraries,
// so the rules are checked against their real method sets.
func module(t *testing.T) string { return testmod.Dir(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./sqlrepo", "./service", "./sqlxrepo", "./pgxrepo", "./gormrepo", "./mongorepo", "./mongov1repo", "./sqlcdb", "./sqlcuse", "./hygiene", "./gen"}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, module(t), missingtx.Analyzer, defaultPackages...)
}

// Test files are skipped by default: the only failure the default run may
// produce on ./testsonly is the unmet expectation in its _test.go file.
func TestTestFilesSkippedByDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), missingtx.Analyzer, "./testsonly")
	if len(rec.errors) == 0 {
		t.Fatal("the _test.go finding was reported although -tests is off")
	}
	for _, e := range rec.errors {
		if !strings.Contains(e, "store_test.go") || !strings.Contains(e, "no diagnostic was reported") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

func TestTestFilesWithFlag(t *testing.T) {
	if err := missingtx.Analyzer.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer missingtx.Analyzer.Flags.Set("tests", "false")
	analysistest.Run(t, module(t), missingtx.Analyzer, "./testsonly")
}

// In-house write methods and min-writes.
func TestSettings(t *testing.T) {
	set := func(name, value string) {
		t.Helper()
		if err := missingtx.Analyzer.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	set("write-methods", "example.com/svc/settings.Store.Put")
	set("min-writes", "3")
	defer set("write-methods", "")
	defer set("min-writes", "2")
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), missingtx.Analyzer, "./settings")
	// With min-writes 3, Save's two writes are not reported: its
	// expectation is the only one unmet.
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "store.go:12: no diagnostic") {
		t.Errorf("want only Save's expectation unmet, got %q", rec.errors)
	}
	set("min-writes", "2")
	analysistest.Run(t, module(t), missingtx.Analyzer, "./settings")
}

// recorder collects analysistest's failures instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
