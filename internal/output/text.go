package output

import (
	"fmt"
	"io"

	"github.com/resilint/resilint/internal/finding"
	"github.com/resilint/resilint/internal/version"
)

// TextStyle says how the text format decorates a finding. The zero style
// is the plain one-line format that editors and scripts parse.
type TextStyle struct {
	// Color marks up the position and the analyzer with ANSI escapes; the
	// CLI sets it only for a terminal without NO_COLOR.
	Color bool
	// Help adds the finding's documentation link on an indented line of
	// its own, so the first line keeps the file:line:col: message form.
	Help bool
}

const (
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
	ansiReset  = "\x1b[0m"
)

// TextWith returns the text writer with the given decorations.
func TextWith(style TextStyle) Writer {
	return func(w io.Writer, r *finding.Result, rules []Rule) error {
		help := helpURLs(rules)
		for _, f := range r.Findings {
			pos := fmt.Sprintf("%s:%d:%d:", finding.Rel(r.WorkDir, f.File), f.Line, f.Column)
			name := "(" + Label(f) + ")"
			if style.Color {
				colour := ansiYellow
				if f.Severity == "error" {
					colour = ansiRed
				}
				pos = ansiBold + pos + ansiReset
				name = colour + name + ansiReset
			}
			line := pos + " " + f.Message + " " + name + "\n"
			for _, rel := range f.Related {
				line += fmt.Sprintf("\trelated: %s:%d:%d: %s\n", finding.Rel(r.WorkDir, rel.File), rel.Line, rel.Column, rel.Message)
			}
			if url := help[f.Analyzer]; style.Help && url != "" {
				if style.Color {
					url = ansiDim + url + ansiReset
				}
				line += "\thelp: " + url + "\n"
			}
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
		return nil
	}
}

// Label names what reported a finding: "analyzer/RULE", or the analyzer
// alone for a finding without a rule ID.
func Label(f finding.Finding) string {
	if f.Rule == "" {
		return f.Analyzer
	}
	return f.Analyzer + "/" + f.Rule
}

// HelpURL is the documentation link of an analyzer for the running
// version: its page at the release tag, or on main for a development build.
func HelpURL(rule Rule) string {
	if rule.Analyzer == nil || rule.Analyzer.URL == "" {
		return ""
	}
	return versionedDocs(rule.Analyzer.URL, version.Version)
}

func helpURLs(rules []Rule) map[string]string {
	out := map[string]string{}
	for _, r := range rules {
		if u := HelpURL(r); u != "" {
			out[r.Analyzer.Name] = u
		}
	}
	return out
}
