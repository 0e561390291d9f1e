package ctxpropagation

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/resilint/resilint/internal/lint"
)

// Cleanup after a failure (abort the multipart upload, roll back what was
// created, release a lock) runs because the work failed, and the failure
// is often ctx's own cancellation or deadline: with ctx the cleanup would
// fail too. A fresh context there is deliberate, like a deferred call's.

// errorCleanupWords are the words of a cleanup call's name.
var errorCleanupWords = []string{"abort", "cancel", "rollback", "cleanup", "clean", "undo", "revert", "discard", "release", "unlock", "remove", "delete"}

// cleanupOnError reports whether the call at cur cleans up (its name says
// so) inside the body of is, an error branch: is tests an error against
// nil.
func (c *checker) cleanupOnError(cur inspector.Cursor, is *ast.IfStmt) bool {
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok || call.Pos() < is.Body.Pos() || call.End() > is.Body.End() {
		return false
	}
	fn := lint.Callee(c.info, call)
	if fn == nil || !cleanupName(fn.Name()) {
		return false
	}
	return c.testsError(is.Cond)
}

func cleanupName(name string) bool {
	name = strings.ToLower(name)
	for _, w := range errorCleanupWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// testsError reports whether cond compares a value of type error with nil
// (err != nil, possibly among other conditions).
func (c *checker) testsError(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok || found || b.Op != token.NEQ {
			return !found
		}
		isErr := func(e ast.Expr) bool {
			t := c.info.TypeOf(e)
			return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
		}
		found = isErr(b.X) && c.info.Types[b.Y].IsNil() || isErr(b.Y) && c.info.Types[b.X].IsNil()
		return !found
	})
	return found
}
