package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// prefix is the hundreds digit each analyzer's IDs start with.
var prefix = map[string]string{
	Directives: "RL0", "httptimeout": "RL1", "unpaginated": "RL2", "missingtx": "RL3",
	"hardcodedsecret": "RL4", "ctxpropagation": "RL5", "retrybackoff": "RL6",
}

func TestTableIsWellFormed(t *testing.T) {
	seenID, seenName := map[string]bool{}, map[string]bool{}
	prev := ""
	for _, r := range All() {
		if !LooksLikeID(r.ID) || seenID[r.ID] || r.ID <= prev {
			t.Errorf("%s: IDs must be RLnnn, unique and in order (after %s)", r.ID, prev)
		}
		prev = r.ID
		if p, ok := prefix[r.Analyzer]; !ok || !strings.HasPrefix(r.ID, p) {
			t.Errorf("%s: analyzer %q does not own the %sxx range", r.ID, r.Analyzer, r.ID[:3])
		}
		if seenName[r.Name] || !regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`).MatchString(r.Name) {
			t.Errorf("%s: name %q must be unique kebab-case", r.ID, r.Name)
		}
		if r.Summary == "" || r.Help == "" || strings.HasSuffix(r.Summary, ".") {
			t.Errorf("%s: needs a summary (no final period) and help", r.ID)
		}
		// Only credentials are security findings, and each names its CWE.
		if security := r.Analyzer == "hardcodedsecret"; security != (r.SecuritySeverity != "") || security != (r.CWE != 0) {
			t.Errorf("%s: security-severity %q and CWE %d must be set exactly for hardcodedsecret", r.ID, r.SecuritySeverity, r.CWE)
		}
		seenID[r.ID], seenName[r.Name] = true, true
	}
	for analyzer := range prefix {
		if len(Of(analyzer)) == 0 {
			t.Errorf("%s has no rule", analyzer)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, c := range []struct{ analyzer, category, want string }{
		{"httptimeout", "RL102", "RL102"},
		{"httptimeout", "RL301", ""}, // another analyzer's ID is not this one's rule
		{"httptimeout", "", ""},
		{"unpaginated", "something-else", ""},
		{"hardcodedsecret", "aws-access-key-id", "RL401"},
		{"hardcodedsecret", "acme-internal-token", "RL401"}, // a team's extra rule
		{"hardcodedsecret", "private-key", "RL402"},
		{"hardcodedsecret", "postgres-url-password", "RL403"},
		{"hardcodedsecret", "mysql-dsn-password", "RL403"},
		{"hardcodedsecret", "http-basic-auth", "RL404"},
		{"hardcodedsecret", "jwt", "RL404"},
		{"hardcodedsecret", "name", "RL405"},
		{"hardcodedsecret", "embedded", "RL406"},
		{"hardcodedsecret", "", ""},
	} {
		if got := Resolve(c.analyzer, c.category); got != c.want {
			t.Errorf("Resolve(%s, %q) = %q, want %q", c.analyzer, c.category, got, c.want)
		}
	}
}

func TestAnalyzerOf(t *testing.T) {
	for _, c := range []struct {
		name, want string
		ok         bool
	}{
		{"RL101", "httptimeout", true},
		{"RL604", "retrybackoff", true},
		{"missingtx", "missingtx", true},
		{"RL999", "", false},
	} {
		if got, ok := AnalyzerOf(c.name); got != c.want || ok != c.ok {
			t.Errorf("AnalyzerOf(%s) = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// TestDocsListEveryRule keeps docs/rules.md in step with the table: a
// heading per ID naming its analyzer and name, and no ID the table lacks.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	headings := regexp.MustCompile(`(?m)^### (RL\d{3})\n\n(.*)\n`).FindAllStringSubmatch(string(doc), -1)
	documented := map[string]string{}
	for _, h := range headings {
		documented[h[1]] = h[2]
	}
	for _, r := range All() {
		line, ok := documented[r.ID]
		if !ok {
			t.Errorf("docs/rules.md lacks a \"### %s\" heading", r.ID)
			continue
		}
		if want := fmt.Sprintf("`%s` · %s", r.Name, r.Analyzer); !strings.Contains(line, want) {
			t.Errorf("docs/rules.md: the line under %s is %q, want it to name %q", r.ID, line, want)
		}
		delete(documented, r.ID)
	}
	for id := range documented {
		t.Errorf("docs/rules.md documents %s, which is not in the table", id)
	}
	for analyzer := range prefix {
		if analyzer == Directives {
			continue
		}
		page, err := os.ReadFile(filepath.Join("..", "..", "docs", "analyzers", analyzer+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), "../rules.md") {
			t.Errorf("docs/analyzers/%s.md does not link to docs/rules.md", analyzer)
		}
	}
}

// TestAnalyzersReportTheirOwnRules: every rule ID an analyzer's source
// names is one of its own, and every rule of the table except the secret
// ones (grouped by Resolve) and the CLI's is reported somewhere.
func TestAnalyzersReportTheirOwnRules(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "analyzers", "*", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no analyzer sources: %v", err)
	}
	used := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		analyzer := filepath.Base(filepath.Dir(f))
		for _, m := range regexp.MustCompile(`"(RL\d{3})"`).FindAllStringSubmatch(string(src), -1) {
			if r, ok := Lookup(m[1]); !ok || r.Analyzer != analyzer {
				t.Errorf("%s reports %s, which is not a rule of %s", f, m[1], analyzer)
			}
			used[m[1]] = true
		}
	}
	for _, r := range All() {
		if r.Analyzer != Directives && r.Analyzer != "hardcodedsecret" && !used[r.ID] {
			t.Errorf("no analyzer reports %s", r.ID)
		}
	}
}
