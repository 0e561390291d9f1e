package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

const appMarkerFile = ".resilint-app-ok"

// githubBase is where apps are cloned from without a mirror (a variable so
// that the tests can point it at a local directory).
var githubBase = "https://github.com/"

// appEnv is the environment of every go command on an app: the module is
// analyzed alone (a go.work would pull in other modules, and forbids
// -mod=mod), and go.mod may be updated, as patches and directives leave
// a vendor directory inconsistent.
var appEnv = []string{"GOWORK=off", "GOFLAGS=-mod=mod"}

// materializeApps brings each app's tree at its commit into the corpus,
// set up by its directives and patch. An app whose marker records the
// same commit and setup is left alone.
func materializeApps(apps []app) error {
	for _, a := range apps {
		patch, err := readPatch(a.Name)
		if err != nil {
			return err
		}
		if err := materializeApp(a, patch); err != nil {
			return fmt.Errorf("%s (eval/apps.txt line %d): %v", a.Name, a.Line, err)
		}
	}
	return nil
}

func materializeApp(a app, patch []byte) error {
	want := appMarker(a, patch)
	if got, err := os.ReadFile(filepath.Join(a.Dir(), appMarkerFile)); err == nil && string(got) == want {
		fmt.Fprintf(os.Stderr, "corpus: %s ready in %s\n", a.Name, a.Dir())
		return nil
	}
	fmt.Fprintf(os.Stderr, "corpus: %s github.com/%s/%s@%.12s -> %s\n", a.Name, a.Owner, a.Repo, a.Commit, a.Dir())
	// Built beside its final place and renamed once complete, so that an
	// interrupted run never leaves a tree that looks ready.
	partial := filepath.Join(filepath.Dir(a.Dir()), "."+a.Name+".partial")
	if err := os.RemoveAll(partial); err != nil {
		return err
	}
	if err := fetchSource(a, partial); err != nil {
		return err
	}
	if err := applySetup(partial, a.Setup, patch); err != nil {
		return err
	}
	if err := downloadDeps(filepath.Join(partial, filepath.FromSlash(a.Setup.ModDir)), a.Setup.Skip); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(partial, appMarkerFile), []byte(want), 0o644); err != nil {
		return err
	}
	if err := os.RemoveAll(a.Dir()); err != nil {
		return err
	}
	return os.Rename(partial, a.Dir())
}

// fetchSource puts the tree of a.Commit into dest, from the mirror when
// RESILINT_MIRROR is set, else from GitHub.
func fetchSource(a app, dest string) error {
	if mirror := os.Getenv("RESILINT_MIRROR"); mirror != "" {
		gitDir, err := findMirror(mirror, a.Owner, a.Repo)
		if err != nil {
			return err
		}
		return exportCommit(gitDir, a.Commit, dest)
	}
	return cloneCommit(githubBase+a.Owner+"/"+a.Repo, a.Commit, dest)
}

// findMirror returns the bare git directory of OWNER/REPO under mirror,
// in any of the layouts a mirror may use.
func findMirror(mirror, owner, repo string) (string, error) {
	candidates := []string{
		filepath.Join(mirror, owner+"+"+repo, "repo"), // the search tool's fetch
		filepath.Join(mirror, owner, repo+".git"),
		filepath.Join(mirror, owner+"+"+repo),
	}
	for _, c := range candidates {
		if isGitDir(c) {
			return c, nil
		}
	}
	return "", fmt.Errorf("RESILINT_MIRROR=%s holds no bare git directory for %s/%s (looked at %s)",
		mirror, owner, repo, strings.Join(candidates, ", "))
}

func isGitDir(dir string) bool {
	head, err := os.Stat(filepath.Join(dir, "HEAD"))
	if err != nil || !head.Mode().IsRegular() {
		return false
	}
	objects, err := os.Stat(filepath.Join(dir, "objects"))
	return err == nil && objects.IsDir()
}

// exportCommit writes the tree of commit in the bare gitDir to dest with
// git archive | tar -x: no work tree, no submodules, nothing written into
// the mirror.
func exportCommit(gitDir, commit, dest string) error {
	if out, err := exec.Command("git", "--git-dir="+gitDir, "cat-file", "-e", commit+"^{commit}").CombinedOutput(); err != nil {
		return fmt.Errorf("the mirror %s lacks commit %s (fetch the repository again): %s", gitDir, commit, bytes.TrimSpace(out))
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	missing, err := missingBlobs(gitDir, commit)
	if err != nil {
		return err
	}
	args := []string{"--git-dir=" + gitDir, "archive", "--format=tar", commit}
	if len(missing) > 0 {
		// Snapshots leave out files of 4 MiB and more; git archive stops at
		// the first absent blob, so those paths are excluded by name.
		args = append(args, "--", ".")
		for _, p := range missing {
			args = append(args, ":(exclude,literal)"+p)
		}
	}
	archive := exec.Command("git", args...)
	untar := exec.Command("tar", "-x", "--no-same-owner", "-C", dest)
	var archiveErr, untarErr bytes.Buffer
	archive.Stdout, archive.Stderr = w, &archiveErr
	untar.Stdin, untar.Stderr = r, &untarErr
	if err := untar.Start(); err != nil {
		r.Close()
		w.Close()
		return err
	}
	r.Close()
	errArchive := archive.Run()
	w.Close()
	errUntar := untar.Wait()
	if errArchive != nil {
		return fmt.Errorf("git archive %s in %s: %v: %s", commit, gitDir, errArchive, bytes.TrimSpace(archiveErr.Bytes()))
	}
	if errUntar != nil {
		return fmt.Errorf("tar -x into %s: %v: %s", dest, errUntar, bytes.TrimSpace(untarErr.Bytes()))
	}
	return nil
}

// cloneCommit fetches only commit from url (GitHub serves any commit by
// its SHA), checks it out in dest, and drops the .git directory.
func cloneCommit(url, commit, dest string) error {
	steps := [][]string{
		{"init", "-q", dest},
		{"-C", dest, "fetch", "-q", "--depth", "1", "--no-tags", url, commit},
		{"-C", dest, "-c", "advice.detachedHead=false", "checkout", "-q", commit},
	}
	for _, args := range steps {
		if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, bytes.TrimSpace(out))
		}
	}
	return os.RemoveAll(filepath.Join(dest, ".git"))
}

// applySetup applies the app's patch (a unified diff against the
// repository root, as git diff writes it), then its directives.
func applySetup(root string, s setup, patch []byte) error {
	if len(patch) > 0 {
		cmd := exec.Command("git", "apply", "--whitespace=nowarn", "-")
		cmd.Dir = root
		// Outside any repository, git apply patches the directory; without
		// the ceiling a corpus inside a git work tree would be taken as
		// part of it.
		cmd.Env = append(os.Environ(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(root))
		cmd.Stdin = bytes.NewReader(patch)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("the patch does not apply: %v: %s", err, bytes.TrimSpace(out))
		}
	}
	mod := filepath.Join(root, filepath.FromSlash(s.ModDir))
	if _, err := os.Stat(filepath.Join(mod, "go.mod")); err != nil {
		return fmt.Errorf("no go.mod in %s (set moddir=)", mod)
	}
	var edits []string
	if s.Go != "" {
		// The toolchain line goes too: it could name a toolchain to download.
		edits = append(edits, "-go="+s.Go, "-toolchain=none")
	}
	for _, r := range s.Replace {
		old, repl, _ := strings.Cut(r, "=>")
		edits = append(edits, "-replace="+old+"="+repl)
	}
	if len(edits) > 0 {
		if out, err := command(mod, appEnv, "go", append([]string{"mod", "edit"}, edits...)...).CombinedOutput(); err != nil {
			return fmt.Errorf("go mod edit %s: %v: %s", strings.Join(edits, " "), err, bytes.TrimSpace(out))
		}
	}
	for _, e := range s.Embed {
		if err := embedPlaceholder(mod, e); err != nil {
			return err
		}
	}
	return nil
}

// embedPlaceholder makes //go:embed of a generated directory compile: for
// DIR it creates DIR/placeholder.txt, for a glob such as DIR/*.html the
// file DIR/placeholder.html. An existing file is left alone.
func embedPlaceholder(mod, pattern string) error {
	file := path.Join(pattern, "placeholder.txt")
	if base := path.Base(pattern); strings.Contains(base, "*") {
		file = path.Join(path.Dir(pattern), strings.ReplaceAll(base, "*", "placeholder"))
	}
	target := filepath.Join(mod, filepath.FromSlash(file))
	if _, err := os.Stat(target); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	return os.WriteFile(target, []byte("placeholder written by resilint's eval for an embed= directive\n"), 0o644)
}

// downloadDeps fetches the module's dependencies and completes its go.sum
// for the packages the run covers. Nothing from the tree runs: go mod
// download and go list read it.
func downloadDeps(mod string, skip []string) error {
	dl := command(mod, appEnv, "go", "mod", "download")
	dl.Stdout, dl.Stderr = os.Stderr, os.Stderr
	if err := dl.Run(); err != nil {
		return fmt.Errorf("go mod download in %s: %v", mod, err)
	}
	pkgs, err := appPackages(mod, skip)
	if err != nil {
		return err
	}
	list := command(mod, appEnv, "go", append([]string{"list", "-deps", "-test"}, pkgs...)...)
	list.Stdout = nil
	list.Stderr = os.Stderr
	if err := list.Run(); err != nil {
		return fmt.Errorf("completing go.sum in %s: %v", mod, err)
	}
	return nil
}

// appPackages returns the package patterns of a run on the module in mod:
// ./... or, when some are skipped, the remaining packages one by one.
func appPackages(mod string, skip []string) ([]string, error) {
	if len(skip) == 0 {
		return []string{"./..."}, nil
	}
	out, err := command(mod, appEnv, "go", "list", "-e", "-f", "{{.Dir}}", "./...").Output()
	if err != nil {
		return nil, fmt.Errorf("go list in %s: %v", mod, err)
	}
	var rels []string
	for _, dir := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if dir == "" {
			continue
		}
		rel, err := filepath.Rel(mod, dir)
		if err != nil {
			return nil, err
		}
		rels = append(rels, filepath.ToSlash(rel))
	}
	var pkgs []string
	for _, rel := range filterPackages(rels, skip) {
		if rel != "." {
			rel = "./" + rel
		}
		pkgs = append(pkgs, rel)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("skip=%s leaves no package in %s", strings.Join(skip, ","), mod)
	}
	return pkgs, nil
}

// filterPackages drops the module-relative package directories (. for
// the root) that a skip pattern matches.
func filterPackages(rels, skip []string) []string {
	var out []string
	for _, rel := range rels {
		skipped := false
		for _, s := range skip {
			re, _ := skipRegexp(s) // checked when apps.txt was read
			skipped = skipped || re.MatchString(rel)
		}
		if !skipped {
			out = append(out, rel)
		}
	}
	return out
}

// skipRegexp compiles a module-relative package pattern with go's
// meaning of "...": any string, and x/... also matches x.
func skipRegexp(pattern string) (*regexp.Regexp, error) {
	p := path.Clean(strings.TrimPrefix(pattern, "./"))
	if path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") {
		return nil, fmt.Errorf("want a package pattern relative to the module, such as ./internal/cgo/...")
	}
	re := strings.ReplaceAll(regexp.QuoteMeta(p), `\.\.\.`, `.*`)
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	return regexp.Compile("^" + re + "$")
}

// missingBlobs lists the files of commit whose blobs the mirror lacks.
func missingBlobs(gitDir, commit string) ([]string, error) {
	tree, err := exec.Command("git", "--git-dir="+gitDir, "ls-tree", "-r", "-z", commit).Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-tree %s in %s: %v", commit, gitDir, err)
	}
	var paths, ids []string
	for _, entry := range bytes.Split(tree, []byte{0}) {
		// "<mode> <type> <id>\t<path>"
		meta, path, ok := bytes.Cut(entry, []byte{'\t'})
		f := strings.Fields(string(meta))
		if !ok || len(f) != 3 || f[1] != "blob" {
			continue
		}
		paths, ids = append(paths, string(path)), append(ids, f[2])
	}
	check := exec.Command("git", "--git-dir="+gitDir, "cat-file", "--batch-check=%(objectname) %(objecttype)")
	check.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	out, err := check.Output()
	if err != nil {
		return nil, fmt.Errorf("git cat-file in %s: %v", gitDir, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(ids) {
		return nil, fmt.Errorf("git cat-file in %s answered %d of %d objects", gitDir, len(lines), len(ids))
	}
	var missing []string
	for i, l := range lines {
		if strings.HasSuffix(l, " missing") {
			missing = append(missing, paths[i])
		}
	}
	return missing, nil
}
