package main_test

// These tests build the real resilint binary and run it the way a user
// does, on the small modules in testdata/e2e.

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/resilint/resilint/internal/fsutil"
)

var resilintBin string

// TestMain builds the binary once for every test of the package. With
// -short the end-to-end tests are skipped (see module and run), so nothing
// is built.
func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "resilint-e2e")
	if err != nil {
		panic(err)
	}
	resilintBin = filepath.Join(dir, "resilint")
	build := exec.Command("go", "build", "-o", resilintBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building resilint: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// module copies testdata/e2e/name to a fresh directory, so that -fix and
// config files never touch the repository.
func module(t *testing.T, name string) string {
	t.Helper()
	skipShort(t)
	dst := t.TempDir()
	if err := fsutil.CopyTree(filepath.Join("..", "..", "testdata", "e2e", name), dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// skipShort skips an end-to-end test with -short: `make test-short`, the
// everyday loop, leaves the binary and go vet runs to `make test`.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	skipShort(t)
	return runCmd(t, dir, resilintBin, args...)
}

func runCmd(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s %v: %v", name, args, err)
	}
	return result{out.String(), errb.String(), code}
}

func wantCode(t *testing.T, r result, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

const (
	getMsg    = "http.Get uses http.DefaultClient, which has no timeout"
	listenMsg = "http.ListenAndServe serves with no read timeouts"
)

func TestTextFormat(t *testing.T) {
	r := run(t, module(t, "basic"), "-enable", "httptimeout", "./...")
	wantCode(t, r, 1)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	want := []string{
		"cmd/api/main.go:21:12: " + listenMsg,
		"internal/fetch/fetch.go:11:15: " + getMsg,
		// The directive without a reason does not suppress, and is reported.
		"internal/fetch/fetch.go:31:15: " + getMsg,
		"internal/fetch/fetch.go:31:51: //resilint:ignore needs a reason",
		"internal/fetch/fetch.go:40:2: unused //resilint:ignore directive: no httptimeout finding here",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(lines), len(want), r.stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("finding %d:\n got %s\nwant prefix %s", i, lines[i], w)
		}
	}
	if !strings.HasSuffix(lines[0], "(httptimeout/RL102)") || !strings.HasSuffix(lines[1], "(httptimeout/RL101)") ||
		!strings.HasSuffix(lines[3], "(resilint/RL001)") || !strings.HasSuffix(lines[4], "(resilint/RL002)") {
		t.Errorf("findings must end with the analyzer name and rule ID:\n%s", r.stdout)
	}
	// Suppressed (line 22), nolint, generated and test files stay silent.
	for _, absent := range []string{"fetch.go:22:", "nolint.go", "zz_generated.go", "fetch_test.go"} {
		if strings.Contains(r.stdout, absent) {
			t.Errorf("output mentions %s:\n%s", absent, r.stdout)
		}
	}
	if !regexp.MustCompile(`^resilint: 5 findings in \d+ packages \(1 analyzer\) in `).MatchString(r.stderr) {
		t.Errorf("summary line missing or wrong on stderr: %q", r.stderr)
	}
}

func TestTestsFlag(t *testing.T) {
	dir := module(t, "basic")
	r := run(t, dir, "-tests", "-enable", "httptimeout", "./internal/...")
	wantCode(t, r, 1)
	if !strings.Contains(r.stdout, "internal/fetch/fetch_test.go:10:15: "+getMsg) {
		t.Errorf("-tests did not analyze the test file:\n%s", r.stdout)
	}
}

func TestJSONFormat(t *testing.T) {
	r := run(t, module(t, "basic"), "-format", "json", "-enable", "httptimeout", "./...")
	wantCode(t, r, 1)
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Errors   []any            `json:"errors"`
		Summary  struct {
			Findings int `json:"findings"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("JSON output does not parse: %v\n%s", err, r.stdout)
	}
	if len(doc.Findings) != 5 || doc.Summary.Findings != 5 || len(doc.Errors) != 0 {
		t.Fatalf("want 5 findings and no errors, got %d / %d / %v", len(doc.Findings), doc.Summary.Findings, doc.Errors)
	}
	for _, key := range []string{"analyzer", "file", "line", "column", "end_line", "end_column", "message", "severity", "suggested_fixes", "fingerprint"} {
		if _, ok := doc.Findings[0][key]; !ok {
			t.Errorf("finding lacks %q: %v", key, doc.Findings[0])
		}
	}
	first := doc.Findings[0]
	if first["file"] != "cmd/api/main.go" || first["analyzer"] != "httptimeout" || first["line"] != 21.0 {
		t.Errorf("unexpected first finding: %v", first)
	}
	fixes, _ := first["suggested_fixes"].([]any)
	if len(fixes) != 1 {
		t.Fatalf("ListenAndServe finding should carry one fix, got %v", first["suggested_fixes"])
	}
}

func TestSARIFFormat(t *testing.T) {
	r := run(t, module(t, "basic"), "-format", "sarif", "-enable", "httptimeout", "./...")
	wantCode(t, r, 1)
	// The repository's copy of the OASIS schema: a clone has nothing beside it.
	schemaPath := filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json")
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatalf("compiling the official SARIF schema %s: %v", schemaPath, err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatalf("SARIF output does not parse: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output violates the 2.1.0 schema: %v", err)
	}
	// Only what is set is emitted: no -1 "unknown" indexes, no empty arrays or objects.
	if strings.Contains(r.stdout, ": -1") || strings.Contains(r.stdout, ": []") || strings.Contains(r.stdout, ": {}") {
		t.Errorf("SARIF output is padded with defaults:\n%s", r.stdout)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	ids := map[string]bool{}
	for _, rule := range run.Tool.Driver.Rules {
		ids[rule.ID] = true
		if rule.ShortDescription.Text == "" || rule.Help.Text == "" {
			t.Errorf("rule %s lacks a description or help", rule.ID)
		}
	}
	if !ids["RL101"] || !ids["RL102"] {
		t.Errorf("rules lack httptimeout's RL101 and RL102: %v", ids)
	}
	if len(run.Results) != 5 {
		t.Fatalf("want 5 results, got %d", len(run.Results))
	}
	for _, res := range run.Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if strings.HasPrefix(uri, "/") || strings.Contains(uri, "://") || !ids[res.RuleID] || res.Level == "" || len(res.PartialFingerprints) == 0 {
			t.Errorf("bad result: rule %q level %q uri %q fingerprints %v", res.RuleID, res.Level, uri, res.PartialFingerprints)
		}
	}
}

func TestGitHubFormat(t *testing.T) {
	r := run(t, module(t, "basic"), "-format", "github", "-enable", "httptimeout", "./cmd/...")
	wantCode(t, r, 1)
	want := "::warning file=cmd/api/main.go,line=21,col=12,endLine=21,endColumn=45,title=resilint (httptimeout/RL102)::" + listenMsg
	if !strings.HasPrefix(r.stdout, want) {
		t.Errorf("got %q\nwant prefix %q", r.stdout, want)
	}
}

func TestExitCodes(t *testing.T) {
	wantCode(t, run(t, module(t, "clean"), "./..."), 0)
	wantCode(t, run(t, module(t, "basic"), "./..."), 1)
	for _, args := range [][]string{{"-format", "xml"}, {"-enable", "nosuch"}, {"-nosuchflag"}, {"-fix", "-diff"}, {"-httptimeout.tests=maybe"}} {
		r := run(t, module(t, "clean"), args...)
		if r.code != 2 || !strings.Contains(r.stderr, "resilint") && !strings.Contains(r.stderr, "flag") {
			t.Errorf("%v: exit %d, want 2 with a message; stderr %q", args, r.code, r.stderr)
		}
	}
	// A package that does not type-check is reported, and the rest is still analyzed.
	r := run(t, module(t, "broken"), "./...")
	wantCode(t, r, 3)
	if !strings.Contains(r.stdout, "good/good.go:7:53: "+getMsg) {
		t.Errorf("the package that loads must still be analyzed:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "package example.com/broken/bad failed to load") || !strings.Contains(r.stderr, "undefined: undefinedName") {
		t.Errorf("load failure not explained on stderr:\n%s", r.stderr)
	}
}

func TestConfigFile(t *testing.T) {
	cases := []struct {
		name, yml string
		code      int
		stdout    []string // substrings that must appear
		absent    []string
		stderr    string
	}{
		{name: "exclude", yml: "exclude: [internal/**]\n", code: 1, stdout: []string{"cmd/api/main.go"}, absent: []string{"fetch/fetch.go:", "fetch/nolint.go:"}},
		{name: "tests on", yml: "tests: true\n", code: 1, stdout: []string{"fetch_test.go:10:15"}},
		{name: "analyzer section", yml: "httptimeout:\n  tests: true\n", code: 1, stdout: []string{"fetch_test.go:10:15"}},
		{name: "unknown key", yml: "enable: [httptimeout]\nexlude: [x]\n", code: 2, stderr: ".resilint.yml:2: exlude: unknown key"},
		{name: "bad value", yml: "tests: maybe\n", code: 2, stderr: ".resilint.yml:1: tests: want true or false"},
		{name: "unknown analyzer", yml: "disable: [httptimeot]\n", code: 2, stderr: `.resilint.yml:1: disable: unknown analyzer "httptimeot"`},
		{name: "unknown setting", yml: "httptimeout:\n  bogus: 1\n", code: 2, stderr: ".resilint.yml:2: httptimeout.bogus: unknown setting"},
		{name: "malformed yaml", yml: "enable: [httptimeout\n", code: 2, stderr: ".resilint.yml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := module(t, "basic")
			if err := os.WriteFile(filepath.Join(dir, ".resilint.yml"), []byte(c.yml), 0o644); err != nil {
				t.Fatal(err)
			}
			// Run from a subdirectory: the config is found by walking up.
			r := run(t, filepath.Join(dir, "internal"), "../...")
			wantCode(t, r, c.code)
			for _, s := range c.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(r.stdout, s) {
					t.Errorf("stdout has %q:\n%s", s, r.stdout)
				}
			}
			if c.stderr != "" && !strings.Contains(r.stderr, c.stderr) {
				t.Errorf("stderr lacks %q:\n%s", c.stderr, r.stderr)
			}
		})
	}
	// -config names a file explicitly; its globs are relative to its directory.
	dir := module(t, "basic")
	os.WriteFile(filepath.Join(dir, "ci.yml"), []byte("exclude: [cmd]\n"), 0o644)
	r := run(t, dir, "-config", "ci.yml", "./...")
	if r.code != 1 || strings.Contains(r.stdout, "cmd/api") {
		t.Errorf("-config exclude not applied (exit %d):\n%s", r.code, r.stdout)
	}
}

func TestFixAndDiff(t *testing.T) {
	dir := module(t, "basic")
	main := filepath.Join(dir, "cmd", "api", "main.go")
	before, _ := os.ReadFile(main)

	r := run(t, dir, "-diff", "-enable", "httptimeout", "./cmd/...")
	wantCode(t, r, 1)
	if !strings.Contains(r.stdout, "+++ b/cmd/api/main.go") || !strings.Contains(r.stdout, `+	log.Fatal((&http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 10 * time.Second}).ListenAndServe())`) {
		t.Errorf("-diff output lacks the fix:\n%s", r.stdout)
	}
	if after, _ := os.ReadFile(main); !bytes.Equal(before, after) {
		t.Fatal("-diff must not write files")
	}

	r = run(t, dir, "-fix", "-enable", "httptimeout", "./cmd/...")
	wantCode(t, r, 0)
	after, _ := os.ReadFile(main)
	if !bytes.Contains(after, []byte("ReadHeaderTimeout: 10 * time.Second")) || !bytes.Contains(after, []byte("\t\"time\"\n")) {
		t.Fatalf("-fix did not rewrite main.go:\n%s", after)
	}
	if b := runCmd(t, dir, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("fixed code does not build:\n%s", b.stderr)
	}
	wantCode(t, run(t, dir, "-enable", "httptimeout", "./cmd/..."), 0)
}

func TestVetTool(t *testing.T) {
	dir := module(t, "basic")
	r := runCmd(t, dir, "go", "vet", "-vettool="+resilintBin, "./...")
	if r.code == 0 {
		t.Fatalf("go vet -vettool should fail on findings:\n%s", r.stderr)
	}
	for _, w := range []string{"internal/fetch/fetch.go:11:15: " + getMsg, "cmd/api/main.go:21:12: " + listenMsg} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("go vet output lacks %q:\n%s", w, r.stderr)
		}
	}
	// Directives work under go vet too; generated files are skipped.
	for _, absent := range []string{"fetch.go:22:", "nolint.go", "zz_generated.go"} {
		if strings.Contains(r.stderr, absent) {
			t.Errorf("go vet output mentions %s:\n%s", absent, r.stderr)
		}
	}
	// Analyzer flags pass through go vet.
	r = runCmd(t, dir, "go", "vet", "-vettool="+resilintBin, "-httptimeout.tests", "./internal/...")
	if !strings.Contains(r.stderr, "fetch_test.go:10:15") {
		t.Errorf("-httptimeout.tests not honoured by go vet:\n%s", r.stderr)
	}
	wantCode(t, runCmd(t, module(t, "clean"), "go", "vet", "-vettool="+resilintBin, "./..."), 0)
}

func TestListExplainVersion(t *testing.T) {
	dir := module(t, "clean")
	r := run(t, dir, "-list")
	wantCode(t, r, 0)
	if !regexp.MustCompile(`(?m)^httptimeout\s+warning\s+\S`).MatchString(r.stdout) {
		t.Errorf("-list output:\n%s", r.stdout)
	}
	r = run(t, dir, "-explain", "httptimeout")
	wantCode(t, r, 0)
	if !strings.Contains(r.stdout, "-httptimeout.tests") || !strings.Contains(r.stdout, "//resilint:ignore httptimeout") {
		t.Errorf("-explain output:\n%s", r.stdout)
	}
	wantCode(t, run(t, dir, "-explain", "nosuch"), 2)
	r = run(t, dir, "-version")
	wantCode(t, r, 0)
	if !strings.HasPrefix(r.stdout, "resilint ") {
		t.Errorf("-version output: %q", r.stdout)
	}
}
