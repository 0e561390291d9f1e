package output

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/resilint/resilint/internal/finding"
	"github.com/resilint/resilint/internal/version"
)

// srcRoot is the uriBaseId every location is relative to; code scanning
// resolves it to the repository checkout.
const srcRoot = "%SRCROOT%"

// SARIF prints a SARIF 2.1.0 log that GitHub code scanning accepts: one
// rule per analyzer, results with ruleId, level and partialFingerprints,
// locations relative to the repository root.
func SARIF(w io.Writer, r *finding.Result, rules []Rule) error {
	run := sarif.NewRunWithInformationURI("resilint", "https://github.com/resilint/resilint")
	run.Tool.Driver.WithVersion(version.Version).WithSemanticVersion(version.Version)
	for _, rule := range rules {
		a := rule.Analyzer
		summary, _, _ := strings.Cut(a.Doc, "\n")
		run.AddRule(a.Name).
			WithName(a.Name).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(summary)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(a.Doc)).
			WithHelp(sarif.NewMultiformatMessageString().WithText(a.Doc + "\n\nDocumentation: " + a.URL).
				WithMarkdown(a.Doc + "\n\n[Documentation](" + a.URL + ")")).
			WithHelpURI(a.URL).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(rule.Severity))).
			WithProperties(sarif.NewPropertyBag().Add("tags", []string{"reliability", "resilience"}))
	}
	run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{
		srcRoot: *sarif.NewArtifactLocation().WithURI("file://" + strings.TrimSuffix(filepath.ToSlash(r.RootDir), "/") + "/"),
	})
	for _, f := range r.Findings {
		region := sarif.NewRegion().WithStartLine(f.Line).WithStartColumn(f.Column)
		if f.EndLine > 0 {
			region.WithEndLine(f.EndLine).WithEndColumn(f.EndColumn)
		}
		loc := sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewArtifactLocation().WithURI(finding.Rel(r.RootDir, f.File)).WithURIBaseID(srcRoot)).
			WithRegion(region)
		res := run.CreateResultForRule(f.Analyzer).
			WithLevel(level(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(sarif.NewLocationWithPhysicalLocation(loc))
		if idx := run.GetRuleIndex(f.Analyzer); idx >= 0 {
			res.WithRuleIndex(idx)
		}
		if f.Fingerprint != "" {
			res.WithPartialFingerprints(map[string]string{"resilint/v1": f.Fingerprint})
		}
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.Errors) == 0)
	for _, e := range r.Errors {
		msg := e.Message
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(msg)))
	}
	run.AddInvocation(inv)
	rep := sarif.NewReport()
	rep.AddRun(run)
	return rep.PrettyWrite(w)
}

func level(severity string) string {
	if severity == "error" {
		return "error"
	}
	return "warning"
}
