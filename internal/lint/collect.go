package lint

import (
	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/directive"
)

// DirectiveCategory marks the diagnostics by which DirectivesAnalyzer hands
// the CLI the directives of each analyzed file.
const DirectiveCategory = "resilint-directive"

// DirectivesAnalyzer is not a check. The resilint CLI runs it (with
// -resilint.cli) so that it learns every suppression directive in the
// analyzed files: it needs them to report malformed and unused directives,
// which no single analyzer can judge. Without -resilint.cli it does nothing,
// so go vet and golangci-lint users never see it.
var DirectivesAnalyzer = &analysis.Analyzer{
	Name: "resilint",
	Doc: `checks resilint's suppression directives

The resilint CLI reports a //resilint:ignore or //resilint:file-ignore
directive that gives no reason, names an unknown analyzer, or no longer
suppresses anything: a stale directive would silently hide the next real
finding on its line. Under go vet and golangci-lint this analyzer does
nothing; it needs -resilint.cli, which only the CLI sets.`,
	URL: "https://github.com/resilint/resilint/blob/main/docs/cli.md#suppressing-findings",
	Run: collectDirectives,
}

func init() {
	DirectivesAnalyzer.Flags.BoolVar(&CLIMode, "cli", false, "report raw findings and directives for the resilint CLI")
}

func collectDirectives(pass *analysis.Pass) (any, error) {
	if !CLIMode {
		return nil, nil
	}
	for _, f := range pass.Files {
		// Test files are included: the CLI knows whether tests are analyzed.
		if SkipFile(pass.Fset, f, true) {
			continue
		}
		for _, d := range directive.File(pass.Fset, f) {
			if d.Kind == directive.Nolint {
				continue // golangci-lint's own nolintlint judges these
			}
			pass.Report(analysis.Diagnostic{Pos: d.Pos, Category: DirectiveCategory, Message: d.Text})
		}
	}
	return nil, nil
}
