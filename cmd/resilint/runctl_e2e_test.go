package main_test

// The build and run controls: -o and several outputs, -exit-code and
// -no-fail, -C, -tags, -p, -timeout, help links and colour.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestSeveralOutputsInOneRun(t *testing.T) {
	dir := module(t, "basic")
	r := run(t, dir, "-enable", "httptimeout", "-format", "text,sarif:out.sarif,json:out.json", "./...")
	wantCode(t, r, 1)
	if n := len(regexp.MustCompile(`\(httptimeout/RL10\d\)\n`).FindAllString(r.stdout, -1)); n != 3 {
		t.Errorf("stdout should hold the 3 httptimeout findings as text, has %d:\n%s", n, r.stdout)
	}
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	sarifFile, err := os.Open(filepath.Join(dir, "out.sarif"))
	if err != nil {
		t.Fatalf("the sarif output was not written: %v", err)
	}
	defer sarifFile.Close()
	inst, err := jsonschema.UnmarshalJSON(sarifFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("out.sarif violates the SARIF schema: %v", err)
	}
	var doc struct {
		Findings []struct {
			Analyzer string `json:"analyzer"`
			Help     string `json:"help"`
		} `json:"findings"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.json"))
	if err != nil || json.Unmarshal(data, &doc) != nil || len(doc.Findings) != 5 {
		t.Fatalf("out.json should hold the 5 findings (%v):\n%s", err, data)
	}
	for _, f := range doc.Findings {
		if !strings.HasPrefix(f.Help, "https://github.com/resilint/resilint/blob/") {
			t.Errorf("%s finding has help %q, want its documentation link", f.Analyzer, f.Help)
		}
	}
	if !strings.HasSuffix(doc.Findings[0].Help, "/docs/analyzers/httptimeout.md") {
		t.Errorf("httptimeout help link: %q", doc.Findings[0].Help)
	}

	// -o sends the stdout format to a file.
	r = run(t, dir, "-enable", "httptimeout", "-o", "report.txt", "./cmd/...")
	wantCode(t, r, 1)
	report, _ := os.ReadFile(filepath.Join(dir, "report.txt"))
	if r.stdout != "" || !strings.HasPrefix(string(report), "cmd/api/main.go:21:12: "+listenMsg) {
		t.Errorf("-o: stdout %q, file %q", r.stdout, report)
	}

	for _, args := range [][]string{{"-format", "text,json"}, {"-format", "sarif:a,json:a"}, {"-format", "json:a.json", "-o", "b"}, {"-format", "text,xml:x"}} {
		r := run(t, dir, append(args, "./cmd/...")...)
		if r.code != 2 || !strings.Contains(r.stderr, "resilint: -") {
			t.Errorf("%v: exit %d, want 2 with a message; stderr %q", args, r.code, r.stderr)
		}
	}
}

func TestExitCodeFlags(t *testing.T) {
	dir := module(t, "basic")
	wantCode(t, run(t, dir, "-enable", "httptimeout", "-no-fail", "./cmd/..."), 0)
	wantCode(t, run(t, dir, "-enable", "httptimeout", "-exit-code", "7", "./cmd/..."), 7)
	// The code is for findings only: a clean run still exits 0.
	wantCode(t, run(t, module(t, "clean"), "-exit-code", "7", "./..."), 0)
	wantCode(t, run(t, dir, "-no-fail", "-exit-code", "4", "./cmd/..."), 2)
	wantCode(t, run(t, dir, "-exit-code", "300", "./cmd/..."), 2)
}

func TestHelpLinkWithVerbose(t *testing.T) {
	dir := module(t, "basic")
	plain := run(t, dir, "-enable", "httptimeout", "./cmd/...")
	wantCode(t, plain, 1)
	if strings.Contains(plain.stdout, "help:") {
		t.Errorf("the default text output must stay one line a finding:\n%s", plain.stdout)
	}
	verbose := run(t, dir, "-v", "-enable", "httptimeout", "./cmd/...")
	wantCode(t, verbose, 1)
	want := plain.stdout + "\thelp: https://github.com/resilint/resilint/blob/main/docs/analyzers/httptimeout.md\n"
	if verbose.stdout != want {
		t.Errorf("-v output:\n%s\nwant:\n%s", verbose.stdout, want)
	}
}

func TestChdirTagsParallel(t *testing.T) {
	dir := module(t, "basic")
	tagged := "//go:build integration\n\npackage fetch\n\nimport \"net/http\"\n\nfunc TaggedProbe(u string) { http.Get(u) }\n"
	if err := os.WriteFile(filepath.Join(dir, "internal", "fetch", "probe.go"), []byte(tagged), 0o644); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	// -C: the packages, the config lookup and the paths shown are the
	// directory's; without -tags the tagged file is not built.
	r := run(t, elsewhere, "-C", dir, "-enable", "httptimeout", "./internal/...")
	wantCode(t, r, 1)
	if !strings.Contains(r.stdout, "internal/fetch/fetch.go:11:15: ") || strings.Contains(r.stdout, "probe.go") {
		t.Errorf("-C without -tags:\n%s", r.stdout)
	}
	r = run(t, elsewhere, "-C", dir, "-tags", "integration", "-p", "1", "-v", "-enable", "httptimeout", "./internal/...")
	wantCode(t, r, 1)
	if !strings.Contains(r.stdout, "internal/fetch/probe.go:7:30: "+getMsg) {
		t.Errorf("-tags integration did not analyze the tagged file:\n%s", r.stdout)
	}
	for _, cmd := range []string{"resilint: go list -e", "resilint: go vet"} {
		line := lineWith(r.stderr, cmd)
		if !strings.Contains(line, "-tags=integration") || !strings.Contains(line, "-p=1") {
			t.Errorf("-tags and -p not passed to %s:\n%s", cmd, line)
		}
	}
	wantCode(t, run(t, elsewhere, "-C", filepath.Join(dir, "nosuchdir"), "./..."), 2)
}

func lineWith(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

func TestTimeout(t *testing.T) {
	r := run(t, module(t, "basic"), "-timeout", "1ms", "./...")
	wantCode(t, r, 3)
	if r.stdout != "" || !strings.Contains(r.stderr, "resilint: timed out after 1ms (-timeout)") {
		t.Errorf("timeout: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

// TestColourOnTerminal runs resilint under script(1), which gives it a
// terminal: findings are coloured there, and not with NO_COLOR.
func TestColourOnTerminal(t *testing.T) {
	skipShort(t)
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed")
	}
	dir := module(t, "basic")
	onTerminal := func(noColor string) string {
		cmd := exec.Command(script, "-qec", resilintBin+" -enable httptimeout ./cmd/...", "/dev/null")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR="+noColor, "TERM=xterm")
		out, _ := cmd.Output()
		return string(out)
	}
	coloured := onTerminal("")
	if !strings.Contains(coloured, "\x1b[1mcmd/api/main.go:21:12:\x1b[0m "+listenMsg) {
		t.Errorf("no colour on a terminal:\n%q", coloured)
	}
	plain := onTerminal("1")
	if strings.Contains(plain, "\x1b[") || !strings.Contains(plain, "cmd/api/main.go:21:12: "+listenMsg) {
		t.Errorf("NO_COLOR must turn colour off:\n%q", plain)
	}
	// Not a terminal (the other tests' pipes): no escapes.
	if r := run(t, dir, "-enable", "httptimeout", "./cmd/..."); strings.Contains(r.stdout+r.stderr, "\x1b[") {
		t.Errorf("escape sequences on a pipe:\n%q", r.stdout)
	}
}
