package lint

import (
	"go/ast"
	"go/build"
	"go/constant"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"golang.org/x/tools/go/types/typeutil"
)

// DependsOn reports whether pkg imports, directly or through other packages,
// any of the given import paths. It is the analyzers' fast path: a package
// that cannot reach net/http cannot misuse it.
func DependsOn(pkg *types.Package, paths ...string) bool {
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		want[p] = true
	}
	seen := make(map[*types.Package]bool)
	var walk func(*types.Package) bool
	walk = func(p *types.Package) bool {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if want[imp.Path()] || walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// Callee returns the function or method a call statically calls, or nil
// (for calls of function values, conversions and builtins).
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsFunc reports whether fn is the package-level function pkgPath.name.
func IsFunc(fn *types.Func, pkgPath string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	return oneOf(fn.Name(), names)
}

// IsMethod reports whether fn is a method named one of names whose receiver
// (pointer or not) is the named type pkgPath.typeName.
func IsMethod(fn *types.Func, pkgPath, typeName string, names ...string) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return IsNamed(sig.Recv().Type(), pkgPath, typeName) && oneOf(fn.Name(), names)
}

// IsNamed reports whether t, or what t points to, is the named type
// pkgPath.name (type arguments ignored).
func IsNamed(t types.Type, pkgPath, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// IsPkgVar reports whether e refers to the package-level variable pkgPath.name.
func IsPkgVar(info *types.Info, e ast.Expr, pkgPath, name string) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == pkgPath && v.Name() == name && v.Parent() == v.Pkg().Scope()
}

// ConstValue returns the constant value of e, if the type checker knows one.
func ConstValue(info *types.Info, e ast.Expr) constant.Value {
	if tv, ok := info.Types[e]; ok {
		return tv.Value
	}
	return nil
}

// ConstString returns the value of e when it is a constant string
// (a literal, a named constant, or a concatenation of constants).
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	v := ConstValue(info, e)
	if v == nil || v.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(v), true
}

// IsZeroConst reports whether e is a constant whose value is zero.
func IsZeroConst(info *types.Info, e ast.Expr) bool {
	v := ConstValue(info, e)
	if v == nil {
		return false
	}
	switch v.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	}
	return false
}

// ObjectOf returns the object an identifier or selector names, or nil.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.ObjectOf(e.Sel)
	}
	return nil
}

// SameRef reports whether a and b denote the same variable or field path:
// c and c, s.client and s.client, e.Server and e.Server. It is syntactic
// over resolved objects, which is what "the same client, later in the same
// function" means in practice.
func SameRef(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) == info.ObjectOf(b.Sel) && SameRef(info, a.X, b.X)
	case *ast.StarExpr:
		b, ok := b.(*ast.StarExpr)
		return ok && SameRef(info, a.X, b.X)
	}
	return false
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// Dependency reports whether the pass's package belongs to a versioned
// module: a dependency from the module cache or vendor directory, never
// the code a user points resilint at (main and workspace modules have no
// version). The vet protocol runs analyzers that export facts over every
// dependency only for those facts; an analyzer whose facts are read only
// within their own module can return early there. Drivers that do not
// describe the module (Module nil) get false, which only costs time.
func Dependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != ""
}

// IsStd reports whether the pass's package is part of the standard
// library: its files are under GOROOT/src. The vet protocol runs analyzers
// that export facts over every dependency, std included; an analyzer
// whose facts std never needs can return early there. Under drivers with
// another GOROOT layout (nogo) it reports false, which only costs time.
func IsStd(pass *analysis.Pass) bool {
	if len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].FileStart).Name()
	return strings.HasPrefix(name, goroot)
}

var goroot = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// Mentions reports whether n uses obj anywhere (function literals included).
func Mentions(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}
