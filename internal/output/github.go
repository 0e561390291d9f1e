package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/resilint/resilint/internal/finding"
)

// GitHub prints GitHub Actions workflow commands, which the Actions runner
// turns into annotations on the pull request's diff. Paths are relative to
// the repository root, as the runner expects.
func GitHub(w io.Writer, r *finding.Result, _ []Rule) error {
	for _, f := range r.Findings {
		level := "warning"
		if f.Severity == "error" {
			level = "error"
		}
		props := []string{
			"file=" + escapeProperty(finding.Rel(r.RootDir, f.File)),
			fmt.Sprintf("line=%d", f.Line),
			fmt.Sprintf("col=%d", f.Column),
		}
		if f.EndLine > 0 {
			props = append(props, fmt.Sprintf("endLine=%d", f.EndLine))
			if f.EndLine == f.Line {
				props = append(props, fmt.Sprintf("endColumn=%d", f.EndColumn))
			}
		}
		props = append(props, "title="+escapeProperty("resilint ("+Label(f)+")"))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(withRelated(f, r.RootDir))); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		msg := e.Message
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		if _, err := fmt.Fprintf(w, "::error title=resilint::%s\n", escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// withRelated is the message followed by one line per related location,
// for formats that have no place of their own for them.
func withRelated(f finding.Finding, root string) string {
	msg := f.Message
	for _, rel := range f.Related {
		msg += fmt.Sprintf("\nrelated: %s:%d: %s", finding.Rel(root, rel.File), rel.Line, rel.Message)
	}
	return msg
}

// The escapes the Actions runner defines for workflow command data and
// property values.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
