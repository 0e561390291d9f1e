// Package output renders a run's findings in the formats the CLI offers.
package output

import (
	"fmt"
	"io"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/finding"
)

// A Rule describes an analyzer for formats that carry rule metadata.
type Rule struct {
	Analyzer *analysis.Analyzer
	Severity string
}

// A Writer renders a result.
type Writer func(w io.Writer, r *finding.Result, rules []Rule) error

var writers = map[string]Writer{
	"text":   Text,
	"json":   JSON,
	"sarif":  SARIF,
	"github": GitHub,
	"gitlab": GitLab,
}

// Formats lists the supported format names.
func Formats() []string {
	names := make([]string, 0, len(writers))
	for n := range writers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Lookup returns the writer for a format name.
func Lookup(format string) (Writer, error) {
	w, ok := writers[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %v)", format, Formats())
	}
	return w, nil
}

// Register adds a format; later issues add formats without touching the CLI.
func Register(name string, w Writer) { writers[name] = w }

// Text prints "path:line:col: message (analyzer)", one finding a line.
func Text(w io.Writer, r *finding.Result, rules []Rule) error {
	return TextWith(TextStyle{})(w, r, rules)
}

func ruleNames(rules []Rule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.Analyzer.Name)
	}
	return slices.Sorted(slices.Values(out))
}
