// Package hardcodedsecret defines an Analyzer that reports credentials
// hardcoded in source code.
package hardcodedsecret

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

var Analyzer = &analysis.Analyzer{
	Name:     "hardcodedsecret",
	Doc:      Doc,
	URL:      lint.DocsURL + "hardcodedsecret.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

var common lint.Common

func init() { common.Register(&Analyzer.Flags) }

const fixAdvice = "anyone who can read the repository or its history can use it; rotate it and load it from the environment or a secret manager"

// The messages show a secret only through mask.

func providerMessage(m *Match) string {
	return "hardcoded " + m.Rule.Description + " (" + mask(m.Secret) + humanNote(m.Human) + "): " + fixAdvice
}

func namedMessage(kind, context, value string, human bool) string {
	return "hardcoded " + kind + " " + context + " (" + mask(value) + humanNote(human) + "): " + fixAdvice
}

// humanNote marks a finding whose secret passed as a password a person
// chose rather than as a random value: it is weaker, and likely reused.
func humanNote(human bool) string {
	if human {
		return ", looks human-chosen"
	}
	return ""
}

// A checker holds one package's traversal state.
type checker struct {
	p    *lint.Pass
	info *types.Info
	det  *detector

	// scanned and reported hold constant expressions (string literals or
	// concatenations of constants, outermost) already scanned and
	// already reported: a secret is reported once, at its literal.
	scanned  map[ast.Expr]bool
	reported map[ast.Expr]bool
	// constDecl maps the package's string constants to the expressions
	// that declare their values.
	constDecl map[*types.Const]ast.Expr
	// pending are secret-named uses of constants, judged at the
	// constant's declaration once the whole package has been seen.
	pending []pendingUse
	kinds   map[string]cachedKind // see (*checker).secretKind
	// modes maps variables and fields to the string constants they are
	// compared with; built on first use (see isMode).
	modes map[types.Object]map[string]bool
}

type pendingUse struct {
	obj                 *types.Const
	name, kind, context string
}

func run(pass *analysis.Pass) (any, error) {
	if lint.TestSupport(pass.Pkg) && !common.Tests {
		return nil, nil
	}
	c := &checker{
		p:         lint.NewPass(pass, &common),
		info:      pass.TypesInfo,
		det:       newDetector(current()),
		scanned:   make(map[ast.Expr]bool),
		reported:  make(map[ast.Expr]bool),
		constDecl: make(map[*types.Const]ast.Expr),
		kinds:     make(map[string]cachedKind),
	}
	nodes := []ast.Node{
		(*ast.BasicLit)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.CallExpr)(nil),
		(*ast.BinaryExpr)(nil),
	}
	for cur := range c.p.Preorder(nodes...) {
		switch n := cur.Node().(type) {
		case *ast.BasicLit:
			c.literal(cur, n)
		case *ast.AssignStmt:
			c.assign(n)
		case *ast.ValueSpec:
			c.valueSpec(n)
		case *ast.CompositeLit:
			c.compositeLit(n)
		case *ast.CallExpr:
			c.call(n)
			c.equalCall(n)
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				c.compare(n.X, n.Y)
				c.compare(n.Y, n.X)
			}
		}
	}
	for _, f := range pass.Files {
		c.embedded(f)
	}
	for _, u := range c.pending {
		if e := c.constDecl[u.obj]; e != nil {
			c.named(u.name, u.kind, u.context, e)
		}
	}
	return nil, nil
}

// testFileRE matches the names of files that hold test fixtures outside
// _test.go files: testcert.go, keys_test_data.go, test_fixtures.go, and
// test doubles: mock_domains.go, fake_client.go.
var testFileRE = regexp.MustCompile(`(?:^|[_.\-])(?:test(?:s|ing|data|util|utils|cert|certs|keys?|helpers?|fixtures?|only)?|mocks?|fakes?)(?:[_.\-]|$)`)

// fixtureFile reports whether the file holding pos is a test fixture file.
func (c *checker) fixtureFile(pos token.Pos) bool {
	if common.Tests {
		return false
	}
	tf := c.p.Fset.File(pos)
	return tf != nil && testFileRE.MatchString(filepath.Base(tf.Name()))
}

// literal runs the provider rules on the outermost constant expression
// holding a string literal.
func (c *checker) literal(cur inspector.Cursor, lit *ast.BasicLit) {
	if lit.Kind != token.STRING {
		return
	}
	var outer ast.Expr = lit
	for p := cur.Parent(); ; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.ImportSpec, *ast.Field:
			return // import paths, struct tags
		case *ast.ParenExpr:
			outer = n
			continue
		case *ast.BinaryExpr:
			if _, ok := lint.ConstString(c.info, n); ok && n.Op == token.ADD {
				outer = n
				continue
			}
		}
		break
	}
	if c.scanned[outer] || c.fixtureFile(outer.Pos()) {
		return
	}
	c.scanned[outer] = true
	s, ok := lint.ConstString(c.info, outer)
	if !ok {
		if s, ok = unquote(lit); !ok {
			return
		}
	}
	for _, m := range c.det.scan(s) {
		if c.inConstOperand(outer, m.Secret) {
			continue // reported where that constant is declared
		}
		c.reported[outer] = true
		c.p.Report(analysis.Diagnostic{
			Pos: outer.Pos(), End: outer.End(), Category: m.Rule.ID,
			Message: providerMessage(&m),
		})
	}
}

func unquote(lit *ast.BasicLit) (string, bool) {
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// inConstOperand reports whether secret is in the value of a named
// constant that e concatenates.
func (c *checker) inConstOperand(e ast.Expr, secret string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if _, ok := lint.ObjectOf(c.info, n.(ast.Expr)).(*types.Const); ok {
				if v, ok := lint.ConstString(c.info, n.(ast.Expr)); ok && strings.Contains(v, secret) {
					found = true
				}
			}
			return false
		}
		return true
	})
	return found
}

// The name-based rule. Each context below pairs a name with a value.

func (c *checker) assign(as *ast.AssignStmt) {
	if (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		if name := c.nameOf(lhs); name != "" && !c.modeNamed(name, lhs) {
			c.check(name, "assigned to "+name, as.Rhs[i])
		}
	}
}

func (c *checker) valueSpec(vs *ast.ValueSpec) {
	if len(vs.Names) != len(vs.Values) {
		return
	}
	for i, id := range vs.Names {
		v := ast.Unparen(vs.Values[i])
		if obj, ok := c.info.Defs[id].(*types.Const); ok {
			if _, ok := lint.ConstString(c.info, v); ok {
				c.constDecl[obj] = v
			}
		}
		c.check(id.Name, "assigned to "+id.Name, v)
	}
}

// nameOf returns the name an assignment target is known by: x, s.Password,
// m["db_password"].
func (c *checker) nameOf(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if e.Name != "_" {
			return e.Name
		}
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		if k, ok := lint.ConstString(c.info, e.Index); ok && keyLike(k) {
			return k
		}
	}
	return ""
}

func (c *checker) compositeLit(cl *ast.CompositeLit) {
	tv, ok := c.info.Types[cl]
	if !ok || tv.Type == nil {
		return
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Pointer:
		return
	case *types.Struct:
		for i, elt := range cl.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && !c.modeNamed(id.Name, id) {
					c.check(id.Name, "in field "+id.Name, kv.Value)
				}
			} else if i < u.NumFields() {
				name := u.Field(i).Name()
				c.check(name, "in field "+name, elt)
			}
		}
	case *types.Map:
		for _, elt := range cl.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if k, ok := lint.ConstString(c.info, kv.Key); ok && keyLike(k) {
					c.check(k, "under key "+strconv.Quote(k), kv.Value)
				}
			}
		}
	case *types.Slice, *types.Array:
		// Flag-style pairs: []string{"--password", "..."}.
		for i := 1; i < len(cl.Elts); i++ {
			if k, ok := lint.ConstString(c.info, cl.Elts[i-1]); ok && keyLike(k) {
				c.check(strings.TrimLeft(k, "-"), "after "+strconv.Quote(k), cl.Elts[i])
			}
		}
	}
}

// call judges the arguments of a call by the callee's parameter names
// (req.SetBasicAuth(user, password)) and by a preceding name argument
// (os.Setenv("DB_PASSWORD", v)).
func (c *checker) call(call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	tv, ok := c.info.Types[call.Fun]
	if ok && tv.IsType() {
		return // a conversion
	}
	var params *types.Tuple
	variadic := false
	if ok {
		if sig, ok := tv.Type.Underlying().(*types.Signature); ok {
			params, variadic = sig.Params(), sig.Variadic()
		}
	}
	for i, arg := range call.Args {
		if params != nil && params.Len() > 0 {
			j := min(i, params.Len()-1)
			if i < params.Len() || variadic {
				if name := params.At(j).Name(); name != "" && !(variadic && j == params.Len()-1) {
					if _, ok := c.secretKind(name); ok {
						c.check(name, "passed as "+name+" to "+calleeName(call.Fun), arg)
						continue
					}
				}
			}
		}
		// A value passed after a key ("-password", pw): both must be
		// constant strings. Most arguments are not, and that is the
		// cheaper test.
		if i > 0 && mayBeConstString(arg) {
			if k, ok := lint.ConstString(c.info, call.Args[i-1]); ok && keyLike(k) {
				c.check(strings.TrimLeft(k, "-"), "passed after "+strconv.Quote(k)+" to "+calleeName(call.Fun), arg)
			}
		}
	}
}

// mayBeConstString reports whether e can be a constant string, through
// conversions ([]byte("...")): a literal, a name, a selector, a
// concatenation or a call. It is a syntactic pre-filter for check.
func mayBeConstString(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr:
		return true
	case *ast.BinaryExpr:
		return e.Op == token.ADD
	}
	return false
}

// secretKind is secretKind(name), cached: a package passes the same
// parameter names again and again.
func (c *checker) secretKind(name string) (string, bool) {
	k, ok := c.kinds[name]
	if !ok {
		kind, found := secretKind(name)
		k = cachedKind{kind, found}
		c.kinds[name] = k
	}
	return k.kind, k.found
}

type cachedKind struct {
	kind  string
	found bool
}

// calleeName is how a message names a callee: url.UserPassword,
// req.Header.Set.
func calleeName(fun ast.Expr) string {
	fun = ast.Unparen(fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	if s := types.ExprString(fun); len(s) <= 40 {
		return s
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	return "a function"
}

// check judges a value given a secret-like name in the given context, and
// a value given a provider's name (cloudflareKey) by that provider's
// format.
func (c *checker) check(name, context string, value ast.Expr) {
	kind, ok := c.secretKind(name)
	named := c.det.hasNamedRule(name)
	if !ok && !named {
		return
	}
	e := ast.Unparen(value)
	// []byte("..."), string(b), Secret("..."): the conversion does not
	// change what the value is.
	for {
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			break
		}
		if tv, ok := c.info.Types[call.Fun]; !ok || !tv.IsType() {
			break
		}
		e = ast.Unparen(call.Args[0])
	}
	if _, ok := lint.ConstString(c.info, e); !ok {
		return
	}
	if named && hasLiteral(e) && c.providerNamed(name, e) || !ok {
		return
	}
	if !hasLiteral(e) {
		// A named constant of this package: judged at its declaration.
		if obj, ok := lint.ObjectOf(c.info, e).(*types.Const); ok && obj.Pkg() == c.p.Pkg {
			c.pending = append(c.pending, pendingUse{obj, name, kind, context})
		}
		return
	}
	c.named(name, kind, context, e)
}

// providerNamed reports the constant expression e if a rule that needs
// the provider's name finds a credential in it, given that name.
func (c *checker) providerNamed(name string, e ast.Expr) bool {
	if c.reported[e] || c.fixtureFile(e.Pos()) {
		return c.reported[e]
	}
	s, _ := lint.ConstString(c.info, e)
	if len(c.det.scan(s)) > 0 {
		return false // reported by literal, on its own
	}
	ms := c.det.scanNamed(name, s)
	for _, m := range ms {
		c.reported[e] = true
		c.p.Report(analysis.Diagnostic{
			Pos: e.Pos(), End: e.End(), Category: m.Rule.ID,
			Message: providerMessage(&m),
		})
	}
	return len(ms) > 0
}

// named reports the constant expression e, given a secret-like name, if
// its value looks like a credential.
func (c *checker) named(name, kind, context string, e ast.Expr) {
	if c.reported[e] || c.fixtureFile(e.Pos()) {
		return
	}
	s, ok := lint.ConstString(c.info, e)
	if !ok || len(c.det.scan(s)) > 0 {
		// Provider formats are reported by literal, with their name.
		return
	}
	report, human := c.det.judgeNamed(name, kind, s)
	if !report {
		return
	}
	c.reported[e] = true
	c.p.Report(analysis.Diagnostic{
		Pos: e.Pos(), End: e.End(), Category: "name",
		Message: namedMessage(kind, context, s, human),
	})
}

// spells reports whether value spells (part of) name, as enum values do:
// KeyUsageTr31M7HmacKey = "TR31_M7_HMAC_KEY".
func spells(name, value string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			if r >= 'A' && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return -1
		}, s)
	}
	v := norm(value)
	return len(v) >= 4 && strings.Contains(norm(name), v)
}

func hasLiteral(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			found = true
		}
		return !found
	})
	return found
}
