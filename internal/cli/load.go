package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/resilint/resilint/internal/finding"
)

// go vet gives up on the whole run when one named package fails to load
// (a bad import, a pattern naming nothing), and silently skips every
// package that imports one that does not compile. So resilint first asks
// `go list -e`, which reports each package's own problem and never gives
// up: broken packages are reported and left out, patterns matching nothing
// are a usage error, and the rest is handed to go vet.

// listedPackage is the part of `go list -json` resilint uses.
type listedPackage struct {
	ImportPath   string
	Dir          string
	ForTest      string
	GoFiles      []string
	CgoFiles     []string
	TestGoFiles  []string
	XTestGoFiles []string
	Match        []string
	Deps         []string
	Error        *listError
	DepsErrors   []*listError
}

type listError struct {
	ImportStack []string
	Pos         string
	Err         string
}

func (e *listError) String() string {
	if e.Pos != "" {
		return e.Pos + ": " + e.Err
	}
	return e.Err
}

func (p *listedPackage) hasSource() bool { return len(p.GoFiles)+len(p.CgoFiles) > 0 }

func (p *listedPackage) hasFiles() bool {
	return p.hasSource() || len(p.TestGoFiles)+len(p.XTestGoFiles) > 0
}

// vetUnits is how many results go vet prints for p: one for the package
// (compiled with its in-package tests when tests run) and one for its
// external _test package.
func (p *listedPackage) vetUnits(tests bool) int {
	if !tests {
		if p.hasSource() {
			return 1
		}
		return 0
	}
	n := 0
	if p.hasSource() || len(p.TestGoFiles) > 0 {
		n++
	}
	if len(p.XTestGoFiles) > 0 {
		n++
	}
	return n
}

// A loadPlan is what go vet is asked to do after go list.
type loadPlan struct {
	args     []string // for go vet: the patterns as given, or the import paths that loaded
	targets  []*listedPackage
	units    int                 // results go vet should print, for progress
	errors   []finding.LoadError // packages left out, each with its reason
	notes    []string
	hideTest []string // _test.go files to hide from go vet when tests are off
}

// goList runs `go list -e -json=fields` and decodes its stream of packages.
// Its stderr goes to sink line by line (downloads, for progress).
func goList(ctx context.Context, dir string, extra []string, fields string, args []string, sink io.Writer) ([]*listedPackage, []finding.LoadError, error) {
	cmdArgs := append([]string{"list", "-e", "-json=" + fields}, extra...)
	cmd := exec.CommandContext(ctx, "go", append(cmdArgs, args...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = io.MultiWriter(&stderr, sink)
	runErr := cmd.Run()
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return nil, nil, fmt.Errorf("running go list: %v", runErr)
	}
	var pkgs []*listedPackage
	dec := json.NewDecoder(&stdout)
	for {
		p := new(listedPackage)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, fmt.Errorf("reading go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if runErr != nil {
		// go list -e fails as a whole only when it cannot start: no go.mod,
		// a broken go.mod, an unusable toolchain.
		errs := parseVetStderr(stderr.String())
		if len(errs) == 0 {
			errs = []finding.LoadError{{Message: fmt.Sprintf("go list failed (%v)", runErr)}}
		}
		return pkgs, errs, nil
	}
	return pkgs, nil, nil
}

// planLoad decides what go vet analyzes: it reports patterns that match
// nothing (a usage error), leaves out packages that cannot load, and, when
// no analyzer looks at tests, hides the _test.go files so that a test-only
// dependency that does not build cannot fail the run.
func planLoad(patterns []string, pkgs []*listedPackage, tests bool) (*loadPlan, error) {
	plan := &loadPlan{}
	matched := map[string]bool{}
	var usage []string
	reported := map[string]bool{}
	explicit := false // go vet must get import paths rather than the patterns
	for _, p := range pkgs {
		for _, m := range p.Match {
			matched[m] = true
		}
		switch {
		case p.Error != nil && !p.hasFiles():
			// A pattern that names no package: a directory that does not
			// exist, holds no Go files, or is outside the module.
			if i := slices.IndexFunc(p.Match, isLocalPattern); i >= 0 {
				reason := strings.TrimPrefix(p.Error.Err, "pattern "+p.Match[i]+": ")
				usage = append(usage, fmt.Sprintf("%s matches no packages: %s", p.Match[i], reason))
				continue
			}
			plan.errors = append(plan.errors, finding.LoadError{Package: p.ImportPath, Message: p.Error.String()})
			explicit = true
		case p.ImportPath == "command-line-arguments":
			// Files named on the command line: go vet must get them as given.
			plan.targets = append(plan.targets, p)
		case p.Error != nil:
			plan.errors = append(plan.errors, finding.LoadError{Package: p.ImportPath, Message: p.Error.String()})
			reported[p.ImportPath] = true
			explicit = true
		case len(p.DepsErrors) > 0:
			plan.errors = append(plan.errors, depsErrors(p, reported)...)
			explicit = true
		case !tests && !p.hasSource():
			// Only _test.go files, and tests are off: nothing to analyze.
			// go vet always builds tests, so it must not see this package
			// through a wildcard: the targets are then named one by one.
			explicit = true
			if slices.ContainsFunc(p.Match, isSinglePackagePattern) {
				plan.notes = append(plan.notes, fmt.Sprintf("%s has only _test.go files, which are not analyzed without -tests", p.ImportPath))
			}
		default:
			plan.targets = append(plan.targets, p)
		}
	}
	for _, pat := range patterns {
		if !matched[pat] {
			usage = append(usage, fmt.Sprintf("%s matches no packages", pat))
		}
	}
	if len(usage) > 0 {
		return nil, usagef("%s", strings.Join(usage, "\nresilint: "))
	}

	plan.args = patterns
	if explicit && !slices.ContainsFunc(plan.targets, func(p *listedPackage) bool { return p.ImportPath == "command-line-arguments" }) {
		plan.args = nil
		for _, p := range plan.targets {
			plan.args = append(plan.args, p.ImportPath)
		}
	}
	for _, p := range plan.targets {
		plan.units += p.vetUnits(tests)
		if !tests {
			for _, f := range slices.Concat(p.TestGoFiles, p.XTestGoFiles) {
				plan.hideTest = append(plan.hideTest, filepath.Join(p.Dir, f))
			}
		}
	}
	return plan, nil
}

// depsErrors explains a package that cannot load because of an import: its
// own (an import that does not resolve) or a dependency's.
func depsErrors(p *listedPackage, reported map[string]bool) []finding.LoadError {
	var out []finding.LoadError
	var blamed []string
	for _, e := range p.DepsErrors {
		culprit := p.ImportPath
		if n := len(e.ImportStack); n > 0 {
			culprit = e.ImportStack[n-1]
		}
		if culprit == p.ImportPath {
			out = append(out, finding.LoadError{Package: p.ImportPath, Message: e.String()})
			continue
		}
		if !reported[culprit] {
			reported[culprit] = true
			out = append(out, finding.LoadError{Package: culprit, Message: e.String()})
		}
		if !slices.Contains(blamed, culprit) {
			blamed = append(blamed, culprit)
		}
	}
	if len(blamed) > 0 {
		out = append(out, notAnalyzedError(p.ImportPath, "it depends on "+strings.Join(blamed, ", ")+", which failed to load"))
	}
	reported[p.ImportPath] = true
	return out
}

// notAnalyzedPrefix starts the message of a package that was left out
// because of another package's error; summarize prints these apart.
const notAnalyzedPrefix = "not analyzed: "

func notAnalyzedError(pkg, why string) finding.LoadError {
	return finding.LoadError{Package: pkg, Message: notAnalyzedPrefix + why}
}

// isLocalPattern reports whether a pattern names directories (./x, ../x/...,
// /abs, .) rather than import paths.
func isLocalPattern(pat string) bool {
	return pat == "." || pat == ".." || strings.HasPrefix(pat, "./") || strings.HasPrefix(pat, "../") ||
		filepath.IsAbs(pat) || strings.HasPrefix(pat, `.\`) || strings.HasPrefix(pat, `..\`)
}

// isSinglePackagePattern reports whether a pattern names one package, as
// opposed to a wildcard that quietly matches whatever is there.
func isSinglePackagePattern(pat string) bool {
	return !strings.Contains(pat, "...") && pat != "all" && pat != "std" && pat != "cmd"
}

// writeOverlay writes a go build -overlay file that deletes the given files,
// and returns its path. go vet then builds the packages as if their tests
// did not exist: their imports are not loaded, compiled or vetted.
func writeOverlay(files []string) (string, error) {
	replace := map[string]string{}
	for _, f := range files {
		replace[f] = ""
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp("", "resilint-overlay-*.json")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), f.Close()
}

// explainSkipped names each target go vet printed nothing for because a
// dependency (or, with tests, a test's dependency) failed to build. deps
// lists the targets with their dependencies (go list -deps data).
func explainSkipped(targets []*listedPackage, deps []*listedPackage, errs []finding.LoadError) []finding.LoadError {
	failed := map[string]bool{}
	for _, e := range errs {
		if e.Package != "" {
			failed[basePackage(e.Package)] = true
		}
	}
	if len(failed) == 0 {
		return nil
	}
	own := map[string][]string{}     // package -> its own dependencies
	viaTest := map[string][]string{} // package -> dependencies of its test variants
	for _, p := range deps {
		if p.ForTest != "" {
			viaTest[p.ForTest] = append(viaTest[p.ForTest], p.Deps...)
		} else {
			own[p.ImportPath] = p.Deps
		}
	}
	var out []finding.LoadError
	for _, t := range targets {
		if failed[t.ImportPath] || failed[t.ImportPath+"_test"] {
			continue // its own error is reported
		}
		if dep, ok := firstFailed(own[t.ImportPath], failed); ok {
			out = append(out, notAnalyzedError(t.ImportPath, "it depends on "+dep+", which failed to load"))
		} else if dep, ok := firstFailed(viaTest[t.ImportPath], failed); ok {
			out = append(out, notAnalyzedError(t.ImportPath, "its tests depend on "+dep+", which failed to load"))
		}
	}
	return out
}

func firstFailed(deps []string, failed map[string]bool) (string, bool) {
	for _, d := range deps {
		if failed[d] {
			return d, true
		}
	}
	return "", false
}

// basePackage strips the go command's decorations from a package named in
// its output: "p [p.test]" and "[p]" are p.
func basePackage(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	if i := strings.Index(s, " ["); i >= 0 {
		s = s[:i]
	}
	return s
}
