package ctxpropagation

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// funcValueCallee returns the package-level function a call makes through
// a variable that holds it: get := http.Get; get(url), or a package
// variable kept for tests to replace (var lookupIP = net.LookupIP). A
// local counts when every value assigned to it names the same function;
// a package variable by its declared value, which is what production
// code runs.
func (c *checker) funcValueCallee(cur inspector.Cursor, call *ast.CallExpr) *types.Func {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil {
		return nil
	}
	if v.Parent() == v.Pkg().Scope() {
		return c.pkgVarFunc(v)
	}
	if fn, ok := c.localFuncs[v]; ok {
		return fn // every call of a callback parameter asks
	}
	fn := c.localFuncValue(cur, v)
	if c.localFuncs == nil {
		c.localFuncs = make(map[*types.Var]*types.Func)
	}
	c.localFuncs[v] = fn
	return fn
}

// localFuncValue returns the function every value of the local v names.
func (c *checker) localFuncValue(cur inspector.Cursor, v *types.Var) *types.Func {
	d := enclosingDecl(cur)
	if d == nil || d.Body == nil || v.Pos() < d.Pos() || v.Pos() >= d.End() {
		return nil
	}
	var fn *types.Func
	if !c.everyValue(d.Body, v, func(val ast.Expr) bool {
		f := c.funcRef(val)
		if f == nil || fn != nil && f != fn {
			return false
		}
		fn = f
		return true
	}) {
		return nil
	}
	return fn
}

// funcRef returns the package-level function e names (http.Get, helper),
// not a method value.
func (c *checker) funcRef(e ast.Expr) *types.Func {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		if _, isSel := c.info.Selections[x]; isSel {
			return nil
		}
		id = x.Sel
	default:
		return nil
	}
	fn, ok := c.info.Uses[id].(*types.Func)
	if !ok || fn.Type().(*types.Signature).Recv() != nil {
		return nil
	}
	return fn
}

// pkgVarFunc returns the function a package variable of this package is
// declared with (var get = http.Get), or nil.
func (c *checker) pkgVarFunc(v *types.Var) *types.Func {
	if v.Pkg() != c.p.Pkg {
		return nil
	}
	if c.varFuncs == nil {
		c.varFuncs = make(map[*types.Var]*types.Func)
		for _, f := range c.p.Pass.Files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok {
					continue
				}
				for _, s := range gd.Specs {
					vs, ok := s.(*ast.ValueSpec)
					if !ok || len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, name := range vs.Names {
						if pv, ok := c.info.Defs[name].(*types.Var); ok {
							if fn := c.funcRef(vs.Values[i]); fn != nil {
								c.varFuncs[pv] = fn
							}
						}
					}
				}
			}
		}
	}
	return c.varFuncs[v]
}
