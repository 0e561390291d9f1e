package nogotest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/unitchecker"
)

var vettool string

// TestMain builds the vet tool once. With -short nothing is built and the
// tests that run it skip, as in cmd/resilint.
func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "resilint-nogo")
	if err != nil {
		panic(err)
	}
	vettool = filepath.Join(dir, "vettool")
	work = dir
	if shopDir, err = filepath.Abs(filepath.Join("testdata", "shop")); err != nil {
		panic(err)
	}
	build := exec.Command("go", "build", "-o", vettool, "./testdata/vettool")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building the vet tool: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// A listedPackage is what a vet config is made of, from `go list -json`.
type listedPackage struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Imports    []string
	ImportMap  map[string]string
	Standard   bool
}

// listDeps lists the packages of the module in dir and all their
// dependencies, dependencies first. cgo is off so that every package is
// plain Go files (net without cgo), as in a hermetic build.
func listDeps(dir string) ([]listedPackage, error) {
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Dir,GoFiles,Imports,ImportMap,Standard", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOWORK=off", "GOFLAGS=")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// stdConfig is the config of a standard library package: analyzed only
// for the facts and types its importers read, like every dependency under
// go vet and nogo.
func stdConfig(p listedPackage, work string, vetx map[string]string) *unitchecker.Config {
	cfg := &unitchecker.Config{
		ID:          p.ImportPath,
		ImportPath:  p.ImportPath,
		ImportMap:   map[string]string{},
		PackageVetx: map[string]string{},
		VetxOnly:    true,
		VetxOutput:  filepath.Join(work, strings.ReplaceAll(p.ImportPath, "/", "_")+".vetx"),
	}
	for _, f := range p.GoFiles {
		cfg.GoFiles = append(cfg.GoFiles, filepath.Join(p.Dir, f))
	}
	for _, imp := range p.Imports {
		cfg.ImportMap[imp] = imp
		cfg.PackageVetx[imp] = vetx[imp]
	}
	for from, to := range p.ImportMap {
		cfg.ImportMap[from] = to
	}
	return cfg
}

// A diagnostic is one finding in the tool's -json output.
type diagnostic struct {
	Posn    string `json:"posn"`
	Message string `json:"message"`
}

// analyze runs the vet tool on one config, as nogo runs once per package,
// and returns the findings by analyzer. An analyzer that fails is an
// error: under nogo it fails the build.
func analyze(cfg *unitchecker.Config, flags ...string) (map[string][]diagnostic, error) {
	data, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	file := strings.TrimSuffix(cfg.VetxOutput, ".vetx") + ".cfg"
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(vettool, append(append([]string{"-json"}, flags...), file)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("vet tool on %s: %v\n%s", cfg.ImportPath, err, firstLines(stderr.String(), 12))
	}
	var tree map[string]map[string]json.RawMessage
	if stdout.Len() > 0 {
		if err := json.Unmarshal(stdout.Bytes(), &tree); err != nil {
			return nil, fmt.Errorf("vet tool output on %s: %v\n%s", cfg.ImportPath, err, stdout.String())
		}
	}
	found := map[string][]diagnostic{}
	var errs []error
	for analyzer, raw := range tree[cfg.ID] {
		var failed struct{ Error string }
		if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
			errs = append(errs, fmt.Errorf("%s failed on %s: %s", analyzer, cfg.ImportPath, failed.Error))
			continue
		}
		var diags []diagnostic
		if err := json.Unmarshal(raw, &diags); err != nil {
			return nil, fmt.Errorf("%s on %s: %v", analyzer, cfg.ImportPath, err)
		}
		found[analyzer] = diags
	}
	return found, errors.Join(errs...)
}

func mustAnalyze(t *testing.T, cfg *unitchecker.Config, flags ...string) map[string][]diagnostic {
	t.Helper()
	found, err := analyze(cfg, flags...)
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// shopDir is the test module, and work the directory of every config and
// facts file the tests write.
var shopDir, work string

// stdVetx runs the vet tool over the standard library packages the test
// module needs, once for all tests, and returns their facts files by
// package path. The unitchecker reads an import's types from its facts
// file too (not from compiler export data), so every dependency needs a
// run first, as go vet does; nogo likewise analyzes every dependency for
// facts.
var stdVetx = sync.OnceValues(func() (map[string]string, error) {
	vetx := map[string]string{}
	pkgs, err := listDeps(shopDir)
	if err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		if !p.Standard {
			continue
		}
		cfg := stdConfig(p, work, vetx)
		if _, err := analyze(cfg); err != nil {
			return nil, err
		}
		vetx[p.ImportPath] = cfg.VetxOutput
	}
	return vetx, nil
})

// setup skips with -short and returns the standard library's facts files.
func setup(t *testing.T) map[string]string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a vet tool and runs it on the standard library: skipped with -short")
	}
	vetx, err := stdVetx()
	if err != nil {
		t.Fatal(err)
	}
	return vetx
}

// moduleConfig is a hand-written config for a package of the test module,
// as the Bazel rule writes one per go_library: its files, and for each
// import the facts file that an earlier run wrote. Module stays nil, as
// nogo gives no module information.
func moduleConfig(dir string, vetx map[string]string, imports ...string) *unitchecker.Config {
	path := "example.com/shop/" + dir
	cfg := &unitchecker.Config{
		ID:          path,
		ImportPath:  path,
		GoFiles:     []string{filepath.Join(shopDir, dir, dir+".go")},
		ImportMap:   map[string]string{},
		PackageVetx: map[string]string{},
		VetxOutput:  filepath.Join(work, dir+".vetx"),
	}
	for _, imp := range imports {
		cfg.ImportMap[imp] = imp
		cfg.PackageVetx[imp] = vetx[imp]
	}
	return cfg
}

// A finding is what a test expects of one analyzer on one package: on the
// line of the file that contains code, a message containing text.
type finding struct{ analyzer, code, text string }

// checkFindings compares the findings of one package with want: one
// finding per analyzer named there, none from the others.
func checkFindings(t *testing.T, dir string, found map[string][]diagnostic, want ...finding) {
	t.Helper()
	file := filepath.Join(shopDir, dir, dir+".go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	expected := map[string]bool{}
	for _, w := range want {
		expected[w.analyzer] = true
		i := bytes.Index(src, []byte(w.code))
		if i < 0 {
			t.Fatalf("%s has no %q", file, w.code)
		}
		posn := fmt.Sprintf("%s:%d:", file, bytes.Count(src[:i], []byte("\n"))+1)
		diags := found[w.analyzer]
		if len(diags) != 1 || !strings.HasPrefix(diags[0].Posn, posn) || !strings.Contains(diags[0].Message, w.text) {
			t.Errorf("%s on %s: got %v\nwant one finding at %s containing %q", w.analyzer, dir, diags, posn, w.text)
		}
	}
	for analyzer, diags := range found {
		if !expected[analyzer] {
			t.Errorf("%s on %s: unexpected %v", analyzer, dir, diags)
		}
	}
}

// TestNogoFactsCrossPackages runs every analyzer on a library package, then
// on a package that imports it, each in a process of its own with a
// hand-written config, as nogo runs them; the facts of the first run reach
// the second only through the facts file.
func TestNogoFactsCrossPackages(t *testing.T) {
	vetx := setup(t)
	flags := docFlags(t) // the settings of docs/bazel.md's nogo config
	store := moduleConfig("store", vetx, "context", "database/sql")
	checkFindings(t, "store", mustAnalyze(t, store, flags...),
		finding{"unpaginated", `"SELECT id, status FROM orders"`, "query returns every matching row"})

	vetx = maps.Clone(vetx)
	vetx["example.com/shop/store"] = store.VetxOutput
	api := moduleConfig("api", vetx, "context", "net/http", "example.com/shop/store")
	checkFindings(t, "api", mustAnalyze(t, api, flags...),
		// Both need store's facts: what LoadOrder does, and that MarkPaid
		// and ReleaseStock write. The reason in parentheses exists only in
		// the fact, since api's run never parses store.go.
		finding{"ctxpropagation", "s.store.LoadOrder(42)",
			"store.Store.LoadOrder does its I/O without a context (it passes context.Background() to sql.DB.QueryRowContext)"},
		finding{"missingtx", "s.store.MarkPaid(ctx, orderID)",
			"2 writes on one path run outside a transaction (MarkPaid here, ReleaseStock at line"},
		finding{"httptimeout", "&http.Client{}", "http.Client has no Timeout"},
		finding{"hardcodedsecret", "const dsn", "hardcoded PostgreSQL connection URL with a password"},
		finding{"retrybackoff", "for attempt := 0", "retry loop has no wait between attempts"})
}

// TestNogoServeWithoutReadFile runs httptimeout on http.ListenAndServe,
// whose suggested fix is built from the source text: under nogo the Pass
// has no ReadFile, and an analyzer that calls it anyway panics, which
// fails the build of the package.
func TestNogoServeWithoutReadFile(t *testing.T) {
	vetx := setup(t)
	server := moduleConfig("server", vetx, "net/http")
	checkFindings(t, "server", mustAnalyze(t, server),
		finding{"httptimeout", "http.ListenAndServe(", "http.ListenAndServe serves with no read timeouts"})
}
