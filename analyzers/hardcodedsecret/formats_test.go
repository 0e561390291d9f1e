package hardcodedsecret_test

import (
	"testing"

	"github.com/resilint/resilint/analyzers/hardcodedsecret"
	"github.com/resilint/resilint/internal/testmod"
)

// The packages of the formats added for human-chosen passwords,
// comparisons, URL credentials, Authorization values, embedded files,
// generated keys of one-case alphabets, and the public values that must
// stay quiet. Each holds positives and negatives written from the idiom.
var formatPackages = []string{"./human", "./compare", "./urls", "./embedded", "./public", "./random", "./neutral"}

func TestFormats(t *testing.T) {
	testmod.Load(t, "svc").Run(t, hardcodedsecret.Analyzer, formatPackages...)
}
