package config

import (
	"strings"
	"testing"
)

func names(as []string) string { return strings.Join(as, ",") }

// TestRuleIDsSelect: a rule ID in enable turns its analyzer on and keeps
// only that rule's findings; one in disable drops that rule alone.
func TestRuleIDsSelect(t *testing.T) {
	cfg, err := Decode("cfg.yml", []byte("enable: [RL201, httptimeout]\ndisable: [RL102]\n"), testAnalyzers())
	if err != nil {
		t.Fatal(err)
	}
	var enabled []string
	for _, a := range cfg.Enabled(testAnalyzers()) {
		enabled = append(enabled, a.Name)
	}
	if names(enabled) != "unpaginated,httptimeout" {
		t.Errorf("enabled = %v, want both analyzers (one through its rule ID)", enabled)
	}
	if !cfg.SelectsRules() {
		t.Error("SelectsRules = false, want true")
	}
	for _, c := range []struct {
		analyzer, rule string
		want           bool
	}{
		{"unpaginated", "RL201", true},
		{"unpaginated", "", false}, // enabled only through one rule: a finding of no rule is not it
		{"httptimeout", "RL101", true},
		{"httptimeout", "RL102", false},
		{"httptimeout", "", true},
		{"missingtx", "RL301", false},
		{"resilint", "RL002", true}, // the directive checks are not selected by enable
	} {
		if got := cfg.RuleEnabled(c.analyzer, c.rule); got != c.want {
			t.Errorf("RuleEnabled(%s, %q) = %v, want %v", c.analyzer, c.rule, got, c.want)
		}
	}
	if cfg, _ := Decode("cfg.yml", []byte("disable: [RL002]\n"), testAnalyzers()); cfg.RuleEnabled("resilint", "RL002") {
		t.Error("disable: [RL002] leaves the unused-directive check on")
	}
	if cfg, _ := Decode("cfg.yml", []byte("enable: [httptimeout]\n"), testAnalyzers()); cfg.SelectsRules() {
		t.Error("SelectsRules = true for analyzer names only")
	}
}

func TestRuleIDsInExclude(t *testing.T) {
	cfg, err := Decode("cfg.yml", []byte("exclude:\n  - path: internal/legacy/**\n    rules: [RL102, unpaginated]\n"), testAnalyzers())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		analyzer, rule string
		want           bool
	}{
		{"httptimeout", "RL102", true},
		{"httptimeout", "RL101", false},
		{"unpaginated", "RL201", true},
		{"unpaginated", "", true},
	} {
		if got := cfg.ExcludedFor(c.analyzer, c.rule, "internal/legacy/orders.go"); got != c.want {
			t.Errorf("ExcludedFor(%s, %s) = %v, want %v", c.analyzer, c.rule, got, c.want)
		}
	}
	if cfg.ExcludedFor("httptimeout", "RL102", "internal/api/api.go") {
		t.Error("an exclusion applied outside its path")
	}
}

func TestRuleIDErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"enable: [RL199]\n", `cfg.yml:1: enable: unknown rule "RL199"`},
		{"disable: [nosuch]\n", `cfg.yml:1: disable: unknown analyzer "nosuch" (known: httptimeout, unpaginated, or a rule ID such as RL101)`},
		// The rule of an analyzer the config does not know (testAnalyzers
		// has no missingtx) is as unknown as the analyzer.
		{"enable: [RL301]\n", `cfg.yml:1: enable: unknown rule "RL301"`},
		{"exclude:\n  - path: a\n    rules: [RL777]\n", `cfg.yml:3: exclude.rules: unknown rule "RL777"`},
	} {
		_, err := Decode("cfg.yml", []byte(c.src), testAnalyzers())
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
}
