// Package lint is the frame every resilint analyzer is built on. It owns the
// concerns that must behave the same in every analyzer and every driver
// (our CLI, go vet, golangci-lint, nogo): which files are analyzed
// (generated files never, _test.go files only with -NAME.tests), and which
// findings are hidden by a //resilint:ignore or //nolint directive.
package lint

import (
	"flag"
	"go/ast"
	"go/token"
	"iter"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/directive"
	"github.com/resilint/resilint/internal/rules"
)

// DocsURL is where each analyzer's documentation page lives.
const DocsURL = "https://github.com/resilint/resilint/blob/main/docs/analyzers/"

// Common holds the settings every analyzer has. Each analyzer binds its own
// copy to its Analyzer.Flags, so drivers set them as -NAME.tests.
type Common struct {
	Tests bool
}

// Register adds the common flags to an analyzer's flag set.
func (c *Common) Register(fs *flag.FlagSet) {
	fs.BoolVar(&c.Tests, "tests", false, "also analyze _test.go files")
}

// CLIMode is set by the resilint CLI (through the hidden "resilint"
// analyzer's -resilint.cli flag) when it drives go vet. In that mode
// analyzers report findings even where a directive suppresses them: the CLI
// applies directives itself so that it can also report unused ones.
var CLIMode bool

// A Pass wraps an analysis.Pass with resilint's file filtering and
// directive-aware reporting.
type Pass struct {
	*analysis.Pass
	skip       map[*token.File]bool
	testHooks  []ast.Node // functions named ...ForTesting: see testHook
	directives map[*token.File][]directive.Directive
	files      map[*token.File]*ast.File
}

// NewPass prepares a pass for an analyzer that uses the common settings c.
func NewPass(pass *analysis.Pass, c *Common) *Pass {
	p := &Pass{
		Pass:       pass,
		skip:       make(map[*token.File]bool),
		directives: make(map[*token.File][]directive.Directive),
		files:      make(map[*token.File]*ast.File),
	}
	support := !c.Tests && TestSupport(pass.Pkg)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		p.files[tf] = f
		p.skip[tf] = support || SkipFile(pass.Fset, f, c.Tests)
		if !c.Tests && !p.skip[tf] {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && testHook(fd.Name.Name) {
					p.testHooks = append(p.testHooks, fd)
				}
			}
		}
	}
	return p
}

// SkipFile reports whether a file is outside what resilint analyzes:
// generated code always; unless tests is set, test code, which is a
// _test.go file or a file that imports "testing" or a test-only library
// such as testify, gomock or ginkgo (test support such as caddytest or a
// package's testutil.go, which only tests run).
func SkipFile(fset *token.FileSet, f *ast.File, tests bool) bool {
	if ast.IsGenerated(f) {
		return true
	}
	if tests {
		return false
	}
	if strings.HasSuffix(fset.File(f.FileStart).Name(), "_test.go") {
		return true
	}
	for _, spec := range f.Imports {
		if testImport(strings.Trim(spec.Path.Value, `"`)) {
			return true
		}
	}
	return false
}

// testImport reports an import that only test code has: testing, and the
// mocking, assertion and integration-test libraries (a mock client builder
// kept in a helper.go beside the tests, jaeger's crossdock harness, a
// testcontainers fixture).
func testImport(path string) bool {
	if path == "testing" || testFrameworks[path] {
		return true
	}
	for _, p := range testFrameworkPrefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// testFrameworks are libraries made only for tests, by import path.
var testFrameworks = map[string]bool{
	"github.com/golang/mock/gomock":            true,
	"go.uber.org/mock/gomock":                  true,
	"github.com/DATA-DOG/go-sqlmock":           true,
	"github.com/jarcoal/httpmock":              true,
	"github.com/crossdock/crossdock-go":        true,
	"gopkg.in/check.v1":                        true,
	"github.com/frankban/quicktest":            true,
	"github.com/matryer/is":                    true,
	"github.com/ory/dockertest/v3":             true,
	"github.com/smartystreets/goconvey/convey": true,
}

// testFrameworkPrefixes are import-path prefixes of test-only libraries
// with several packages or major versions.
var testFrameworkPrefixes = []string{
	"github.com/stretchr/testify/",
	"github.com/onsi/ginkgo",
	"github.com/onsi/gomega",
	"github.com/testcontainers/testcontainers-go",
	"gotest.tools/",
	"github.com/maxatome/go-testdeep",
}

// testHook reports a function that only tests call, by the Go convention
// of naming it so (SetClockForTesting, ListJournalsForTest): test code in
// a production file.
func testHook(name string) bool {
	return strings.HasSuffix(name, "ForTesting") || strings.HasSuffix(name, "ForTest") || strings.HasSuffix(name, "ForTests")
}

// Analyzed reports whether the file holding pos is analyzed.
func (p *Pass) Analyzed(pos token.Pos) bool {
	tf := p.Fset.File(pos)
	return tf != nil && !p.skip[tf]
}

// Files yields the analyzed files.
func (p *Pass) Files() iter.Seq[*ast.File] {
	return func(yield func(*ast.File) bool) {
		for _, f := range p.Pass.Files {
			if !p.skip[p.Fset.File(f.FileStart)] && !yield(f) {
				return
			}
		}
	}
}

// Preorder yields, in source order, the nodes of the given types in the
// analyzed files, using the shared inspect.Analyzer traversal. The analyzer
// must list inspect.Analyzer in its Requires.
func (p *Pass) Preorder(types ...ast.Node) iter.Seq[inspector.Cursor] {
	ins := p.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	return func(yield func(inspector.Cursor) bool) {
		for file := range ins.Root().Children() {
			if p.skip[p.Fset.File(file.Node().Pos())] {
				continue
			}
			for c := range file.Preorder(types...) {
				if !yield(c) {
					return
				}
			}
		}
	}
}

// Report reports a diagnostic unless its file is not analyzed or, outside
// CLI mode, a directive suppresses it.
func (p *Pass) Report(d analysis.Diagnostic) {
	tf := p.Fset.File(d.Pos)
	if tf == nil || p.skip[tf] {
		return
	}
	for _, h := range p.testHooks {
		if h.Pos() <= d.Pos && d.Pos < h.End() {
			return
		}
	}
	if !CLIMode && p.suppressed(tf, d.Pos, rules.Resolve(p.Analyzer.Name, d.Category)) {
		return
	}
	p.Pass.Report(d)
}

// ReportNode reports a diagnostic spanning node n.
func (p *Pass) ReportNode(n ast.Node, message string, fixes ...analysis.SuggestedFix) {
	p.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: message, SuggestedFixes: fixes})
}

func (p *Pass) suppressed(tf *token.File, pos token.Pos, rule string) bool {
	ds, ok := p.directives[tf]
	if !ok {
		ds = directive.File(p.Fset, p.files[tf])
		p.directives[tf] = ds
	}
	line := tf.Line(pos)
	for _, d := range ds {
		if d.Suppresses(p.Analyzer.Name, rule, line) {
			return true
		}
	}
	return false
}
