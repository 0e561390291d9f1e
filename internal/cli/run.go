package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/config"
	"github.com/resilint/resilint/internal/finding"
	"github.com/resilint/resilint/internal/lint"
	"github.com/resilint/resilint/internal/rules"
)

// run is one analysis: configure, run go vet, post-process, render.
func run(ctx context.Context, opts *options, patterns []string, stdout, stderr io.Writer) (int, error) {
	start := time.Now()
	wd, err := os.Getwd()
	if err != nil {
		return 0, err
	}
	cfg, err := loadConfig(opts, wd)
	if err != nil {
		return 0, err
	}
	enabled, sel, err := selectAnalyzers(cfg, opts)
	if err != nil {
		return 0, err
	}
	flags, tests := vetFlags(enabled, cfg, opts)
	self, err := selfPath()
	if err != nil {
		return 0, err
	}
	changed, err := changedSince(ctx, opts, wd)
	if err != nil {
		return 0, err
	}
	g := &goRunner{dir: wd, self: self, flags: flags, tests: slices.Contains(slices.Collect(maps.Values(tests)), true),
		buildFlags: goBuildFlags(opts), verbose: opts.verbose, prog: newProgress(stderr, os.Getenv), stderr: stderr}
	g.prog.tick(250 * time.Millisecond)
	vr, err := g.analyze(ctx, patterns)
	g.prog.close()
	if ctx.Err() == context.DeadlineExceeded {
		// The go command was killed: whatever it printed is partial.
		return 0, timeoutError(opts.timeout)
	}
	if err != nil {
		return 0, err
	}

	res := &finding.Result{WorkDir: wd, RootDir: repoRoot(wd), Packages: vr.Packages, Errors: vr.Errors}
	for _, a := range enabled {
		res.Analyzers = append(res.Analyzers, a.Name)
	}
	findings, dirs := convert(vr.Diagnostics)
	findings = applyDirectives(findings, dirs, tests)
	// After the directives, so that a directive naming a rule that is
	// not reported this run is not judged unused.
	findings = selectRules(findings, sel)
	findings = exclude(findings, cfg, excludeBase(cfg.Path, wd))
	finding.Fingerprint(findings, res.RootDir)
	finding.Sort(findings)
	res.Findings = findings

	if opts.writeBaseline != "" {
		if err := finding.WriteBaseline(opts.writeBaseline, res); err != nil {
			return 0, err
		}
		res.Duration = time.Since(start)
		summarize(stderr, res)
		fmt.Fprintf(stderr, "resilint: recorded %d finding%s in %s; run with -baseline %s to report only new ones\n",
			len(res.Findings), plural(len(res.Findings)), opts.writeBaseline, opts.writeBaseline)
		if len(res.Errors) > 0 {
			return ExitLoad, nil
		}
		return ExitClean, nil
	}
	if opts.baseline != "" {
		b, err := finding.ReadBaseline(opts.baseline)
		if err != nil {
			return 0, usagef("-baseline: %v", err)
		}
		res.Findings, res.Baselined = b.Filter(res.Findings)
	}
	if changed != nil {
		res.Findings, res.Unchanged = changed.filter(res.Findings)
	}

	if opts.fix || opts.diff {
		return fixAndReport(opts, res, stdout, stderr, start)
	}
	res.Duration = time.Since(start)
	if err := render(opts, stdout, res); err != nil {
		return 0, err
	}
	summarize(stderr, res)
	return exitCode(res, opts.findingsCode), nil
}

// summarize prints to stderr what went wrong, then the summary line, so
// that the summary is the last thing a user sees.
func summarize(w io.Writer, res *finding.Result) {
	var skipped []finding.LoadError
	failed := map[string]bool{}
	for _, e := range res.Errors {
		if e.Package != "" && !e.Internal {
			failed[basePackage(e.Package)] = true
		}
		switch {
		case e.Internal:
			fmt.Fprintf(w, "resilint: internal error (please report it) in %s:\n%s\n", e.Package, indent(e.Message))
		case strings.HasPrefix(e.Message, notAnalyzedPrefix):
			skipped = append(skipped, e)
		case e.Package != "":
			fmt.Fprintf(w, "resilint: package %s failed to load:\n%s\n", e.Package, indent(e.Message))
		default:
			fmt.Fprintf(w, "resilint: %s\n", e.Message)
		}
	}
	for _, e := range skipped {
		fmt.Fprintf(w, "resilint: package %s was not analyzed: %s\n", e.Package, strings.TrimPrefix(e.Message, notAnalyzedPrefix))
	}
	var hidden []string
	if res.Baselined > 0 {
		hidden = append(hidden, fmt.Sprintf("%d more in the baseline", res.Baselined))
	}
	if res.Unchanged > 0 {
		hidden = append(hidden, fmt.Sprintf("%d more on unchanged lines", res.Unchanged))
	}
	baselined := ""
	if len(hidden) > 0 {
		baselined = " (" + strings.Join(hidden, ", ") + ")"
	}
	notAnalyzed := ""
	if n := len(failed); n > 0 {
		notAnalyzed = fmt.Sprintf("; %d package%s could not be analyzed (see above)", n, plural(n))
	}
	fmt.Fprintf(w, "resilint: %d finding%s%s in %d package%s (%d analyzer%s) in %s%s\n",
		len(res.Findings), plural(len(res.Findings)), baselined, res.Packages, plural(res.Packages),
		len(res.Analyzers), plural(len(res.Analyzers)), res.Duration.Round(10*time.Millisecond), notAnalyzed)
}

// exitCode is the run's exit code; findingsCode is -exit-code's (0 with -no-fail).
func exitCode(res *finding.Result, findingsCode int) int {
	switch {
	case len(res.Errors) > 0:
		return ExitLoad
	case len(res.Findings) > 0:
		return findingsCode
	}
	return ExitClean
}

// convert turns vet's diagnostics into findings, dropping the duplicates
// that arise when a file belongs to both a package and its test variant,
// and separates the directives the hidden analyzer reported.
func convert(diags []rawDiagnostic) ([]finding.Finding, []foundDirective) {
	var findings []finding.Finding
	var dirs []foundDirective
	seen := map[string]bool{}
	for _, d := range diags {
		file, line, col := splitPosn(d.Posn)
		key := strings.Join([]string{d.Analyzer, d.Posn, d.Message}, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		if d.Category == lint.DirectiveCategory {
			dirs = append(dirs, newFoundDirective(file, line, col, d.Message))
			continue
		}
		_, endLine, endCol := splitPosn(d.End)
		f := finding.Finding{
			Analyzer: d.Analyzer, Rule: rules.Resolve(d.Analyzer, d.Category), Severity: severity(d.Analyzer), File: file,
			Line: line, Column: col, EndLine: endLine, EndColumn: endCol, Message: d.Message,
		}
		for _, r := range d.Related {
			rf, rl, rc := splitPosn(r.Posn)
			_, el, ec := splitPosn(r.End)
			f.Related = append(f.Related, finding.Related{File: rf, Line: rl, Column: rc, EndLine: el, EndColumn: ec, Message: r.Message})
		}
		for _, sf := range d.SuggestedFixes {
			fix := finding.Fix{Message: sf.Message}
			for _, e := range sf.Edits {
				fix.Edits = append(fix.Edits, finding.Edit{File: e.Filename, Start: e.Start, End: e.End, New: e.New})
			}
			f.Fixes = append(f.Fixes, fix)
		}
		findings = append(findings, f)
	}
	return findings, dirs
}

func severity(analyzer string) string {
	if e, ok := analyzers.Lookup(analyzer); ok {
		return e.Severity
	}
	return "warning"
}

// splitPosn splits "file:line:col"; the file name may itself hold colons.
func splitPosn(posn string) (file string, line, col int) {
	rest, colStr, ok := cutLast(posn, ":")
	if !ok {
		return posn, 0, 0
	}
	file, lineStr, ok := cutLast(rest, ":")
	if !ok {
		n, _ := strconv.Atoi(colStr)
		return rest, n, 0
	}
	line, _ = strconv.Atoi(lineStr)
	col, _ = strconv.Atoi(colStr)
	return file, line, col
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// excludeBase is the directory exclude globs are relative to: the config
// file's directory, or the working directory.
func excludeBase(configPath, wd string) string {
	if configPath == "" {
		return wd
	}
	abs, err := filepath.Abs(configPath)
	if err != nil {
		return wd
	}
	return filepath.Dir(abs)
}

// exclude drops the findings the config's exclude entries cover: their
// file matches the entry's glob (a directory excludes everything below it)
// and their analyzer is among its rules, if it names any.
func exclude(fs []finding.Finding, cfg *config.Config, base string) []finding.Finding {
	if len(cfg.Exclude) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		rel := finding.Rel(base, f.File)
		if !cfg.ExcludedFor(f.Analyzer, f.Rule, rel) {
			out = append(out, f)
		}
	}
	return out
}

// selectRules keeps the findings of the rules the enable and disable
// lists leave on, when they name rule IDs.
func selectRules(fs []finding.Finding, sel *config.Config) []finding.Finding {
	if !sel.SelectsRules() {
		return fs
	}
	return slices.DeleteFunc(fs, func(f finding.Finding) bool { return !sel.RuleEnabled(f.Analyzer, f.Rule) })
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func indent(s string) string {
	return "\t" + strings.ReplaceAll(s, "\n", "\n\t")
}
