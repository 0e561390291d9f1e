package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSavedScore scores a saved run against triage labels without
// running resilint: a labeled finding counts, an unlabeled one is listed.
func TestSavedScore(t *testing.T) {
	dir := t.TempDir()
	saved := `{"findings": [
	  {"analyzer": "httptimeout", "file": "api/client.go", "line": 12, "message": "no timeout"},
	  {"analyzer": "httptimeout", "file": "api/server.go", "line": 40, "message": "no read timeout"}
	], "errors": [], "summary": {"packages": 3}}`
	if err := os.WriteFile(filepath.Join(dir, "svc.json"), []byte(saved), 0o644); err != nil {
		t.Fatal(err)
	}
	labels, err := parseTriage(strings.NewReader(triageHeader+"\nhttptimeout\tapi/client.go\t12\tTP\tdefault client\n"), []string{"httptimeout"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := savedScore(dir, target{name: "svc", group: halfReport}, labels)
	if err != nil {
		t.Fatal(err)
	}
	c := s.ByAnalyzer["httptimeout"]
	if c.Findings != 2 || c.TP != 1 || c.Unlabeled != 1 {
		t.Errorf("counts = %+v, want 2 findings, 1 TP, 1 unlabeled", c)
	}
	if len(s.Untriaged) != 1 || s.Untriaged[0].File != "api/server.go" {
		t.Errorf("untriaged = %+v, want the server finding", s.Untriaged)
	}
	if _, err := savedScore(dir, target{name: "missing"}, labels); err == nil || !strings.Contains(err.Error(), "no saved run") {
		t.Errorf("no saved run: %v", err)
	}
}

func TestFirstDifference(t *testing.T) {
	got := firstDifference([]string{"a.go:1", "a.go:2 via x"}, []string{"a.go:1", "a.go:2 via y"})
	if !strings.Contains(got, "a.go:2 via x") || !strings.Contains(got, "a.go:2 via y") {
		t.Errorf("firstDifference = %q, want both versions of the differing finding", got)
	}
	if got := firstDifference([]string{"a"}, []string{"a", "b"}); got != "1 vs 2 findings" {
		t.Errorf("firstDifference = %q", got)
	}
}
