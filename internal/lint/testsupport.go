package lint

import (
	"go/types"
	"strings"
)

// TestSupport reports whether a package is test support code: below a
// testdata, test, tests, mock(s), fake(s), fuzz(ing) or example(s) directory
// (rekor's pkg/fuzz holds the keys and archives its fuzz tests build; an
// SDK's examples/ are demonstrations, which golangci-lint v1 also left
// out by default) or a repository of a
// fake or mock server (fake-gcs-server, mock-oauth2-server), named like a
// test double (fakestorage, mockstore) or like the standard library's test
// helpers (httptest, fstest, testutil, testonly). Like test files, it is
// analyzed only with -tests: a mock server or fake client written for
// tests is not production code.
func TestSupport(pkg *types.Package) bool {
	for _, elem := range strings.Split(pkg.Path(), "/") {
		switch elem {
		case "testdata", "test", "tests", "mock", "mocks", "fake", "fakes", "fuzz", "fuzzing",
			"example", "examples", "_examples":
			return true
		}
		if strings.HasPrefix(elem, "fake-") || strings.HasPrefix(elem, "mock-") {
			return true
		}
	}
	name := pkg.Name()
	if strings.HasPrefix(name, "fake") || strings.HasPrefix(name, "mock") {
		return true
	}
	if strings.HasSuffix(name, "_test") {
		return false // an external test package: its files are _test.go files
	}
	switch name {
	case "latest", "attest", "contest", "protest", "greatest", "detest":
		return false // words that end in "test"
	}
	if strings.HasSuffix(name, "test") || strings.HasSuffix(name, "testing") || name == "tests" {
		return true
	}
	// testutil, testonly, testhelpers; not testfiles or testimonials.
	rest, ok := strings.CutPrefix(name, "test")
	if !ok {
		return false
	}
	switch strings.TrimPrefix(rest, "_") {
	case "util", "utils", "helper", "helpers", "only", "data", "fixture", "fixtures", "support", "env", "server", "lib", "kit", "common":
		return true
	}
	return false
}
