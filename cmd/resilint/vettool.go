package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// guard returns copies of the analyzers whose Run turns a panic into an
// error. One analyzer crashing on one package then costs that analyzer's
// findings for that package, reported as an internal error, instead of
// every analyzer's findings for it.
//
// With RESILINT_PROFILE=FILE set, each Run's CPU time is also appended to
// FILE as "analyzer<TAB>package<TAB>nanoseconds", for `make bench`.
func guard(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	profile := os.Getenv("RESILINT_PROFILE")
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		g := *a
		run := a.Run
		g.Run = func(pass *analysis.Pass) (result any, err error) {
			if profile != "" {
				defer measureCPU(profile, a.Name, pass.Pkg.Path())()
			}
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("internal error: panic: %v\n%s", r, firstLines(string(debug.Stack()), 24))
				}
			}()
			return run(pass)
		}
		out[i] = &g
	}
	return out
}

// profileMu serializes the analyzers' runs while profiling. The driver runs
// a package's analyzers concurrently, and wall time would then count the
// others' work too; with one Run at a time, the process's CPU time over the
// Run is that analyzer's own (and the garbage collection it causes).
var profileMu sync.Mutex

// measureCPU takes profileMu and returns the function that records the CPU
// time used since, then releases it.
func measureCPU(file, analyzer, pkg string) func() {
	profileMu.Lock()
	start := processCPU()
	return func() {
		defer profileMu.Unlock()
		d := processCPU() - start
		f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return
		}
		defer f.Close()
		fmt.Fprintf(f, "%s\t%s\t%d\n", analyzer, pkg, d.Nanoseconds())
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
