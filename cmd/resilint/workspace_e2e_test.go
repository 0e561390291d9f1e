package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkspaceRoot: ./... at the root of a go.work workspace analyzes
// every module of it, whether or not the root is a module itself.
func TestWorkspaceRoot(t *testing.T) {
	dir := module(t, "workspace")
	want := []string{
		"api/api.go:8:9: " + getMsg,
		"svc/fetch/fetch.go:15:12: " + getMsg,
		// .resilint.yml excludes svc/legacy from httptimeout only.
		"svc/legacy/legacy.go:14:2: unused //resilint:ignore directive",
	}
	check := func(r result, extra ...string) {
		t.Helper()
		wantCode(t, r, 1)
		got := findingLines(r.stdout)
		all := append(append([]string{}, extra...), want...)
		if len(got) != len(all) {
			t.Fatalf("want %d findings, got:\n%s\n%s", len(all), r.stdout, r.stderr)
		}
		for _, w := range all {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "legacy.go:9:") {
			t.Errorf("the httptimeout finding in svc/legacy is excluded:\n%s", r.stdout)
		}
	}
	check(run(t, dir, "./..."))

	// From inside one module, that module alone, as go vet reports it,
	// though its import of the other module is analyzed for facts.
	r := run(t, filepath.Join(dir, "svc"), "./...")
	wantCode(t, r, 1)
	if got := findingLines(r.stdout); len(got) != 2 || strings.Contains(r.stdout, "api.go") {
		t.Errorf("inside svc: want svc's 2 findings only, got:\n%s", r.stdout)
	}

	// A root that is a module of the workspace too: its ./... stops at
	// the nested modules for the go command, not for resilint.
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/root\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "root.go"), []byte("package root\n\nimport \"net/http\"\n\nfunc Ping() { http.Get(\"http://x\") }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "go.work"), []byte("go 1.26\n\nuse (\n\t.\n\t./api\n\t./svc\n)\n"), 0o644)
	check(run(t, dir, "./..."), "root.go:5:15: "+getMsg)

	// GOWORK=off: the root module alone, as the go command would.
	t.Setenv("GOWORK", "off")
	r = run(t, dir, "./...")
	wantCode(t, r, 1)
	if got := findingLines(r.stdout); len(got) != 1 || !strings.HasPrefix(got[0], "root.go:5:15: ") {
		t.Errorf("GOWORK=off must analyze the root module only:\n%s", r.stdout)
	}
}
