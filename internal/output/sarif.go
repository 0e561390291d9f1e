package output

import (
	"io"
	"path/filepath"
	"strconv"
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
// rule per rule ID (RL101, ...; the analyzer's name is a tag of each),
// results with ruleId, level, partialFingerprints and related locations,
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
	byAnalyzer := map[string]Rule{}
	index := map[string]int{}
	addRule := func(id string, d *sarif.ReportingDescriptor) {
		index[id] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.AddRule(d)
	}
	for _, rule := range rules {
		byAnalyzer[rule.Analyzer.Name] = rule
		for _, r := range ruleIDs(rule.Analyzer.Name) {
			addRule(r.ID, sarifIDRule(rule, r, version.Version))
		}
	}
	run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
		srcRoot: sarif.NewArtifactLocation().WithUri("file://" + strings.TrimSuffix(filepath.ToSlash(r.RootDir), "/") + "/"),
	})
	for _, f := range r.Findings {
		id := f.Rule
		if _, ok := index[id]; !ok {
			// A finding without a known rule ID is the analyzer's own.
			id = f.Analyzer
			if rule, ok := byAnalyzer[id]; ok && !hasRule(index, id) {
				addRule(id, sarifRule(rule, version.Version))
			}
		}
		res := run.CreateResultForRule(id).
			WithLevel(level(f.Severity)).
			WithMessage(sarif.NewTextMessage(sarifMessage(f)))
		res.AddLocation(sarif.NewLocationWithPhysicalLocation(physical(r.RootDir, f.File, region(f.Line, f.Column, f.EndLine, f.EndColumn))))
		for i, rel := range f.Related {
			res.AddRelatedLocation(sarif.NewLocationWithPhysicalLocation(physical(r.RootDir, rel.File, region(rel.Line, rel.Column, rel.EndLine, rel.EndColumn))).
				WithId(i + 1).WithMessage(sarif.NewTextMessage(rel.Message)))
		}
		if i, ok := index[id]; ok {
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
func region(line, col, endLine, endCol int) *sarif.Region {
	reg := sarif.NewRegion().WithStartLine(max(line, 1))
	if col > 0 {
		reg.WithStartColumn(col)
	}
	if endLine >= line && endLine > 0 {
		reg.WithEndLine(endLine)
		if endCol > 0 {
			reg.WithEndColumn(endCol)
		}
	}
	return reg
}

func physical(root, file string, reg *sarif.Region) *sarif.PhysicalLocation {
	return sarif.NewPhysicalLocation().
		WithArtifactLocation(sarif.NewArtifactLocation().WithUri(finding.Rel(root, file)).WithUriBaseId(srcRoot)).
		WithRegion(reg)
}

// sarifMessage is the finding's message with a link to each related
// location, written as SARIF's embedded links "[text](id)" so that viewers
// make them clickable. A message with links must escape its own brackets.
func sarifMessage(f finding.Finding) string {
	if len(f.Related) == 0 {
		return f.Message
	}
	esc := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)
	links := make([]string, len(f.Related))
	for i, rel := range f.Related {
		links[i] = "[" + esc.Replace(rel.Message) + "](" + strconv.Itoa(i+1) + ")"
	}
	return esc.Replace(f.Message) + " (related: " + strings.Join(links, "; ") + ")"
}

func hasRule(index map[string]int, id string) bool {
	_, ok := index[id]
	return ok
}

func level(severity string) string {
	if severity == "error" {
		return "error"
	}
	return "warning"
}
