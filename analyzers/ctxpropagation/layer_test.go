package ctxpropagation_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The calls into a context-less layer are one finding, at the first, and
// every other call site whose I/O starts in the layer (through the
// validator too) is a related location.
func TestLayerRelated(t *testing.T) {
	sites := layerCallSites(t)
	var found bool
	for _, d := range diagnostics(t, "./layer/...") {
		if !strings.Contains(d.msg, "context-less layer") {
			continue
		}
		if found {
			t.Errorf("a second layer finding at %s", d.at)
		}
		found = true
		if d.at != "handlers.go:20" || !slices.Equal(d.related, sites) {
			t.Errorf("layer finding at %s related %v; want handlers.go:20 related %v", d.at, d.related, sites)
		}
	}
	if !found {
		t.Error("no layer finding in ./layer/api")
	}
}

// With -each-callee the layer's callers are reported like any other
// package's: one finding per callee, at its first call, and the calls of
// UserByID (ShowUser's and Cached's) stay one.
func TestEachCallee(t *testing.T) {
	set(t, "each-callee", "true")
	got := map[string]int{}
	for _, d := range diagnostics(t, "./layer/...") {
		if strings.Contains(d.msg, "context-less layer") {
			t.Errorf("%s: a layer finding with -each-callee", d.at)
		}
		if strings.Contains(d.msg, "does its I/O without a context") {
			got[d.at] = len(d.related)
		}
	}
	sites := layerCallSites(t)
	want := map[string]int{"handlers.go:20": 1, "handlers.go:34": 0} // UserByID (and Cached's call), fetcher.Fetch
	for _, s := range sites[:len(sites)-1] {                         // Cached's call is UserByID's
		want[s] = 0
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings with -each-callee (line: related):\n got %v\nwant %v", got, want)
	}
}

// layerCallSites returns the lines of ./layer/api marked "// layer call
// site", in order.
func layerCallSites(t *testing.T) []string {
	t.Helper()
	out := markedLines(t, "// layer call site", filepath.Join(module(t).Dir, "layer", "api", "handlers.go"))
	if len(out) != 5 {
		t.Fatalf("%d layer call sites marked, want 5: %v", len(out), out)
	}
	return out
}
