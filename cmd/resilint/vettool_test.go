package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

func TestGuardTurnsPanicsIntoErrors(t *testing.T) {
	crashing := &analysis.Analyzer{
		Name: "crashing",
		Doc:  "test analyzer that panics",
		Run:  func(*analysis.Pass) (any, error) { panic("boom") },
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/p\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "p.go"), []byte("package p\n"), 0o644)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(t.TempDir(), "profile.tsv")
	t.Setenv("RESILINT_PROFILE", profile)
	graph, err := checker.Analyze(guard([]*analysis.Analyzer{crashing}), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got error
	for act := range graph.All() {
		if act.Analyzer.Name == "crashing" {
			got = act.Err
		}
	}
	if got == nil || !strings.Contains(got.Error(), "internal error: panic: boom") {
		t.Fatalf("err = %v, want the panic as an internal error", got)
	}
	data, _ := os.ReadFile(profile)
	if !strings.HasPrefix(string(data), "crashing\texample.com/p\t") {
		t.Errorf("profile line: %q", data)
	}
}
