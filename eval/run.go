package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/resilint/resilint/analyzers"
)

// report is the part of resilint's JSON output the evaluation reads.
type report struct {
	Findings []reportFinding `json:"findings"`
	Errors   []struct {
		Package  string `json:"package"`
		Message  string `json:"message"`
		Internal bool   `json:"internal"`
	} `json:"errors"`
	Summary struct {
		Packages int `json:"packages"`
	} `json:"summary"`
}

type reportFinding struct {
	Analyzer string `json:"analyzer"`
	File     string `json:"file"` // relative to the directory resilint ran in
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	// Related are the other places the finding names (a grouped
	// finding's call sites): a user is shown them, so a label there
	// counts as reported for recall, never as a finding of its own.
	Related []struct {
		File string `json:"file"`
		Line int    `json:"line"`
	} `json:"related"`
}

type target struct {
	name, dir string
	patterns  []string
	group     string   // proxy, std, or an app's half
	env       []string // added to the environment of the runs
}

// evalOptions selects the targets of a run.
type evalOptions struct {
	only     []string // target names; all when empty
	appsOnly bool     // leave out the proxy modules and std
	half     string   // only the apps of this half (implies appsOnly)
	once     bool     // skip the second, determinism-checking run
}

// evaluate runs resilint on every corpus module and on std, twice, and
// writes per-analyzer reports. It fails on internal errors (a crash or an
// analyzer error) and on runs whose findings differ (nondeterminism).
func evaluate(opts evalOptions) error {
	targets, err := evalTargets(opts)
	if err != nil {
		return err
	}
	// Read every triage file before the long runs, so a malformed one
	// fails at once.
	triage := map[string]map[location]record{}
	for _, t := range targets {
		if triage[t.name], err = loadTriage(t.name); err != nil {
			return err
		}
	}

	results := filepath.Join(repoDir(), "eval", "results")
	if err := os.MkdirAll(results, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "resilint-eval")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	binA, binB := filepath.Join(tmp, "a", "resilint"), filepath.Join(tmp, "b", "resilint")
	if err := buildResilint(binA, "eval-a"); err != nil {
		return err
	}
	if !opts.once {
		if err := buildResilint(binB, "eval-b"); err != nil {
			return err
		}
	}

	var failures []string
	reports := map[string]*report{}
	var scores []targetScore
	for _, t := range targets {
		fmt.Fprintf(os.Stderr, "eval: %s ...\n", t.name)
		start := time.Now()
		a, raw, err := runOnce(binA, t)
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: %v", t.name, err))
			continue
		}
		os.WriteFile(filepath.Join(results, t.name+".json"), raw, 0o644)
		if !opts.once {
			b, _, err := runOnce(binB, t)
			if err != nil {
				failures = append(failures, fmt.Sprintf("%s (second run): %v", t.name, err))
				continue
			}
			if fa, fb := findingLines(a), findingLines(b); !slices.Equal(fa, fb) {
				failures = append(failures, fmt.Sprintf("%s: two runs disagree (nondeterminism): %s", t.name, firstDifference(fa, fb)))
			}
		}
		if a.Summary.Packages == 0 {
			msg := "no package analyzed"
			if len(a.Errors) > 0 {
				msg += ": " + firstLine(a.Errors[0].Message)
			}
			failures = append(failures, fmt.Sprintf("%s: %s (is the corpus copy broken? re-run make corpus)", t.name, msg))
		}
		for _, e := range a.Errors {
			if e.Internal {
				failures = append(failures, fmt.Sprintf("%s: internal error in %s: %s", t.name, e.Package, firstLine(e.Message)))
			}
		}
		reports[t.name] = a
		byAnalyzer, untriaged := score(a.Findings, triage[t.name])
		scores = append(scores, targetScore{t.name, t.group, byAnalyzer, untriaged})
		fmt.Fprintf(os.Stderr, "eval: %s: %d findings, %d packages, %d load errors (%s)\n",
			t.name, len(a.Findings), a.Summary.Packages, len(a.Errors), time.Since(start).Round(time.Second))
	}
	if err := writeReports(results, targets, reports); err != nil {
		return err
	}
	if err := writeAppsReport(results, scores); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "eval: reports in %s\n", results)
	if len(failures) > 0 {
		return errors.New("evaluation failed:\n  " + strings.Join(failures, "\n  "))
	}
	return nil
}

// evalTargets lists the proxy modules, std and the apps a run covers.
// Apps run with their skipped packages left out, in their module
// directory, so that finding paths are relative to the module root.
func evalTargets(opts evalOptions) ([]target, error) {
	var targets []target
	if !opts.appsOnly && opts.half == "" {
		mods, err := readCorpus(opts.only)
		if err != nil {
			return nil, err
		}
		for _, m := range mods {
			if _, err := os.Stat(filepath.Join(m.Dir(), okMarker)); err != nil {
				return nil, fmt.Errorf("%s is not materialized: run `make corpus` first", m.Name)
			}
			targets = append(targets, target{m.Name, m.Dir(), []string{"./..."}, groupProxy, nil})
		}
		if len(opts.only) == 0 || contains(opts.only, "std") {
			targets = append(targets, target{"std", repoDir(), []string{"std"}, groupStd, nil})
		}
	}
	apps, err := readApps(opts.only)
	if err != nil {
		return nil, err
	}
	for _, a := range apps {
		if opts.half != "" && a.Half != opts.half {
			continue
		}
		patch, err := readPatch(a.Name)
		if err != nil {
			return nil, err
		}
		marker, err := os.ReadFile(filepath.Join(a.Dir(), appMarkerFile))
		if err != nil || string(marker) != appMarker(a, patch) {
			return nil, fmt.Errorf("%s is not materialized at its commit and setup: run `make corpus` first", a.Name)
		}
		pkgs, err := appPackages(a.ModuleDir(), a.Setup.Skip)
		if err != nil {
			return nil, err
		}
		targets = append(targets, target{a.Name, a.ModuleDir(), pkgs, a.Half, appEnv})
	}
	if len(targets) == 0 {
		return nil, errors.New("nothing to evaluate (is eval/apps.txt there?)")
	}
	return targets, nil
}

func runOnce(bin string, t target) (*report, []byte, error) {
	cmd := command(t.dir, t.env, bin, append([]string{"-format", "json"}, t.patterns...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return nil, nil, err
	}
	if ee != nil && ee.ExitCode() == 2 {
		return nil, nil, fmt.Errorf("resilint exit 2: %s", errb.String())
	}
	var r report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return nil, nil, fmt.Errorf("bad JSON output (%v); stderr:\n%s", err, errb.String())
	}
	return &r, out.Bytes(), nil
}

func findingLines(r *report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, fmt.Sprintf("%s:%d:%d: %s (%s)", f.File, f.Line, f.Column, f.Message, f.Analyzer))
	}
	return out
}

func writeReports(dir string, targets []target, reports map[string]*report) error {
	names := analyzers.Names()
	var sum strings.Builder
	fmt.Fprintf(&sum, "# resilint evaluation\n\n| module | packages | load errors | %s | total |\n|---|---|---|%s---|\n",
		strings.Join(names, " | "), strings.Repeat("---|", len(names)))
	per := map[string]*strings.Builder{}
	for _, n := range append(names, "resilint") {
		per[n] = &strings.Builder{}
		fmt.Fprintf(per[n], "# %s findings\n", n)
	}
	for _, t := range targets {
		r := reports[t.name]
		if r == nil {
			continue
		}
		counts := map[string]int{}
		for _, f := range r.Findings {
			counts[f.Analyzer]++
		}
		fmt.Fprintf(&sum, "| %s | %d | %d |", t.name, r.Summary.Packages, len(r.Errors))
		for _, n := range names {
			fmt.Fprintf(&sum, " %d |", counts[n])
		}
		fmt.Fprintf(&sum, " %d |\n", len(r.Findings))
		for n, b := range per {
			if counts[n] == 0 {
				continue
			}
			fmt.Fprintf(b, "\n## %s (%d)\n\n", t.name, counts[n])
			for _, f := range r.Findings {
				if f.Analyzer == n {
					fmt.Fprintf(b, "- `%s:%d:%d` %s\n", f.File, f.Line, f.Column, f.Message)
				}
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "summary.md"), []byte(sum.String()), 0o644); err != nil {
		return err
	}
	for n, b := range per {
		if err := os.WriteFile(filepath.Join(dir, n+".md"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// firstDifference names the first finding on which two runs differ, which
// is what a nondeterminism hunt starts from.
func firstDifference(a, b []string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return fmt.Sprintf("%d vs %d findings; first difference:\n    %s\n    %s", len(a), len(b), a[i], b[i])
		}
	}
	return fmt.Sprintf("%d vs %d findings", len(a), len(b))
}
