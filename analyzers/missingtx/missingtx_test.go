package missingtx_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers/missingtx"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module: it requires the real database libraries,
// so the rules are checked against their real method sets.
func module(t *testing.T) *testmod.Module { return testmod.Load(t, "svc") }

// The packages written for the rule "any two writes": their expectations
// hold with -strict.
var strictPackages = []string{"./sqlrepo", "./service", "./sqlxrepo", "./pgxrepo", "./gormrepo", "./mongorepo", "./mongov1repo", "./sqlcdb", "./sqlcuse", "./hygiene", "./gen", "./webapp", "./migrate"}

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./evidence", "./gormv1", "./stmtfields"}

func TestAnalyzer(t *testing.T) {
	module(t).Run(t, missingtx.Analyzer, defaultPackages...)
}

func TestStrict(t *testing.T) {
	testmod.SetFlag(t, missingtx.Analyzer, "strict", "true")
	module(t).Run(t, missingtx.Analyzer, strictPackages...)
}

// In-house write methods and min-writes.
func TestSettings(t *testing.T) {
	testmod.SetFlag(t, missingtx.Analyzer, "strict", "true")
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
	testmod.SetFlag(t, missingtx.Analyzer, "strict", "true")
	testmod.TestFiles(t, module(t), missingtx.Analyzer, "./testsonly")
}

// unexpectedLines runs the analyzer on pkg and returns "file.go:line" of
// each finding no expectation asked for.
func unexpectedLines(t *testing.T, pkg string) []string {
	t.Helper()
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, missingtx.Analyzer, pkg)
	var out []string
	for _, e := range rec.Errors {
		if !strings.Contains(e, ": unexpected diagnostic: ") {
			continue
		}
		loc := e[:strings.Index(e, ": unexpected")]
		loc = loc[strings.LastIndex(loc, "/")+1:]
		if i := strings.LastIndex(loc, ":"); strings.Count(loc, ":") == 2 {
			loc = loc[:i] // drop the column
		}
		out = append(out, loc)
	}
	return out
}

// With -strict, the writes the evidence rule leaves quiet are reported:
// the paths of independent writes in ./evidence.
func TestStrictReportsIndependentWrites(t *testing.T) {
	testmod.SetFlag(t, missingtx.Analyzer, "strict", "true")
	got := unexpectedLines(t, "./evidence")
	want := []string{"sql.go:60", "sql.go:69", "sql.go:82", "gorm.go:44", "service.go:38"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("with -strict, want a finding at %s; got findings at %v", w, got)
		}
	}
	// Install's schema script and DO block are not writes at all: even
	// -strict sees one write there.
	for _, loc := range got {
		if strings.HasPrefix(loc, "schema.go:") {
			t.Errorf("with -strict, want no finding in Install, got one at %s", loc)
		}
	}
}
