package httptimeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// readHeaderTimeout is the value the suggested fixes use: long enough for
// any real client to send its headers, short enough to shed Slowloris.
const readHeaderTimeout = "10 * time.Second"

// serverLitFixes adds ReadHeaderTimeout to an http.Server literal that
// sets neither read timeout.
func (c *checker) serverLitFixes(lit *ast.CompositeLit) []analysis.SuggestedFix {
	timeName, importEdits, ok := c.timePackage(lit.Pos())
	if !ok {
		return nil
	}
	field := "ReadHeaderTimeout: " + strings.Replace(readHeaderTimeout, "time", timeName, 1)
	var edit analysis.TextEdit
	if len(lit.Elts) == 0 {
		edit = analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(field)}
	} else {
		last := lit.Elts[len(lit.Elts)-1]
		lastPos := c.p.Fset.Position(last.End())
		if lastPos.Line == c.p.Fset.Position(lit.Rbrace).Line {
			// Addr: addr, Handler: h}
			edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + field)}
		} else {
			// One field a line: the last one already ends with a comma.
			indent := strings.Repeat("\t", c.p.Fset.Position(last.Pos()).Column-1)
			edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(",\n" + indent + field)}
		}
	}
	return []analysis.SuggestedFix{{
		Message:   "Add ReadHeaderTimeout: " + readHeaderTimeout,
		TextEdits: append([]analysis.TextEdit{edit}, importEdits...),
	}}
}

// serveFixes rewrites http.ListenAndServe(addr, h) and its siblings into
// the same call on an http.Server with ReadHeaderTimeout set, which is
// exactly what the package-level functions do, minus the timeout.
func (c *checker) serveFixes(call *ast.CallExpr, name string) []analysis.SuggestedFix {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return nil
	}
	httpName, ok := sel.X.(*ast.Ident)
	if !ok {
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
	timeName, importEdits, ok := c.timePackage(call.Pos())
	if !ok {
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
	newText := fmt.Sprintf("(&%s.Server{%s}).%s(%s)", httpName.Name, strings.Join(fields, ", "), name, strings.Join(args, ", "))
	return []analysis.SuggestedFix{{
		Message:   "Use an http.Server with ReadHeaderTimeout: " + readHeaderTimeout,
		TextEdits: append([]analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(newText)}}, importEdits...),
	}}
}

// timePackage returns the name by which the file holding pos refers to
// package time, and the edit that imports it when the file does not.
// ok is false when the name is not usable there (shadowed, dot-imported).
func (c *checker) timePackage(pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	file := c.fileOf(pos)
	if file == nil {
		return "", nil, false
	}
	scope := c.p.Pkg.Scope().Innermost(pos)
	for _, spec := range file.Imports {
		if path, _ := strconv.Unquote(spec.Path.Value); path != "time" {
			continue
		}
		name = "time"
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name == "_" || name == "." {
			continue
		}
		_, obj := scope.LookupParent(name, pos)
		if pn, ok := obj.(*types.PkgName); ok && pn.Imported().Path() == "time" {
			return name, nil, true
		}
		return "", nil, false
	}
	if _, obj := scope.LookupParent("time", pos); obj != nil {
		return "", nil, false // something else is called time here
	}
	edit, ok := importEdit(c.p.Fset, file, "time")
	return "time", []analysis.TextEdit{edit}, ok
}

// importEdit adds an import of path to file, in sorted position within the
// first import group, as gofmt would keep it.
func importEdit(fset *token.FileSet, file *ast.File, path string) (analysis.TextEdit, bool) {
	quoted := strconv.Quote(path)
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			// import "net/http" → import ("net/http"; "time")
			spec := gd.Specs[0].(*ast.ImportSpec)
			if spec.Path.Value < quoted {
				return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + quoted)}, true
			}
			return analysis.TextEdit{Pos: gd.Pos(), End: gd.Pos(), NewText: []byte("import " + quoted + "\n")}, true
		}
		// Insert in the first group (the standard library's, by
		// convention), before the first path that sorts after ours.
		var prev ast.Spec
		for _, s := range gd.Specs {
			if prev != nil && fset.Position(s.Pos()).Line > fset.Position(prev.End()).Line+1 {
				break // a blank line ends the group
			}
			if s.(*ast.ImportSpec).Path.Value > quoted {
				return analysis.TextEdit{Pos: s.Pos(), End: s.Pos(), NewText: []byte(quoted + "\n\t")}, true
			}
			prev = s
		}
		if prev == nil {
			return analysis.TextEdit{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + quoted + "\n")}, true
		}
		return analysis.TextEdit{Pos: prev.End(), End: prev.End(), NewText: []byte("\n\t" + quoted)}, true
	}
	// No import declaration: the file cannot be using net/http by name.
	return analysis.TextEdit{}, false
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.p.Pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

func (c *checker) source(pos token.Pos) ([]byte, error) {
	return c.p.ReadFile(c.p.Fset.File(pos).Name())
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
