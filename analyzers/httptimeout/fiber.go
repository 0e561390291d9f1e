package httptimeout

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

const fiberPkg = "github.com/gofiber/fiber/v2"

// checkFiberNew reports fiber.New when the app's config sets no
// ReadTimeout. fiber v2 serves through fasthttp, where a zero ReadTimeout
// means no limit on reading a request and IdleTimeout falls back to it, so
// one slow client holds a connection for ever. It is judged at New, not at
// Listen: the app is often created in one package and started in another.
//
// Only a config the function can see is judged: none, a literal, or a
// local variable last assigned a literal (and not given a ReadTimeout
// afterwards). A config from a parameter, a field or a helper's result
// (configs.FiberConfig()) is the author's choice.
func (c *checker) checkFiberNew(cur inspector.Cursor, call *ast.CallExpr) {
	var fixes []analysis.SuggestedFix
	switch {
	case call.Ellipsis.IsValid() || len(call.Args) > 1:
		return
	case len(call.Args) == 0:
		fixes = c.fiberConfigFix(call)
	default:
		lit, ok := c.fiberConfigLit(cur, call.Args[0])
		if !ok {
			return
		}
		set, zero := c.litField(lit, "ReadTimeout")
		if set && !zero {
			return
		}
		if !set {
			fixes = c.addFieldFix(lit, "ReadTimeout")
		}
	}
	if c.lambdaOnly() {
		return
	}
	c.p.ReportRule("RL102", call, "fiber.New's config has no ReadTimeout, which fasthttp takes as no limit "+
		"(and IdleTimeout falls back to it): slow clients (Slowloris) can hold every connection open "+
		"and exhaust the server; set ReadTimeout", fixes...)
}

// fiberConfigLit returns the fiber.Config literal that e is, or that the
// local variable e was last assigned before the call, provided the
// function gives that variable no non-zero ReadTimeout in between.
func (c *checker) fiberConfigLit(cur inspector.Cursor, e ast.Expr) (*ast.CompositeLit, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e, true
	case *ast.Ident:
		assigns, _ := c.scope(cur)
		a, ok := lastAssign(c.info, e, cur.Node().Pos(), assigns)
		if !ok || a.index != 0 {
			return nil, false
		}
		lit, ok := ast.Unparen(a.rhs).(*ast.CompositeLit)
		if !ok || c.fieldSetBetween(e, "ReadTimeout", a.pos, cur.Node().Pos(), assigns) {
			return nil, false
		}
		return lit, true
	}
	return nil, false
}

// fieldSetBetween reports whether v.field is assigned a value other than
// a constant zero between from and to (cfg.ReadTimeout = d).
func (c *checker) fieldSetBetween(v *ast.Ident, field string, from, to token.Pos, assigns []assign) bool {
	want := pathOf(c.info, v)
	for _, a := range assigns {
		lhs := pathOf(c.info, a.lhs)
		if a.pos > from && a.pos < to && len(lhs) == len(want)+1 && hasPrefix(lhs, want) &&
			lhs[len(want)].Name() == field && !a.zero(c.info) {
			return true
		}
	}
	return false
}

// fiberConfigFix turns fiber.New() into fiber.New(fiber.Config{ReadTimeout: ...}).
func (c *checker) fiberConfigFix(call *ast.CallExpr) []analysis.SuggestedFix {
	fix := c.p.NewFix(call.Pos())
	fiberName, ok1 := fix.Import(fiberPkg)
	timeName, ok2 := fix.Import("time")
	if !ok1 || !ok2 {
		return nil
	}
	fix.Insert(call.Rparen, fiberName+".Config{ReadTimeout: "+strings.Replace(readHeaderTimeout, "time", timeName, 1)+"}")
	return fix.Fix("Add ReadTimeout: " + readHeaderTimeout)
}

// lambdaOnly reports whether the package runs as an AWS Lambda function
// (it imports aws-lambda-go's lambda) and never starts a fiber app on a
// socket (no App.Listen...): API Gateway hands it each request in process,
// through an adapter, and no client ever connects to the app.
func (c *checker) lambdaOnly() bool {
	if c.lambda == nil {
		lambda, listens := false, false
		for _, imp := range c.p.Pkg.Imports() {
			lambda = lambda || imp.Path() == "github.com/aws/aws-lambda-go/lambda"
		}
		for cur := range c.p.Preorder((*ast.CallExpr)(nil)) {
			fn := lint.Callee(c.info, cur.Node().(*ast.CallExpr))
			listens = listens || fn != nil && strings.HasPrefix(fn.Name(), "Listen") && lint.IsMethod(fn, fiberPkg, "App", fn.Name())
		}
		only := lambda && !listens
		c.lambda = &only
	}
	return *c.lambda
}
