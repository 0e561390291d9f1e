package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExcludePerRule: an exclude entry with rules drops only those
// analyzers' findings under its path; a plain glob still drops them all.
func TestExcludePerRule(t *testing.T) {
	cases := []struct {
		name, yml string
		code      int
		stdout    []string
		absent    []string
		stderr    string
	}{
		{
			name: "rules", code: 1,
			yml:    "exclude:\n  - path: internal/**\n    rules: [httptimeout]\n",
			stdout: []string{"cmd/api/main.go:21:12: ", "internal/fetch/fetch.go:31:51: //resilint:ignore needs a reason"},
			absent: []string{"internal/fetch/fetch.go:11:15", "internal/fetch/fetch.go:31:15"},
		},
		{
			name: "plain and mapped", code: 1,
			yml:    "exclude: [internal, {path: cmd/api/main.go, rules: [ctxpropagation]}]\n",
			stdout: []string{"cmd/api/main.go:21:12: "},
			absent: []string{"internal/", "(ctxpropagation"},
		},
		{name: "unknown rule", yml: "exclude:\n  - path: x\n    rules: [httptimeot]\n", code: 2, stderr: `.resilint.yml:3: exclude.rules: unknown analyzer "httptimeot"`},
		{
			name: "rule ID", code: 1,
			yml:    "exclude:\n  - path: internal/**\n    rules: [RL101]\n",
			stdout: []string{"cmd/api/main.go:21:12: ", "internal/fetch/fetch.go:31:51: //resilint:ignore needs a reason"},
			absent: []string{"internal/fetch/fetch.go:11:15", "internal/fetch/fetch.go:31:15"},
		},
		{name: "no path", yml: "exclude:\n  - rules: [httptimeout]\n", code: 2, stderr: ".resilint.yml:2: exclude: an entry with rules needs a path"},
		{name: "unknown key", yml: "exclude:\n  - path: x\n    linters: [httptimeout]\n", code: 2, stderr: ".resilint.yml:3: exclude.linters: unknown key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := module(t, "basic")
			if err := os.WriteFile(filepath.Join(dir, ".resilint.yml"), []byte(c.yml), 0o644); err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, "-enable", "httptimeout,ctxpropagation", "./...")
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
}
