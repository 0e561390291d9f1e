package main_test

// Rule IDs and related locations end to end: the real binary on
// testdata/e2e/rules, whose findings are of several rules of httptimeout
// and a missingtx finding with a related location.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

type ruleFinding struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
	Related []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"related"`
	Fingerprint string `json:"fingerprint"`
}

func ruleFindings(t *testing.T, dir string, args ...string) []ruleFinding {
	t.Helper()
	r := run(t, dir, append([]string{"-format", "json"}, args...)...)
	wantCode(t, r, 1)
	var rep struct{ Findings []ruleFinding }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	return rep.Findings
}

// where lists findings as "rule file:line".
func where(fs []ruleFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.File+":"+itoa(f.Line))
	}
	return out
}

func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output violates the 2.1.0 schema: %v", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestRuleIDsAndRelatedInJSON(t *testing.T) {
	dir := module(t, "rules")
	fs := ruleFindings(t, dir, "-enable", "httptimeout,missingtx", "./...")
	want := []string{
		"RL301 teams/teams.go:14",
		"RL101 web/web.go:11",
		// Ping's RL101 is silenced by its directive; Probe's names RL102,
		// which does not cover an RL101 finding, and is reported unused.
		"RL002 web/web.go:29",
		"RL101 web/web.go:30",
		"RL102 web/web.go:38",
	}
	if got := where(fs); !slices.Equal(got, want) {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tx := fs[0]
	if len(tx.Related) == 0 || tx.Related[0].File != "teams/teams.go" || tx.Related[0].Line != 17 || tx.Related[0].Message == "" {
		t.Errorf("the missingtx finding's related locations = %+v, want the second insert at teams/teams.go:17", tx.Related)
	}
	for _, f := range fs[1:] {
		if len(f.Related) != 0 {
			t.Errorf("%s has related locations %+v", f.Rule, f.Related)
		}
	}
}

func TestRelatedInTextAndSARIF(t *testing.T) {
	dir := module(t, "rules")
	r := run(t, dir, "-enable", "missingtx", "-format", "text,sarif:out.sarif", "./...")
	wantCode(t, r, 1)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "teams/teams.go:14:") || !strings.HasSuffix(lines[0], "(missingtx/RL301)") ||
		!strings.HasPrefix(lines[1], "\trelated: teams/teams.go:17:") {
		t.Errorf("text output:\n%s\nwant the finding, then an indented related line", r.stdout)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, data)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Message struct{ Text string }
				Related []struct {
					ID      int `json:"id"`
					Message struct{ Text string }
				} `json:"relatedLocations"`
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != 1 || res[0].RuleID != "RL301" || len(res[0].Related) == 0 || res[0].Related[0].ID != 1 ||
		!strings.Contains(res[0].Message.Text, "](1)") {
		t.Errorf("SARIF results = %+v, want one RL301 result linking relatedLocations 1", res)
	}
}

func TestRuleIDsSelect(t *testing.T) {
	dir := module(t, "rules")
	only := ruleFindings(t, dir, "-enable", "RL101", "./...")
	if got := where(only); !slices.Equal(got, []string{"RL101 web/web.go:11", "RL002 web/web.go:29", "RL101 web/web.go:30"}) {
		t.Errorf("-enable RL101 reported:\n%s", strings.Join(got, "\n"))
	}
	but := ruleFindings(t, dir, "-enable", "httptimeout", "-disable", "RL101,RL002", "./...")
	if got := where(but); !slices.Equal(got, []string{"RL102 web/web.go:38"}) {
		t.Errorf("-disable RL101,RL002 reported:\n%s", strings.Join(got, "\n"))
	}
	if err := os.WriteFile(filepath.Join(dir, ".resilint.yml"), []byte("enable: [RL102, missingtx]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The directive naming RL102 above an RL101 finding is unused still.
	cfg := ruleFindings(t, dir, "./...")
	if got := where(cfg); !slices.Equal(got, []string{"RL301 teams/teams.go:14", "RL002 web/web.go:29", "RL102 web/web.go:38"}) {
		t.Errorf(".resilint.yml enable: [RL102, missingtx] reported:\n%s", strings.Join(got, "\n"))
	}
	r := run(t, dir, "-enable", "RL109", "./...")
	wantCode(t, r, 2)
	if !strings.Contains(r.stderr, `-enable: unknown rule "RL109"`) {
		t.Errorf("stderr: %s", r.stderr)
	}
}

// TestBaselineIgnoresRelated: a baseline written before another write
// joins the path still matches the finding, now with one more related
// location.
func TestBaselineIgnoresRelated(t *testing.T) {
	dir := module(t, "rules")
	wantCode(t, run(t, dir, "-enable", "missingtx", "-write-baseline", "base.json", "./..."), 0)
	path := filepath.Join(dir, "teams", "teams.go")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	audit := "\tif _, err := s.db.ExecContext(ctx, `INSERT INTO audit_log (team_id, action) VALUES ($1, 'created')`, id); err != nil {\n\t\treturn 0, err\n\t}\n\treturn id, nil\n"
	grown := strings.Replace(string(src), "\treturn id, nil\n", audit, 1)
	if err := os.WriteFile(path, []byte(grown), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := ruleFindings(t, dir, "-enable", "missingtx", "./...")
	if len(fs) != 1 || len(fs[0].Related) < 2 {
		t.Fatalf("after adding a write: %+v, want one finding with two related locations", fs)
	}
	r := run(t, dir, "-enable", "missingtx", "-baseline", "base.json", "./...")
	wantCode(t, r, 0)
	if !strings.Contains(r.stderr, "1 more in the baseline") {
		t.Errorf("stderr: %s", r.stderr)
	}
}
