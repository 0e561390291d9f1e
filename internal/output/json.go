package output

import (
	"encoding/json"
	"io"

	"github.com/resilint/resilint/internal/finding"
)

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Analyzer       string    `json:"analyzer"`
	Rule           string    `json:"rule,omitempty"` // the rule ID, docs/rules.md
	File           string    `json:"file"`
	Line           int       `json:"line"`
	Column         int       `json:"column"`
	EndLine        int       `json:"end_line"`
	EndColumn      int       `json:"end_column"`
	Message        string    `json:"message"`
	Severity       string    `json:"severity"`
	Fingerprint    string    `json:"fingerprint"`
	Help           string    `json:"help,omitempty"` // the analyzer's documentation for this version
	SuggestedFixes []jsonFix `json:"suggested_fixes"`
	// Related are other places that explain the finding.
	Related []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Message   string `json:"message"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File    string `json:"file"`
	Start   int    `json:"start"` // byte offsets into the file
	End     int    `json:"end"`
	NewText string `json:"new_text"`
}

type jsonError struct {
	Package  string `json:"package,omitempty"`
	Message  string `json:"message"`
	Internal bool   `json:"internal,omitempty"`
}

type jsonSummary struct {
	Findings   int      `json:"findings"`
	Packages   int      `json:"packages"`
	Analyzers  []string `json:"analyzers"`
	DurationMS int64    `json:"duration_ms"`
}

// JSON prints one document holding every finding and load error.
func JSON(w io.Writer, r *finding.Result, rules []Rule) error {
	rep := jsonReport{Findings: []jsonFinding{}, Errors: []jsonError{}}
	help := helpURLs(rules)
	for _, f := range r.Findings {
		jf := jsonFinding{
			Analyzer: f.Analyzer, Rule: f.Rule, File: finding.Rel(r.WorkDir, f.File),
			Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			Message: f.Message, Severity: f.Severity, Fingerprint: f.Fingerprint,
			SuggestedFixes: []jsonFix{}, Help: help[f.Analyzer],
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Message: fix.Message}
			for _, e := range fix.Edits {
				jx.Edits = append(jx.Edits, jsonEdit{File: finding.Rel(r.WorkDir, e.File), Start: e.Start, End: e.End, NewText: e.New})
			}
			jf.SuggestedFixes = append(jf.SuggestedFixes, jx)
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{File: finding.Rel(r.WorkDir, rel.File), Line: rel.Line, Column: rel.Column,
				EndLine: rel.EndLine, EndColumn: rel.EndColumn, Message: rel.Message})
		}
		rep.Findings = append(rep.Findings, jf)
	}
	for _, e := range r.Errors {
		rep.Errors = append(rep.Errors, jsonError{Package: e.Package, Message: e.Message, Internal: e.Internal})
	}
	rep.Summary = jsonSummary{Findings: len(r.Findings), Packages: r.Packages, Analyzers: r.Analyzers, DurationMS: r.Duration.Milliseconds()}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
