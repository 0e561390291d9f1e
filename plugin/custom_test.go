package plugin_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/fsutil"
)

// TestGolangciLintCustom follows docs/golangci-lint.md the way a team does:
// `golangci-lint custom` reads the repository's .custom-gcl.yml and builds a
// golangci-lint with the plugin. That command git-clones golangci-lint;
// offline, a git url rewrite (passed in GIT_CONFIG_*, which it keeps)
// points the clone at a repository made from the module cache's copy of
// the same version. It takes a few minutes, so it runs only in
// `make test-golangci`.
func TestGolangciLintCustom(t *testing.T) {
	bin := golangciBin(t)
	if os.Getenv("RESILINT_GOLANGCI_CUSTOM") == "" {
		t.Skip("RESILINT_GOLANGCI_CUSTOM is not set: run `make test-golangci`")
	}
	const version = "v2.15.0"
	src := moduleDir(t, "github.com/golangci/golangci-lint/v2@"+version)

	// A local git repository holding golangci-lint's source at the tag.
	repo := filepath.Join(t.TempDir(), "golangci-lint")
	if err := fsutil.CopyTree(src, repo); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "-A"},
		{"-c", "user.name=resilint", "-c", "user.email=ci@resilint.invalid", "commit", "-qm", version},
		{"tag", version},
	} {
		if out, err := exec.Command("git", append([]string{"-C", repo}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}

	root, _ := filepath.Abs("..")
	dest := t.TempDir()
	cmd := exec.Command(bin, "custom", "-v", "--destination", dest)
	cmd.Dir = root // where .custom-gcl.yml is
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url."+repo+".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("golangci-lint custom: %v\n%s", err, out)
	}
	custom := filepath.Join(dest, "golangci-lint-resilint")
	if runtime.GOOS == "windows" {
		custom += ".exe"
	}

	// The binary it built runs the plugin.
	t.Setenv("RESILINT_GOLANGCI_BIN", custom)
	r := golangci(t, gclModule(t, "enable: [httptimeout]\n"), "./...")
	if r.code != 1 || !strings.Contains(r.out, fetchFinding) {
		t.Errorf("the golangci-lint built by `custom` does not report resilint findings (exit %d):\n%s", r.code, r.out)
	}
}

func moduleDir(t *testing.T, modVersion string) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", modVersion).Output()
	if err != nil {
		t.Fatalf("go mod download %s: %v", modVersion, err)
	}
	const key = `"Dir": "`
	i := strings.Index(string(out), key)
	if i < 0 {
		t.Fatalf("no Dir in go mod download output:\n%s", out)
	}
	rest := string(out)[i+len(key):]
	return rest[:strings.Index(rest, `"`)]
}
