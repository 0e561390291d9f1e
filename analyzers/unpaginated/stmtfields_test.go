package unpaginated_test

import (
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers/unpaginated"
	"github.com/resilint/resilint/internal/testmod"
)

// Prepared statements held in struct fields, judged by the statement
// model with the default settings.
func TestStatementModel(t *testing.T) {
	module(t).Run(t, unpaginated.Analyzer, "./stmts")
}

// With -strict, the read of tags (no growth evidence) is reported too:
// the only unexpected finding, and not the bounded reads.
func TestStatementModelStrict(t *testing.T) {
	set(t, "strict", "true")
	rec := &testmod.Recorder{TB: t}
	module(t).Run(rec, unpaginated.Analyzer, "./stmts")
	if len(rec.Errors) != 1 || !strings.Contains(rec.Errors[0], "events.go:84") || !strings.Contains(rec.Errors[0], "unexpected diagnostic") {
		t.Errorf("want one unexpected finding at events.go:84 (tags), got:\n%s", strings.Join(rec.Errors, "\n"))
	}
}

// GORM v1: Related and a Scan chain without Raw, with the default
// settings.
func TestGormV1Reads(t *testing.T) {
	module(t).Run(t, unpaginated.Analyzer, "./gormv1")
}
