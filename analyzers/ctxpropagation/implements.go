package ctxpropagation

import (
	"go/types"
)

// An implKey is a context parameter of an interface method.
type implKey struct {
	m *types.Func
	i int
}

// inertImplementations reports whether parameter i of m, a method of an
// interface of the module, is inert in every implementation that the
// interface's own package declares (and it declares one at least): etcd's mvcc.ReadView,
// whose Range is implemented in mvcc by read views and transactions that
// only poll their context while they scan the in-memory index. An
// interface with an implementation elsewhere, a remote store behind a
// port, is read by its implementations here, so the rule asks that each of
// them uses the context (polls it, or passes it on to inert code): one
// that discards it (func (m *memStore) Get(_ context.Context, ...)) is a
// stand-in that says nothing of what the interface means its context for.
func (c *checker) inertImplementations(m *types.Func, i int) bool {
	key := implKey{m, i}
	if r, ok := c.implInert[key]; ok {
		return r
	}
	// An implementation that forwards to the interface itself (a read
	// view that opens a transaction of the same interface) is judged
	// with the interface assumed inert; if it is not, every verdict
	// reached under that assumption is forgotten.
	c.implInert[key] = true
	start := len(c.inertLog)
	r := c.judgeImplementations(m, i)
	c.implInert[key] = r
	if !r {
		for _, fn := range c.inertLog[start:] {
			delete(c.inert, fn)
		}
		c.inertLog = c.inertLog[:start]
	}
	return r
}

func (c *checker) judgeImplementations(m *types.Func, i int) bool {
	named, ok := types.Unalias(m.Type().(*types.Signature).Recv().Type()).(*types.Named)
	if !ok || !c.ownCode(named.Obj().Pkg()) {
		return false
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	scope := named.Obj().Pkg().Scope()
	found := 0
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue
		}
		impl := implementation(tn.Type(), iface, m)
		if impl == nil {
			continue
		}
		if !c.usesContextInertly(impl, i) {
			return false
		}
		found++
	}
	return found > 0
}

// implementation returns the method of t (or *t) that implements m of
// iface, or nil when neither implements iface.
func implementation(t types.Type, iface *types.Interface, m *types.Func) *types.Func {
	if !types.Implements(t, iface) {
		t = types.NewPointer(t)
		if !types.Implements(t, iface) {
			return nil
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
	fn, _ := obj.(*types.Func)
	return fn
}

// usesContextInertly reports whether parameter i of an implementation is
// named, used, and inert (see inertAt); a method promoted from an
// embedded interface is judged by that interface's implementations.
func (c *checker) usesContextInertly(impl *types.Func, i int) bool {
	sig := impl.Type().(*types.Signature)
	if r := sig.Recv(); r != nil && types.IsInterface(r.Type()) {
		return c.inertImplementations(impl, i)
	}
	if i >= sig.Params().Len() {
		return false
	}
	if name := sig.Params().At(i).Name(); name == "_" || name == "" {
		return false
	}
	return c.inertAt(impl, i)
}
