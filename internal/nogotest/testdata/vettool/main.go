// Command vettool runs resilint's analyzers through
// golang.org/x/tools/go/analysis/unitchecker, one package per run: the
// per-package protocol (a config naming the files, the imports' type and
// fact files, and where to write this package's facts) that go vet and
// Bazel's nogo both drive. The nogo test builds it.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/resilint/resilint/analyzers"
)

func main() { unitchecker.Main(asNogo(analyzers.All())...) }

// asNogo returns copies of the analyzers that see the Pass rules_go's nogo
// builds (go/tools/builders/nogo_main.go): it sets neither ReadFile nor
// Module, and has no OtherFiles or IgnoredFiles. An analyzer that needs
// them must cope without, or it fails every Bazel build it runs in.
func asNogo(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		c := *a
		run := a.Run
		c.Run = func(pass *analysis.Pass) (any, error) {
			pass.ReadFile = nil
			pass.Module = nil
			pass.OtherFiles, pass.IgnoredFiles = nil, nil
			return run(pass)
		}
		out[i] = &c
	}
	return out
}
