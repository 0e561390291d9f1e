package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/output"
	"github.com/resilint/resilint/internal/rules"
	"github.com/resilint/resilint/internal/version"
)

func listAnalyzers(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, e := range analyzers.Entries() {
		summary, _, _ := strings.Cut(e.Analyzer.Doc, "\n")
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Analyzer.Name, e.Severity, summary)
	}
	tw.Flush()
}

func explain(w io.Writer, name string) error {
	if rules.LooksLikeID(name) {
		return explainRule(w, name)
	}
	e, ok := analyzers.Lookup(name)
	if !ok {
		return usagef("-explain: unknown analyzer %q (known: %s, or a rule ID such as RL101)", name, strings.Join(analyzers.Names(), ", "))
	}
	a := e.Analyzer
	fmt.Fprintf(w, "%s (%s)\n\n%s\n", a.Name, e.Severity, strings.TrimSpace(a.Doc))
	var settings []string
	a.Flags.VisitAll(func(f *flag.Flag) {
		settings = append(settings, fmt.Sprintf("  -%s.%s (default %q)\n    \t%s", a.Name, f.Name, f.DefValue, f.Usage))
	})
	if len(settings) > 0 {
		fmt.Fprintf(w, "\nSettings (flags, or keys of the %q section of .resilint.yml):\n%s\n", a.Name, strings.Join(settings, "\n"))
	}
	fmt.Fprintf(w, "\nRules (-explain ID for one; an ID works wherever %s does):\n", a.Name)
	for _, r := range rules.Of(a.Name) {
		fmt.Fprintf(w, "  %s  %s: %s\n", r.ID, r.Name, r.Summary)
	}
	fmt.Fprintf(w, "\nSuppress one finding with: //resilint:ignore %s <reason>\nDocumentation: %s\n", a.Name, a.URL)
	return nil
}

// explainRule prints one rule ID: what it flags, why and how to fix it.
func explainRule(w io.Writer, id string) error {
	r, ok := rules.Lookup(id)
	if !ok {
		return usagef("-explain: unknown rule %q (resilint -explain ANALYZER lists its rules)", id)
	}
	severity := "warning"
	if e, ok := analyzers.Lookup(r.Analyzer); ok {
		severity = e.Severity
	}
	fmt.Fprintf(w, "%s %s (%s, %s)\n\n%s.\n\n%s\n", r.ID, r.Name, r.Analyzer, severity, strings.ToUpper(r.Summary[:1])+r.Summary[1:], r.Help)
	if r.CWE != 0 {
		fmt.Fprintf(w, "\nCWE-%d, security severity %s\n", r.CWE, r.SecuritySeverity)
	}
	fmt.Fprintf(w, "\nSuppress one finding with: //resilint:ignore %s <reason>\nDocumentation: %s\n", r.ID, output.RuleURL(r.ID, version.Version))
	return nil
}
