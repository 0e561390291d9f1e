package nogotest

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/resilint/resilint/analyzers"
)

// These tests keep docs/bazel.md's recipe one that rules_go accepts.

// nogoConfig is a nogo config file as rules_go 0.62.0 decodes it
// (go/tools/builders/generate_nogo_main.go).
type nogoConfig map[string]struct {
	Description   string            `json:"description"`
	OnlyFiles     map[string]string `json:"only_files"`
	ExcludeFiles  map[string]string `json:"exclude_files"`
	AnalyzerFlags map[string]string `json:"analyzer_flags"`
}

// docBlocks returns the bodies of the doc's fenced blocks of one language.
func docBlocks(t *testing.T, lang string) []string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "bazel.md"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?ms)^```" + lang + "\n(.*?)^```")
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(doc), -1) {
		out = append(out, m[1])
	}
	return out
}

func docConfig(t *testing.T) nogoConfig {
	t.Helper()
	blocks := docBlocks(t, "json")
	if len(blocks) != 1 {
		t.Fatalf("docs/bazel.md has %d json blocks, want the nogo config alone", len(blocks))
	}
	var cfg nogoConfig
	dec := json.NewDecoder(strings.NewReader(blocks[0]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		t.Fatalf("the nogo config of docs/bazel.md: %v", err)
	}
	return cfg
}

// docFlags returns the config's analyzer_flags as vet tool flags
// (-NAME.FLAG=VALUE), the form the unitchecker takes them in.
func docFlags(t *testing.T) []string {
	t.Helper()
	var flags []string
	for name, c := range docConfig(t) {
		for k, v := range c.AnalyzerFlags {
			flags = append(flags, "-"+name+"."+k+"="+v)
		}
	}
	slices.Sort(flags)
	return flags
}

// TestNogoDocConfig checks what nogo checks when it builds its binary and
// runs it: patterns that compile, flags that the analyzer has and values
// that it accepts.
func TestNogoDocConfig(t *testing.T) {
	cfg := docConfig(t)
	for _, name := range analyzers.Names() {
		if _, ok := cfg[name]; !ok {
			t.Errorf("the nogo config shows no settings for %s", name)
		}
	}
	for name, c := range cfg {
		for pattern := range c.OnlyFiles {
			if _, err := regexp.Compile(pattern); err != nil {
				t.Errorf("%s only_files: %v", name, err)
			}
		}
		for pattern := range c.ExcludeFiles {
			if _, err := regexp.Compile(pattern); err != nil {
				t.Errorf("%s exclude_files: %v", name, err)
			}
		}
		if name == "_base" {
			if len(c.AnalyzerFlags) > 0 {
				t.Errorf("_base has analyzer_flags, which nogo applies to no analyzer")
			}
			continue
		}
		e, ok := analyzers.Lookup(name)
		if !ok {
			t.Errorf("the nogo config configures %q, which is no analyzer", name)
			continue
		}
		for k, v := range c.AnalyzerFlags {
			f := e.Analyzer.Flags.Lookup(k)
			if f == nil || strings.HasPrefix(k, "-") {
				t.Errorf("%s has no flag %q", name, k)
				continue
			}
			// Setting it changes this test binary's analyzer, which no
			// test runs in-process.
			if err := f.Value.Set(v); err != nil {
				t.Errorf("%s: %s=%q: %v", name, k, v, err)
			}
		}
	}
}

// TestNogoDocTarget checks that the nogo target lists every analyzer, by a
// package that declares the Analyzer variable nogo runs.
func TestNogoDocTarget(t *testing.T) {
	var target string
	for _, b := range docBlocks(t, "starlark") {
		if strings.Contains(b, "\nnogo(") {
			target = b
		}
	}
	if target == "" {
		t.Fatal("docs/bazel.md has no nogo target")
	}
	labels := regexp.MustCompile(`"@com_github_resilint_resilint//analyzers/(\w+)"`).FindAllStringSubmatch(target, -1)
	var listed []string
	for _, l := range labels {
		listed = append(listed, l[1])
	}
	if !slices.Equal(listed, analyzers.Names()) {
		t.Errorf("the nogo target lists %v, want %v", listed, analyzers.Names())
	}
	for _, name := range listed {
		if !declaresAnalyzer(t, filepath.Join("..", "..", "analyzers", name)) {
			t.Errorf("package analyzers/%s declares no var Analyzer for nogo to run", name)
		}
	}
}

func declaresAnalyzer(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for _, id := range spec.(*ast.ValueSpec).Names {
					if id.Name == "Analyzer" {
						return true
					}
				}
			}
		}
	}
	return false
}
