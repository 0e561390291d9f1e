package lint

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A FixBuilder assembles one suggested fix in one file, together with the
// import changes its edits need, so that the fixed file compiles whichever
// driver applies it (gopls one fix at a time, go vet -fix, golangci-lint
// --fix or the resilint CLI all of them):
//
//   - a package the new text names (through Import) is imported when the
//     file does not import it;
//   - an import whose every use (by type information) lies in the text the
//     fix replaces is removed;
//   - an import the new text names is marked with an edit that rewrites its
//     path to itself: a no-op that makes this fix conflict with another
//     fix of the same file that removes the import, so that a driver
//     applies only one of the two instead of leaving the name undefined.
//     Two fixes that need the same import make identical marks, which
//     drivers coalesce.
//
// Fixes that together replace every use of an import, none of them alone,
// leave it unused: drivers that apply several fixes remove such imports
// (go vet -fix and the resilint CLI do; golangci-lint's goimports
// formatter does).
type FixBuilder struct {
	p      *Pass
	file   *ast.File
	tf     *token.File
	at     token.Pos
	edits  []analysis.TextEdit
	kept   []ast.Node              // replaced nodes whose package references the new text keeps
	needs  map[*types.PkgName]bool // imports the new text names
	adds   map[string]string       // path -> name: imports to add
	failed bool
}

// NewFix starts a fix whose new text goes at pos: the names it uses are
// resolved in the scope at pos.
func (p *Pass) NewFix(pos token.Pos) *FixBuilder {
	b := &FixBuilder{p: p, at: pos, tf: p.Fset.File(pos), needs: map[*types.PkgName]bool{}, adds: map[string]string{}}
	for _, f := range p.Pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			b.file = f
		}
	}
	b.failed = b.file == nil || b.tf == nil
	return b
}

// Import returns the name by which the new text refers to the package
// path, importing it if the file does not. ok is false when no name is
// usable at the fix's position (the import's name is shadowed there, or
// the package's name is taken).
func (b *FixBuilder) Import(path string) (name string, ok bool) {
	if b.failed {
		return "", false
	}
	if name, ok := b.adds[path]; ok {
		return name, true
	}
	scope := b.p.Pkg.Scope().Innermost(b.at)
	if scope == nil {
		return "", false
	}
	imported := false
	for _, spec := range b.file.Imports {
		pn := b.pkgName(spec)
		if pn == nil || pn.Imported().Path() != path || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		imported = true
		if _, obj := scope.LookupParent(pn.Name(), b.at); obj == pn {
			b.needs[pn] = true
			return pn.Name(), true
		}
	}
	if imported {
		return "", false // shadowed: a second import under another name would only confuse
	}
	name = b.p.packageName(path)
	if name == "" {
		return "", false
	}
	if _, obj := scope.LookupParent(name, b.at); obj != nil {
		return "", false
	}
	b.adds[path] = name
	return name, true
}

// Replace replaces [pos, end) with text. kept lists the nodes of the
// replaced text whose package references text keeps: nodes it copies, or
// an identifier it renames within the same (dot-imported) package.
func (b *FixBuilder) Replace(pos, end token.Pos, text string, kept ...ast.Node) {
	b.edits = append(b.edits, analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)})
	b.kept = append(b.kept, kept...)
}

// Insert inserts text at pos.
func (b *FixBuilder) Insert(pos token.Pos, text string) {
	b.Replace(pos, pos, text)
}

// Fix returns the fix, with its import edits, or nil when it cannot be
// made so that the file still compiles.
func (b *FixBuilder) Fix(message string) []analysis.SuggestedFix {
	if b.failed || len(b.edits) == 0 {
		return nil
	}
	src, err := b.source()
	if err != nil || len(src) != b.tf.Size() {
		return nil
	}
	edits := slices.Clone(b.edits)
	for _, spec := range b.file.Imports {
		pn := b.pkgName(spec)
		if pn == nil || pn.Name() == "_" || spec.Path.Value == `"C"` {
			continue
		}
		if b.needs[pn] {
			edits = append(edits, analysis.TextEdit{Pos: spec.Path.Pos(), End: spec.Path.End(), NewText: []byte(spec.Path.Value)})
			continue
		}
		if !b.orphans(pn) {
			continue
		}
		start, end, ok := ImportDeletion(b.tf, src, b.file, spec)
		if !ok {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: b.tf.Pos(start), End: b.tf.Pos(end)})
	}
	for _, path := range slices.Sorted(maps.Keys(b.adds)) {
		off, text, ok := importInsertion(b.tf, src, b.file, path)
		if !ok {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: b.tf.Pos(off), End: b.tf.Pos(off), NewText: []byte(text)})
	}
	slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int {
		return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
	})
	for i := 1; i < len(edits); i++ {
		if edits[i-1].End > edits[i].Pos {
			return nil // e.g. an import removed and added in one line: drivers reject overlapping edits
		}
	}
	return []analysis.SuggestedFix{{Message: message, TextEdits: edits}}
}

// orphans reports whether the fix replaces every use of the import pn: it
// replaces at least one, and none is left outside its replaced text.
func (b *FixBuilder) orphans(pn *types.PkgName) bool {
	replaced := false
	for _, pos := range b.uses(pn) {
		if !b.replaces(pos) {
			return false
		}
		replaced = true
	}
	return replaced
}

// replaces reports whether pos lies in text the fix replaces and does not
// keep.
func (b *FixBuilder) replaces(pos token.Pos) bool {
	for _, n := range b.kept {
		if n.Pos() <= pos && pos < n.End() {
			return false
		}
	}
	for _, e := range b.edits {
		if e.Pos <= pos && pos < e.End {
			return true
		}
	}
	return false
}

// uses returns the positions of the file's references to the import pn:
// the identifiers the type checker resolved to pn or, for a dot import, to
// a package-level object of the imported package named without qualifier.
func (b *FixBuilder) uses(pn *types.PkgName) []token.Pos {
	info := b.p.TypesInfo
	dot := pn.Name() == "."
	imported := pn.Imported()
	selected := map[*ast.Ident]bool{}
	var out []token.Pos
	ast.Inspect(b.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			selected[n.Sel] = true
		case *ast.Ident:
			obj := info.Uses[n]
			switch {
			case obj == nil:
			case !dot && obj == pn:
				out = append(out, n.Pos())
			case dot && !selected[n] && obj.Pkg() == imported && imported.Scope().Lookup(obj.Name()) == obj:
				out = append(out, n.Pos())
			}
		}
		return true
	})
	return out
}

// pkgName returns the package name an import declares in the file.
func (b *FixBuilder) pkgName(spec *ast.ImportSpec) *types.PkgName {
	var obj types.Object
	if spec.Name != nil {
		obj = b.p.TypesInfo.Defs[spec.Name]
	} else {
		obj = b.p.TypesInfo.Implicits[spec]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

func (b *FixBuilder) source() ([]byte, error) {
	if b.p.ReadFile != nil {
		return b.p.ReadFile(b.tf.Name())
	}
	return os.ReadFile(b.tf.Name())
}

// packageName returns the name package path declares, as the package's
// dependencies know it, or else the name its path suggests.
func (p *Pass) packageName(path string) string {
	seen := map[*types.Package]bool{}
	var find func(pkgs []*types.Package) string
	find = func(pkgs []*types.Package) string {
		for _, pkg := range pkgs {
			if seen[pkg] {
				continue
			}
			seen[pkg] = true
			if pkg.Path() == path {
				return pkg.Name()
			}
			if name := find(pkg.Imports()); name != "" {
				return name
			}
		}
		return ""
	}
	if name := find(p.Pkg.Imports()); name != "" {
		return name
	}
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' {
		if _, err := strconv.Atoi(name[1:]); err == nil {
			name = elems[len(elems)-2] // a major version suffix
		}
	}
	if !token.IsIdentifier(name) {
		return ""
	}
	return name
}
