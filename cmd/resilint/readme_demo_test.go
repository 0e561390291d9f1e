package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeDemoOutput checks the output block under "make demo prints"
// in README.md against what resilint prints on the example service: the
// same findings in the same order, each README line being the real one
// with at most its middle cut to "...".
func TestReadmeDemoOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)`make demo` prints.*?\n```\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("README.md has no output block after \"`make demo` prints\"")
	}
	// A finding, or one of its related locations on the lines below it.
	finding := regexp.MustCompile(`^(\S+\.go:\d+:\d+: |\trelated: )`)
	var shown []string
	for _, l := range strings.Split(string(block[1]), "\n") {
		if finding.MatchString(l) {
			shown = append(shown, l)
		}
	}

	r := run(t, filepath.Join(repoRoot(t), "examples", "orderservice"), "./...")
	wantCode(t, r, 1)
	real := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if len(shown) != len(real) {
		t.Fatalf("README shows %d findings, make demo prints %d:\n%s", len(shown), len(real), r.stdout)
	}
	for i, want := range real {
		got := shown[i]
		head, tail, cut := strings.Cut(got, "...")
		if !cut {
			head, tail = got, ""
		}
		if !strings.HasPrefix(want, head) || !strings.HasSuffix(want, tail) || len(head)+len(tail) > len(want) {
			t.Errorf("README line %d is not the real finding with its middle cut:\nREADME: %s\nreal:   %s", i+1, got, want)
		}
	}
	findings := 0
	for _, l := range real {
		if !strings.HasPrefix(l, "\t") {
			findings++
		}
	}
	if summary := fmt.Sprintf("resilint: %d findings in", findings); !strings.Contains(string(block[1]), summary) {
		t.Errorf("README block lacks the summary line %q", summary)
	}
}
