package ctxpropagation_test

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/resilint/resilint/analyzers/ctxpropagation"
)

// The calls of a context-less function are one finding per callee; the
// `// want` comments in ./grouped check the messages at the primary
// positions.
func TestGrouped(t *testing.T) {
	module(t).Run(t, ctxpropagation.Analyzer, "./grouped/...")
}

// The grouped findings carry their call sites as related locations: the
// declaration in the callee's package lists the calls of that package,
// the first call in a dependent package lists the others there.
func TestGroupedRelated(t *testing.T) {
	got := map[string][]string{}
	for _, d := range diagnostics(t, "./grouped/...") {
		if strings.Contains(d.msg, "does its I/O without a context") {
			got[d.at] = d.related
		}
	}
	sites := callSites(t)
	want := map[string][]string{
		"users.go:15":    {sites[2], sites[4]}, // Get's declaration: Reconcile's two calls
		"handlers.go:18": {sites[0], sites[1]}, // Show's call: Edit's and Rename's
		"handlers.go:19": nil,                  // Touch: one call, nothing related
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("grouped findings and their related calls:\n got %v\nwant %v", got, want)
	}
}

// With -each-call every call site (each line marked "// call site", and
// the primary calls of ./grouped/api) is a finding of its own, and the
// suppression on Archive's declaration no longer covers its call.
func TestEachCall(t *testing.T) {
	set(t, "each-call", "true")
	var got []string
	for _, d := range diagnostics(t, "./grouped/...") {
		if strings.Contains(d.msg, "does its I/O without a context") {
			if len(d.related) > 0 {
				t.Errorf("%s: related locations with -each-call: %v", d.at, d.related)
			}
			got = append(got, d.at)
		}
	}
	want := append([]string{"handlers.go:18", "handlers.go:19"}, callSites(t)...)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings with -each-call:\n got %v\nwant %v", got, want)
	}
}

type diag struct {
	at, msg string
	related []string
}

// diagnostics runs the analyzer on the packages and returns its findings
// as file:line, with their related locations.
func diagnostics(t *testing.T, patterns ...string) []diag {
	t.Helper()
	pkgs, err := module(t).Packages(patterns...)
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{ctxpropagation.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []diag
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		at := func(p token.Pos) string {
			pos := act.Package.Fset.Position(p)
			return fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
		}
		for _, d := range act.Diagnostics {
			x := diag{at: at(d.Pos), msg: d.Message}
			for _, r := range d.Related {
				x.related = append(x.related, at(r.Pos))
			}
			out = append(out, x)
		}
	}
	return out
}

// callSites returns the lines of ./grouped marked "// call site", sorted
// by file name and line.
func callSites(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(module(t).Dir, "grouped", "*", "*.go"))
	slices.SortFunc(files, func(a, b string) int { return strings.Compare(filepath.Base(a), filepath.Base(b)) })
	out := markedLines(t, "// call site", files...)
	if len(out) != 5 {
		t.Fatalf("%d call sites marked in ./grouped, want 5: %v", len(out), out)
	}
	return out
}

// markedLines returns, as file:line in the order given, the lines of the
// files that end with marker.
func markedLines(t *testing.T, marker string, files ...string) []string {
	t.Helper()
	var out []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasSuffix(line, marker) {
				out = append(out, fmt.Sprintf("%s:%d", filepath.Base(name), i+1))
			}
		}
	}
	return out
}
