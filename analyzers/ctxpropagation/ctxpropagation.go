package ctxpropagation

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/resilint/resilint/internal/lint"
)

// Analyzer is a placeholder until the analyzer lands: it reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:     "ctxpropagation",
	Doc:      "reports a context that is available but dropped instead of passed on\n\nNot implemented yet: this analyzer reports nothing.",
	URL:      lint.DocsURL + "ctxpropagation.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var common lint.Common

func init() { common.Register(&Analyzer.Flags) }

func run(pass *analysis.Pass) (any, error) { return nil, nil }
