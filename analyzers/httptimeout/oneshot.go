package httptimeout

import (
	"go/ast"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// reportCLI is the -httptimeout.cli flag: also report the one-shot
// requests of command-line tools (see oneShot).
var reportCLI bool

// oneShot reports whether the client request at cur is a command-line
// tool's one-shot call (lint.OneShots): `caddy reload` posting to the
// admin endpoint, `caddy upgrade` downloading a binary that is built on
// demand, `promtool debug` fetching a 30-second CPU profile. A fixed
// client timeout would cut the legitimately long ones, and the user who
// ran the command can interrupt it. Polls, goroutines and code that
// serves HTTP stay reported.
func (c *checker) oneShot(cur inspector.Cursor) bool {
	if reportCLI {
		return false
	}
	if c.once == nil {
		c.once = lint.NewOneShots(c.p.Pass)
	}
	return c.once.At(cur)
}

// staysLocal reports whether a created client lives only in its function:
// it is stored in a local variable that is only used to send requests or
// to set its fields. A client that is returned, stored or passed on
// serves its holder for as long as it lives.
func (c *checker) staysLocal(cr creation) bool {
	dest := c.destination(cr.cur)
	if len(dest) != 1 || dest[0] == nil || !isLocal(dest[0]) {
		return false
	}
	v := dest[0]
	for fn := range cr.cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		for id := range fn.Preorder((*ast.Ident)(nil)) {
			if c.info.Uses[id.Node().(*ast.Ident)] != v {
				continue
			}
			if _, ok := id.Parent().Node().(*ast.SelectorExpr); !ok {
				return false
			}
		}
		return true
	}
	return false
}
