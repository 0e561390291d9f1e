package plugin

import (
	"flag"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers"
	"github.com/resilint/resilint/internal/config"
)

// resetFlags restores every analyzer flag to its default after a test,
// since flags are process-wide state.
func resetFlags(t *testing.T) {
	t.Cleanup(func() {
		for _, a := range analyzers.All() {
			a.Flags.VisitAll(func(f *flag.Flag) { f.Value.Set(f.DefValue) })
		}
	})
}

// settingsFromYAML turns YAML into the map[string]any golangci-lint hands
// a plugin (it reads linters.settings.custom.resilint.settings the same way).
func settingsFromYAML(t *testing.T, src string) any {
	t.Helper()
	var m any
	if err := yaml.Unmarshal([]byte(src), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func names(l *linter) string {
	var out []string
	for _, a := range l.analyzers {
		out = append(out, a.Name)
	}
	return strings.Join(out, ",")
}

func TestNewEnablesAndConfigures(t *testing.T) {
	resetFlags(t)
	p, err := New(settingsFromYAML(t, "enable: [httptimeout, unpaginated]\ndisable: [unpaginated]\ntests: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	l := p.(*linter)
	if got := names(l); got != "httptimeout" {
		t.Errorf("enabled = %s, want httptimeout", got)
	}
	if v := l.analyzers[0].Flags.Lookup("tests").Value.String(); v != "true" {
		t.Errorf("tests flag = %s", v)
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %s", p.GetLoadMode())
	}
}

func TestNoSettingsRunsEverything(t *testing.T) {
	resetFlags(t)
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(p.(*linter).analyzers), len(analyzers.All()); got != want {
		t.Errorf("%d analyzers, want %d", got, want)
	}
}

func TestBadSettings(t *testing.T) {
	resetFlags(t)
	for _, c := range []struct{ yml, want string }{
		{"enabel: [httptimeout]\n", "enabel: unknown key"},
		{"enable: [nosuch]\n", `unknown analyzer "nosuch"`},
		{"disable: [RL199]\n", `unknown rule "RL199"`},
		{"httptimeout: {bogus: 1}\n", "httptimeout.bogus: unknown setting"},
		{"httptimeout: {tests: sometimes}\n", "httptimeout.tests: want true or false"},
		{"disable: [httptimeout, unpaginated, missingtx, hardcodedsecret, ctxpropagation, retrybackoff]\n", "no analyzers enabled"},
	} {
		_, err := New(settingsFromYAML(t, c.yml))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "resilint: invalid settings") {
			t.Errorf("%q: got %v, want an error containing %q", c.yml, err, c.want)
		}
	}
}

// TestSettingsParity proves that every setting of every analyzer is
// accepted by the plugin and lands on the same flag value the CLI passes
// to its vet tool for the same .resilint.yml.
func TestSettingsParity(t *testing.T) {
	for _, a := range analyzers.All() {
		a.Flags.VisitAll(func(f *flag.Flag) {
			t.Run(a.Name+"."+f.Name, func(t *testing.T) {
				resetFlags(t)
				val := nonDefault(f)
				yml := a.Name + ":\n  " + f.Name + ": " + val + "\n"

				// The CLI path: .resilint.yml decoded, flags computed for go vet.
				cfg, cliErr := config.Decode(".resilint.yml", []byte(yml), analyzers.All())
				// The plugin path: golangci-lint's settings map, flags set in-process.
				_, pluginErr := New(settingsFromYAML(t, yml))
				if (cliErr == nil) != (pluginErr == nil) {
					t.Fatalf("CLI and plugin disagree on %q: CLI %v, plugin %v", yml, cliErr, pluginErr)
				}
				if cliErr != nil {
					t.Skipf("%q is not a valid value for this setting (rejected by both): %v", val, cliErr)
				}
				pluginValue := f.Value.String()
				if pluginValue == f.DefValue {
					t.Errorf("setting %s did not change the flag from its default %q", f.Name, f.DefValue)
				}
				// The value the CLI passes as -NAME.FLAG=value must leave the flag the same.
				if err := a.Flags.Set(f.Name, cfg.FlagValues(a)[f.Name]); err != nil {
					t.Fatalf("the vet tool would reject the CLI's value: %v", err)
				}
				if after := f.Value.String(); after != pluginValue {
					t.Errorf("plugin set %s=%q, the CLI would set %q", f.Name, pluginValue, after)
				}
			})
		})
	}
}

// nonDefault returns a YAML value for f that differs from its default.
func nonDefault(f *flag.Flag) string {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		if f.DefValue == "true" {
			return "false"
		}
		return "true"
	}
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case int, int64, uint, uint64:
			return "7"
		case float64:
			return "3.25"
		case time.Duration:
			return "250ms"
		}
	}
	return "[alpha, beta]"
}

// TestMalformedDirectivesReported runs the directive check golangci-lint
// gets from the plugin: a //resilint:ignore with no reason suppresses
// nothing, and must say so, as the CLI does, instead of being skipped.
func TestMalformedDirectivesReported(t *testing.T) {
	resetFlags(t)
	p, err := New(settingsFromYAML(t, "enable: [httptimeout]\n"))
	if err != nil {
		t.Fatal(err)
	}
	built, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var check *analysis.Analyzer
	for _, a := range built {
		if a.Name == Name {
			check = a
		}
	}
	if check == nil || len(built) != 2 {
		t.Fatalf("BuildAnalyzers = %v, want httptimeout and the %q directive check", built, Name)
	}
	analysistest.Run(t, analysistest.TestData(), check, "directives")
}

func TestExcludeWrapsAnalyzers(t *testing.T) {
	resetFlags(t)
	p, err := New(settingsFromYAML(t, "enable: [httptimeout]\nexclude: [internal/legacy/**]\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := p.(*linter).analyzers[0]
	if a == analyzers.All()[0] {
		t.Error("with exclude set, the plugin must wrap the analyzer to filter its reports")
	}
	if a.Name != "httptimeout" || len(a.Requires) == 0 {
		t.Errorf("wrapped analyzer lost its identity: %+v", a)
	}
	if d := p.(*linter).directives; d == directivesAnalyzer || d.Name != Name {
		t.Error("with exclude set, the directive check must be wrapped too")
	}
}
