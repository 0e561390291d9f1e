// Package cli implements the resilint command line: it reads flags and
// .resilint.yml, runs the analyzers through go vet, applies suppression
// directives, excludes and fixes, and renders the findings.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/config"
	"github.com/resilint/resilint/internal/output"
	"github.com/resilint/resilint/internal/rules"
	"github.com/resilint/resilint/internal/version"
)

// Exit codes.
const (
	ExitClean    = 0 // no findings
	ExitFindings = 1 // findings reported
	ExitUsage    = 2 // bad flag, unknown analyzer, malformed config
	ExitLoad     = 3 // packages failed to load or type-check
)

type options struct {
	format        string
	enable        string
	disable       string
	tests         bool
	testsSet      bool
	fix           bool
	diff          bool
	config        string
	list          bool
	explain       string
	version       bool
	baseline      string
	writeBaseline string
	verbose       bool
	tags          string
	chdir         string
	timeout       time.Duration
	parallel      int
	outFile       string
	noFail        bool
	findingsCode  int // exit code when findings are reported (-exit-code)
	newFromRev    string
	newFromBase   string
	outputs       []outputSpec // from -format and -o
	color         bool         // stdout is a terminal that takes colour
	help          bool         // "resilint help": print the usage to stdout
	usage         func(io.Writer)
	// settings given on the command line as -ANALYZER.FLAG=value.
	settings map[string]map[string]string
}

// usageError is a mistake in how resilint was invoked (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Main runs the CLI and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer) (code int) {
	// A crash must not exit 2, which means "you invoked me wrong".
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "resilint: internal error: %v\n%s", r, debug.Stack())
			code = ExitLoad
		}
	}()
	opts, patterns, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return ExitClean
	}
	if err != nil {
		fmt.Fprintf(stderr, "resilint: %v\n", err)
		return ExitUsage
	}
	switch {
	case opts.help:
		opts.usage(stdout)
		return ExitClean
	case opts.version:
		fmt.Fprintf(stdout, "resilint %s\n", version.Version)
		return ExitClean
	case opts.list:
		listAnalyzers(stdout)
		return ExitClean
	case opts.explain != "":
		if err := explain(stdout, opts.explain); err != nil {
			fmt.Fprintf(stderr, "resilint: %v\n", err)
			return ExitUsage
		}
		return ExitClean
	}
	if opts.chdir != "" {
		// As the go command's -C: everything else, files named by flags
		// included, is relative to the new directory.
		if err := os.Chdir(opts.chdir); err != nil {
			fmt.Fprintf(stderr, "resilint: -C: %v\n", err)
			return ExitUsage
		}
	}
	opts.color = useColor(stdout, os.Getenv)
	ctx := context.Background()
	if opts.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.timeout)
		defer cancel()
	}
	c, err := run(ctx, opts, patterns, stdout, stderr)
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = timeoutError(opts.timeout) // whatever failed, it failed because the time was up
	}
	if err != nil {
		fmt.Fprintf(stderr, "resilint: %v\n", err)
		var ue *usageError
		var ce *config.Error
		if errors.As(err, &ue) || errors.As(err, &ce) {
			return ExitUsage
		}
		return ExitLoad
	}
	return c
}

func parseFlags(args []string, stderr io.Writer) (*options, []string, error) {
	opts := &options{settings: map[string]map[string]string{}}
	fs := flag.NewFlagSet("resilint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.format, "format", "text", "output formats, comma-separated, each FORMAT[:FILE] (stdout without a file): "+strings.Join(output.Formats(), ", "))
	fs.StringVar(&opts.enable, "enable", "", "comma-separated analyzers or rule IDs (RL101) to run (default: all, or the config's enable list)")
	fs.StringVar(&opts.disable, "disable", "", "comma-separated analyzers not to run, or rule IDs not to report")
	fs.BoolVar(&opts.tests, "tests", false, "also analyze _test.go files")
	fs.BoolVar(&opts.fix, "fix", false, "apply suggested fixes in place")
	fs.BoolVar(&opts.diff, "diff", false, "print suggested fixes as a unified diff instead of applying them")
	fs.StringVar(&opts.config, "config", "", "configuration file (default: nearest "+config.FileName+")")
	fs.BoolVar(&opts.list, "list", false, "list the analyzers and exit")
	fs.StringVar(&opts.explain, "explain", "", "print the full documentation of an analyzer and exit")
	fs.BoolVar(&opts.version, "version", false, "print the version and exit")
	fs.StringVar(&opts.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&opts.writeBaseline, "write-baseline", "", "record the current findings in this baseline file and exit 0")
	fs.BoolVar(&opts.verbose, "v", false, "print the go commands resilint runs and the packages they build, and each finding's help link")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build tags, passed to go list and go vet")
	fs.StringVar(&opts.chdir, "C", "", "change to this directory before doing anything else")
	fs.DurationVar(&opts.timeout, "timeout", 0, "stop the run after this long and exit 3 (0: no limit)")
	fs.IntVar(&opts.parallel, "p", 0, "how many packages the go command builds and analyzes at once (default: its own, the number of CPUs)")
	fs.StringVar(&opts.outFile, "o", "", "write the report to this file instead of stdout")
	fs.BoolVar(&opts.noFail, "no-fail", false, "exit 0 even when there are findings")
	fs.IntVar(&opts.findingsCode, "exit-code", ExitFindings, "exit code when there are findings")
	fs.StringVar(&opts.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision")
	fs.StringVar(&opts.newFromBase, "new-from-merge-base", "", "report only findings on lines changed since the merge base with this branch")
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(&settingFlag{opts: opts, analyzer: a, flag: f}, a.Name+"."+f.Name, f.Usage)
		})
	}
	opts.usage = func(w io.Writer) {
		fmt.Fprintf(w, "resilint finds resilience anti-patterns in Go code.\n\nUsage:\n  resilint [flags] [packages] [flags]   (packages default to ./...)\n  resilint help [analyzer]\n  go vet -vettool=$(which resilint) [packages]\n\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
		fmt.Fprintf(w, "\nExit codes: 0 no findings, 1 findings (see -exit-code, -no-fail), 2 usage or configuration error (also a pattern matching no packages), 3 packages failed to load, or -timeout expired.\n")
	}
	fs.Usage = func() { opts.usage(stderr) }
	patterns, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if len(patterns) > 0 && patterns[0] == "help" {
		switch len(patterns) {
		case 1:
			opts.help = true
		case 2:
			opts.explain = patterns[1]
		default:
			return nil, nil, usagef("help takes at most one analyzer name: resilint help NAME")
		}
		return opts, nil, nil
	}
	exitCodeSet := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "tests":
			opts.testsSet = true
		case "exit-code":
			exitCodeSet = true
		}
	})
	if opts.outputs, err = parseOutputs(opts.format, opts.outFile); err != nil {
		return nil, nil, err
	}
	if err := checkRunFlags(opts, exitCodeSet); err != nil {
		return nil, nil, err
	}
	if opts.fix && opts.diff {
		return nil, nil, usagef("-fix and -diff are exclusive: -diff previews what -fix would write")
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	return opts, patterns, nil
}

// parseInterspersed parses flags anywhere among the patterns, as the go
// command does: "resilint ./... -format json". The flag package stops at
// the first non-flag argument, so parsing resumes after each one; "--"
// ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// settingFlag accepts -ANALYZER.FLAG=value on the command line, validates
// it against the analyzer's own flag, and records it for the vet tool.
type settingFlag struct {
	opts     *options
	analyzer *analysis.Analyzer
	flag     *flag.Flag
	value    string
}

func (s *settingFlag) String() string {
	if s == nil || s.flag == nil {
		return ""
	}
	return s.flag.DefValue
}

func (s *settingFlag) Set(v string) error {
	if err := config.CheckFlagValue(s.flag, v); err != nil {
		return err
	}
	s.value = v
	m := s.opts.settings[s.analyzer.Name]
	if m == nil {
		m = map[string]string{}
		s.opts.settings[s.analyzer.Name] = m
	}
	m[s.flag.Name] = v
	return nil
}

func (s *settingFlag) IsBoolFlag() bool {
	b, ok := s.flag.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// loadConfig reads -config or the nearest .resilint.yml.
func loadConfig(opts *options, wd string) (*config.Config, error) {
	path := opts.config
	if path == "" {
		found, ok := config.Find(wd)
		if !ok {
			return &config.Config{Settings: map[string]map[string]string{}}, nil
		}
		path = found
	}
	return config.Load(path, analyzers.All())
}

// selectAnalyzers applies the config's and then the flags' enable and
// disable lists. It also returns the combined selection, which says which
// rules' findings to keep when the lists name rule IDs.
func selectAnalyzers(cfg *config.Config, opts *options) ([]*analysis.Analyzer, *config.Config, error) {
	sel := &config.Config{Enable: cfg.Enable, Disable: cfg.Disable}
	if opts.enable != "" {
		list, err := analyzerList(opts.enable, "-enable")
		if err != nil {
			return nil, nil, err
		}
		sel.Enable = list
	}
	if opts.disable != "" {
		list, err := analyzerList(opts.disable, "-disable")
		if err != nil {
			return nil, nil, err
		}
		sel.Disable = append(slices.Clone(sel.Disable), list...)
	}
	enabled := sel.Enabled(analyzers.All())
	if len(enabled) == 0 {
		return nil, nil, usagef("no analyzers enabled")
	}
	return enabled, sel, nil
}

// analyzerList reads a comma-separated list of analyzer names and rule IDs.
func analyzerList(s, flagName string) ([]string, error) {
	var out []string
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if rules.LooksLikeID(n) {
			if _, ok := rules.Lookup(n); !ok {
				return nil, usagef("%s: unknown rule %q (resilint -list shows them)", flagName, n)
			}
		} else if _, ok := analyzers.Lookup(n); !ok {
			return nil, usagef("%s: unknown analyzer %q (known: %s, or a rule ID such as RL101)", flagName, n, strings.Join(analyzers.Names(), ", "))
		}
		out = append(out, n)
	}
	return out, nil
}

// vetFlags turns the effective settings into the vet tool's flags:
// -NAME=true enables NAME, -NAME.FLAG=value sets its settings.
func vetFlags(enabled []*analysis.Analyzer, cfg *config.Config, opts *options) (flags []string, tests map[string]bool) {
	tests = map[string]bool{}
	for _, a := range enabled {
		flags = append(flags, "-"+a.Name+"=true")
		settings := cfg.FlagValues(a)
		if opts.testsSet {
			settings["tests"] = fmt.Sprint(opts.tests)
		}
		for k, v := range opts.settings[a.Name] {
			settings[k] = v
		}
		tests[a.Name] = settings["tests"] == "true"
		for _, k := range slices.Sorted(maps.Keys(settings)) {
			flags = append(flags, fmt.Sprintf("-%s.%s=%s", a.Name, k, settings[k]))
		}
	}
	flags = append(flags, "-resilint=true", "-resilint.cli=true")
	return flags, tests
}

// repoRoot is the nearest directory above wd holding .git, else wd.
func repoRoot(wd string) string {
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}

// checkRunFlags rejects combinations of the run-control flags that cannot
// mean what the user wants.
func checkRunFlags(opts *options, exitCodeSet bool) error {
	if opts.findingsCode < 0 || opts.findingsCode > 125 {
		return usagef("-exit-code %d: want 0 to 125", opts.findingsCode)
	}
	if opts.noFail {
		if exitCodeSet && opts.findingsCode != 0 {
			return usagef("-no-fail and -exit-code %d contradict each other", opts.findingsCode)
		}
		opts.findingsCode = 0
	}
	if opts.parallel < 0 {
		return usagef("-p %d: want a positive number of packages", opts.parallel)
	}
	if opts.timeout < 0 {
		return usagef("-timeout %v: want a positive duration", opts.timeout)
	}
	if opts.newFromRev != "" && opts.newFromBase != "" {
		return usagef("-new-from-rev and -new-from-merge-base are exclusive: both name the code that is old")
	}
	return nil
}

// goBuildFlags are the go command flags resilint passes to go list and go vet.
func goBuildFlags(opts *options) []string {
	var out []string
	if opts.tags != "" {
		out = append(out, "-tags="+opts.tags)
	}
	if opts.parallel > 0 {
		out = append(out, "-p="+fmt.Sprint(opts.parallel))
	}
	return out
}

// timeoutError is why a run stopped at -timeout; it exits 3, as a run that
// could not analyze everything, since the invocation itself was right.
func timeoutError(d time.Duration) error {
	return fmt.Errorf("timed out after %v (-timeout) before the analysis finished; nothing was reported. Raise -timeout, or name fewer packages", d)
}
