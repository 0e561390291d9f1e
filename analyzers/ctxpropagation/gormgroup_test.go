package ctxpropagation_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The GORM statements of one function are one finding whose related
// locations are the other statements (the lines marked "// gorm call");
// with -each-call each statement is a finding of its own, without any.
func TestGormGroupedRelated(t *testing.T) {
	lines := markedLines(t, "// gorm call", filepath.Join(module(t).Dir, "gormrepo", "gormrepo.go"))
	if len(lines) != 2 {
		t.Fatalf("%d lines marked in gormrepo.go, want 2: %v", len(lines), lines)
	}
	first := fmt.Sprintf("gormrepo.go:%d", lineOf(t, lines[0])-4) // Archive's Update
	for _, each := range []bool{false, true} {
		t.Run(fmt.Sprint("each-call=", each), func(t *testing.T) {
			if each {
				set(t, "each-call", "true")
			}
			got := map[string][]string{}
			for _, d := range diagnostics(t, "./gormrepo") {
				got[d.at] = d.related
			}
			if !each {
				if !slices.Equal(got[first], lines) {
					t.Errorf("related of %s: got %v, want %v", first, got[first], lines)
				}
				for _, l := range lines {
					if _, ok := got[l]; ok {
						t.Errorf("%s reported on its own without -each-call", l)
					}
				}
				return
			}
			for _, at := range append([]string{first}, lines...) {
				if r, ok := got[at]; !ok || len(r) > 0 {
					t.Errorf("%s with -each-call: reported %v, related %v; want reported alone", at, ok, r)
				}
			}
		})
	}
}

// lineOf returns the line number of a file:line.
func lineOf(t *testing.T, at string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscanf(at[strings.LastIndex(at, ":")+1:], "%d", &n); err != nil {
		t.Fatal(err)
	}
	return n
}
