package testmod

import (
	"fmt"
	"os"
	"path"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A Module is an analyzer's testdata module, loaded once per test binary
// and shared by every case that analyzes it.
//
// analysistest.Run loads its packages and every dependency from source on
// each call, and runs fact-exporting analyzers over all of them (GORM,
// pgx, client-go and the standard library included): most of an
// analyzer's test time. A Module type-checks the module's own packages
// (with their tests) from source once and its third-party and standard
// dependencies from the compiler's export data, which the build cache
// keeps. Facts are computed only for the module's own packages, which is
// where every test's facts come from.
type Module struct {
	Dir  string // the module's directory
	path string // its module path
	pkgs []*packages.Package
}

var modules sync.Map // module dir -> *loadOnce

type loadOnce struct {
	once sync.Once
	mod  *Module
	err  error
}

// Load returns the testdata module testdata/src/name, downloading its
// dependencies and loading its packages on the first call in a test
// binary.
func Load(t testing.TB, name string) *Module {
	t.Helper()
	dir := Dir(t, name)
	v, _ := modules.LoadOrStore(dir, new(loadOnce))
	l := v.(*loadOnce)
	l.once.Do(func() { l.mod, l.err = load(dir) })
	if l.err != nil {
		t.Fatal(l.err)
	}
	return l.mod
}

func load(dir string) (*Module, error) {
	cfg := &packages.Config{
		// Without NeedDeps, only the packages the patterns match are
		// parsed and type-checked; their imports come from export data.
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
			packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
		Dir:   dir,
		Tests: true,
		// As analysistest: the module cache must already hold everything.
		Env: append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, fmt.Errorf("loading %s: %v", dir, err)
	}
	m := &Module{Dir: dir, pkgs: pkgs}
	fromSource := make(map[*packages.Package]bool)
	for _, p := range pkgs {
		if p.Name == "" {
			return nil, fmt.Errorf("loading %s: %s: %v", dir, p.ID, p.Errors)
		}
		if p.Module != nil && p.Module.Main {
			m.path = p.Module.Path
		}
		fromSource[p] = true
	}
	if m.path == "" {
		return nil, fmt.Errorf("loading %s: no package of the main module", dir)
	}
	// checker.Analyze runs a fact-exporting analyzer on every package in
	// Imports, recursively. The dependencies loaded from export data have
	// no syntax to run on, so only the module's own imports are kept.
	for _, p := range pkgs {
		for imp, dep := range p.Imports {
			if !fromSource[dep] {
				delete(p.Imports, imp)
			}
		}
	}
	return m, nil
}

// Packages returns the loaded packages (test variants included) that the
// patterns match, the way analysistest.Run would load them. A pattern is
// relative to the module: "./store" or "./cmd/...".
func (m *Module) Packages(patterns ...string) ([]*packages.Package, error) {
	var out []*packages.Package
	for _, pat := range patterns {
		rel, ok := strings.CutPrefix(pat, ".")
		if !ok {
			return nil, fmt.Errorf("pattern %q is not relative to the module", pat)
		}
		want := path.Clean(m.path + rel)
		prefix, tree := strings.CutSuffix(want, "/...")
		n := len(out)
		for _, p := range m.pkgs {
			under := underTest(p)
			if under == want || tree && (under == prefix || strings.HasPrefix(under, prefix+"/")) {
				out = append(out, p)
			}
		}
		if len(out) == n {
			return nil, fmt.Errorf("no packages matched %s", pat)
		}
	}
	return out, nil
}

// underTest is the import path of the package p is built for: its own,
// or for a test variant ("a [a.test]", "a_test [a.test]", "a.test") that
// of a.
func underTest(p *packages.Package) string {
	if _, variant, ok := strings.Cut(p.ID, " ["); ok {
		return strings.TrimSuffix(variant, ".test]")
	}
	return strings.TrimSuffix(p.ID, ".test")
}

// Run analyzes the packages the patterns match with a and checks its
// diagnostics and facts against their `// want` comments, reporting each
// mismatch to t.Errorf with analysistest's wording.
func (m *Module) Run(t Reporter, a *analysis.Analyzer, patterns ...string) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	roots, err := m.Packages(patterns...)
	if err != nil {
		t.Errorf("loading %s: %v", patterns, err)
		return
	}
	if l, ok := t.(interface{ Log(...any) }); ok && !a.RunDespiteErrors {
		for _, p := range roots {
			for _, e := range p.Errors {
				l.Log(e)
			}
		}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("Analyze: %v", err)
		return
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
			continue
		}
		for _, e := range check(act) {
			t.Errorf("%s", e)
		}
	}
}

// A Reporter receives a run's failures: a *testing.T, or a Recorder.
type Reporter interface {
	Errorf(format string, args ...any)
}
