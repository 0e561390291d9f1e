package hardcodedsecret_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/resilint/resilint/analyzers/hardcodedsecret"
	"github.com/resilint/resilint/internal/testmod"
)

func module() string { return filepath.Join(analysistest.TestData(), "src", "svc") }

// The packages whose expectations hold with the default settings.
var defaultPackages = []string{"./providers", "./config", "./dsn", "./negatives", "./client", "./gen", "./ignore", "./relay"}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, module(), hardcodedsecret.Analyzer, defaultPackages...)
}

// Test files and test helper packages are skipped by default: the only
// failures the default run may produce are their unmet expectations.
func TestTestCodeSkippedByDefault(t *testing.T) {
	rec := &testmod.Recorder{TB: t}
	analysistest.Run(rec, module(), hardcodedsecret.Analyzer, "./testsonly", "./internal/testutil")
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
	analysistest.Run(t, module(), hardcodedsecret.Analyzer, "./testsonly", "./internal/testutil")
}

func TestSettings(t *testing.T) {
	set(t, "min-length", "24")
	set(t, "ignore-values", `^internal-,^[a-z]{3,5}$`)
	set(t, "extra-rules", `acme-deploy:ACME deploy token=\bacmedt_(?P<secret>[A-Za-z0-9]{32})\b`)
	analysistest.Run(t, module(), hardcodedsecret.Analyzer, "./settings")
}

// Settings given in JSON form are equivalent.
func TestSettingsJSON(t *testing.T) {
	set(t, "min-length", "24")
	set(t, "ignore-values", `^internal-`)
	set(t, "extra-rules", `[{"id":"acme-deploy","description":"ACME deploy token","regex":"\\bacmedt_(?P<secret>[A-Za-z0-9]{32})\\b"}]`)
	analysistest.Run(t, module(), hardcodedsecret.Analyzer, "./settings")
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
