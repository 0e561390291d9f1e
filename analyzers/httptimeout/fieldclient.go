package httptimeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// A clientStore is a store into an unexported struct field or package
// variable: s.hc = x, &API{hc: x}, var client = x.
type clientStore struct {
	obj   *types.Var
	value ast.Expr
}

// noteStore records the stores of a node into unexported fields and
// package variables (see checkFieldClients).
func (c *checker) noteStore(cur inspector.Cursor) {
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		for _, a := range assignsOf(n) {
			if a.index == 0 {
				c.addStore(lint.ObjectOf(c.info, a.lhs), a.rhs)
			}
		}
	case *ast.ValueSpec:
		for _, a := range assignsOf(n) {
			if a.index == 0 {
				c.addStore(lint.ObjectOf(c.info, a.lhs), a.rhs)
			}
		}
	case *ast.KeyValueExpr:
		lit, ok := cur.Parent().Node().(*ast.CompositeLit)
		if !ok {
			return
		}
		t := c.info.TypeOf(lit)
		if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
			t = p.Elem()
		}
		if t == nil {
			return
		}
		if _, isStruct := t.Underlying().(*types.Struct); !isStruct {
			return // a map's keys are values, not fields
		}
		if key, ok := n.Key.(*ast.Ident); ok {
			c.addStore(c.info.ObjectOf(key), n.Value)
		}
	}
}

func (c *checker) addStore(obj types.Object, value ast.Expr) {
	v, ok := obj.(*types.Var)
	if !ok || v.Exported() || v.Pkg() != c.p.Pkg || isLocal(v) {
		return // an exported one may be set by other packages
	}
	c.stores = append(c.stores, clientStore{v, value})
}

// checkFieldClients reports http.DefaultClient stored into an unexported
// field or package variable that the package stores nothing else into,
// and whose Timeout it does not set: every method that sends through the
// field sends with no timeout. The finding is at the store, once, not at
// each method that uses the field: that is where the fix goes. A field
// that also receives another client (an option, a constructor argument)
// holds http.DefaultClient only as a fallback, which is not judged here.
func (c *checker) checkFieldClients(configured map[types.Object]bool) {
	if c.defaultBounded {
		return // the program gives http.DefaultClient a timeout
	}
	onlyDefault := make(map[*types.Var]bool)
	for _, s := range c.stores {
		def := lint.IsPkgVar(c.info, s.value, httpPkg, "DefaultClient")
		if prev, seen := onlyDefault[s.obj]; seen {
			onlyDefault[s.obj] = prev && def
		} else {
			onlyDefault[s.obj] = def
		}
	}
	for _, s := range c.stores {
		if !onlyDefault[s.obj] || configured[s.obj] || !c.p.Analyzed(s.value.Pos()) {
			continue
		}
		what := "field " + s.obj.Name()
		if !s.obj.IsField() {
			what = "variable " + s.obj.Name()
		}
		c.p.ReportRule("RL101", s.value, "http.DefaultClient stored in "+what+" has no timeout: "+
			"every request sent through it blocks its caller for as long as a slow server wants; "+
			"store an http.Client with Timeout set")
	}
}
