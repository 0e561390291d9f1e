package main_test

// Tests of the CI integrations: the GitLab format, the baseline workflow,
// the GitHub Action (linted by actionlint and shellcheck) and the
// pre-commit hook (run by the real pre-commit).

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestGitLabFormat(t *testing.T) {
	r := run(t, module(t, "basic"), "-format", "gitlab", "-enable", "httptimeout", "./...")
	wantCode(t, r, 1)
	var issues []struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
			} `json:"lines"`
		} `json:"location"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &issues); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
	}
	if len(issues) != 5 {
		t.Fatalf("want 5 issues, got %d", len(issues))
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if is.Description == "" || is.CheckName == "" || is.Severity != "minor" || is.Location.Lines.Begin == 0 ||
			strings.HasPrefix(is.Location.Path, "/") || len(is.Fingerprint) != 32 || seen[is.Fingerprint] {
			t.Errorf("bad issue: %+v", is)
		}
		seen[is.Fingerprint] = true
	}
	if issues[0].Location.Path != "cmd/api/main.go" || issues[0].Location.Lines.Begin != 21 {
		t.Errorf("first issue at %s:%d", issues[0].Location.Path, issues[0].Location.Lines.Begin)
	}
}

func TestBaseline(t *testing.T) {
	dir := module(t, "basic")
	args := func(extra ...string) []string {
		return append([]string{"-enable", "httptimeout"}, append(extra, "./...")...)
	}

	r := run(t, dir, args("-write-baseline", "resilint-baseline.json")...)
	wantCode(t, r, 0)
	if !strings.Contains(r.stderr, "recorded 5 findings in resilint-baseline.json") {
		t.Errorf("stderr: %s", r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "resilint-baseline.json"))
	if err != nil || !strings.Contains(string(data), `"fingerprint"`) {
		t.Fatalf("baseline file: %v\n%s", err, data)
	}

	r = run(t, dir, args("-baseline", "resilint-baseline.json")...)
	wantCode(t, r, 0)
	if r.stdout != "" || !strings.Contains(r.stderr, "0 findings (5 more in the baseline)") {
		t.Errorf("baselined findings reported:\n%s\n%s", r.stdout, r.stderr)
	}

	// Unrelated edits that move every line do not resurrect baselined findings...
	fetch := filepath.Join(dir, "internal", "fetch", "fetch.go")
	src, _ := os.ReadFile(fetch)
	moved := strings.Replace(string(src), "package fetch\n", "package fetch\n\n// Prices come from the upstream price service.\n// It is slow on Mondays.\n", 1)
	// ...but a new finding is reported, alone.
	moved += "\n// Quote asks for a quote.\nfunc Quote(u string) (*http.Response, error) { return http.Post(u, \"text/plain\", nil) }\n"
	os.WriteFile(fetch, []byte(moved), 0o644)
	r = run(t, dir, args("-baseline", "resilint-baseline.json")...)
	wantCode(t, r, 1)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "http.Post uses http.DefaultClient") {
		t.Errorf("want only the new finding, got:\n%s", r.stdout)
	}

	os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{\"version\": 9}"), 0o644)
	wantCode(t, run(t, dir, args("-baseline", "bad.json")...), 2)
}

// repoRoot is the resilint checkout the tests run in.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// actionlint runs the version pinned in tools/go.mod.
func actionlint(t *testing.T, dir string, files ...string) result {
	t.Helper()
	return runCmd(t, dir, "go", append([]string{"-C", filepath.Join(repoRoot(t), "tools"), "tool", "actionlint"}, files...)...)
}

func TestActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("runs actionlint")
	}
	root := repoRoot(t)
	wf := filepath.Join(root, ".github", "workflows", "resilint.yml")
	if r := actionlint(t, root, wf); r.code != 0 {
		t.Fatalf("actionlint finds problems in the example workflow and action.yml:\n%s%s", r.stdout, r.stderr)
	}

	// Control: actionlint must really read our action.yml, so a workflow
	// passing it an input it does not declare has to fail.
	tmp := t.TempDir()
	os.MkdirAll(filepath.Join(tmp, ".git"), 0o755)
	os.MkdirAll(filepath.Join(tmp, ".github", "workflows"), 0o755)
	action, _ := os.ReadFile(filepath.Join(root, "action.yml"))
	os.WriteFile(filepath.Join(tmp, "action.yml"), action, 0o644)
	bad := "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n          pacakges: ./...\n"
	badFile := filepath.Join(tmp, ".github", "workflows", "bad.yml")
	os.WriteFile(badFile, []byte(bad), 0o644)
	r := actionlint(t, tmp, badFile)
	if r.code == 0 || !strings.Contains(r.stdout+r.stderr, "pacakges") {
		t.Fatalf("actionlint did not reject an undeclared input of our action:\n%s%s", r.stdout, r.stderr)
	}
}

// TestActionScripts runs shellcheck on the bash steps of action.yml, which
// actionlint does not look inside.
func TestActionScripts(t *testing.T) {
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Skip("shellcheck is not installed (apt-get install shellcheck); .ci/run installs it")
	}
	n := 0
	for _, s := range actionSteps(t) {
		if s.Run == "" {
			continue
		}
		n++
		script := filepath.Join(t.TempDir(), "step.sh")
		os.WriteFile(script, []byte("#!/usr/bin/env bash\nset -euo pipefail\n"+s.Run), 0o644)
		if r := runCmd(t, ".", "shellcheck", "-s", "bash", script); r.code != 0 {
			t.Errorf("shellcheck, step %q:\n%s", s.Name, r.stdout)
		}
	}
	if n < 2 {
		t.Errorf("found %d run steps in action.yml", n)
	}
}

// TestPreCommitHook runs the real pre-commit on a throwaway repository
// with a Go module: the hook must fail on a finding and pass once it is
// fixed. pre-commit builds the hook with `go install ./...` in a clone of
// this repository; the module cache is shared and the proxy turned off so
// that it runs offline.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pre-commit")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit); .ci/run installs it")
	}
	if r := runCmd(t, repoRoot(t), "git", "rev-parse", "HEAD"); r.code != 0 {
		t.Skip("not in a git checkout: pre-commit try-repo needs one")
	}
	modcache := strings.TrimSpace(runCmd(t, ".", "go", "env", "GOMODCACHE").stdout)
	t.Setenv("PRE_COMMIT_HOME", t.TempDir())
	t.Setenv("GOMODCACHE", modcache)
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")

	repo := t.TempDir()
	write := func(name, content string) {
		os.MkdirAll(filepath.Dir(filepath.Join(repo, name)), 0o755)
		if err := os.WriteFile(filepath.Join(repo, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) {
		if r := runCmd(t, repo, "git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t.invalid"}, args...)...); r.code != 0 {
			t.Fatalf("git %v: %s", args, r.stderr)
		}
	}
	write("go.mod", "module example.com/hooked\n\ngo 1.26\n")
	write("client.go", "package hooked\n\nimport \"net/http\"\n\n// Fetch has no timeout.\nfunc Fetch(u string) (*http.Response, error) { return http.Get(u) }\n")
	git("init", "-q")
	git("add", "-A")

	r := runCmd(t, repo, "pre-commit", "try-repo", repoRoot(t), "resilint", "--all-files", "--verbose")
	if r.code == 0 || !strings.Contains(r.stdout, "client.go:6:55: http.Get uses http.DefaultClient") {
		t.Fatalf("the hook must fail on the finding (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}

	write("client.go", "package hooked\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n\nvar client = &http.Client{Timeout: 10 * time.Second}\n\n// Fetch gives up after ten seconds.\nfunc Fetch(u string) (*http.Response, error) { return client.Get(u) }\n")
	git("add", "-A")
	r = runCmd(t, repo, "pre-commit", "try-repo", repoRoot(t), "resilint", "--all-files", "--verbose")
	if r.code != 0 {
		t.Fatalf("the hook must pass once the finding is fixed (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}
}
