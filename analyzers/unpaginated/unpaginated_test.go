package unpaginated_test

import (
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers/unpaginated"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module, loaded once for all the tests: it
// requires the real sqlx, pgx, GORM, ent and MongoDB drivers, so the
// rules are checked against their real method sets.
func module(t *testing.T) *testmod.Module { return testmod.Load(t, "svc") }

// The packages written before growth evidence: their expectations are
// those of -strict, which reports every read without a bound.
var strictPackages = []string{
	"./sqlrepo", "./sqlxrepo", "./pgxrepo", "./gormrepo", "./ent/...", "./entrepo",
	"./mongorepo", "./mongov1repo", "./gen", "./ignore", "./migrate", "./cmd/...",
}

func TestStrict(t *testing.T) {
	set(t, "strict", "true")
	module(t).Run(t, unpaginated.Analyzer, strictPackages...)
}

func TestSettings(t *testing.T) {
	set(t, "strict", "true")
	set(t, "unique-columns", "id, email,slug")
	set(t, "allow-tables", "countries,currencies, ref.feature_flags")
	module(t).Run(t, unpaginated.Analyzer, "./settings")
}

// Without the settings, the lookups in ./settings are reported: the run
// must fail on the lines the settings exempt.
func TestSettingsDefault(t *testing.T) {
	set(t, "strict", "true")
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, unpaginated.Analyzer, "./settings")
	if len(rec.Errors) != 5 {
		t.Errorf("got %d failures, want 5 unexpected findings:\n%s", len(rec.Errors), strings.Join(rec.Errors, "\n"))
	}
	for _, e := range rec.Errors {
		if !strings.Contains(e, "unexpected diagnostic") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

// set sets one of the analyzer's flags for the rest of the test.
func set(t *testing.T, name, value string) { testmod.SetFlag(t, unpaginated.Analyzer, name, value) }

// Test files are analyzed only with -tests: the _test.go expectation in
// ./testsonly goes unmet by default and is met with the flag.
func TestTestFiles(t *testing.T) {
	set(t, "strict", "true")
	testmod.TestFiles(t, module(t), unpaginated.Analyzer, "./testsonly")
}

// With -cli, a command's one-shot reads are reported too: the two in
// ./cmd/reindex that the default spares must then be unexpected.
func TestCLI(t *testing.T) {
	set(t, "strict", "true")
	set(t, "cli", "true")
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, unpaginated.Analyzer, "./cmd/...")
	if len(rec.Errors) != 2 {
		t.Errorf("got %d failures, want 2 unexpected findings:\n%s", len(rec.Errors), strings.Join(rec.Errors, "\n"))
	}
	for _, e := range rec.Errors {
		if !strings.Contains(e, "unexpected diagnostic") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

// The packages written for growth evidence: their expectations are those
// of the default settings.
var growthPackages = []string{"./growth/..."}

func TestGrowth(t *testing.T) {
	module(t).Run(t, unpaginated.Analyzer, growthPackages...)
}

// With -strict, every read without a bound in ./growth is reported: the
// reads the default spares (child lists and whole reads of tables with no
// growth evidence, a cascade delete's ids, a whole read off a request
// path, the children of one occurrence, a child list whose table grows only
// by adding parents in a loop, a recent period, a table kept by upserts)
// must then be unexpected. Lookups by a schema key, reads of the first row
// and one row per DISTINCT value stay unreported.
func TestGrowthStrict(t *testing.T) {
	set(t, "strict", "true")
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, unpaginated.Analyzer, growthPackages...)
	var unexpected []string
	for _, e := range rec.Errors {
		if !strings.Contains(e, "unexpected diagnostic") {
			t.Errorf("unexpected failure: %s", e)
			continue
		}
		unexpected = append(unexpected, e)
	}
	if len(unexpected) != 19 {
		t.Errorf("got %d unexpected findings, want 19:\n%s", len(unexpected), strings.Join(unexpected, "\n"))
	}
}
