package hardcodedsecret_test

import (
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers/hardcodedsecret"
	"github.com/resilint/resilint/internal/testmod"
)

// module is the testdata module, loaded once for all the tests.
func module(t *testing.T) *testmod.Module { return testmod.Load(t, "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./providers", "./config", "./dsn", "./negatives", "./client", "./gen", "./ignore", "./relay"}

func TestAnalyzer(t *testing.T) {
	module(t).Run(t, hardcodedsecret.Analyzer, defaultPackages...)
}

// Test files and test helper packages are skipped by default: the only
// failures the default run may produce are their unmet expectations.
func TestTestCodeSkippedByDefault(t *testing.T) {
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, hardcodedsecret.Analyzer, "./testsonly", "./internal/testutil")
	if len(rec.Errors) != 2 {
		t.Fatalf("want the 2 test-code expectations unmet, got %d failures:\n%s", len(rec.Errors), strings.Join(rec.Errors, "\n"))
	}
	for _, e := range rec.Errors {
		if !strings.Contains(e, "no diagnostic was reported") {
			t.Errorf("unexpected failure: %s", e)
		}
	}
}

func TestTestCodeWithFlag(t *testing.T) {
	set(t, "tests", "true")
	module(t).Run(t, hardcodedsecret.Analyzer, "./testsonly", "./internal/testutil")
}

func TestSettings(t *testing.T) {
	set(t, "min-length", "24")
	set(t, "ignore-values", `^internal-,^[a-z]{3,5}$`)
	set(t, "extra-rules", `acme-deploy:ACME deploy token=\bacmedt_(?P<secret>[A-Za-z0-9]{32})\b`)
	module(t).Run(t, hardcodedsecret.Analyzer, "./settings")
}

// Settings given in JSON form are equivalent.
func TestSettingsJSON(t *testing.T) {
	set(t, "min-length", "24")
	set(t, "ignore-values", `^internal-`)
	set(t, "extra-rules", `[{"id":"acme-deploy","description":"ACME deploy token","regex":"\\bacmedt_(?P<secret>[A-Za-z0-9]{32})\\b"}]`)
	module(t).Run(t, hardcodedsecret.Analyzer, "./settings")
}

func TestBadSettings(t *testing.T) {
	for flag, v := range map[string]string{"min-entropy": "high", "min-length": "x", "ignore-values": "(", "extra-rules": "acme=("} {
		if err := hardcodedsecret.Analyzer.Flags.Set(flag, v); err == nil {
			t.Errorf("-%s=%s accepted", flag, v)
		}
	}
}

// set sets one of the analyzer's flags for the rest of the test.
func set(t *testing.T, name, value string) { testmod.SetFlag(t, hardcodedsecret.Analyzer, name, value) }
