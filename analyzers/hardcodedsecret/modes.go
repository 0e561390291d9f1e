package hardcodedsecret

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// A variable or field that the package compares with two or more
// different non-empty string constants is a selector of modes, not a secret: an
// SMTP relay's Auth is "plain", "login" or "cram-md5" (mailpit), a
// TokenType is "bearer" or "mac". Nobody tests a password against a list
// of literals, so `Auth = "cram-md5"` names a method.

// modeNamed reports whether target, known by a secret-like name, is a
// selector of modes. The index is built only for such names.
func (c *checker) modeNamed(name string, target ast.Expr) bool {
	if _, ok := c.secretKind(name); !ok {
		return false
	}
	return c.isMode(c.varOf(target))
}

// isMode reports whether obj is compared with two or more different
// non-empty string constants in the package.
func (c *checker) isMode(obj types.Object) bool {
	if obj == nil {
		return false
	}
	if c.modes == nil {
		c.indexModes()
	}
	return len(c.modes[obj]) >= 2
}

// indexModes records, for every variable or field of the package's files,
// the string constants it is compared with (==, != or a switch case).
func (c *checker) indexModes() {
	c.modes = make(map[types.Object]map[string]bool)
	add := func(target, value ast.Expr) {
		obj := c.varOf(target)
		s, ok := lint.ConstString(c.info, value)
		if obj == nil || !ok || s == "" {
			return // a test for "" asks whether it is set, not which mode
		}
		if c.det.looksRandom(s) || humanPassword(s) {
			return // a credential, not the name of a mode: two make a backdoor
		}
		if c.modes[obj] == nil {
			c.modes[obj] = make(map[string]bool)
		}
		c.modes[obj][s] = true
	}
	for _, f := range c.p.Pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					add(n.X, n.Y)
					add(n.Y, n.X)
				}
			case *ast.SwitchStmt:
				if n.Tag == nil {
					return true
				}
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						add(n.Tag, e)
					}
				}
			}
			return true
		})
	}
}

// varOf returns the variable or field that e names (x, cfg.Auth), or nil.
func (c *checker) varOf(e ast.Expr) types.Object {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
		return v
	}
	return nil
}
