package httptimeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// readHeaderTimeout is the value the suggested fixes use: long enough for
// any real client to send its headers, short enough to shed Slowloris.
const readHeaderTimeout = "10 * time.Second"

// serverLitFixes adds ReadHeaderTimeout to an http.Server literal that
// sets neither read timeout.
func (c *checker) serverLitFixes(lit *ast.CompositeLit) []analysis.SuggestedFix {
	return c.addFieldFix(lit, "ReadHeaderTimeout")
}

// addFieldFix adds the timeout field name, set to readHeaderTimeout, to a
// keyed composite literal.
func (c *checker) addFieldFix(lit *ast.CompositeLit, name string) []analysis.SuggestedFix {
	fix := c.p.NewFix(lit.Pos())
	timeName, ok := fix.Import("time")
	if !ok {
		return nil
	}
	field := name + ": " + strings.Replace(readHeaderTimeout, "time", timeName, 1)
	if len(lit.Elts) == 0 {
		fix.Insert(lit.Rbrace, field)
	} else {
		last := lit.Elts[len(lit.Elts)-1]
		lastPos := c.p.Fset.Position(last.End())
		if lastPos.Line == c.p.Fset.Position(lit.Rbrace).Line {
			// Addr: addr, Handler: h}
			fix.Insert(last.End(), ", "+field)
		} else {
			// One field a line: the last one already ends with a comma.
			indent := strings.Repeat("\t", c.p.Fset.Position(last.Pos()).Column-1)
			fix.Insert(last.End(), ",\n"+indent+field)
		}
	}
	return fix.Fix("Add " + name + ": " + readHeaderTimeout)
}

// serveFixes rewrites http.ListenAndServe(addr, h) and its siblings into
// the same call on an http.Server with ReadHeaderTimeout set, which is
// exactly what the package-level functions do, minus the timeout.
func (c *checker) serveFixes(call *ast.CallExpr, name string) []analysis.SuggestedFix {
	if _, ok := call.Fun.(*ast.SelectorExpr); !ok || call.Ellipsis.IsValid() {
		return nil
	}
	// Which arguments become fields and which stay arguments, by function.
	var addr, handler ast.Expr
	var rest []ast.Expr
	a := call.Args
	switch {
	case name == "ListenAndServe" && len(a) == 2:
		addr, handler = a[0], a[1]
	case name == "ListenAndServeTLS" && len(a) == 4:
		addr, handler, rest = a[0], a[3], a[1:3]
	case name == "Serve" && len(a) == 2:
		handler, rest = a[1], a[:1]
	case name == "ServeTLS" && len(a) == 4:
		handler, rest = a[1], []ast.Expr{a[0], a[2], a[3]}
	default:
		return nil
	}
	// The handler moves before the other arguments: only do that when at
	// most one argument can have side effects.
	calls := 0
	for _, arg := range call.Args {
		if hasCall(arg) {
			calls++
		}
	}
	if calls > 1 {
		return nil
	}
	fix := c.p.NewFix(call.Pos())
	timeName, ok1 := fix.Import("time")
	httpName, ok2 := fix.Import("net/http")
	if !ok1 || !ok2 {
		return nil
	}
	src, err := c.source(call.Pos())
	if err != nil {
		return nil
	}
	text := func(e ast.Expr) string {
		tf := c.p.Fset.File(e.Pos())
		return string(src[tf.Offset(e.Pos()):tf.Offset(e.End())])
	}
	var fields []string
	if addr != nil {
		fields = append(fields, "Addr: "+text(addr))
	}
	if !isNil(c.p.TypesInfo, handler) {
		fields = append(fields, "Handler: "+text(handler))
	}
	fields = append(fields, "ReadHeaderTimeout: "+strings.Replace(readHeaderTimeout, "time", timeName, 1))
	var args []string
	for _, e := range rest {
		args = append(args, text(e))
	}
	newText := fmt.Sprintf("(&%s.Server{%s}).%s(%s)", httpName, strings.Join(fields, ", "), name, strings.Join(args, ", "))
	kept := make([]ast.Node, len(call.Args))
	for i, arg := range call.Args {
		kept[i] = arg // copied into the new text
	}
	fix.Replace(call.Pos(), call.End(), newText, kept...)
	return fix.Fix("Use an http.Server with ReadHeaderTimeout: " + readHeaderTimeout)
}

func (c *checker) source(pos token.Pos) ([]byte, error) {
	name := c.p.Fset.File(pos).Name()
	if c.p.ReadFile == nil { // nogo leaves Pass.ReadFile unset
		return os.ReadFile(name)
	}
	return c.p.ReadFile(name)
}

// hasCall reports whether evaluating e may run code: a call or a receive.
func hasCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}
