package ctxpropagation

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/lint"
)

// Which code is the module's own is decided from what the driver knows,
// never from the shape of an import path: "module app" and
// "module corp/app" have no dot in their first element, like the
// standard library, and are as much the user's code as example.com/app.

// inStd reports whether the pass's package is part of the standard
// library. A package of a module is not (go vet, go/packages and
// golangci-lint all describe its module; std packages have none); without
// module information, std is what lives under GOROOT/src.
func inStd(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		return false
	}
	return lint.IsStd(pass)
}

// ownCode reports whether pkg belongs to the module being analyzed: a
// finding about a function is only actionable where its author can add a
// ctx parameter.
func (c *checker) ownCode(pkg *types.Package) bool {
	if pkg == nil || c.std {
		return false
	}
	if pkg == c.p.Pkg {
		return true
	}
	// The module path is the authority: std packages have no module, so
	// they never share its prefix.
	if m := c.p.Module; m != nil && m.Path != "" {
		return pkg.Path() == m.Path || strings.HasPrefix(pkg.Path(), m.Path+"/")
	}
	return repoRoot(pkg.Path()) == repoRoot(c.p.Pkg.Path())
}

// repoRoot approximates the module of an import path when the driver does
// not describe it: the first three elements on the big forges, two on
// other hosts, and the first element of a path with no host (a dotless
// module, "corp/app/store" -> "corp"; a std path differs from it unless
// the module is named after a std directory).
func repoRoot(path string) string {
	parts := strings.Split(path, "/")
	n := 2
	switch {
	case parts[0] == "github.com", parts[0] == "gitlab.com", parts[0] == "bitbucket.org", parts[0] == "codeberg.org":
		n = 3
	case !strings.Contains(parts[0], "."):
		n = 1
	}
	if len(parts) < n {
		n = len(parts)
	}
	return strings.Join(parts[:n], "/")
}
