package output

import (
	"regexp"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"
)

// ruleTraits is what code scanning shows of a rule beyond its text. The
// property names are GitHub's (and CodeQL's): security-severity, a CVSS-like
// score as a string, marks a rule as a security rule and ranks its alerts;
// precision says how often a finding is real; problem.severity ranks the
// non-security ones.
type ruleTraits struct {
	precision        string // very-high, high, medium or low
	securitySeverity string // "" for rules that are not about security
	tags             []string
}

// traits gives each analyzer's precision from the evaluation rounds beyond
// the tuning corpus (docs/evaluation.md, "Where the 95% target stands").
var traits = map[string]ruleTraits{
	// A credential in source is a vulnerability (CWE-798). GitHub reads the
	// CWE from the external/cwe tag; the plain CWE-798 is for other viewers.
	"hardcodedsecret": {precision: "high", securitySeverity: "7.5", tags: []string{"security", "CWE-798", "external/cwe/cwe-798"}},
	"ctxpropagation":  {precision: "high", tags: reliability},
	"httptimeout":     {precision: "medium", tags: reliability},
	"missingtx":       {precision: "medium", tags: reliability},
	"retrybackoff":    {precision: "medium", tags: reliability},
	"unpaginated":     {precision: "low", tags: reliability},
	// The directive checks of the CLI: a malformed or stale directive is
	// certain, but it is about the suppression, not the code.
	"resilint": {precision: "very-high", tags: []string{"maintainability"}},
}

var reliability = []string{"reliability", "resilience"}

// sarifRule describes one analyzer as a SARIF reportingDescriptor, its
// documentation links pointing at the docs of the running version v.
func sarifRule(rule Rule, v string) *sarif.ReportingDescriptor {
	a := rule.Analyzer
	summary, _, _ := strings.Cut(a.Doc, "\n")
	d := sarif.NewRule(a.Name).
		WithName(a.Name).
		WithShortDescription(sarif.NewMultiformatMessageString(summary)).
		WithFullDescription(sarif.NewMultiformatMessageString(a.Doc)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(rule.Severity)))
	if a.URL != "" {
		url := versionedDocs(a.URL, v)
		d.WithHelpURI(url).WithHelp(sarif.NewMultiformatMessageString(a.Doc + "\n\nDocumentation: " + url).
			WithMarkdown(a.Doc + "\n\n[Documentation](" + url + ")"))
	}
	t, ok := traits[a.Name]
	if !ok {
		t = ruleTraits{precision: "medium", tags: reliability}
	}
	props := sarif.Properties{"precision": t.precision, "tags": t.tags, "problem.severity": level(rule.Severity)}
	if t.securitySeverity != "" {
		props["security-severity"] = t.securitySeverity
	}
	return d.WithProperties(props)
}

// releaseTag matches the versions that are tags of this repository. A
// pseudo-version, a dirty build or "devel" has no docs of its own.
var releaseTag = regexp.MustCompile(`^v\d+\.\d+\.\d+$`)

const repoBlob = "https://github.com/resilint/resilint/blob/"

// versionedDocs points a documentation URL on the main branch at the tag of
// release v, so that an alert links to the docs of the version that raised
// it rather than to docs that have moved on since.
func versionedDocs(url, v string) string {
	rest, onMain := strings.CutPrefix(url, repoBlob+"main/")
	if !onMain || !releaseTag.MatchString(v) {
		return url
	}
	return repoBlob + v + "/" + rest
}
