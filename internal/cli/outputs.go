package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/finding"
	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/output"
)

// An outputSpec is one rendering of the findings: a format and the file it
// goes to ("" for stdout).
type outputSpec struct {
	format string
	file   string
}

// parseOutputs reads -format FORMAT[:FILE],... and -o FILE. At most one
// format may write to stdout; -o sends that one to a file instead.
func parseOutputs(formats, outFile string) ([]outputSpec, error) {
	var specs []outputSpec
	toStdout := -1
	files := map[string]bool{}
	for _, item := range strings.Split(formats, ",") {
		item = strings.TrimSpace(item)
		// Format names hold no colon, so a Windows path (sarif:C:\r.sarif) keeps its own.
		name, file, _ := strings.Cut(item, ":")
		if _, err := output.Lookup(name); err != nil {
			return nil, usagef("-format: %v", err)
		}
		if file == "" {
			if toStdout >= 0 {
				return nil, usagef("-format: %s and %s would both write to stdout; give all but one a file, as in -format text,sarif:resilint.sarif",
					specs[toStdout].format, name)
			}
			toStdout = len(specs)
		} else if files[file] {
			return nil, usagef("-format: two formats write to %s", file)
		}
		files[file] = true
		specs = append(specs, outputSpec{format: name, file: file})
	}
	if outFile != "" {
		if toStdout < 0 {
			return nil, usagef("-o %s: every format already names its file", outFile)
		}
		if files[outFile] {
			return nil, usagef("-format: two formats write to %s", outFile)
		}
		specs[toStdout].file = outFile
	}
	return specs, nil
}

// render writes the result in every requested format. A file's report is
// rendered in memory first, so a failing writer leaves no half-written file.
func render(opts *options, stdout io.Writer, res *finding.Result) error {
	rules := rulesFor(res.Analyzers)
	for _, spec := range opts.outputs {
		write, err := output.Lookup(spec.format)
		if err != nil {
			return err
		}
		if spec.format == "text" {
			write = output.TextWith(output.TextStyle{Help: opts.verbose, Color: spec.file == "" && opts.color})
		}
		if spec.file == "" {
			if err := write(stdout, res, rules); err != nil {
				return err
			}
			continue
		}
		var buf bytes.Buffer
		if err := write(&buf, res, rules); err != nil {
			return err
		}
		if err := os.WriteFile(spec.file, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("writing the %s report: %v", spec.format, err)
		}
	}
	return nil
}

// rulesFor describes the analyzers that ran, and the directive check.
func rulesFor(names []string) []output.Rule {
	var rules []output.Rule
	for _, n := range names {
		if e, ok := analyzers.Lookup(n); ok {
			rules = append(rules, output.Rule{Analyzer: e.Analyzer, Severity: e.Severity})
		}
	}
	return append(rules, output.Rule{Analyzer: lint.DirectivesAnalyzer, Severity: "warning"})
}

// useColor reports whether text on w may be coloured: w is a terminal and
// neither NO_COLOR (https://no-color.org) nor TERM=dumb says otherwise.
func useColor(w io.Writer, getenv func(string) string) bool {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	_, ok := terminalWidth(w)
	return ok
}
