// Package finding is the CLI's model of one analysis run: the findings, the
// packages that failed to load, and where paths are shown relative to.
package finding

import (
	"cmp"
	"path/filepath"
	"slices"
	"time"
)

// A Finding is one diagnostic of one analyzer.
type Finding struct {
	Analyzer string
	// Rule is the ID of the kind of problem (internal/rules), "" when the
	// analyzer did not say.
	Rule      string
	Severity  string // "error" or "warning"
	File      string // absolute path
	Line      int
	Column    int
	EndLine   int
	EndColumn int
	Message   string
	Fixes     []Fix
	// Related are other places that explain the finding: the other writes
	// of a multi-write path, where a growing table's rows are inserted.
	// They are not part of the fingerprint, so a baseline keeps matching
	// when one of them is added or moves.
	Related []Related
	// Fingerprint identifies the finding across edits that move lines:
	// a hash of the analyzer, the file and the normalised flagged code.
	Fingerprint string
}

// A Related is a secondary location of a finding, with what happens there.
type Related struct {
	File      string // absolute path
	Line      int
	Column    int
	EndLine   int
	EndColumn int
	Message   string
}

// A Fix is a suggested fix: edits applied together or not at all.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces the bytes [Start, End) of File with New.
type Edit struct {
	File  string // absolute path
	Start int
	End   int
	New   string
}

// A LoadError is a package that could not be loaded or type-checked.
type LoadError struct {
	Package string // import path, or "" for errors not tied to one package
	Message string
	// Internal marks resilint's own failures (an analyzer error or crash),
	// as opposed to code that does not compile.
	Internal bool
}

// A Result is everything one run produced.
type Result struct {
	Findings  []Finding
	Errors    []LoadError
	Packages  int
	Baselined int // findings hidden by -baseline
	Unchanged int // findings hidden by -new-from-rev: not on a changed line
	Analyzers []string
	Duration  time.Duration
	WorkDir   string // text and JSON paths are relative to it
	RootDir   string // SARIF, GitHub and GitLab paths are relative to it (the repository root)
}

// Sort orders findings by file, position, analyzer and message, so that
// output is deterministic whatever order packages finished in.
func Sort(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Analyzer, b.Analyzer),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Rel returns path relative to base with forward slashes, or path itself
// when it is not below base.
func Rel(base, path string) string {
	if base == "" {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(base, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(r)
}
