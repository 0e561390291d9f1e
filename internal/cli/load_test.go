package cli

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/finding"
)

func pkg(path string, match ...string) *listedPackage {
	return &listedPackage{ImportPath: path, Dir: "/m/" + path, GoFiles: []string{"a.go"}, Match: match}
}

func TestLoadPlanLeavesOutBrokenPackages(t *testing.T) {
	good := pkg("m/good", "./...")
	good.TestGoFiles, good.XTestGoFiles = []string{"a_test.go"}, []string{"x_test.go"}
	syntax := pkg("m/syntax", "./...")
	syntax.Error = &listError{Pos: "syntax/a.go:1:1", Err: "expected 'package'"}
	badImport := pkg("m/badimport", "./...")
	badImport.DepsErrors = []*listError{{ImportStack: []string{"m/badimport"}, Pos: "badimport/a.go:3:8", Err: "no required module provides package m/nothere"}}
	user := pkg("m/user", "./...")
	user.DepsErrors = []*listError{{ImportStack: []string{"m/badimport"}, Pos: "badimport/a.go:3:8", Err: "no required module provides package m/nothere"}}
	onlyTests := &listedPackage{ImportPath: "m/itest", Dir: "/m/itest", TestGoFiles: []string{"it_test.go"}, Match: []string{"./..."}}

	plan, err := planLoad([]string{"./..."}, []*listedPackage{good, syntax, badImport, user, onlyTests}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(plan.args, []string{"m/good"}) {
		t.Errorf("go vet gets %v, want only the package that loads", plan.args)
	}
	if plan.units != 1 {
		t.Errorf("units = %d, want 1 (tests off: no external test package)", plan.units)
	}
	if want := []string{"/m/m/good/a_test.go", "/m/m/good/x_test.go"}; !slices.Equal(plan.hideTest, want) {
		t.Errorf("hidden test files %v, want %v", plan.hideTest, want)
	}
	got := map[string]string{}
	for _, e := range plan.errors {
		got[e.Package] = e.Message
	}
	want := map[string]string{
		"m/syntax":    "syntax/a.go:1:1: expected 'package'",
		"m/badimport": "badimport/a.go:3:8: no required module provides package m/nothere",
		"m/user":      "not analyzed: it depends on m/badimport, which failed to load",
	}
	if len(got) != len(want) {
		t.Errorf("errors %v, want %v", got, want)
	}
	for p, msg := range want {
		if got[p] != msg {
			t.Errorf("%s: %q, want %q", p, got[p], msg)
		}
	}
	if len(plan.notes) != 0 {
		t.Errorf("a test-only package matched by a wildcard needs no note: %v", plan.notes)
	}

	plan, err = planLoad([]string{"./..."}, []*listedPackage{good, onlyTests}, true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(plan.args, []string{"./..."}) || plan.units != 3 || plan.hideTest != nil {
		t.Errorf("with tests and nothing left out: args %v, units %d (want 3), hidden %v", plan.args, plan.units, plan.hideTest)
	}
}

func TestPatternMatchingNothingIsUsageError(t *testing.T) {
	missing := &listedPackage{ImportPath: "./missing", Match: []string{"./missing"}, Error: &listError{Err: "stat /m/missing: directory not found"}}
	wildcard := &listedPackage{ImportPath: "./gone/...", Match: []string{"./gone/..."}, Error: &listError{Err: "pattern ./gone/...: lstat ./gone/: no such file or directory"}}
	_, err := planLoad([]string{"./good", "./missing", "./gone/...", "./empty/..."}, []*listedPackage{pkg("m/good", "./good"), missing, wildcard}, false)
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Fatalf("got %v, want a usage error", err)
	}
	for _, want := range []string{
		"./missing matches no packages: stat /m/missing: directory not found",
		"./gone/... matches no packages: lstat ./gone/: no such file or directory",
		"./empty/... matches no packages",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}

	// An import path that does not resolve is a load error, not a usage error.
	nope := &listedPackage{ImportPath: "example.com/nope", Match: []string{"example.com/nope"}, Error: &listError{Err: "no required module provides package example.com/nope"}}
	plan, err := planLoad([]string{"./good", "example.com/nope"}, []*listedPackage{pkg("m/good", "./good"), nope}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.errors) != 1 || plan.errors[0].Package != "example.com/nope" || !slices.Equal(plan.args, []string{"m/good"}) {
		t.Errorf("errors %+v, args %v", plan.errors, plan.args)
	}
}

func TestLoadExplainSkipped(t *testing.T) {
	targets := []*listedPackage{pkg("m/lib"), pkg("m/user"), pkg("m/top"), pkg("m/app"), pkg("m/ok")}
	deps := []*listedPackage{
		{ImportPath: "m/lib", Deps: []string{"fmt"}},
		{ImportPath: "m/user", Deps: []string{"fmt", "m/lib"}},
		{ImportPath: "m/top", Deps: []string{"fmt", "m/lib", "m/user"}},
		{ImportPath: "m/app", Deps: []string{"net/http"}},
		{ImportPath: "m/app [m/app.test]", ForTest: "m/app", Deps: []string{"example.com/cgodep", "net/http"}},
		{ImportPath: "m/ok", Deps: []string{"fmt"}},
	}
	errs := []finding.LoadError{
		{Package: "m/lib", Message: "lib.go:3:28: undefined: x"},
		{Package: "example.com/cgodep [m/app.test]", Message: "fatal error: x.h: No such file"},
	}
	got := map[string]string{}
	for _, e := range explainSkipped(targets, deps, errs) {
		got[e.Package] = e.Message
	}
	want := map[string]string{
		"m/user": "not analyzed: it depends on m/lib, which failed to load",
		"m/top":  "not analyzed: it depends on m/lib, which failed to load",
		"m/app":  "not analyzed: its tests depend on example.com/cgodep, which failed to load",
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for p, msg := range want {
		if got[p] != msg {
			t.Errorf("%s: %q, want %q", p, got[p], msg)
		}
	}
}

func TestLoadParseTestVariantHeader(t *testing.T) {
	errs := parseVetStderr("# example.com/m/tt\n# [example.com/m/tt]\ntt/tt_test.go:5:28: undefined: undefinedX\n")
	if len(errs) != 1 || errs[0].Package != "example.com/m/tt" || !strings.HasPrefix(errs[0].Message, "tt/tt_test.go:5:28") {
		t.Errorf("got %+v", errs)
	}
}

func TestFlagsAnywhere(t *testing.T) {
	for _, c := range []struct {
		args     []string
		patterns []string
		format   string
	}{
		{[]string{"./...", "-format", "json"}, []string{"./..."}, "json"},
		{[]string{"./a", "-format=sarif", "./b"}, []string{"./a", "./b"}, "sarif"},
		{[]string{"-format", "json", "./a"}, []string{"./a"}, "json"},
		{[]string{"./a", "--", "-format"}, []string{"./a", "-format"}, "text"},
		{nil, []string{"./..."}, "text"},
	} {
		opts, patterns, err := parseFlags(c.args, &strings.Builder{})
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		if !slices.Equal(patterns, c.patterns) || opts.format != c.format {
			t.Errorf("%v: patterns %v format %q, want %v %q", c.args, patterns, opts.format, c.patterns, c.format)
		}
	}
	if _, _, err := parseFlags([]string{"./...", "-nosuch"}, &strings.Builder{}); err == nil {
		t.Error("an unknown flag after a pattern was accepted")
	}
}

func TestFlagsHelpCommand(t *testing.T) {
	opts, _, err := parseFlags([]string{"help"}, &strings.Builder{})
	if err != nil || !opts.help {
		t.Errorf("help: %+v, %v", opts, err)
	}
	opts, _, err = parseFlags([]string{"help", "httptimeout"}, &strings.Builder{})
	if err != nil || opts.explain != "httptimeout" {
		t.Errorf("help NAME: explain %q, %v", opts.explain, err)
	}
	if _, _, err := parseFlags([]string{"help", "a", "b"}, &strings.Builder{}); err == nil {
		t.Error("help with two names was accepted")
	}
	var out strings.Builder
	if code := Main([]string{"help"}, &out, &strings.Builder{}); code != ExitClean || !strings.Contains(out.String(), "Usage:") {
		t.Errorf("resilint help: exit %d, stdout %q", code, out.String())
	}
}
