package cli

import (
	"go/parser"
	"go/token"
	"os"
	"strings"

	"github.com/resilint/resilint/internal/directive"
)

// nolintDirectives parses a file's comments for //nolint directives.
func nolintDirectives(path string) []directive.Directive {
	src, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(src), "//nolint") {
		return nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var out []directive.Directive
	for _, d := range directive.File(fset, f) {
		if d.Kind == directive.Nolint {
			out = append(out, d)
		}
	}
	return out
}
