package main_test

// The redaction test of every hardcodedsecret rule: the analyzer's own
// testdata module holds one fake per provider rule (providers, generated
// from the rule table) and the other formats (human-chosen passwords,
// comparisons, URL credentials, Authorization values, embedded files).
// The real binary runs on it in every output format and under go vet,
// and no output may show 8 consecutive characters of any of them.

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/fsutil"
)

var (
	goLiteral = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")
	wantLine  = regexp.MustCompile(`// want `)
)

// ruleSecrets returns the 8-character windows of the secrets of the
// analyzer's testdata: the string literals on lines that expect a
// finding, with their + splits folded, and the secret lines of the
// embedded configuration files. Only windows with a letter and a digit
// are kept: the fixed parts of a format (https://, postgres, Authoriz)
// are words the messages may use.
func ruleSecrets(t *testing.T, dir string) []string {
	t.Helper()
	var values []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			switch {
			case strings.HasSuffix(path, ".go"):
				loc := wantLine.FindStringIndex(line)
				if loc == nil {
					continue
				}
				var b strings.Builder
				for _, lit := range goLiteral.FindAllString(line[:loc[0]], -1) {
					b.WriteString(lit[1 : len(lit)-1])
				}
				values = append(values, b.String())
			case strings.Contains(path, filepath.Join("embedded", "conf")):
				if strings.Contains(line, "key") || strings.Contains(line, "password") {
					values = append(values, line)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var windows []string
	for _, v := range values {
		for i := 0; i+8 <= len(v); i++ {
			w := v[i : i+8]
			if !seen[w] && strings.ContainsAny(w, "0123456789") && strings.IndexFunc(w, isLetter) >= 0 {
				seen[w] = true
				windows = append(windows, w)
			}
		}
	}
	if len(windows) < 1000 {
		t.Fatalf("found %d secret windows in %s: the fixture was not read", len(windows), dir)
	}
	return windows
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func TestSecretRulesNeverPrinted(t *testing.T) {
	skipShort(t)
	dir := t.TempDir()
	if err := fsutil.CopyTree(filepath.Join("..", "..", "analyzers", "hardcodedsecret", "testdata", "src", "svc"), dir); err != nil {
		t.Fatal(err)
	}
	windows := ruleSecrets(t, dir)
	check := func(what string, r result) result {
		t.Helper()
		out := r.stdout + r.stderr
		for _, w := range windows {
			if strings.Contains(out, w) {
				t.Errorf("%s shows %q, part of a secret", what, w)
			}
		}
		return r
	}
	providers, err := os.ReadFile(filepath.Join(dir, "providers", "providers.go"))
	if err != nil {
		t.Fatal(err)
	}
	rules := strings.Count(string(providers), "// want ")

	r := check("text output", run(t, dir, "-enable", "hardcodedsecret", "./..."))
	wantCode(t, r, 1)
	reported := map[string]bool{}
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "providers/providers.go:") {
			reported[strings.SplitN(line, ":", 3)[1]] = true
		}
	}
	if len(reported) != rules {
		t.Errorf("text output reports %d provider lines, want one per rule (%d):\n%s", len(reported), rules, r.stdout)
	}
	for _, format := range []string{"json", "sarif", "github", "gitlab"} {
		r := check(format+" output", run(t, dir, "-tests", "-format", format, "-enable", "hardcodedsecret", "./..."))
		wantCode(t, r, 1)
		if !strings.Contains(r.stdout, "providers.go") {
			t.Errorf("%s output lacks the provider findings", format)
		}
	}
	check("-diff output", run(t, dir, "-diff", "-enable", "hardcodedsecret", "./..."))
	r = check("go vet", runCmd(t, dir, "go", "vet", "-vettool="+resilintBin, "./..."))
	if r.code == 0 || !strings.Contains(r.stderr, "providers.go") {
		t.Errorf("go vet did not report the secrets (exit %d):\n%s", r.code, r.stderr)
	}
}
