package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/config"
	"github.com/resilint/resilint/internal/finding"
)

func TestSplitPosn(t *testing.T) {
	for _, c := range []struct {
		in        string
		file      string
		line, col int
	}{
		{"/a/b.go:12:3", "/a/b.go", 12, 3},
		{`C:\x\b.go:7:1`, `C:\x\b.go`, 7, 1},
		{"/a/b.go:4", "/a/b.go", 4, 0},
		{"-", "-", 0, 0},
	} {
		f, l, c2 := splitPosn(c.in)
		if f != c.file || l != c.line || c2 != c.col {
			t.Errorf("splitPosn(%q) = %q %d %d", c.in, f, l, c2)
		}
	}
}

func TestParseVetStderr(t *testing.T) {
	stderr := `go: downloading github.com/x/y v1.0.0
# example.com/broken/bad
bad/bad.go:4:28: undefined: undefinedName
bad/bad.go:5:2: too many errors
# example.com/broken/ok
# example.com/other [example.com/other.test]
other/x_test.go:3:1: expected declaration
go: example.com/nosuch: no matching versions
`
	errs := parseVetStderr(stderr)
	if len(errs) != 3 {
		t.Fatalf("got %d errors: %+v", len(errs), errs)
	}
	if errs[0].Package != "example.com/broken/bad" || !strings.Contains(errs[0].Message, "undefined: undefinedName") || !strings.Contains(errs[0].Message, "too many errors") {
		t.Errorf("first error: %+v", errs[0])
	}
	if errs[1].Package != "example.com/other [example.com/other.test]" {
		t.Errorf("second error: %+v", errs[1])
	}
	if errs[2].Package != "" || !strings.HasPrefix(errs[2].Message, "go: example.com/nosuch") {
		t.Errorf("third error: %+v", errs[2])
	}
}

// A cgo package whose C headers are missing fails to build: a load error,
// not a crash of resilint. A vet tool that crashed prints a Go trace.
func TestParseVetStderrCrashes(t *testing.T) {
	stderr := "# example.com/pam [example.com/pam.test]\n" +
		"main.c:4:10: fatal error: security/pam_appl.h: No such file or directory\n" +
		"    4 | #include <security/pam_appl.h>\n" +
		"compilation terminated.\n" +
		"# example.com/crash\n" +
		"panic: runtime error: index out of range [3] with length 3\n" +
		"\n" +
		"goroutine 1 [running]:\n" +
		"main.main()\n" +
		"# example.com/deadlock\n" +
		"fatal error: all goroutines are asleep - deadlock!\n" +
		"goroutine 1 [chan receive]:\n"
	errs := parseVetStderr(stderr)
	if len(errs) != 3 {
		t.Fatalf("got %d errors: %+v", len(errs), errs)
	}
	for i, want := range []bool{false, true, true} {
		if errs[i].Internal != want {
			t.Errorf("%s: Internal = %v, want %v", errs[i].Package, errs[i].Internal, want)
		}
	}
}

func TestApplyDirectives(t *testing.T) {
	fs := []finding.Finding{
		{Analyzer: "httptimeout", File: "/m/a.go", Line: 11, Message: "suppressed"},
		{Analyzer: "unpaginated", File: "/m/a.go", Line: 11, Message: "kept: directive names another analyzer"},
		{Analyzer: "httptimeout", File: "/m/a.go", Line: 30, Message: "kept"},
	}
	dirs := []foundDirective{
		newFoundDirective("/m/a.go", 10, 2, "//resilint:ignore httptimeout the sidecar is local"),
		newFoundDirective("/m/a.go", 20, 2, "//resilint:ignore httptimeout nothing below any more"),
		newFoundDirective("/m/a.go", 22, 2, "//resilint:ignore httptimeout"),
		newFoundDirective("/m/a.go", 24, 2, "//resilint:ignore nosuch reason"),
		newFoundDirective("/m/a_test.go", 5, 2, "//resilint:ignore httptimeout test files were not analyzed"),
		newFoundDirective("/m/a.go", 26, 2, "//resilint:ignore missingtx missingtx did not run"),
	}
	tests := map[string]bool{"httptimeout": false, "unpaginated": false}
	got := applyDirectives(fs, dirs, tests)
	var msgs []string
	for _, f := range got {
		msgs = append(msgs, f.Message)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		"kept: directive names another analyzer",
		"kept",
		"unused //resilint:ignore directive: no httptimeout finding here",
		"//resilint:ignore needs a reason",
		`//resilint:ignore names unknown analyzer "nosuch"`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing %q in:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "suppressed") || len(got) != 5 {
		t.Errorf("got %d findings:\n%s", len(got), joined)
	}
}

func TestApplyFixes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.go")
	src := "package x\n\nvar a = 1\nvar b = 2\n"
	os.WriteFile(file, []byte(src), 0o644)
	at := func(s string) int { return strings.Index(src, s) }
	edit := func(old, new string) finding.Edit {
		return finding.Edit{File: file, Start: at(old), End: at(old) + len(old), New: new}
	}
	fs := []finding.Finding{
		{Fixes: []finding.Fix{{Edits: []finding.Edit{edit("1", "10")}}}},
		{Fixes: []finding.Fix{{Edits: []finding.Edit{edit("var a = 1", "var a = 3")}}}},   // overlaps: skipped whole
		{Fixes: []finding.Fix{{Edits: []finding.Edit{edit("2", "20"), edit("1", "10")}}}}, // shares an identical edit: fine
		{}, // no fix
	}
	files, fixed, err := applyFixes(fs)
	if err != nil {
		t.Fatal(err)
	}
	if want := "package x\n\nvar a = 10\nvar b = 20\n"; string(files[file]) != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", files[file], want)
	}
	if !fixed[0] || fixed[1] || !fixed[2] || fixed[3] {
		t.Errorf("fixed = %v", fixed)
	}
}

func TestMatchesAny(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"internal/legacy/**", "internal/legacy/a/b.go", true},
		{"internal/legacy", "internal/legacy/a.go", true},
		{"internal/legacy/", "internal/legacy/a.go", true},
		{"**/*_gen.go", "x/y/z_gen.go", true},
		{"cmd", "cmdline/a.go", false},
		{"*.go", "sub/a.go", false},
	} {
		if got := config.MatchPath([]string{c.glob}, c.path); got != c.want {
			t.Errorf("matchesAny(%q, %q) = %v", c.glob, c.path, got)
		}
	}
}
