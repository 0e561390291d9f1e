package lint

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
)

// ReportRule reports a diagnostic spanning node n as a finding of the rule
// with the given ID (internal/rules). The ID travels as the diagnostic's
// Category, which every driver keeps: go vet -json prints it, the CLI and
// the golangci-lint plugin filter and label findings by it.
func (p *Pass) ReportRule(rule string, n ast.Node, message string, fixes ...analysis.SuggestedFix) {
	p.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: rule, Message: message, SuggestedFixes: fixes})
}
