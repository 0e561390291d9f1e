package main_test

// End-to-end tests of how resilint loads packages: test-only dependencies
// that do not build, broken packages and what depends on them, patterns
// that match nothing, flags after patterns, the help command, and that
// progress never reaches a log.

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

const loaderrs = "example.com/loaderrs/"

// TestLoadTestOnlyCgoDependency: a _test.go file imports a cgo package
// whose C header is missing, and a package of only tests does not compile.
// Without -tests the tests are not built, so the
// run succeeds; with -tests the failure is named.
func TestLoadTestOnlyCgoDependency(t *testing.T) {
	dir := module(t, "testonlycgo")

	r := run(t, dir, "./...")
	wantCode(t, r, 1)
	if !strings.Contains(r.stdout, "app/app.go:7:53: "+getMsg) {
		t.Errorf("the package's own code must be analyzed:\n%s", r.stdout)
	}
	if strings.Contains(r.stderr, "nonexistent_resilint.h") || strings.Contains(r.stderr, "could not be analyzed") {
		t.Errorf("a test-only dependency was built without -tests:\n%s", r.stderr)
	}
	if strings.Contains(r.stderr, "startStack") {
		t.Errorf("a package of only _test.go files was built without -tests:\n%s", r.stderr)
	}

	r = run(t, dir, "-tests", "./...")
	wantCode(t, r, 3)
	for _, want := range []string{
		"example.com/cgodep",
		"package example.com/testonlycgo/app was not analyzed: its tests depend on example.com/cgodep",
		"undefined: startStack",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

// TestLoadErrorsNamePackages: a type error in lib, which user and top
// import, and an import that does not resolve in badimport. Every package
// that was not analyzed is named with its reason, the others are analyzed,
// and the summary comes last.
func TestLoadErrorsNamePackages(t *testing.T) {
	dir := module(t, "loaderrs")
	r := run(t, dir, "./...")
	wantCode(t, r, 3)
	for _, want := range []string{"good/good.go:7:53: " + getMsg, "other/other.go:7:53: " + getMsg} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, want := range []string{
		"package " + loaderrs + "lib failed to load:\n\tlib/lib.go:5:28: undefined: undefinedName",
		"package " + loaderrs + "badimport failed to load:\n\tbadimport/badimport.go:5:8: no required module provides package " + loaderrs + "nothere",
		"package " + loaderrs + "user was not analyzed: it depends on " + loaderrs + "lib, which failed to load",
		"package " + loaderrs + "top was not analyzed: it depends on " + loaderrs + "lib, which failed to load",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "resilint: 2 findings in 2 packages (") || !strings.HasSuffix(last, "; 4 packages could not be analyzed (see above)") {
		t.Errorf("the summary must come last and count what was not analyzed; last line %q", last)
	}

	r = run(t, dir, "-format", "json", "./...")
	wantCode(t, r, 3)
	var doc struct {
		Errors []struct {
			Package string `json:"package"`
			Message string `json:"message"`
		} `json:"errors"`
		Summary struct {
			Packages int `json:"packages"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	var pkgs []string
	for _, e := range doc.Errors {
		pkgs = append(pkgs, strings.TrimPrefix(e.Package, loaderrs))
	}
	slices.Sort(pkgs)
	if want := []string{"badimport", "lib", "top", "user"}; !slices.Equal(pkgs, want) {
		t.Errorf("JSON errors name %v, want %v", pkgs, want)
	}
	if doc.Summary.Packages != 2 {
		t.Errorf("summary.packages = %d, want 2 (good, other)", doc.Summary.Packages)
	}
}

// TestLoadBadPatternKeepsGoodOnes: a pattern naming a package that cannot
// load is reported, and the other patterns are still analyzed.
func TestLoadBadPatternKeepsGoodOnes(t *testing.T) {
	dir := module(t, "loaderrs")
	for _, bad := range []string{loaderrs + "nothere", "./badimport"} {
		r := run(t, dir, "./good", bad)
		wantCode(t, r, 3)
		if !strings.Contains(r.stdout, "good/good.go:7:53: "+getMsg) {
			t.Errorf("%s: the good pattern was not analyzed:\n%s", bad, r.stdout)
		}
		if !strings.Contains(r.stderr, "failed to load") || !strings.Contains(r.stderr, loaderrs+"nothere") {
			t.Errorf("%s: the bad pattern is not reported:\n%s", bad, r.stderr)
		}
	}
}

// TestPatternMatchingNothing: a directory that does not exist, holds no Go
// files, or a wildcard that matches nothing is a usage error, as in go vet.
func TestPatternMatchingNothing(t *testing.T) {
	dir := module(t, "loaderrs")
	for _, args := range [][]string{{"./nonexistent/..."}, {"./missing"}, {"./notes"}, {"./good", "./nonexistent/..."}} {
		r := run(t, dir, args...)
		bad := args[len(args)-1]
		if r.code != 2 || !strings.Contains(r.stderr, "resilint: "+bad+" matches no packages") {
			t.Errorf("%v: exit %d, want 2 naming %s; stderr:\n%s", args, r.code, bad, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%v: nothing may be analyzed after a usage error:\n%s", args, r.stdout)
		}
	}
}

// TestFlagsAfterPatterns: flags may follow the patterns, as with the go
// command.
func TestFlagsAfterPatterns(t *testing.T) {
	dir := module(t, "loaderrs")
	r := run(t, dir, "./good", "-format", "json", "./other")
	wantCode(t, r, 1)
	var doc struct {
		Findings []struct {
			File string `json:"file"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("-format after a pattern was not applied: %v\n%s\n%s", err, r.stdout, r.stderr)
	}
	if len(doc.Findings) != 2 {
		t.Errorf("want the findings of both patterns around the flag, got %+v", doc.Findings)
	}
}

// TestFlagsHelpSubcommand: "resilint help" prints the usage; "resilint help NAME"
// explains an analyzer like -explain.
func TestFlagsHelpSubcommand(t *testing.T) {
	dir := module(t, "clean")
	r := run(t, dir, "help")
	wantCode(t, r, 0)
	if !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "-format") {
		t.Errorf("resilint help printed no usage:\n%s\n%s", r.stdout, r.stderr)
	}
	help, explain := run(t, dir, "help", "httptimeout"), run(t, dir, "-explain", "httptimeout")
	wantCode(t, help, 0)
	if help.stdout != explain.stdout || !strings.Contains(help.stdout, "httptimeout") {
		t.Errorf("resilint help httptimeout differs from -explain:\n%s", help.stdout)
	}
	wantCode(t, run(t, dir, "help", "nosuch"), 2)
}

// TestProgressNotInLogs: stderr is not a terminal here, so no progress
// line is drawn; -v shows the go commands on stderr and leaves stdout to
// the report.
func TestProgressNotInLogs(t *testing.T) {
	dir := module(t, "loaderrs")
	r := run(t, dir, "./good")
	wantCode(t, r, 1)
	if strings.ContainsAny(r.stderr, "\r\x1b") || strings.Contains(r.stderr, "analyzing") {
		t.Errorf("progress drawn on a non-terminal stderr: %q", r.stderr)
	}
	if n := strings.Count(r.stderr, "\n"); n != 1 {
		t.Errorf("want only the summary on stderr, got %d lines: %q", n, r.stderr)
	}

	r = run(t, dir, "-v", "-format", "json", "./good")
	wantCode(t, r, 1)
	if !strings.Contains(r.stderr, "resilint: go list ") || !strings.Contains(r.stderr, "resilint: go vet ") {
		t.Errorf("-v does not show the go commands:\n%s", r.stderr)
	}
	if strings.ContainsAny(r.stderr, "\r\x1b") {
		t.Errorf("-v drew progress on a non-terminal: %q", r.stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Errorf("-v wrote to stdout: %v\n%s", err, r.stdout)
	}
}
