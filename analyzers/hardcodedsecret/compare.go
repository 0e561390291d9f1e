package hardcodedsecret

import (
	"go/ast"
	"go/types"

	"github.com/resilint/resilint/internal/lint"
)

// A credential compared rather than assigned is hardcoded all the same:
// `if password == "..."` is a backdoor, and
// subtle.ConstantTimeCompare([]byte(token), []byte("...")) a shared secret
// in the code. The constant is judged as if it were given the name of
// what it is compared with.

// compare judges value when it is compared with x, known by a
// secret-like name (password, cfg.APIKey, string(token)).
func (c *checker) compare(x, value ast.Expr) {
	x = unconvert(c.info, x)
	name := c.nameOf(x)
	if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 {
		// A looked-up value: r.FormValue("password"), os.Getenv("API_TOKEN"),
		// r.Header.Get("X-Api-Key").
		if k, ok := lint.ConstString(c.info, call.Args[0]); ok && keyLike(k) {
			name = k
		}
	}
	if name == "" || c.isMode(c.varOf(x)) {
		return // a selector of modes, compared with several literals
	}
	if _, ok := lint.ConstString(c.info, x); ok {
		return // two constants
	}
	c.check(name, "compared with "+name, value)
}

// equalFuncs are the functions that test two values for equality.
var equalFuncs = map[string]bool{
	"crypto/subtle.ConstantTimeCompare": true, "crypto/hmac.Equal": true, "bytes.Equal": true,
	"strings.EqualFold": true, "strings.Compare": true, "slices.Equal": true,
}

// equalCall judges the constant argument of an equality function when
// the other argument is known by a secret-like name.
func (c *checker) equalCall(call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	fn, ok := lint.ObjectOf(c.info, call.Fun).(*types.Func)
	if !ok || fn.Pkg() == nil || !equalFuncs[fn.Pkg().Path()+"."+fn.Name()] {
		return
	}
	c.compare(call.Args[0], call.Args[1])
	c.compare(call.Args[1], call.Args[0])
}

// unconvert strips conversions: []byte(token) is token.
func unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}
