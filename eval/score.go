package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// rescore matches the findings that the last `eval run` saved in
// eval/results/NAME.json against eval/triage/ again, without running
// resilint: after a round of triage the table is seconds away, not the
// half hour that running every app twice takes.
func rescore(opts evalOptions) error {
	targets, err := evalTargets(opts)
	if err != nil {
		return err
	}
	results := filepath.Join(repoDir(), "eval", "results")
	var scores []targetScore
	for _, t := range targets {
		labels, err := loadTriage(t.name)
		if err != nil {
			return err
		}
		s, err := savedScore(results, t, labels)
		if err != nil {
			return err
		}
		scores = append(scores, s)
	}
	if err := writeAppsReport(results, scores); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "eval: scored %d apps from saved runs; tables in %s\n", len(scores), filepath.Join(results, "apps.md"))
	return nil
}

// savedScore scores the run of t saved in dir against labels.
func savedScore(dir string, t target, labels map[location]record) (targetScore, error) {
	raw, err := os.ReadFile(filepath.Join(dir, t.name+".json"))
	if err != nil {
		return targetScore{}, fmt.Errorf("%s: no saved run (make eval first): %v", t.name, err)
	}
	var r report
	if err := json.Unmarshal(raw, &r); err != nil {
		return targetScore{}, fmt.Errorf("%s: %v", t.name, err)
	}
	byAnalyzer, untriaged := score(r.Findings, labels)
	return targetScore{t.name, t.group, byAnalyzer, untriaged}, nil
}
