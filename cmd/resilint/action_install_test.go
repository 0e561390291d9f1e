package main_test

// Tests of the GitHub Action's install step: it installs the resilint of
// the action's own ref, and builds a local checkout (`uses: ./`) in place.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// An actionStepDef is one step of action.yml's composite run.
type actionStepDef struct {
	Name  string `yaml:"name"`
	Shell string `yaml:"shell"`
	Run   string `yaml:"run"`
}

// actionSteps reads the steps of action.yml.
func actionSteps(t *testing.T) []actionStepDef {
	t.Helper()
	var action struct {
		Runs struct {
			Steps []actionStepDef `yaml:"steps"`
		} `yaml:"runs"`
	}
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	return action.Runs.Steps
}

// actionStep returns the run script of the action.yml step with that name.
func actionStep(t *testing.T, name string) string {
	t.Helper()
	for _, s := range actionSteps(t) {
		if s.Name == name {
			return s.Run
		}
	}
	t.Fatalf("action.yml has no step %q", name)
	return ""
}

// runInstallStep runs the install step as the runner does, with the env
// the step's env: block would give it, and with pathDir first in PATH.
func runInstallStep(t *testing.T, pathDir string, env map[string]string) (runnerTemp string, r result) {
	t.Helper()
	runnerTemp = t.TempDir()
	script := filepath.Join(t.TempDir(), "install.sh")
	os.WriteFile(script, []byte("set -euo pipefail\n"+actionStep(t, "Install resilint")), 0o644)
	cmd := exec.Command("bash", script)
	cmd.Env = append(os.Environ(), "RUNNER_TEMP="+runnerTemp, "PATH="+pathDir+string(os.PathListSeparator)+os.Getenv("PATH"))
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	r = result{stdout: string(out)}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return runnerTemp, r
}

// TestActionInstallsItsRef checks which resilint the install step asks go
// for, with a stand-in go that records its arguments (the real one would
// need the release on the module proxy).
func TestActionInstallsItsRef(t *testing.T) {
	fake := t.TempDir()
	calls := filepath.Join(fake, "calls")
	os.WriteFile(filepath.Join(fake, "go"), []byte(`#!/usr/bin/env bash
echo "$PWD $*" >> "`+calls+`"
mkdir -p "$GOBIN" && printf '#!/bin/sh\necho resilint stub\n' > "$GOBIN/resilint" && chmod +x "$GOBIN/resilint"
`), 0o755)
	actionPath := t.TempDir()
	for _, tc := range []struct {
		name, version, ref, want string
	}{
		{"a tag", "", "v0.1.0", " install github.com/resilint/resilint/cmd/resilint@v0.1.0"},
		{"a commit", "", "e3c4dde1234f5678e3c4dde1234f5678e3c4dde1", " install github.com/resilint/resilint/cmd/resilint@e3c4dde1234f5678e3c4dde1234f5678e3c4dde1"},
		{"the version input wins", "v0.2.0", "v0.1.0", " install github.com/resilint/resilint/cmd/resilint@v0.2.0"},
		{"uses: ./", "", "", actionPath + " install ./cmd/resilint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(calls)
			_, r := runInstallStep(t, fake, map[string]string{"VERSION": tc.version, "ACTION_REF": tc.ref, "ACTION_PATH": actionPath})
			if r.code != 0 {
				t.Fatalf("install step failed (exit %d):\n%s", r.code, r.stdout)
			}
			got, _ := os.ReadFile(calls)
			if !strings.HasSuffix(strings.TrimSpace(string(got)), tc.want) || strings.Count(string(got), "\n") != 1 {
				t.Errorf("go was run as %q, want one call ending in %q", got, tc.want)
			}
			if !strings.Contains(r.stdout, "resilint stub") {
				t.Errorf("the step does not print the installed version:\n%s", r.stdout)
			}
		})
	}
}

// TestActionBuildsLocalCheckout runs the install step with the real go on
// this checkout, as `uses: ./` does in our own workflow.
func TestActionBuildsLocalCheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds resilint")
	}
	runnerTemp, r := runInstallStep(t, t.TempDir(), map[string]string{"VERSION": "", "ACTION_REF": "", "ACTION_PATH": repoRoot(t)})
	if r.code != 0 {
		t.Fatalf("install step failed (exit %d):\n%s", r.code, r.stdout)
	}
	bin := filepath.Join(runnerTemp, "resilint-bin", "resilint")
	got := runCmd(t, ".", bin, "-version")
	if got.code != 0 || !strings.HasPrefix(got.stdout, "resilint ") || strings.TrimSpace(got.stdout) == "resilint" || !strings.Contains(r.stdout, got.stdout) {
		t.Errorf("installed %s prints %q; the step printed:\n%s", bin, got.stdout, r.stdout)
	}
}
