package plugin_test

// This test runs a real golangci-lint v2 with the resilint plugin compiled
// in (built by `make golangci` into bin/golangci-lint-resilint from
// plugin/gcl). `make test-golangci` builds it and runs this test; a plain
// `go test ./...` skips it, since the build takes minutes.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/fsutil"
)

func golangciBin(t *testing.T) string {
	bin := os.Getenv("RESILINT_GOLANGCI_BIN")
	if bin == "" {
		t.Skip("RESILINT_GOLANGCI_BIN is not set: run `make test-golangci` to build golangci-lint with the plugin and run this test")
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// gclModule copies testdata/gclmod to a temp dir with the given
// .golangci.yml settings for the resilint plugin.
func gclModule(t *testing.T, settings string) string {
	t.Helper()
	dst := t.TempDir()
	if err := fsutil.CopyTree(filepath.Join("testdata", "gclmod"), dst); err != nil {
		t.Fatal(err)
	}
	cfg := `version: "2"
run:
  tests: true
linters:
  default: none
  enable: [resilint]
  settings:
    custom:
      resilint:
        type: module
        description: resilience anti-patterns
        settings:
` + indent(settings, "          ")
	if err := os.WriteFile(filepath.Join(dst, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func indent(s, prefix string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString(prefix + l + "\n")
	}
	return b.String()
}

type gclResult struct {
	out  string
	code int
}

func golangci(t *testing.T, dir string, args ...string) gclResult {
	t.Helper()
	cmd := exec.Command(golangciBin(t), append([]string{"run", "--output.text.path=stdout", "--show-stats=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return gclResult{out.String(), code}
}

const (
	fetchFinding  = "internal/api/api.go:10:9: httptimeout: RL101: http.Get uses http.DefaultClient, which has no timeout"
	listenFinding = "internal/api/api.go:20:9: httptimeout: RL102: http.ListenAndServe serves with no read timeouts"
	testFinding   = "internal/api/api_test.go:9:18: httptimeout: RL101: http.Get uses http.DefaultClient"
)

func TestGolangciLintRunsThePlugin(t *testing.T) {
	r := golangci(t, gclModule(t, "enable: [httptimeout]\n"), "./...")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (issues found):\n%s", r.code, r.out)
	}
	for _, want := range []string{fetchFinding, listenFinding} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
	if !strings.Contains(r.out, "with Timeout set (resilint)") {
		t.Errorf("findings must be attributed to the resilint linter:\n%s", r.out)
	}
	// //nolint:resilint on api.go:15 suppresses; test files are off by default.
	for _, absent := range []string{"api.go:15:", "api_test.go"} {
		if strings.Contains(r.out, absent) {
			t.Errorf("output has %s:\n%s", absent, r.out)
		}
	}
}

func TestGolangciLintDisabledAnalyzer(t *testing.T) {
	r := golangci(t, gclModule(t, "disable: [httptimeout]\n"), "./...")
	if r.code != 0 || strings.Contains(r.out, "httptimeout") {
		t.Errorf("a disabled analyzer must report nothing (exit %d):\n%s", r.code, r.out)
	}
}

func TestGolangciLintSettingChangesBehaviour(t *testing.T) {
	r := golangci(t, gclModule(t, "enable: [httptimeout]\nhttptimeout:\n  tests: true\n"), "./...")
	if !strings.Contains(r.out, testFinding) {
		t.Errorf("httptimeout.tests: true must analyze test files:\n%s", r.out)
	}
	r = golangci(t, gclModule(t, "enable: [httptimeout]\nexclude: [internal/api/**]\n"), "./...")
	if r.code != 0 || strings.Contains(r.out, "httptimeout") {
		t.Errorf("exclude must drop findings (exit %d):\n%s", r.code, r.out)
	}
}

func TestGolangciLintBadSettings(t *testing.T) {
	for _, c := range []struct{ settings, want string }{
		{"httptimeout:\n  bogus: 1\n", "httptimeout.bogus: unknown setting"},
		{"enabel: [httptimeout]\n", "enabel: unknown key"},
		{"httptimeout:\n  tests: sometimes\n", "httptimeout.tests: want true or false"},
	} {
		r := golangci(t, gclModule(t, c.settings), "./...")
		if r.code == 0 || r.code == 1 || !strings.Contains(r.out, c.want) {
			t.Errorf("settings %q: exit %d, want a configuration failure mentioning %q:\n%s", c.settings, r.code, c.want, r.out)
		}
	}
}

// TestGolangciLintMalformedDirective: a directive with no reason silences
// nothing, and golangci-lint says so through the plugin, as the CLI does.
func TestGolangciLintMalformedDirective(t *testing.T) {
	dir := gclModule(t, "enable: [httptimeout]\n")
	src := "package api\n\nimport \"net/http\"\n\n// Ready has a directive with no reason.\nfunc Ready() {\n\t//resilint:ignore httptimeout\n\thttp.Get(\"http://127.0.0.1:9901/ready\")\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "internal", "api", "ready.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r := golangci(t, dir, "./...")
	for _, want := range []string{
		// golangci-lint drops the analyzer prefix when it matches the linter name.
		"internal/api/ready.go:7:2: //resilint:ignore needs a reason after the analyzer names",
		"internal/api/ready.go:8:2: httptimeout: RL101: http.Get uses http.DefaultClient",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
}

func TestGolangciLintFix(t *testing.T) {
	dir := gclModule(t, "enable: [httptimeout]\n")
	golangci(t, dir, "--fix", "./...")
	src, err := os.ReadFile(filepath.Join(dir, "internal", "api", "api.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte(`(&http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 10 * time.Second}).ListenAndServe()`)) {
		t.Errorf("--fix did not apply the ListenAndServe fix:\n%s", src)
	}
	if b, err := exec.Command("go", "-C", dir, "build", "./...").CombinedOutput(); err != nil {
		t.Errorf("fixed code does not build: %v\n%s", err, b)
	}
}
