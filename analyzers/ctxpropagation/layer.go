package ctxpropagation

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/lint"
)

// A context-less layer is a package of the module written without
// contexts: several of its functions drop the context themselves (they
// call database/sql's context-less methods, http.Get, ...) and (almost)
// none takes one. A data layer like that (a storage package of 90 methods)
// is one design decision, not 90 mistakes: one finding per callee would
// bury each dependent package under dozens that all say the same thing,
// and that reviewers call borderline one by one (a single-row lookup gains
// little from a deadline; the layer as a whole does). So the calls a
// package makes whose I/O starts in such a layer (the layer's functions,
// and functions elsewhere that reach the layer: validators, wrappers) are
// one finding, at the first, with every call site related.
// -ctxpropagation.each-callee lists them one per callee again.

// contextlessLayer is the package fact of a context-less layer.
type contextlessLayer struct {
	// Funcs counts the package's functions that do I/O without a
	// context; WithCtx those that take one.
	Funcs, WithCtx int
}

func (*contextlessLayer) AFact() {}

func (f *contextlessLayer) String() string {
	return fmt.Sprintf("contextlessLayer(%d functions without a context, %d with)", f.Funcs, f.WithCtx)
}

// minLayerFuncs is how many context-less I/O functions make a layer: one
// or two are omissions a reviewer fixes one by one.
const minLayerFuncs = 3

// exportLayer exports the package's contextlessLayer fact when the package
// is one: at least minLayerFuncs functions that drop the context
// themselves, and fewer than one in four as many function declarations
// (outside test code) that take a context, by parameter or by a receiver
// field, as functions with facts. The few that do are usually methods an
// external interface forces on it (autocert.Cache's Get(ctx, key) on a
// storage type).
func (c *checker) exportLayer() {
	if c.std || c.valuesOnly {
		return
	}
	funcs, own := 0, 0
	for _, cand := range c.cands {
		if cand.fact != nil {
			funcs++
			if cand.fact.Via == "" {
				own++
			}
		}
	}
	if own < minLayerFuncs {
		return
	}
	withCtx := 0
	for _, f := range c.p.Pass.Files {
		// Test code is not the layer (generated code is: sqlc's queries).
		if !ast.IsGenerated(f) && lint.SkipFile(c.p.Fset, f, false) {
			continue
		}
		for _, d := range f.Decls {
			if decl, ok := d.(*ast.FuncDecl); ok && (c.sourceOf(decl.Type) != nil || c.receiverSource(decl) != nil) {
				withCtx++
			}
		}
	}
	if withCtx*4 >= funcs {
		return
	}
	c.p.ExportPackageFact(&contextlessLayer{Funcs: funcs, WithCtx: withCtx})
}

// layerOf returns the path and fact of the context-less layer, other than
// this package, where the I/O behind fact f starts; "" and nil when there
// is none (and always with each-callee or each-call).
func (c *checker) layerOf(f *noContextIO) (string, *contextlessLayer) {
	if eachCallee || eachCall || f.OriginPkg == "" || f.OriginPkg == c.p.Pkg.Path() {
		return "", nil
	}
	if c.layerFacts == nil {
		c.layerFacts = map[string]*contextlessLayer{}
		for _, pf := range c.p.AllPackageFacts() {
			if l, ok := pf.Fact.(*contextlessLayer); ok {
				c.layerFacts[pf.Package.Path()] = l
			}
		}
	}
	l := c.layerFacts[f.OriginPkg]
	if l == nil {
		return "", nil
	}
	return f.OriginPkg, l
}

// reportLayer reports this package's calls into one context-less layer
// (sorted, at least one) as one finding at the first.
func (c *checker) reportLayer(path string, layer *contextlessLayer, calls []factCall) {
	first := calls[0]
	callees := map[*types.Func]bool{}
	for _, fc := range calls {
		callees[fc.fn.Origin()] = true
	}
	also := ""
	if layer.WithCtx > 0 {
		also = fmt.Sprintf(" (%d take one)", layer.WithCtx)
	}
	d := analysis.Diagnostic{
		Pos: first.call.Pos(), End: first.call.End(), Category: "RL505",
		Message: fmt.Sprintf("package %s is a context-less layer, %d of its functions do I/O without a context%s, and this package reaches it through %s (here %s: %s) from %s that %s a context in scope (%s), whose deadline and cancellation never reach that I/O; give the layer's functions a ctx parameter and pass the callers' contexts",
			path, layer.Funcs, also, plural(len(callees), "function"), funcName(first.fn), first.fact.explain(),
			plural(len(calls), "call site"), verb(len(calls), "has", "have"), c.firstCall(calls)),
	}
	for _, fc := range calls[1:] {
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos: fc.call.Pos(), End: fc.call.End(),
			Message: fmt.Sprintf("calls %s here, where %s is in scope", funcName(fc.fn), fc.a.displayCaller()),
		})
	}
	c.p.Report(d)
}
