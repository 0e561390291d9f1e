package retrybackoff

import (
	"go/ast"

	"github.com/resilint/resilint/internal/lint"
)

// succeedOnCancel are the operations that return nil, not an error, when
// their context is done: a loop that leaves on their success is stopped by
// cancelling that context.
var succeedOnCancel = []struct{ pkg, typ, method string }{
	// Receive blocks until ctx is done and then returns nil.
	{"cloud.google.com/go/pubsub", "Subscription", "Receive"},
	{"cloud.google.com/go/pubsub/v2", "Subscriber", "Receive"},
}

// succeedsOnCancel reports whether an operation of the loop ends in
// success when the context it is given is done, that context being one
// the caller controls (not context.Background or TODO).
func (c *checker) succeedsOnCancel(ops []*ast.CallExpr) bool {
	for _, call := range ops {
		fn := lint.Callee(c.info, call)
		for _, s := range succeedOnCancel {
			if !lint.IsMethod(fn, s.pkg, s.typ, s.method) || len(call.Args) == 0 {
				continue
			}
			arg, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
			if !ok || !lint.IsFunc(lint.Callee(c.info, arg), "context", "Background", "TODO") {
				return true
			}
		}
	}
	return false
}
