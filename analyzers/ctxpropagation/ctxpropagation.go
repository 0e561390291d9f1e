// Package ctxpropagation defines an Analyzer that reports a context that is
// available but dropped instead of passed on.
package ctxpropagation

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"honnef.co/go/tools/analysis/facts/deprecated"

	"github.com/resilint/resilint/internal/lint"
)

var Analyzer = &analysis.Analyzer{
	Name:      "ctxpropagation",
	Doc:       Doc,
	URL:       lint.DocsURL + "ctxpropagation.md",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, deprecated.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*noContextIO)(nil), (*inertContext)(nil), (*contextlessLayer)(nil)},
}

var (
	common lint.Common
	// extraTwins lists "pkg.Func=pkg.FuncCtx" pairs, comma-separated.
	extraTwins string
	// extraContextTypes lists "pkg.Type=expr" pairs, comma-separated.
	extraContextTypes string
	// logging opts in to logging APIs with a context-taking twin.
	logging bool
	// eachCall reports every call of a context-less function of the
	// module, instead of one finding per callee (see group.go), and every
	// GORM statement, instead of one per function (see gormgroup.go).
	eachCall bool
	// eachCallee reports the calls into a context-less layer once per
	// callee, like any other package's, instead of once per layer (see
	// layer.go).
	eachCallee bool
)

func init() {
	common.Register(&Analyzer.Flags)
	Analyzer.Flags.StringVar(&extraTwins, "extra-twins", "",
		`comma-separated "pkgpath.Func=pkgpath.FuncCtx" (or "pkgpath.Type.Method=pkgpath.Type.MethodCtx") pairs: calls of the first where a context is available are reported`)
	Analyzer.Flags.StringVar(&extraContextTypes, "extra-context-types", "",
		`comma-separated "pkgpath.Type=expr" pairs: a parameter of that type (or a pointer to it) makes a context available, written as the parameter's name followed by expr (".Context()", ".Request().Context()"; empty when the value is a context.Context)`)
	Analyzer.Flags.BoolVar(&logging, "logging", false,
		"also report logging calls that have a context-taking twin (slog.Info where slog.InfoContext exists)")
	Analyzer.Flags.BoolVar(&eachCall, "each-call", false,
		"report every call of a function of the module that does its I/O without a context, and every GORM statement without WithContext, instead of one finding per such function (per enclosing function for GORM) listing the others")
	Analyzer.Flags.BoolVar(&eachCallee, "each-callee", false,
		"report the calls into a context-less layer (a package of the module whose functions almost never take a context) once per function of the layer, instead of once per layer")
}

// A checker holds one package's state.
type checker struct {
	// registersCtxValidation caches whether the package registers a
	// context-taking validation (see inertValidator); nil until asked.
	registersCtxValidation *bool
	p                      *lint.Pass
	// deprecated holds the objects whose doc says "Deprecated:", in this
	// package and its dependencies: a deprecated twin is not offered.
	deprecated map[types.Object]*deprecated.IsDeprecated
	launched   map[ast.Node]bool // launchedByGo's answer per function literal
	info       *types.Info
	sources    []ctxSource
	table      map[string]tableTwin
	twins      map[twinKey]*twin
	ctxType    *types.Interface
	// std: the package is part of the standard library (see inStd),
	// whose functions get no facts and are covered by the twin table.
	std bool
	// valuesOnly: the package is a versioned dependency, judged only for
	// the context parameters that its functions read values from (see
	// libraryInert).
	valuesOnly bool

	// facts of the package's own functions, computed after the traversal.
	cands   map[*types.Func]*candidate
	pending []pendingCall
	// cached per-function properties
	detaches map[ast.Node]bool
	nilGuard map[ast.Node]bool
	fresh    map[*types.Var]bool
	// valueUses holds the package's functions used as values (see
	// funcValues), computed on first use.
	valueUses map[types.Object]bool
	srcCache  map[*ast.FuncType]*avail // see cachedSource
	// inert holds the judged context parameters of the package's
	// functions (see localInert); decls their declarations.
	ins   *inspector.Inspector
	inert map[*types.Func][]bool
	// implInert holds the judged context parameters of interface methods
	// (see inertImplementations); inertLog lists the functions in inert
	// in the order they were judged.
	implInert map[implKey]bool
	inertLog  []*types.Func
	// rootArgs holds, per unexported function, which context parameters
	// every call fills with a fresh root (see rootOnly).
	rootArgs map[*types.Func][]bool
	decls    map[*types.Func]inspector.Cursor
	// bound holds, per function, the package variables whose default
	// context it sets from its parameters (see binds).
	bound map[*types.Func]map[int][]*types.Var
	// goStarted holds the package's functions a go statement starts
	// (see goHelpers).
	goStarted map[*types.Func]bool
	// varFuncs holds the package variables declared with a function
	// (var get = http.Get; see pkgVarFunc).
	varFuncs   map[*types.Var]*types.Func
	localFuncs map[*types.Var]*types.Func // see funcValueCallee
	recvSrc    map[*ast.FuncDecl]*avail   // see receiverSource
	// ifaceFacts caches the facts of interface methods (see ifaceFact).
	ifaceFacts map[*types.Func]*noContextIO
	// memo holds the fill spans of the package's memoized getters (see
	// memoFills); gormCalls the GORM statements to report (see gormgroup.go).
	memo      map[*ast.FuncDecl][]span
	gormCalls []gormCall
	// layerFacts holds the context-less layers among the dependencies, by
	// path (see layerOf), read on first use.
	layerFacts map[string]*contextlessLayer
}

func run(pass *analysis.Pass) (any, error) {
	// A versioned dependency is run only for its facts, and they are read
	// only by its own module's packages (see ownCode): nothing to do.
	if pass.Pkg.Path() != "context" && !lint.DependsOn(pass.Pkg, "context") {
		return nil, nil
	}
	if lint.Dependency(pass) {
		libraryInert(pass)
		return nil, nil
	}
	ctxIface := contextInterface(pass.Pkg)
	if ctxIface == nil {
		return nil, nil
	}
	p := lint.NewPass(pass, &common)
	c := &checker{
		p:          p,
		info:       pass.TypesInfo,
		sources:    append(append([]ctxSource(nil), builtinSources...), parseContextTypes(extraContextTypes)...),
		table:      twinTable(extraTwins),
		deprecated: pass.ResultOf[deprecated.Analyzer].(deprecated.Result).Objects,
		twins:      make(map[twinKey]*twin),
		ctxType:    ctxIface,
		std:        inStd(pass),
		cands:      make(map[*types.Func]*candidate),
		detaches:   make(map[ast.Node]bool),
		nilGuard:   make(map[ast.Node]bool),
		fresh:      make(map[*types.Var]bool),
		srcCache:   make(map[*ast.FuncType]*avail),
		ins:        pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		inert:      make(map[*types.Func][]bool),
		implInert:  make(map[implKey]bool),
	}
	// One traversal over every file, analyzed or not: facts describe what
	// a function does wherever it is written (p.Report drops findings in
	// files that are not analyzed).
	for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
		c.visitCall(cur, cur.Node().(*ast.CallExpr))
	}
	c.solveFacts()
	c.exportLayer()
	c.exportInert()
	c.reportFactCalls()
	c.reportGorm()
	return nil, nil
}

// contextInterface returns the context.Context interface as pkg sees it.
func contextInterface(pkg *types.Package) *types.Interface {
	seen := make(map[*types.Package]bool)
	var find func(p *types.Package) *types.Package
	find = func(p *types.Package) *types.Package {
		if p.Path() == "context" {
			return p
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				if r := find(imp); r != nil {
					return r
				}
			}
		}
		return nil
	}
	ctxPkg := find(pkg)
	if ctxPkg == nil {
		return nil
	}
	obj, ok := ctxPkg.Scope().Lookup("Context").(*types.TypeName)
	if !ok {
		return nil
	}
	iface, _ := obj.Type().Underlying().(*types.Interface)
	return iface
}

func (c *checker) visitCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn := lint.Callee(c.info, call)
	if fn == nil {
		fn = c.funcValueCallee(cur, call)
	}
	if fn == nil {
		return
	}
	fresh := lint.IsFunc(fn, "context", "Background", "TODO")
	var tw *twin
	if !fresh {
		tw = c.twinFor(fn, call)
		if tw != nil && (c.contextAttachedLater(cur, call, fn) || c.unixDial(fn, call) ||
			c.reboundForContextCall(cur, call, fn) || c.attachedInExpr(cur, call, fn) ||
			tw.fn != nil && retainsContext(tw.fn)) {
			tw = nil
		}
	}
	gormExec := tw == nil && isGormExec(fn)
	freshArg := ""
	if !fresh && tw == nil && !gormExec {
		freshArg = c.freshArgTarget(cur, call, fn)
	}
	ownFunc := c.propagates(fn)
	if !fresh && tw == nil && !gormExec && freshArg == "" && !ownFunc {
		return
	}
	a, decl := c.contextAt(cur)
	if tw != nil && (a == nil || c.imposedSignature(a)) && c.returnsRequest(cur, call, fn) {
		// A request builder: whoever sends the request gives it a
		// context. One with a context parameter is only spared when its
		// signature is imposed (the parameter is unnamed or _, or the
		// function fills a slot in a table of builders): a builder
		// called directly with a ctx it ignores drops it.
		return
	}
	if a == nil && freshArg != "" && c.returnsRequest(cur, call, fn) {
		return // a context-less builder, as above
	}
	if a == nil {
		if decl != nil && !c.inMemoFill(call, decl) {
			c.recordTrigger(decl, fn, tw, freshArg, ownFunc)
		}
		return
	}
	switch {
	case fresh:
		c.checkFresh(cur, call, fn, a)
	case tw != nil:
		c.checkTwin(cur, call, fn, tw, a)
	case gormExec:
		c.checkGorm(cur, call, fn, a)
	case ownFunc && !a.goroutine:
		// Not in a goroutine: detached work (a flusher that drains after
		// ctx is done) must not take the context it was started under.
		c.pending = append(c.pending, pendingCall{cur: cur, call: call, fn: fn, a: a})
	}
}

// funcName names fn for messages: pkg.Func or pkg.Type.Method.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// funcKey is fn's key in the twin table: pkgpath.Func or pkgpath.Type.Method.
func funcKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return fn.Name()
	}
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		t := sig.Recv().Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Origin().Obj().Name() + "." + name
		}
	}
	return fn.Pkg().Path() + "." + name
}

// splitList splits a comma-separated setting.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// splitQualified splits "pkg/path.A.B" into "pkg/path" and [A B].
func splitQualified(s string) (string, []string) {
	slash := strings.LastIndex(s, "/")
	dot := strings.Index(s[slash+1:], ".")
	if dot < 0 {
		return "", nil
	}
	dot += slash + 1
	return s[:dot], strings.Split(s[dot+1:], ".")
}
