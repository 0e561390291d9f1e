package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/resilint/resilint/analyzers"
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
	e, ok := analyzers.Lookup(name)
	if !ok {
		return usagef("-explain: unknown analyzer %q (known: %s)", name, strings.Join(analyzers.Names(), ", "))
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
	fmt.Fprintf(w, "\nSuppress one finding with: //resilint:ignore %s <reason>\nDocumentation: %s\n", a.Name, a.URL)
	return nil
}
