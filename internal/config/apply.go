package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/rules"
)

// Enabled returns the analyzers of all that the config's enable and
// disable lists leave on, in the order of all. A rule ID in enable turns
// its analyzer on (RuleEnabled then keeps only that rule's findings); one
// in disable leaves the analyzer on.
func (c *Config) Enabled(all []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range all {
		if len(c.Enable) > 0 && !slices.Contains(c.Enable, a.Name) && !slices.ContainsFunc(c.Enable, ruleOf(a.Name)) {
			continue
		}
		if slices.Contains(c.Disable, a.Name) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// RuleEnabled reports whether the findings of analyzer with the rule ID
// rule ("" for none) are kept: an analyzer named in enable keeps all its
// rules, one enabled only through rule IDs keeps only those, and a rule ID
// in disable drops that rule. The CLI's directive checks are on unless
// their rule is disabled.
func (c *Config) RuleEnabled(analyzer, rule string) bool {
	disabled := slices.Contains(c.Disable, analyzer) || rule != "" && slices.Contains(c.Disable, rule)
	switch {
	case disabled:
		return false
	case analyzer == rules.Directives, len(c.Enable) == 0, slices.Contains(c.Enable, analyzer):
		return true
	}
	return rule != "" && slices.Contains(c.Enable, rule)
}

// SelectsRules reports whether the enable or disable list names a rule ID,
// so that findings must be filtered by rule after the analyzers ran.
func (c *Config) SelectsRules() bool {
	return slices.ContainsFunc(c.Enable, rules.LooksLikeID) || slices.ContainsFunc(c.Disable, rules.LooksLikeID)
}

// ruleOf returns a test for "is a rule ID of analyzer".
func ruleOf(analyzer string) func(string) bool {
	return func(name string) bool {
		a, ok := rules.AnalyzerOf(name)
		return ok && rules.LooksLikeID(name) && a == analyzer
	}
}

// FlagValues returns the flag settings the config makes for analyzer a:
// the top-level tests setting, overridden by a's own section.
func (c *Config) FlagValues(a *analysis.Analyzer) map[string]string {
	out := map[string]string{}
	if c.Tests != nil && a.Flags.Lookup("tests") != nil {
		out["tests"] = fmt.Sprint(*c.Tests)
	}
	for k, v := range c.Settings[a.Name] {
		out[k] = v
	}
	return out
}

// Apply sets the analyzers' flags in this process, for drivers that run
// the analyzers in-process (the golangci-lint plugin). The CLI instead
// passes the same values to its vet tool as -NAME.FLAG=value.
func (c *Config) Apply(analyzers []*analysis.Analyzer) error {
	for _, a := range analyzers {
		for k, v := range c.FlagValues(a) {
			if err := a.Flags.Set(k, v); err != nil {
				return fmt.Errorf("%s.%s: %v", a.Name, k, err)
			}
		}
	}
	return nil
}

// Excluded reports whether a path, relative to the config's base
// directory with forward slashes, matches an exclude entry that applies to
// every analyzer. A glob naming a directory excludes everything below it.
func (c *Config) Excluded(rel string) bool {
	for _, e := range c.Exclude {
		if len(e.Rules) == 0 && MatchPath([]string{e.Path}, rel) {
			return true
		}
	}
	return false
}

// ExcludedFor reports whether the findings of the named analyzer, of the
// rule ID rule ("" for none), in the file rel (as for Excluded) are dropped.
func (c *Config) ExcludedFor(analyzer, rule, rel string) bool {
	for _, e := range c.Exclude {
		if e.Covers(analyzer, rule) && MatchPath([]string{e.Path}, rel) {
			return true
		}
	}
	return false
}

// MatchPath reports whether rel matches any of the globs.
func MatchPath(globs []string, rel string) bool {
	for _, g := range globs {
		g = strings.TrimSuffix(strings.ReplaceAll(g, "\\", "/"), "/")
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		if ok, _ := doublestar.Match(g+"/**", rel); ok {
			return true
		}
	}
	return false
}
