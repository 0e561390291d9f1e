package output

import (
	"io"
	"path/filepath"
	"strings"

	// go-sarif v2, not v3: v3 pads every result with its schema defaults
	// (-1 indexes and offsets, empty arrays), while v2 emits only what is set.
	"github.com/owenrumney/go-sarif/v2/sarif"

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
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("resilint", "https://github.com/resilint/resilint")
	run.Tool.Driver.WithVersion(version.Version)
	if releaseTag.MatchString(version.Version) {
		run.Tool.Driver.WithSemanticVersion(strings.TrimPrefix(version.Version, "v"))
	}
	index := map[string]int{}
	for i, rule := range rules {
		run.Tool.Driver.AddRule(sarifRule(rule, version.Version))
		index[rule.Analyzer.Name] = i
	}
	run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
		srcRoot: sarif.NewArtifactLocation().WithUri("file://" + strings.TrimSuffix(filepath.ToSlash(r.RootDir), "/") + "/"),
	})
	for _, f := range r.Findings {
		res := run.CreateResultForRule(f.Analyzer).
			WithLevel(level(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message))
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewArtifactLocation().WithUri(finding.Rel(r.RootDir, f.File)).WithUriBaseId(srcRoot)).
			WithRegion(region(f))))
		if i, ok := index[f.Analyzer]; ok {
			res.WithRuleIndex(i)
		}
		if f.Fingerprint != "" {
			res.WithPartialFingerPrints(map[string]any{"resilint/v1": f.Fingerprint})
		}
	}
	inv := run.AddInvocation(len(r.Errors) == 0)
	for _, e := range r.Errors {
		msg := e.Message
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		inv.AddTToolExecutionNotification(sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(msg)))
	}
	report.AddRun(run)
	if err := report.PrettyWrite(w); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// region holds only the positions a finding has: SARIF reads a missing
// column or end as "unknown", where a zero would be an invalid position.
func region(f finding.Finding) *sarif.Region {
	reg := sarif.NewRegion().WithStartLine(max(f.Line, 1))
	if f.Column > 0 {
		reg.WithStartColumn(f.Column)
	}
	if f.EndLine >= f.Line && f.EndLine > 0 {
		reg.WithEndLine(f.EndLine)
		if f.EndColumn > 0 {
			reg.WithEndColumn(f.EndColumn)
		}
	}
	return reg
}

func level(severity string) string {
	if severity == "error" {
		return "error"
	}
	return "warning"
}
