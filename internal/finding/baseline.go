package finding

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
)

// A Baseline records the findings a team has accepted for now, so that a
// legacy codebase can adopt resilint and fail only on new findings.
// Entries match by fingerprint (analyzer, file, enclosing function and
// flagged code), not by line, so unrelated edits that move code do not
// resurrect them. Messages are stored for the reader; they never hold a
// secret (analyzers mask them).
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// A BaselineEntry is one accepted finding.
type BaselineEntry struct {
	Analyzer    string `json:"analyzer"`
	File        string `json:"file"` // relative to the repository root
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

const baselineVersion = 1

// WriteBaseline saves the findings of r as a baseline file.
func WriteBaseline(path string, r *Result) error {
	b := Baseline{Version: baselineVersion, Findings: []BaselineEntry{}}
	for _, f := range r.Findings {
		b.Findings = append(b.Findings, BaselineEntry{Analyzer: f.Analyzer, File: Rel(r.RootDir, f.File), Fingerprint: f.Fingerprint, Message: f.Message})
	}
	slices.SortFunc(b.Findings, func(x, y BaselineEntry) int {
		if x.File != y.File {
			return cmp.Compare(x.File, y.File)
		}
		return cmp.Compare(x.Fingerprint, y.Fingerprint)
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// ReadBaseline loads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a resilint baseline: %v", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d, want %d (re-create it with -write-baseline)", path, b.Version, baselineVersion)
	}
	return &b, nil
}

// Filter drops the findings the baseline holds and returns how many it
// dropped.
func (b *Baseline) Filter(fs []Finding) ([]Finding, int) {
	known := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	kept := fs[:0]
	for _, f := range fs {
		if !known[f.Fingerprint] {
			kept = append(kept, f)
		}
	}
	return kept, len(fs) - len(kept)
}
