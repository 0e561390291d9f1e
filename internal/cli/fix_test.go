package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/finding"
)

// fixFile writes src to a temporary x.go and returns a function that
// builds findings with one fix each, every fix replacing the given
// (old, new) pairs: old is the first occurrence, or "@N" appended for the
// N-th (0-based).
func fixFile(t *testing.T, src string) (string, func(pairs ...string) finding.Finding) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "x.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return file, func(pairs ...string) finding.Finding {
		var fix finding.Fix
		for i := 0; i < len(pairs); i += 2 {
			old, n := pairs[i], 0
			if j := strings.LastIndex(old, "@"); j > 0 {
				n = int(old[j+1] - '0')
				old = old[:j]
			}
			off := -1
			for k := 0; k <= n; k++ {
				off += 1 + strings.Index(src[off+1:], old)
			}
			fix.Edits = append(fix.Edits, finding.Edit{File: file, Start: off, End: off + len(old), New: pairs[i+1]})
		}
		return finding.Finding{Fixes: []finding.Fix{fix}}
	}
}

// Two fixes that each replace one of the last two uses of a package leave
// its import unused only together: the CLI removes it.
func TestApplyFixesDropsOrphanedImport(t *testing.T) {
	src := "package x\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\nfunc f(ctx any) {\n\tfmt.Println(context.Background())\n\tfmt.Println(context.TODO())\n}\n"
	file, fix := fixFile(t, src)
	files, fixed, err := applyFixes([]finding.Finding{fix("context.Background()", "ctx"), fix("context.TODO()", "ctx")})
	if err != nil {
		t.Fatal(err)
	}
	want := "package x\n\nimport (\n\t\"fmt\"\n)\n\nfunc f(ctx any) {\n\tfmt.Println(ctx)\n\tfmt.Println(ctx)\n}\n"
	if string(files[file]) != want || !fixed[0] || !fixed[1] {
		t.Errorf("fixed %v:\n%s\nwant:\n%s", fixed, files[file], want)
	}
}

// An import still used, or used under a shadowing local, stays.
func TestApplyFixesKeepsUsedImport(t *testing.T) {
	src := "package x\n\nimport \"context\"\n\nfunc f(ctx context.Context) {\n\t_ = context.TODO()\n}\n"
	file, fix := fixFile(t, src)
	files, _, err := applyFixes([]finding.Finding{fix("context.TODO()", "ctx")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files[file]), "import \"context\"") {
		t.Errorf("import removed:\n%s", files[file])
	}
}

// Fixes merge as go vet -fix merges them: identical import insertions
// coalesce, an insertion at the start of another fix's deletion merges,
// and a fix that marks an import it needs conflicts with one that deletes
// that import's line.
func TestApplyFixesMerge(t *testing.T) {
	src := "package x\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\nvar a, b = 1, 2\nvar c = context.TODO()\nvar d = fmt.Sprint\n"
	file, fix := fixFile(t, src)
	addTime := "\t\"time\"\n\t\"fmt\"" // insertion before "fmt", written as a replacement of it
	fs := []finding.Finding{
		fix("\t\"fmt\"", addTime, "1", "time.Second"),
		fix("\t\"fmt\"", addTime, "2", "time.Minute"), // identical import edit: merged
		fix("\t\"context\"\n", "", "context.TODO()", "any(nil)"),
		fix("\"context\"", "\"context\"", "fmt.Sprint", "context.Background"), // needs context: conflicts
	}
	files, fixed, err := applyFixes(fs)
	if err != nil {
		t.Fatal(err)
	}
	want := "package x\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nvar a, b = time.Second, time.Minute\nvar c = any(nil)\nvar d = fmt.Sprint\n"
	if got := string(files[file]); got != want || !fixed[0] || !fixed[1] || !fixed[2] || fixed[3] {
		t.Errorf("fixed %v:\n%s\nwant:\n%s", fixed, got, want)
	}
}

// A merge that would leave a file that no longer parses is refused.
func TestApplyFixesKeepsFilesParsing(t *testing.T) {
	src := "package x\n\nvar a = f(1)\n\nfunc f(int) int { return 0 }\n"
	file, fix := fixFile(t, src)
	files, fixed, err := applyFixes([]finding.Finding{fix("f(1)", "f(1"), fix("1)", "2)")})
	if err != nil {
		t.Fatal(err)
	}
	if fixed[0] || !fixed[1] || !strings.Contains(string(files[file]), "f(2)") {
		t.Errorf("fixed %v:\n%s", fixed, files[file])
	}
}
