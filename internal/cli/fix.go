package cli

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	udiff "github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/resilint/resilint/internal/finding"
	"github.com/resilint/resilint/internal/lint"
)

// fixAndReport applies (-fix) or previews (-diff) the first suggested fix
// of every finding. Fixes whose edits overlap an earlier fix are skipped,
// whole, so a file is never half-fixed; identical edits from two findings
// are applied once. After -fix, the findings left unfixed are reported and
// decide the exit code; -diff reports nothing is changed, and exits 1 when
// there is something to fix.
func fixAndReport(opts *options, res *finding.Result, stdout, stderr io.Writer, start time.Time) (int, error) {
	files, fixed, err := applyFixes(res.Findings)
	if err != nil {
		return 0, err
	}
	var remaining []finding.Finding
	for i, f := range res.Findings {
		if !fixed[i] {
			remaining = append(remaining, f)
		}
	}
	nfixed := len(res.Findings) - len(remaining)
	names := slices.Sorted(mapKeys(files))

	if opts.diff {
		for _, name := range names {
			old, _ := os.ReadFile(name)
			rel := finding.Rel(res.WorkDir, name)
			fmt.Fprint(stdout, udiff.Unified("a/"+rel, "b/"+rel, string(old), string(files[name])))
		}
		res.Duration = time.Since(start)
		summarize(stderr, res)
		fmt.Fprintf(stderr, "resilint: %d of %d findings have a fix (shown as a diff; nothing was written)\n", nfixed, len(res.Findings))
		return exitCode(res, opts.findingsCode), nil
	}

	for _, name := range names {
		st, err := os.Stat(name)
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(name, files[name], st.Mode().Perm()); err != nil {
			return 0, err
		}
	}
	res.Findings = remaining
	res.Duration = time.Since(start)
	if err := render(opts, stdout, res); err != nil {
		return 0, err
	}
	summarize(stderr, res)
	fmt.Fprintf(stderr, "resilint: applied %d fix%s in %d file%s\n", nfixed, pluralES(nfixed), len(names), plural(len(names)))
	return exitCode(res, opts.findingsCode), nil
}

// applyFixes computes the new content of every file the fixes touch. Each
// fix is merged atop the fixes accepted before it, as go vet -fix does:
// identical edits (two fixes adding the same import) are applied once, and
// a fix that overlaps an accepted one, or would leave a Go file that no
// longer parses, is skipped whole, so a file is never half-fixed.
func applyFixes(fs []finding.Finding) (map[string][]byte, []bool, error) {
	sources := map[string][]byte{}
	accepted := map[string][]udiff.Edit{}
	fixed := make([]bool, len(fs))
	for i, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		merged, err := mergeFix(sources, accepted, f.Fixes[0].Edits)
		if err != nil {
			return nil, nil, err
		}
		if merged != nil {
			maps.Copy(accepted, merged)
			fixed[i] = true
		}
	}
	out := map[string][]byte{}
	for file, edits := range accepted {
		src := sources[file]
		res, err := udiff.ApplyBytes(src, edits)
		if err != nil {
			return nil, nil, fmt.Errorf("invalid fix edits for %s: %v", file, err)
		}
		if strings.HasSuffix(file, ".go") {
			res = dropOrphanedImports(src, res)
		}
		out[file] = gofmtIfClean(src, res)
	}
	return out, fixed, nil
}

// mergeFix merges one fix's edits atop the accepted ones and returns the
// merged edits of the files it touches, or nil when it conflicts.
func mergeFix(sources map[string][]byte, accepted map[string][]udiff.Edit, edits []finding.Edit) (map[string][]udiff.Edit, error) {
	byFile := map[string][]udiff.Edit{}
	for _, e := range edits {
		byFile[e.File] = append(byFile[e.File], udiff.Edit{Start: e.Start, End: e.End, New: e.New})
	}
	merged := map[string][]udiff.Edit{}
	for file, fe := range byFile {
		src, ok := sources[file]
		if !ok {
			var err error
			if src, err = os.ReadFile(file); err != nil {
				return nil, err
			}
			sources[file] = src
		}
		udiff.SortEdits(fe)
		for i, e := range fe {
			if e.Start < 0 || e.Start > e.End || e.End > len(src) {
				return nil, fmt.Errorf("invalid fix edit for %s at offset %d", file, e.Start)
			}
			if i > 0 && fe[i-1].End > e.Start {
				return nil, nil // overlapping edits within one fix
			}
		}
		m, ok := udiff.Merge(accepted[file], fe)
		if !ok || !stillParses(file, src, m) {
			return nil, nil
		}
		merged[file] = m
	}
	return merged, nil
}

// stillParses reports whether a Go file that parsed still parses once the
// edits are applied: a safety net for merges of fixes that are each fine.
func stillParses(file string, src []byte, edits []udiff.Edit) bool {
	if !strings.HasSuffix(file, ".go") {
		return true
	}
	res, err := udiff.ApplyBytes(src, edits)
	if err != nil {
		return false
	}
	if _, err := parser.ParseFile(token.NewFileSet(), file, src, parser.SkipObjectResolution); err != nil {
		return true // it did not parse before: not ours to judge
	}
	_, err = parser.ParseFile(token.NewFileSet(), file, res, parser.SkipObjectResolution)
	return err == nil
}

// dropOrphanedImports removes the imports of a fixed Go file that the
// original used and the fixed file no longer does. Each fix removes an
// import it alone leaves unused, but two fixes that each replace one of
// the last two uses of a package leave it unused only together. Without
// type information, an import's name is its explicit name or the last
// element of its path (astutil.UsesImport, which also skips names a local
// declaration shadows): a package named otherwise reads as unused in both
// versions and is left alone.
func dropOrphanedImports(orig, fixed []byte) []byte {
	fset := token.NewFileSet()
	of, err := parser.ParseFile(fset, "orig.go", orig, parser.ParseComments)
	if err != nil {
		return fixed
	}
	// One import at a time: each removal is computed on the text the
	// previous one left.
	for range of.Imports {
		ff, err := parser.ParseFile(fset, "fixed.go", fixed, parser.ParseComments)
		if err != nil {
			return fixed
		}
		spec := orphan(of, ff)
		if spec == nil {
			break
		}
		start, end, ok := lint.ImportDeletion(fset.File(ff.FileStart), fixed, ff, spec)
		if !ok {
			break
		}
		fixed = slices.Concat(fixed[:start], fixed[end:])
	}
	return fixed
}

// orphan returns an import of the fixed file that the original file used
// and the fixed file does not.
func orphan(orig, fixed *ast.File) *ast.ImportSpec {
	for _, spec := range fixed.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil || path == "C" || spec.Name != nil && (spec.Name.Name == "_" || spec.Name.Name == ".") {
			continue
		}
		if astutil.UsesImport(orig, path) && !astutil.UsesImport(fixed, path) {
			return spec
		}
	}
	return nil
}

// gofmtIfClean formats the fixed file when the original was gofmt-clean,
// so fixes do not leave formatting debris but never reformat code the
// author chose not to format.
func gofmtIfClean(orig, fixed []byte) []byte {
	if formatted, err := format.Source(orig); err != nil || !bytes.Equal(formatted, orig) {
		return fixed
	}
	if formatted, err := format.Source(fixed); err == nil {
		return formatted
	}
	return fixed
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func pluralES(n int) string {
	if n == 1 {
		return ""
	}
	return "es"
}
