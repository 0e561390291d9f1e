package ctxpropagation

import (
	"go/types"
)

// A data layer is often reached through an interface (a gin handler's
// UserStore, a writer's Do): the call names the interface method, whose
// implementations in the module do the I/O. An interface method of the
// module carries the fact of the first implementation (in the order of
// their packages' scopes) that does I/O without a context itself, else of
// the first that reaches such I/O. Any, not every: the others are
// in-memory stand-ins or decorators that forward to the interface itself,
// and production runs the one that does I/O.

// ifaceFact returns the noContextIO fact of m, a method of an interface
// of the module, from its implementations in the interface's package,
// this package and the module packages this package imports.
func (c *checker) ifaceFact(m *types.Func) *noContextIO {
	if f, ok := c.ifaceFacts[m]; ok {
		return f // found, or being judged (an implementation that forwards to m)
	}
	if c.ifaceFacts == nil {
		c.ifaceFacts = make(map[*types.Func]*noContextIO)
	}
	c.ifaceFacts[m] = nil
	// Not found is not kept: solveFacts asks again in later rounds, as
	// the implementations' facts are found.
	defer func() {
		if c.ifaceFacts[m] == nil {
			delete(c.ifaceFacts, m)
		}
	}()
	named, ok := types.Unalias(m.Type().(*types.Signature).Recv().Type()).(*types.Named)
	if !ok || !c.ownCode(named.Obj().Pkg()) {
		return nil
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	pkgs := []*types.Package{named.Obj().Pkg()}
	if c.p.Pkg != pkgs[0] {
		pkgs = append(pkgs, c.p.Pkg)
	}
	for _, imp := range c.p.Pkg.Imports() {
		if imp != pkgs[0] && c.ownCode(imp) {
			pkgs = append(pkgs, imp)
		}
	}
	// An implementation that does the I/O itself wins over one that
	// reaches it through others (a decorator): the message names the
	// root, whatever round of solveFacts asks first.
	var via *noContextIO
	for _, pkg := range pkgs {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue
			}
			impl := implementation(tn.Type(), iface, m)
			if impl == nil || impl == m {
				continue
			}
			f := c.factOf(impl)
			switch {
			case f == nil:
			case f.Via == "":
				r := &noContextIO{Reason: f.Reason, Origin: funcName(impl), Via: funcName(impl), OriginPkg: originPkg(f, impl)}
				c.ifaceFacts[m] = r
				return r
			case via == nil:
				via = &noContextIO{Reason: f.Reason, Origin: f.Origin, Via: funcName(impl), OriginPkg: originPkg(f, impl)}
			}
		}
	}
	c.ifaceFacts[m] = via
	return via
}
