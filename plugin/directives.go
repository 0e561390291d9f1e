package plugin

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/directive"
	"github.com/resilint/resilint/internal/lint"
)

// directivesAnalyzer reports resilint directives that suppress nothing
// because they are malformed: no analyzer named, an unknown one, or no
// reason. The analyzers already refuse to honour such a directive; without
// this report golangci-lint would show the finding and leave the user
// wondering why the directive above it did nothing. The CLI reports the
// same message (directive.Problem). Unused directives are not reported
// here: judging them needs every analyzer's findings on the file, which
// only the CLI collects.
var directivesAnalyzer = &analysis.Analyzer{
	Name: Name,
	Doc:  "reports //resilint:ignore and //resilint:file-ignore directives that name no or an unknown analyzer, or give no reason",
	URL:  lint.DirectivesAnalyzer.URL,
	Run:  checkDirectives,
}

func checkDirectives(pass *analysis.Pass) (any, error) {
	known := analyzers.Names()
	for _, f := range pass.Files {
		// Generated files are skipped, as by every analyzer; test files are
		// checked whenever golangci-lint hands them over (run.tests).
		if lint.SkipFile(pass.Fset, f, true) {
			continue
		}
		for _, d := range directive.File(pass.Fset, f) {
			if msg := d.Problem(known); msg != "" {
				pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.Pos + token.Pos(len(d.Text)), Message: msg})
			}
		}
	}
	return nil, nil
}
