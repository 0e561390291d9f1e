package main_test

// Every suggested fix must leave code that compiles: these tests apply
// -fix with the real binary to the bundled demo, to each analyzer's fix
// testdata and to fixes that meet in one file, then build and vet the
// result.

import (
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilint/resilint/internal/fsutil"
)

// copyTree copies src to a fresh temporary directory.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := fsutil.CopyTree(src, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// fix runs resilint -fix, which exits 0 when nothing is left to report and
// 1 when findings without a fix remain.
func fix(t *testing.T, dir string, flags ...string) result {
	t.Helper()
	r := run(t, dir, append(append([]string{"-fix"}, flags...), "./...")...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("resilint -fix: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	return r
}

// mustBuild fails the test unless the module in dir builds and vets.
func mustBuild(t *testing.T, dir string) {
	t.Helper()
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if r := runCmd(t, dir, "go", args...); r.code != 0 {
			t.Fatalf("go %s on the fixed code failed:\n%s\n%s", strings.Join(args, " "), r.stderr, dump(dir))
		}
	}
}

// dump returns the Go files under dir, to show what a fix wrote.
func dump(dir string) string {
	var b strings.Builder
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".go") {
			src, _ := os.ReadFile(path)
			rel, _ := filepath.Rel(dir, path)
			b.WriteString("--- " + rel + "\n" + string(src))
		}
		return nil
	})
	return b.String()
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exampleDir(t *testing.T) string {
	return filepath.Join(repoRoot(t), "examples", "orderservice")
}

// The README's demo: `resilint -fix ./... && go build ./...` must work.
func TestFixBuildsExampleService(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	dir := copyTree(t, exampleDir(t))
	fix(t, dir)
	handlers := readFile(t, filepath.Join(dir, "api", "handlers.go"))
	if strings.Contains(handlers, `"context"`) || !strings.Contains(handlers, "h.store.Order(r.Context(), id)") {
		t.Errorf("api/handlers.go: want context.Background() replaced and the unused import removed:\n%s", handlers)
	}
	if main := readFile(t, filepath.Join(dir, "main.go")); !strings.Contains(main, "\t\"time\"\n") {
		t.Errorf("main.go: want time imported for ReadHeaderTimeout:\n%s", main)
	}
	mustBuild(t, dir)
}

// -diff shows exactly what -fix writes, import changes included: the diff
// applied with patch(1) gives the files -fix wrote.
func TestFixDiffMatchesFix(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	diffed, fixed := copyTree(t, exampleDir(t)), copyTree(t, exampleDir(t))
	d := run(t, diffed, "-diff", "./...")
	wantCode(t, d, 1)
	for _, want := range []string{"-\t\"context\"\n", "+\t\"time\"\n", "+\to, err := h.store.Order(r.Context(), id)\n"} {
		if !strings.Contains(d.stdout, want) {
			t.Errorf("-diff lacks %q:\n%s", want, d.stdout)
		}
	}
	fix(t, fixed)
	patch := runCmdStdin(t, diffed, d.stdout, "patch", "-p1", "--batch", "--no-backup-if-mismatch")
	if patch.code != 0 {
		t.Fatalf("patch -p1 failed:\n%s%s\ndiff:\n%s", patch.stdout, patch.stderr, d.stdout)
	}
	filepath.WalkDir(fixed, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fixed, path)
		if got, want := readFile(t, filepath.Join(diffed, rel)), readFile(t, path); got != want {
			t.Errorf("%s: the -diff output applied differs from what -fix wrote:\n%s\nwant:\n%s", rel, got, want)
		}
		return nil
	})
}

// A fixPackage is a package of an analyzer's testdata module (module)
// whose fixes have golden files, at rel in the module.
type fixPackage struct{ analyzer, module, rel string }

// fixPackages returns the analyzers' fix testdata: each package directory
// holding .golden files, with the testdata module that contains it.
func fixPackages(t *testing.T) (pkgs []fixPackage) {
	t.Helper()
	root := filepath.Join(repoRoot(t), "analyzers")
	seen := map[string]bool{}
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".go.golden") || seen[filepath.Dir(path)] {
			return err
		}
		dir := filepath.Dir(path)
		seen[dir] = true
		mod := dir
		for !fileExists(filepath.Join(mod, "go.mod")) {
			if mod = filepath.Dir(mod); !strings.HasPrefix(mod, root) {
				t.Fatalf("%s is in no testdata module", dir)
			}
		}
		rel, _ := filepath.Rel(mod, dir)
		analyzer, _, _ := strings.Cut(filepath.ToSlash(strings.TrimPrefix(dir, root+string(filepath.Separator))), "/")
		pkgs = append(pkgs, fixPackage{analyzer, mod, rel})
		return nil
	})
	if len(pkgs) == 0 {
		t.Fatal("no .golden files under analyzers/")
	}
	return pkgs
}

// runCmdStdin runs a command in dir with stdin as its standard input.
func runCmdStdin(t *testing.T, dir, stdin, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Stdin = dir, strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %v", name, err)
	}
	return result{stdout: string(out), code: code}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// fixModule makes a module with the testdata module's go.mod and go.sum
// and the package rel, its files taken as they are (golden false) or from
// their .golden versions.
func fixModule(t *testing.T, mod, rel string, golden bool) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum"} {
		if src, err := os.ReadFile(filepath.Join(mod, name)); err == nil {
			os.WriteFile(filepath.Join(dst, name), src, 0o644)
		}
	}
	// Local replacements (=> ./third_party/x) come along.
	for _, line := range strings.Split(readFile(t, filepath.Join(mod, "go.mod")), "\n") {
		if _, target, ok := strings.Cut(line, "=>"); ok {
			if f := strings.Fields(target); len(f) > 0 && strings.HasPrefix(f[0], "./") {
				if err := fsutil.CopyTree(filepath.Join(mod, f[0]), filepath.Join(dst, f[0])); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	pkg := filepath.Join(dst, rel)
	os.MkdirAll(pkg, 0o755)
	files, _ := filepath.Glob(filepath.Join(mod, rel, "*.go"))
	for _, f := range files {
		src := f
		if golden && fileExists(f+".golden") {
			src = f + ".golden"
		}
		if err := os.WriteFile(filepath.Join(pkg, filepath.Base(f)), []byte(readFile(t, src)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r := runCmd(t, dst, "go", "mod", "download"); r.code != 0 {
		t.Fatalf("go mod download: %s", r.stderr)
	}
	return dst
}

// Each analyzer's fix testdata, fixed by the real binary, builds, and
// matches its golden files; the golden files themselves build.
func TestFixBuildsAnalyzerTestdata(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	for _, p := range fixPackages(t) {
		t.Run(p.analyzer+"/"+filepath.ToSlash(p.rel), func(t *testing.T) {
			dir := fixModule(t, p.module, p.rel, false)
			fix(t, dir, "-enable", p.analyzer)
			mustBuild(t, dir)
			goldens, _ := filepath.Glob(filepath.Join(p.module, p.rel, "*.go.golden"))
			for _, g := range goldens {
				want, err := format.Source([]byte(readFile(t, g)))
				if err != nil {
					t.Fatalf("%s: %v", g, err)
				}
				got := readFile(t, filepath.Join(dir, p.rel, strings.TrimSuffix(filepath.Base(g), ".golden")))
				if got != string(want) {
					t.Errorf("-fix wrote, for %s:\n%s\nthe golden file says:\n%s", filepath.Base(g), got, want)
				}
			}
			mustBuild(t, fixModule(t, p.module, p.rel, true))
		})
	}
}

// Fixes that meet in one file compose: two fixes add the same import; two
// fixes each replace one of the last two uses of context; one fix needs
// context (WithoutCancel in a goroutine) while another replaces its only
// other use. Each run leaves code that builds, and re-running -fix applies
// what a conflict deferred.
func TestFixComposesInOneFile(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/compose\n\ngo 1.24\n",
		"servers.go": `package compose

import "net/http"

var (
	Public = &http.Server{Addr: ":80"}
	Admin  = &http.Server{Addr: ":81"}
)
`,
		"twice.go": `package compose

import (
	"context"
	"database/sql"
	"net/http"
)

func Pay(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(context.Background(), "SELECT 1")
}

func Refund(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(context.TODO(), "SELECT 2")
}
`,
		"needs.go": `package compose

import (
	"context"
	"database/sql"
	"net/http"
)

func Audit(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	_ = db.QueryRowContext(context.Background(), "SELECT 3")
	go func() {
		_, _ = db.Exec("INSERT INTO audit VALUES (1)")
	}()
}
`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fix(t, dir)
	mustBuild(t, dir)
	if servers := readFile(t, filepath.Join(dir, "servers.go")); strings.Count(servers, `"time"`) != 1 || strings.Count(servers, "ReadHeaderTimeout") != 2 {
		t.Errorf("servers.go: want both servers fixed and time imported once:\n%s", servers)
	}
	if twice := readFile(t, filepath.Join(dir, "twice.go")); strings.Contains(twice, "context") {
		t.Errorf("twice.go: want both fixed and context no longer imported:\n%s", twice)
	}
	fix(t, dir) // the fix a conflict deferred
	mustBuild(t, dir)
	needs := readFile(t, filepath.Join(dir, "needs.go"))
	for _, want := range []string{"QueryRowContext(r.Context(), ", "ExecContext(context.WithoutCancel(r.Context()), ", `"context"`} {
		if !strings.Contains(needs, want) {
			t.Errorf("needs.go lacks %q after two runs:\n%s", want, needs)
		}
	}
	if r := run(t, dir, "./..."); strings.Contains(r.stdout, "needs.go") {
		t.Errorf("findings left in needs.go:\n%s", r.stdout)
	}
}
