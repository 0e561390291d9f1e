package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gitIn runs git in dir with a fixed identity and fails the test on error.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	r := runCmd(t, dir, "git", append([]string{"-c", "user.name=resilint", "-c", "user.email=resilint@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	if r.code != 0 {
		t.Fatalf("git %v: %s", args, r.stderr)
	}
}

func findingLines(stdout string) []string {
	s := strings.TrimSpace(stdout)
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestNewFromRev(t *testing.T) {
	dir := module(t, "basic")
	gitIn(t, dir, "init", "-q", "-b", "main")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "base")
	args := func(extra ...string) []string {
		return append([]string{"-enable", "httptimeout"}, append(extra, "./...")...)
	}

	r := run(t, dir, args("-new-from-rev", "HEAD")...)
	wantCode(t, r, 0)
	if r.stdout != "" || !strings.Contains(r.stderr, "0 findings (5 more on unchanged lines)") {
		t.Errorf("nothing changed, nothing to report:\n%s\n%s", r.stdout, r.stderr)
	}

	// Change line 31 (two findings) and add a file git does not track yet.
	fetch := filepath.Join(dir, "internal", "fetch", "fetch.go")
	src, _ := os.ReadFile(fetch)
	os.WriteFile(fetch, []byte(strings.Replace(string(src), `"http://legacy.internal/"`, `"http://legacy.internal/v2"`, 1)), 0o644)
	newFile := "package fetch\n\nimport \"net/http\"\n\nfunc Extra(u string) { http.Get(u) }\n"
	os.WriteFile(filepath.Join(dir, "internal", "fetch", "extra.go"), []byte(newFile), 0o644)

	r = run(t, dir, args("-new-from-rev", "HEAD")...)
	wantCode(t, r, 1)
	got := findingLines(r.stdout)
	want := []string{"internal/fetch/extra.go:5:24: ", "internal/fetch/fetch.go:31:15: ", "internal/fetch/fetch.go:31:53: "}
	if len(got) != len(want) {
		t.Fatalf("want the findings on changed lines %v, got:\n%s", want, r.stdout)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d: %s, want %s...", i, got[i], want[i])
		}
	}
	if !strings.Contains(r.stderr, "(3 more on unchanged lines)") {
		t.Errorf("summary: %s", r.stderr)
	}

	// With a baseline of today's findings, only a finding added after it is new.
	wantCode(t, run(t, dir, args("-write-baseline", "baseline.json")...), 0)
	os.WriteFile(filepath.Join(dir, "internal", "fetch", "extra2.go"), []byte(strings.ReplaceAll(newFile, "Extra", "Extra2")), 0o644)
	r = run(t, dir, args("-new-from-rev", "HEAD", "-baseline", "baseline.json")...)
	wantCode(t, r, 1)
	if got := findingLines(r.stdout); len(got) != 1 || !strings.HasPrefix(got[0], "internal/fetch/extra2.go:5:") {
		t.Errorf("-baseline with -new-from-rev: want only extra2.go's finding, got:\n%s", r.stdout)
	}

	// Committed on a branch, the same changes are new since the merge base.
	gitIn(t, dir, "checkout", "-q", "-b", "feature")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "feature")
	r = run(t, dir, args("-new-from-merge-base", "main")...)
	wantCode(t, r, 1)
	if got := findingLines(r.stdout); len(got) != 4 {
		t.Errorf("-new-from-merge-base main: want the 4 findings of the branch, got:\n%s", r.stdout)
	}
	wantCode(t, run(t, dir, args("-new-from-rev", "HEAD")...), 0)

	for _, bad := range [][]string{{"-new-from-rev", "nosuchrev"}, {"-new-from-merge-base", "nosuchbranch"}, {"-new-from-rev", "HEAD", "-new-from-merge-base", "main"}} {
		if r := run(t, dir, args(bad...)...); r.code != 2 || !strings.Contains(r.stderr, "resilint: -new-from") {
			t.Errorf("%v: exit %d, want 2 with a message; stderr %q", bad, r.code, r.stderr)
		}
	}
	if r := run(t, module(t, "clean"), "-new-from-rev", "HEAD", "./..."); r.code != 2 || !strings.Contains(r.stderr, "needs a git repository") {
		t.Errorf("outside git: exit %d, stderr %q", r.code, r.stderr)
	}
}
