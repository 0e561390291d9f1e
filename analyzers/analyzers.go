// Package analyzers lists every resilint analyzer. It is the single source of
// truth for the CLI, the vet tool, the golangci-lint plugin and the docs.
package analyzers

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/analyzers/ctxpropagation"
	"github.com/resilint/resilint/analyzers/hardcodedsecret"
	"github.com/resilint/resilint/analyzers/httptimeout"
	"github.com/resilint/resilint/analyzers/missingtx"
	"github.com/resilint/resilint/analyzers/retrybackoff"
	"github.com/resilint/resilint/analyzers/unpaginated"
)

// An Entry is one analyzer with the metadata drivers need to present it.
type Entry struct {
	Analyzer *analysis.Analyzer
	// Severity is "error" for findings that are incidents already (a leaked
	// secret) and "warning" for latent risks.
	Severity string
}

var entries = []Entry{
	{httptimeout.Analyzer, "warning"},
	{unpaginated.Analyzer, "warning"},
	{missingtx.Analyzer, "warning"},
	{hardcodedsecret.Analyzer, "error"},
	{ctxpropagation.Analyzer, "warning"},
	{retrybackoff.Analyzer, "warning"},
}

// All returns every analyzer, in a stable order.
func All() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(entries))
	for i, e := range entries {
		out[i] = e.Analyzer
	}
	return out
}

// Entries returns every analyzer with its metadata.
func Entries() []Entry { return slices.Clone(entries) }

// Lookup returns the entry of the named analyzer.
func Lookup(name string) (Entry, bool) {
	for _, e := range entries {
		if e.Analyzer.Name == name {
			return e, true
		}
	}
	return Entry{}, false
}

// Names returns the names of all analyzers.
func Names() []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Analyzer.Name
	}
	return out
}
