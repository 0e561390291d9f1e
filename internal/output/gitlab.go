package output

import (
	"encoding/json"
	"io"

	"github.com/resilint/resilint/internal/finding"
)

// gitlabIssue is one entry of a GitLab Code Quality report.
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// GitLab prints a GitLab Code Quality report: a JSON array of issues with
// paths relative to the repository root and a fingerprint per issue, which
// GitLab uses to tell new findings in a merge request from old ones.
func GitLab(w io.Writer, r *finding.Result, _ []Rule) error {
	issues := []gitlabIssue{}
	for _, f := range r.Findings {
		sev := "minor"
		if f.Severity == "error" {
			sev = "critical"
		}
		issues = append(issues, gitlabIssue{
			Description: withRelated(f, r.RootDir),
			CheckName:   Label(f),
			Fingerprint: f.Fingerprint,
			Severity:    sev,
			Location: gitlabLocation{
				Path:  finding.Rel(r.RootDir, f.File),
				Lines: gitlabLines{Begin: f.Line, End: f.EndLine},
			},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
