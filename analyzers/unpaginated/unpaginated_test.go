package unpaginated_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/unpaginated"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real sqlx, pgx, GORM,
// ent and MongoDB drivers, so the rules are checked against their real
// method sets.
func module(t *testing.T) string { return testmod.Dir(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{
	"./sqlrepo", "./sqlxrepo", "./pgxrepo", "./gormrepo", "./ent/...", "./entrepo",
	"./mongorepo", "./mongov1repo", "./gen", "./ignore",
}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, module(t), unpaginated.Analyzer, defaultPackages...)
}

func TestSettings(t *testing.T) {
	set(t, "unique-columns", "id, email,slug")
	set(t, "allow-tables", "countries,currencies, ref.feature_flags")
	analysistest.Run(t, module(t), unpaginated.Analyzer, "./settings")
}

// Without the settings, the lookups in ./settings are reported: the run
// must fail on the lines the settings exempt.
func TestSettingsDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), unpaginated.Analyzer, "./settings")
	if len(rec.errors) != 5 {
		t.Errorf("got %d failures, want 5 unexpected findings:\n%s", len(rec.errors), strings.Join(rec.errors, "\n"))
	}
	for _, e := range rec.errors {
		if !strings.Contains(e, "unexpected diagnostic") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

// Test files are skipped by default: the only failure the default run may
// produce on ./testsonly is the unmet expectation in its _test.go file.
func TestTestFilesSkippedByDefault(t *testing.T) {
	rec := &recorder{TB: t}
	analysistest.Run(rec, module(t), unpaginated.Analyzer, "./testsonly")
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
	analysistest.Run(t, module(t), unpaginated.Analyzer, "./testsonly")
}

// set sets an analyzer flag for the test and restores its default after.
func set(t *testing.T, name, value string) {
	t.Helper()
	f := unpaginated.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag %q", name)
	}
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(f.DefValue) })
}

// recorder collects analysistest's failures instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
