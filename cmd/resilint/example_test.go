package main_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers"
)

// TestExampleService runs resilint on the bundled example service (the
// README's demo) and checks it against the service's own annotations: each
// "// Bug(NAME): ..." comment must be followed within a few lines by a
// finding of NAME, and every finding must be explained by such a comment.
// The demo can therefore neither rot nor hide a false positive.
func TestExampleService(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples", "orderservice"))
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "-format", "json", "./...")
	wantCode(t, r, 1)
	var doc struct {
		Findings []struct {
			Analyzer string `json:"analyzer"`
			File     string `json:"file"`
			Line     int    `json:"line"`
			Message  string `json:"message"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}

	type bug struct {
		analyzer, file string
		line           int
		found          bool
	}
	var bugs []*bug
	bugRE := regexp.MustCompile(`// Bug\((\w+)\):`)
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			if m := bugRE.FindStringSubmatch(sc.Text()); m != nil {
				bugs = append(bugs, &bug{analyzer: m[1], file: filepath.ToSlash(rel), line: n})
			}
		}
		return sc.Err()
	})

	for _, f := range doc.Findings {
		explained := false
		for _, b := range bugs {
			if b.analyzer == f.Analyzer && b.file == f.File && f.Line >= b.line && f.Line <= b.line+4 {
				b.found, explained = true, true
			}
		}
		if !explained {
			t.Errorf("finding not annotated as a Bug in the example (false positive?): %s:%d: %s (%s)", f.File, f.Line, f.Message, f.Analyzer)
		}
	}
	for _, b := range bugs {
		e, ok := analyzers.Lookup(b.analyzer)
		if !ok {
			t.Errorf("%s:%d: Bug(%s) names no analyzer", b.file, b.line, b.analyzer)
			continue
		}
		if strings.Contains(e.Analyzer.Doc, "Not implemented yet") {
			continue // the analyzer has not landed
		}
		if !b.found {
			t.Errorf("%s:%d: resilint missed the Bug(%s) annotated here", b.file, b.line, b.analyzer)
		}
	}
}
