package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// run runs a command in dir and fails the test on error.
func run(t *testing.T, dir string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// offlineGo keeps every go command of a test off the network.
func offlineGo(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOTOOLCHAIN", "local")
}

const svcMain = `package main

import "embed"

//go:embed web/dist
var dist embed.FS

//go:embed templates/*.html
var pages embed.FS

func main() { _, _ = dist, pages }
`

// svcRepo makes a git repository holding a tiny service in two commits
// and returns its work tree and the first commit, the one apps pin.
func svcRepo(t *testing.T) (string, string) {
	t.Helper()
	for _, tool := range []string{"git", "tar"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("needs %s", tool)
		}
	}
	work := t.TempDir()
	writeFiles(t, work, map[string]string{
		"go.mod":                "module example.com/svc\n\ngo 1.21\n",
		"main.go":               svcMain,
		"README":                "first\n",
		"internal/cgo/cgo.go":   "package cgo\n",
		"internal/store/db.go":  "package store\n",
		"docs/notes/keep.txt":   "kept\n",
		"scripts/do-not-run.sh": "#!/bin/sh\nexit 1\n",
	})
	run(t, work, "git", "init", "-q")
	run(t, work, "git", "add", ".")
	run(t, work, "git", "commit", "-qm", "first")
	first := run(t, work, "git", "rev-parse", "HEAD")
	writeFiles(t, work, map[string]string{"README": "second\n"})
	run(t, work, "git", "commit", "-qam", "second")
	return work, first
}

func bareClone(t *testing.T, work, dest string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		t.Fatal(err)
	}
	run(t, work, "git", "clone", "-q", "--bare", work, dest)
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestFindMirrorLayouts(t *testing.T) {
	work, _ := svcRepo(t)
	for _, layout := range []string{"acme+svc/repo", "acme/svc.git", "acme+svc"} {
		mirror := t.TempDir()
		want := filepath.Join(mirror, filepath.FromSlash(layout))
		bareClone(t, work, want)
		got, err := findMirror(mirror, "acme", "svc")
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v", layout, got, err)
		}
	}
	_, err := findMirror(t.TempDir(), "acme", "svc")
	if err == nil || !strings.Contains(err.Error(), "no bare git directory for acme/svc") {
		t.Errorf("empty mirror: %v", err)
	}
}

func TestExportCommitFromMirror(t *testing.T) {
	work, first := svcRepo(t)
	bare := filepath.Join(t.TempDir(), "svc.git")
	bareClone(t, work, bare)
	before := run(t, bare, "git", "--git-dir="+bare, "count-objects", "-v")
	dest := filepath.Join(t.TempDir(), "out")
	if err := exportCommit(bare, first, dest); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dest, "README")); got != "first\n" {
		t.Errorf("README = %q, want the pinned commit's", got)
	}
	if got := readFile(t, filepath.Join(dest, "docs", "notes", "keep.txt")); got != "kept\n" {
		t.Errorf("nested file = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dest, ".git")); err == nil {
		t.Error("the export has a .git")
	}
	if after := run(t, bare, "git", "--git-dir="+bare, "count-objects", "-v"); after != before {
		t.Errorf("the mirror changed:\n%s\n%s", before, after)
	}
	err := exportCommit(bare, strings.Repeat("a", 40), filepath.Join(t.TempDir(), "x"))
	if err == nil || !strings.Contains(err.Error(), "lacks commit") {
		t.Errorf("missing commit: %v", err)
	}
}

func TestCloneCommitWithoutMirror(t *testing.T) {
	work, first := svcRepo(t)
	host := t.TempDir()
	bareClone(t, work, filepath.Join(host, "acme", "svc"))
	old := githubBase
	githubBase = "file://" + host + "/"
	defer func() { githubBase = old }()
	t.Setenv("RESILINT_MIRROR", "")
	dest := filepath.Join(t.TempDir(), "out")
	if err := fetchSource(app{Owner: "acme", Repo: "svc", Commit: first}, dest); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dest, "README")); got != "first\n" {
		t.Errorf("README = %q, want the pinned commit's", got)
	}
	if _, err := os.Stat(filepath.Join(dest, ".git")); err == nil {
		t.Error("the clone kept its .git")
	}
}

func goModJSON(t *testing.T, dir string) (mod struct {
	Go        string
	Toolchain string
	Replace   []struct {
		Old, New struct{ Path, Version string }
	}
}) {
	t.Helper()
	if err := json.Unmarshal([]byte(run(t, dir, "go", "mod", "edit", "-json")), &mod); err != nil {
		t.Fatal(err)
	}
	return mod
}

func TestApplySetupDirectives(t *testing.T) {
	offlineGo(t)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"README":              "old\n",
		"backend/go.mod":      "module example.com/svc\n\ngo 1.21\n\ntoolchain go1.23.0\n",
		"backend/main.go":     svcMain,
		"backend/web/x/a.txt": "",
	})
	mod := filepath.Join(root, "backend")
	embedded := exec.Command("go", "list", "-f", "{{join .EmbedFiles \",\"}}", ".")
	embedded.Dir = mod
	if out, err := embedded.CombinedOutput(); err == nil {
		t.Fatalf("the fixture should not build before the setup: %s", out)
	}
	patch := "--- a/README\n+++ b/README\n@@ -1 +1 @@\n-old\n+new\n"
	s := setup{
		Embed:   []string{"web/dist", "templates/*.html"},
		Replace: []string{"golang.org/x/text=>golang.org/x/text@v0.3.8"},
		Go:      "1.22",
		ModDir:  "backend",
	}
	if err := applySetup(root, s, []byte(patch)); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(root, "README")); got != "new\n" {
		t.Errorf("patched README = %q", got)
	}
	if got := run(t, mod, "go", "list", "-f", "{{join .EmbedFiles \",\"}}", "."); got != "templates/placeholder.html,web/dist/placeholder.txt" {
		t.Errorf("embedded files: %q", got)
	}
	m := goModJSON(t, mod)
	if m.Go != "1.22" || m.Toolchain != "" {
		t.Errorf("go %q toolchain %q, want go 1.22 and no toolchain", m.Go, m.Toolchain)
	}
	if len(m.Replace) != 1 || m.Replace[0].Old.Path != "golang.org/x/text" || m.Replace[0].New.Version != "v0.3.8" {
		t.Errorf("replace: %+v", m.Replace)
	}
}

func TestApplySetupFailsLoudly(t *testing.T) {
	offlineGo(t)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"README": "old\n", "go.mod": "module example.com/svc\n\ngo 1.21\n"})
	bad := "--- a/README\n+++ b/README\n@@ -1 +1 @@\n-something else\n+new\n"
	if err := applySetup(root, setup{}, []byte(bad)); err == nil || !strings.Contains(err.Error(), "the patch does not apply") {
		t.Errorf("bad patch: %v", err)
	}
	if got := readFile(t, filepath.Join(root, "README")); got != "old\n" {
		t.Errorf("a failed patch changed README to %q", got)
	}
	if err := applySetup(root, setup{ModDir: "service"}, nil); err == nil || !strings.Contains(err.Error(), "no go.mod") {
		t.Errorf("wrong moddir: %v", err)
	}
}

func TestMaterializeAppFromMirror(t *testing.T) {
	offlineGo(t)
	work, first := svcRepo(t)
	mirror := t.TempDir()
	bareClone(t, work, filepath.Join(mirror, "acme+svc", "repo"))
	t.Setenv("RESILINT_MIRROR", mirror)
	t.Setenv("RESILINT_CORPUS", t.TempDir())
	a := app{Name: "svc", Owner: "acme", Repo: "svc", Commit: first, Half: halfTune,
		Setup: setup{Embed: []string{"web/dist", "templates/*.html"}, Skip: []string{"./internal/cgo/..."}}}
	if err := materializeApp(a, nil); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(a.Dir(), appMarkerFile)); got != appMarker(a, nil) {
		t.Errorf("marker %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(a.Dir())); len(entries) != 1 {
		t.Errorf("apps/ holds %d entries, want only svc (no partial tree left)", len(entries))
	}
	pkgs, err := appPackages(a.ModuleDir(), a.Setup.Skip)
	if err != nil || !reflect.DeepEqual(pkgs, []string{".", "./internal/store"}) {
		t.Errorf("packages %v, %v", pkgs, err)
	}

	// A second run with the same commit and setup leaves the tree alone.
	sentinel := filepath.Join(a.Dir(), "sentinel")
	writeFiles(t, a.Dir(), map[string]string{"sentinel": ""})
	if err := materializeApp(a, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sentinel); err != nil {
		t.Error("an up-to-date app was materialized again")
	}

	// A new patch redoes it.
	patch := []byte("--- a/README\n+++ b/README\n@@ -1 +1 @@\n-first\n+patched\n")
	if err := materializeApp(a, patch); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sentinel); err == nil {
		t.Error("a changed setup did not redo the app")
	}
	if got := readFile(t, filepath.Join(a.Dir(), "README")); got != "patched\n" {
		t.Errorf("README = %q", got)
	}
}

// TestExportCommitSkipsMissingBlobs: a snapshot without its large files
// still exports, with only those paths left out.
func TestExportCommitSkipsMissingBlobs(t *testing.T) {
	work, first := svcRepo(t)
	bare := filepath.Join(t.TempDir(), "svc.git")
	bareClone(t, work, bare)
	blob := strings.TrimSpace(run(t, bare, "git", "--git-dir="+bare, "rev-parse", first+":docs/notes/keep.txt"))
	if err := os.Remove(filepath.Join(bare, "objects", blob[:2], blob[2:])); err != nil {
		t.Fatalf("removing the blob (the clone must keep loose objects): %v", err)
	}
	dest := filepath.Join(t.TempDir(), "out")
	if err := exportCommit(bare, first, dest); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(dest, "README")); got != "first\n" {
		t.Errorf("README = %q, want the pinned commit's", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "docs", "notes", "keep.txt")); err == nil {
		t.Error("the missing blob's path was exported")
	}
}
