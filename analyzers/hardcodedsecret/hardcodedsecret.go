package hardcodedsecret

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/resilint/resilint/internal/lint"
)

// Analyzer is a placeholder until the analyzer lands: it reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:     "hardcodedsecret",
	Doc:      "reports credentials hardcoded in source code\n\nNot implemented yet: this analyzer reports nothing.",
	URL:      lint.DocsURL + "hardcodedsecret.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var common lint.Common

func init() { common.Register(&Analyzer.Flags) }

func run(pass *analysis.Pass) (any, error) { return nil, nil }
