package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/resilint/resilint/internal/finding"
)

// A goRunner runs the go command for one resilint run, and shows what it
// is doing: progress on a terminal, its own output with -v.
type goRunner struct {
	dir   string
	self  string   // this executable, the vet tool
	flags []string // the vet tool's flags
	tests bool     // some analyzer looks at _test.go files
	// buildFlags go to every go list and go vet: -tags, -p.
	buildFlags []string
	verbose    bool
	prog       *progress
	stderr     io.Writer
}

// logf prints a line to stderr, above the progress line if there is one.
func (g *goRunner) logf(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	if g.prog != nil {
		g.prog.println(s)
		return
	}
	fmt.Fprintln(g.stderr, s)
}

// analyze lists the packages, runs go vet on those that load, and names
// every package that was not analyzed, with the reason.
func (g *goRunner) analyze(ctx context.Context, patterns []string) (*vetResult, error) {
	g.prog.setPhase("loading packages", 0)
	patterns = g.expandWorkspace(ctx, patterns)
	pkgs, fatal, err := g.list(ctx, nil, listFields, patterns)
	if err != nil || fatal != nil {
		return &vetResult{Errors: fatal}, err
	}
	plan, err := planLoad(patterns, pkgs, g.tests)
	if err != nil {
		return nil, err
	}
	for _, n := range plan.notes {
		g.logf("resilint: note: %s", n)
	}
	res := &vetResult{}
	if len(plan.targets) > 0 {
		overlay := ""
		if len(plan.hideTest) > 0 {
			if overlay, err = writeOverlay(plan.hideTest); err != nil {
				return nil, err
			}
			defer os.Remove(overlay)
		}
		g.prog.setPhase("analyzing", plan.units)
		if res, err = g.vet(ctx, plan.args, overlay); err != nil {
			return nil, err
		}
		res.Diagnostics = onlyTargets(res.Diagnostics, plan.targets)
	}
	var skipped []finding.LoadError
	if slices.ContainsFunc(res.Errors, func(e finding.LoadError) bool { return e.Package != "" }) {
		var extra []string
		if g.tests {
			extra = []string{"-test"}
		}
		// Best effort: without the import graph the packages go vet
		// skipped go unnamed, but their dependencies' errors are shown.
		if deps, _, err := g.list(ctx, extra, "ImportPath,ForTest,Deps", plan.args); err == nil {
			skipped = explainSkipped(plan.targets, deps, res.Errors)
		}
	}
	res.Errors = slices.Concat(plan.errors, res.Errors, skipped)
	return res, nil
}

// listFields are the go list fields planLoad needs.
const listFields = "ImportPath,Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Match,Error,DepsErrors"

func (g *goRunner) list(ctx context.Context, extra []string, fields string, args []string) ([]*listedPackage, []finding.LoadError, error) {
	out := g.output(false)
	if g.verbose {
		g.logf("resilint: go list -e -json=%s %s", fields, strings.Join(slices.Concat(g.buildFlags, extra, args), " "))
	}
	defer out.flush()
	return goList(ctx, g.dir, slices.Concat(g.buildFlags, extra), fields, args, out)
}
