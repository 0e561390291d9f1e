package lint_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/testmod"
)

// probe flags every call of a function named risky, through lint.Pass, so
// these tests exercise exactly what every real analyzer relies on.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "test analyzer: flags calls of risky",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		p := lint.NewPass(pass, &probeCommon)
		for c := range p.Preorder((*ast.CallExpr)(nil)) {
			call := c.Node().(*ast.CallExpr)
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "risky" {
				p.ReportNode(call, "risky call")
			}
		}
		return nil, nil
	},
}

var probeCommon lint.Common

func init() { probeCommon.Register(&probe.Flags) }

func TestSuppressionAndGeneratedFiles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "suppress")
}

func TestTestFilesSkippedByDefault(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "testfiles")
}

// Packages that are test support by their path or name report nothing by
// default: their want-less calls would be unexpected diagnostics.
func TestTestSupportPackagesSkippedByDefault(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "svc/test/mockserver", "svc/internal/dbtest")
	if err := probe.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer probe.Flags.Set("tests", "false")
	rec := &testmod.Recorder{TB: t}
	analysistest.Run(rec, analysistest.TestData(), probe, "svc/test/mockserver", "svc/internal/dbtest")
	if len(rec.Errors) != 2 {
		t.Errorf("with -tests, want the two risky calls reported, got %q", rec.Errors)
	}
}

func TestTestFilesWithTestsFlag(t *testing.T) {
	if err := probe.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer probe.Flags.Set("tests", "false")
	analysistest.Run(t, analysistest.TestData(), probe, "testfileson")
}

func TestCLIModeReportsRawFindingsAndDirectives(t *testing.T) {
	lint.CLIMode = true
	defer func() { lint.CLIMode = false }()
	analysistest.Run(t, analysistest.TestData(), probe, "climode")
	analysistest.Run(t, analysistest.TestData(), lint.DirectivesAnalyzer, "climodedirectives")
}

func TestDirectivesAnalyzerSilentOutsideCLI(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), lint.DirectivesAnalyzer, "plain")
	for _, r := range results {
		if len(r.Diagnostics) != 0 {
			t.Errorf("DirectivesAnalyzer reported %d diagnostics without -resilint.cli", len(r.Diagnostics))
		}
	}
}

// The go command describes a package from the module cache with its
// module's version, and the main or a workspace module with none.
func TestDependency(t *testing.T) {
	for _, tc := range []struct {
		module *analysis.Module
		want   bool
	}{
		{&analysis.Module{Path: "github.com/gin-gonic/gin", Version: "v1.10.1"}, true},
		{&analysis.Module{Path: "example.com/svc"}, false},
		{nil, false}, // a driver that does not say: analyze it
	} {
		if got := lint.Dependency(&analysis.Pass{Module: tc.module}); got != tc.want {
			t.Errorf("Dependency(module %+v) = %v, want %v", tc.module, got, tc.want)
		}
	}
}
