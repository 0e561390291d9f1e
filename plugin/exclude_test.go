package plugin

import (
	"go/token"
	"path/filepath"
	"strings"
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
		if _, err := selecting(a, &cfg, base).Run(pass); err != nil {
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

// TestRuleIDsInSettings: a rule ID in enable keeps only that rule of its
// analyzer, one in disable drops it, an exclusion may name one, and every
// kept finding starts with its rule ID, as gosec's do in golangci-lint.
func TestRuleIDsInSettings(t *testing.T) {
	base := t.TempDir()
	fset := token.NewFileSet()
	file := fset.AddFile(filepath.Join(base, "internal", "legacy", "api.go"), -1, 100)
	file.SetLines([]int{0})
	a := &analysis.Analyzer{Name: "httptimeout", Doc: "test", Run: func(pass *analysis.Pass) (any, error) {
		for _, rule := range []string{"RL101", "RL102", "RL103", ""} {
			pass.Report(analysis.Diagnostic{Pos: file.Pos(10), Category: rule, Message: "finding"})
		}
		return nil, nil
	}}
	for _, c := range []struct {
		cfg  config.Config
		want string
	}{
		{config.Config{Enable: []string{"RL102"}}, "RL102: finding"},
		{config.Config{Disable: []string{"RL101", "RL102"}}, "RL103: finding|finding"},
		{config.Config{Exclude: []config.Exclusion{{Path: "internal/legacy", Rules: []string{"RL101", "RL103"}}}}, "RL102: finding|finding"},
	} {
		var got []string
		pass := &analysis.Pass{Fset: fset, Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}
		if _, err := selecting(a, &c.cfg, base).Run(pass); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%+v: reported %q, want %q", c.cfg, got, c.want)
		}
	}
}
