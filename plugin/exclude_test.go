package plugin

import (
	"go/token"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/config"
)

// TestExcludePerRule: an exclude entry with rules drops only the findings
// of the analyzers it names, in the plugin as in the CLI.
func TestExcludePerRule(t *testing.T) {
	var cfg config.Config
	cfg.Exclude = []config.Exclusion{{Path: "internal/legacy/**", Rules: []string{"missingtx"}}}
	base := t.TempDir()
	fset := token.NewFileSet()
	legacy := fset.AddFile(filepath.Join(base, "internal", "legacy", "orders.go"), -1, 100)
	legacy.SetLines([]int{0})
	reports := func(name string) int {
		a := &analysis.Analyzer{Name: name, Doc: "test", Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Pos: legacy.Pos(10), Message: "finding"})
			return nil, nil
		}}
		n := 0
		pass := &analysis.Pass{Fset: fset, Report: func(analysis.Diagnostic) { n++ }}
		if _, err := excluding(a, &cfg, base).Run(pass); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := reports("missingtx"); n != 0 {
		t.Errorf("missingtx reported %d findings in an excluded path", n)
	}
	if n := reports("httptimeout"); n != 1 {
		t.Errorf("httptimeout reported %d findings, want 1: the entry names only missingtx", n)
	}
}
