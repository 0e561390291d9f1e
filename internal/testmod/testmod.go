// Package testmod runs the analyzers' tests on their testdata modules.
// Each testdata module requires the real libraries an analyzer
// understands (GORM, pgx, gin, the backoff libraries...). Load reads a
// module once per test binary and Module.Run checks an analyzer's
// `// want` expectations on it, as analysistest.Run does, without
// re-loading every dependency from source on each call. The packages are
// loaded with GOPROXY=off, as analysistest does, so Dir first fills the
// module cache.
package testmod

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

var downloads sync.Map // module dir -> *download

type download struct {
	once sync.Once
	err  error
}

// Dir returns the analyzer's testdata module testdata/src/name, after
// downloading its dependencies once per test binary (a no-op when the
// module cache already has them).
func Dir(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(analysistest.TestData(), "src", name)
	v, _ := downloads.LoadOrStore(dir, new(download))
	d := v.(*download)
	d.once.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			d.err = fmt.Errorf("go mod download in %s: %v\n%s", dir, err, out)
		}
	})
	if d.err != nil {
		t.Fatal(d.err)
	}
	return dir
}

// SetFlag sets an analyzer's flag for the rest of the test and restores
// its value afterwards: flags are process-wide state.
func SetFlag(t testing.TB, a *analysis.Analyzer, name, value string) {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("%s has no flag %q", a.Name, name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}

// A Recorder collects Module.Run's (or analysistest's) failures instead of failing the test,
// so a test can assert which expectations go unmet (the findings a
// setting turns off).
type Recorder struct {
	testing.TB
	Errors []string
}

// Errorf records a failure.
func (r *Recorder) Errorf(format string, args ...any) {
	r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
}

// TestFiles checks the common -tests flag on the package pkg of m, whose
// _test.go files hold `// want` expectations: by default exactly those go
// unmet (test files are not analyzed), and with -NAME.tests they are met.
func TestFiles(t *testing.T, m *Module, a *analysis.Analyzer, pkg string) {
	t.Helper()
	rec := &Recorder{TB: t}
	m.Run(rec, a, pkg)
	if len(rec.Errors) == 0 {
		t.Fatal("the _test.go finding was reported although -tests is off")
	}
	for _, e := range rec.Errors {
		if !strings.Contains(e, "_test.go") || !strings.Contains(e, "no diagnostic was reported") {
			t.Errorf("unexpected failure with -tests off: %s", e)
		}
	}
	SetFlag(t, a, "tests", "true")
	m.Run(t, a, pkg)
}

// Unmet runs a on the package pkg of m and checks that exactly n of its
// expectations go unmet and that nothing else fails: the findings that the
// current settings turn off, with none reported in their place.
func Unmet(t *testing.T, m *Module, a *analysis.Analyzer, pkg string, n int) {
	t.Helper()
	onlyFailures(t, m, a, pkg, n, "no diagnostic was reported", "expectations unmet")
}

// Unexpected runs a on the package pkg of m and checks that exactly n
// findings are reported beyond its expectations and that nothing else
// fails: the findings that the current settings turn on.
func Unexpected(t *testing.T, m *Module, a *analysis.Analyzer, pkg string, n int) {
	t.Helper()
	onlyFailures(t, m, a, pkg, n, "unexpected diagnostic", "unexpected findings")
}

// onlyFailures checks that running a on pkg fails exactly n times, each
// failure of the kind whose message contains kind.
func onlyFailures(t *testing.T, m *Module, a *analysis.Analyzer, pkg string, n int, kind, what string) {
	t.Helper()
	rec := &Recorder{TB: t}
	m.Run(rec, a, pkg)
	if len(rec.Errors) != n {
		t.Errorf("want %d %s in %s, got %d failures:\n%s", n, what, pkg, len(rec.Errors), strings.Join(rec.Errors, "\n"))
	}
	for _, e := range rec.Errors {
		if !strings.Contains(e, kind) {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}
