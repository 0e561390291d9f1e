package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/directive"
	"github.com/resilint/resilint/internal/finding"
	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/rules"
)

// A foundDirective is a //resilint:ignore comment the hidden analyzer saw.
type foundDirective struct {
	directive.Directive
	File   string
	Column int
	used   bool
}

func newFoundDirective(file string, line, col int, text string) foundDirective {
	d, _ := directive.Parse(text)
	d.Line = line
	return foundDirective{Directive: d, File: file, Column: col}
}

// applyDirectives drops the findings a directive suppresses and adds
// findings for directives that are malformed, name unknown analyzers, or
// suppress nothing (as staticcheck does: a stale directive hides the next
// real finding on that line). tests tells, per enabled analyzer, whether it
// analyzed _test.go files; a directive is only judged unused by analyzers
// that looked at its file.
func applyDirectives(fs []finding.Finding, dirs []foundDirective, tests map[string]bool) []finding.Finding {
	byFile := map[string][]*foundDirective{}
	for i := range dirs {
		byFile[dirs[i].File] = append(byFile[dirs[i].File], &dirs[i])
	}
	kept := fs[:0]
	for _, f := range fs {
		suppressed := false
		for _, d := range byFile[f.File] {
			if d.Suppresses(f.Analyzer, f.Rule, f.Line) {
				d.used = true
				suppressed = true
			}
		}
		if !suppressed {
			kept = append(kept, f)
		}
	}
	// Nolint directives are also honoured: the analyzers themselves do so
	// outside the CLI, and the CLI asks them for raw findings.
	kept = dropNolint(kept)

	for _, d := range dirs {
		if msg, rule := judge(&d, tests); msg != "" {
			kept = append(kept, finding.Finding{
				Analyzer: lint.DirectivesAnalyzer.Name, Rule: rule, Severity: "warning",
				File: d.File, Line: d.Line, Column: d.Column, EndLine: d.Line, EndColumn: d.Column + len(d.Text),
				Message: msg,
			})
		}
	}
	return kept
}

// judge returns what is wrong with a directive, and the rule ID of that
// problem, or "" when it is well formed and used.
func judge(d *foundDirective, tests map[string]bool) (msg, rule string) {
	word := "//resilint:ignore"
	if d.Kind == directive.FileIgnore {
		word = "//resilint:file-ignore"
	}
	// Shared with the golangci-lint plugin, which reports the same message.
	if msg := d.Problem(analyzers.Names()); msg != "" {
		return msg, "RL001"
	}
	if d.used {
		return "", ""
	}
	isTest := strings.HasSuffix(d.File, "_test.go")
	var judged []string
	for _, n := range d.Names {
		analyzer, _ := rules.AnalyzerOf(n)
		ran, ok := tests[analyzer]
		if ok && (ran || !isTest) {
			judged = append(judged, n)
		}
	}
	if len(judged) == 0 || len(judged) < len(d.Names) {
		return "", "" // some named analyzer did not look at this file: cannot judge
	}
	return fmt.Sprintf("unused %s directive: no %s finding here to suppress; remove it", word, strings.Join(judged, " or ")), "RL002"
}

// dropNolint removes findings covered by //nolint comments. The hidden
// analyzer does not report nolint comments (golangci-lint's nolintlint
// owns them), so they are read from the source here, once per file.
func dropNolint(fs []finding.Finding) []finding.Finding {
	cache := map[string][]directive.Directive{}
	kept := fs[:0]
	for _, f := range fs {
		ds, ok := cache[f.File]
		if !ok {
			ds = nolintDirectives(f.File)
			cache[f.File] = ds
		}
		if !slices.ContainsFunc(ds, func(d directive.Directive) bool { return d.Suppresses(f.Analyzer, f.Rule, f.Line) }) {
			kept = append(kept, f)
		}
	}
	return kept
}
