// Package plugin registers resilint as a golangci-lint v2 module plugin.
//
// A team adds it to golangci-lint with a .custom-gcl.yml that names this
// module and a .golangci.yml that enables the "resilint" custom linter;
// see docs/golangci-lint.md. The plugin's settings are decoded into the
// same config.Config as .resilint.yml, so every setting means the same in
// both places.
package plugin

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/config"
	"github.com/resilint/resilint/internal/rules"
)

// Name is the linter name golangci-lint knows resilint by: the key under
// linters.settings.custom and the name //nolint:resilint refers to.
const Name = "resilint"

func init() {
	register.Plugin(Name, New)
}

type linter struct {
	analyzers  []*analysis.Analyzer // the enabled, configured checks
	directives *analysis.Analyzer   // reports malformed directives
}

// New decodes the plugin's settings and configures the analyzers.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[config.Config](settings)
	if err != nil {
		return nil, fmt.Errorf("resilint: invalid settings: %w", err)
	}
	enabled := cfg.Enabled(analyzers.All())
	if len(enabled) == 0 {
		return nil, fmt.Errorf("resilint: invalid settings: no analyzers enabled")
	}
	if err := cfg.Apply(enabled); err != nil {
		return nil, fmt.Errorf("resilint: invalid settings: %w", err)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	for i, a := range enabled {
		enabled[i] = selecting(a, &cfg, wd)
	}
	directives := directivesAnalyzer
	if len(cfg.Exclude) > 0 {
		directives = selecting(directives, &cfg, wd)
	}
	return &linter{analyzers: enabled, directives: directives}, nil
}

func (l *linter) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return append(slices.Clone(l.analyzers), l.directives), nil
}

// GetLoadMode asks for type information: every analyzer resolves calls
// through the type checker.
func (l *linter) GetLoadMode() string { return register.LoadModeTypesInfo }

// selecting returns a copy of a that labels each diagnostic with its rule
// ID ("RL101: ...", as gosec's G112 reads in golangci-lint, so that
// golangci-lint's own exclusions can match it), drops the rules the
// enable and disable lists leave off, and drops diagnostics in files
// matching the config's exclude globs, relative to golangci-lint's working
// directory (the CLI uses the config file's directory; both are normally
// the module root).
func selecting(a *analysis.Analyzer, cfg *config.Config, base string) *analysis.Analyzer {
	wrapped := *a
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		inner := *pass
		inner.Report = func(d analysis.Diagnostic) {
			rule := rules.Resolve(a.Name, d.Category)
			if !cfg.RuleEnabled(a.Name, rule) {
				return
			}
			if rel, err := filepath.Rel(base, pass.Fset.File(d.Pos).Name()); err == nil && cfg.ExcludedFor(a.Name, rule, filepath.ToSlash(rel)) {
				return
			}
			if rule != "" {
				d.Message = rule + ": " + d.Message
			}
			pass.Report(d)
		}
		return a.Run(&inner)
	}
	return &wrapped
}
