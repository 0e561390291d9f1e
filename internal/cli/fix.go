package cli

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"io"
	"os"
	"slices"
	"time"

	udiff "github.com/aymanbagabas/go-udiff"

	"github.com/resilint/resilint/internal/finding"
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
		return exitCode(res), nil
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
	if err := render(opts.format, stdout, res, nil); err != nil {
		return 0, err
	}
	summarize(stderr, res)
	fmt.Fprintf(stderr, "resilint: applied %d fix%s in %d file%s\n", nfixed, pluralES(nfixed), len(names), plural(len(names)))
	return exitCode(res), nil
}

// applyFixes computes the new content of every file the fixes touch.
func applyFixes(fs []finding.Finding) (map[string][]byte, []bool, error) {
	accepted := map[string][]finding.Edit{}
	fixed := make([]bool, len(fs))
	for i, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		fix := f.Fixes[0]
		if conflicts(accepted, fix.Edits) {
			continue
		}
		for _, e := range fix.Edits {
			if !slices.Contains(accepted[e.File], e) {
				accepted[e.File] = append(accepted[e.File], e)
			}
		}
		fixed[i] = true
	}
	out := map[string][]byte{}
	for file, edits := range accepted {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, nil, err
		}
		slices.SortFunc(edits, func(a, b finding.Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
		var buf bytes.Buffer
		last := 0
		for _, e := range edits {
			if e.Start < last || e.End > len(src) || e.Start > e.End {
				return nil, nil, fmt.Errorf("invalid fix edit for %s at offset %d", file, e.Start)
			}
			buf.Write(src[last:e.Start])
			buf.WriteString(e.New)
			last = e.End
		}
		buf.Write(src[last:])
		out[file] = gofmtIfClean(src, buf.Bytes())
	}
	return out, fixed, nil
}

// conflicts reports whether any edit overlaps an accepted edit other than
// an identical one.
func conflicts(accepted map[string][]finding.Edit, edits []finding.Edit) bool {
	for _, e := range edits {
		for _, a := range accepted[e.File] {
			if a == e {
				continue
			}
			if e.Start < a.End && a.Start < e.End || (e.Start == e.End && e.Start == a.Start) {
				return true
			}
		}
	}
	return false
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
