package output

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/resilint/resilint/internal/rules"
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
// documentation links pointing at the docs of the running version v. It is
// the rule of the analyzer's findings that carry no rule ID.
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
	return d.WithProperties(ruleProperties(a.Name, rule.Severity, rules.Rule{}))
}

// sarifIDRule describes one rule ID of an analyzer. Its help links to the
// rule's entry in docs/rules.md and to the analyzer's page.
func sarifIDRule(analyzer Rule, r rules.Rule, v string) *sarif.ReportingDescriptor {
	text := r.Summary + ". " + r.Help
	d := sarif.NewRule(r.ID).
		WithName(r.Name).
		WithShortDescription(sarif.NewMultiformatMessageString(r.Summary)).
		WithFullDescription(sarif.NewMultiformatMessageString(text)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(level(analyzer.Severity)))
	url := RuleURL(r.ID, v)
	help := sarif.NewMultiformatMessageString(text + "\n\nDocumentation: " + url)
	markdown := text + "\n\n[" + r.ID + " in docs/rules.md](" + url + ")"
	if a := analyzer.Analyzer; a != nil && a.URL != "" {
		markdown += ", [the " + a.Name + " analyzer](" + versionedDocs(a.URL, v) + ")"
	}
	d.WithHelpURI(url).WithHelp(help.WithMarkdown(markdown))
	return d.WithProperties(ruleProperties(r.Analyzer, analyzer.Severity, r))
}

// ruleProperties are the analyzer's traits, refined by the rule's own
// security severity and CWE where it has them, and tagged with the
// analyzer's name so that alerts can be filtered by analyzer.
func ruleProperties(analyzer, severity string, r rules.Rule) sarif.Properties {
	t, ok := traits[analyzer]
	if !ok {
		t = ruleTraits{precision: "medium", tags: reliability}
	}
	tags := slices.Clone(t.tags)
	if r.ID != "" {
		tags = append(tags, analyzer)
	}
	secSeverity := t.securitySeverity
	if r.SecuritySeverity != "" {
		secSeverity = r.SecuritySeverity
	}
	if r.CWE != 0 && r.CWE != 798 {
		// The analyzer's tags name CWE-798; a rule with a more precise
		// weakness names that one instead.
		tags = slices.DeleteFunc(tags, func(s string) bool { return strings.Contains(strings.ToLower(s), "cwe") })
		tags = append(tags, fmt.Sprintf("CWE-%d", r.CWE), fmt.Sprintf("external/cwe/cwe-%d", r.CWE))
	}
	props := sarif.Properties{"precision": t.precision, "tags": tags, "problem.severity": level(severity)}
	if secSeverity != "" {
		props["security-severity"] = secSeverity
	}
	return props
}

// RuleURL is the documentation link of a rule ID for version v.
func RuleURL(id, v string) string {
	return versionedDocs(repoBlob+"main/docs/rules.md#"+strings.ToLower(id), v)
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

// ruleIDs are the rule IDs of an analyzer (the writers' rules parameter
// hides the rules package).
func ruleIDs(analyzer string) []rules.Rule { return rules.Of(analyzer) }
