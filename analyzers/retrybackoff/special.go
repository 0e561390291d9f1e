package retrybackoff

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/resilint/resilint/internal/lint"
)

// Two loops that are not retries of one operation, but can still spin:
// a regenerate-on-collision loop (each try draws a new random key, so
// there is nothing to back off from) that takes every error for a
// collision, and a loop over an iterator that skips every read error.

// randomPkgs are the packages whose calls draw a random value or a fresh
// identifier.
var randomPkgs = []string{
	"math/rand", "math/rand/v2", "crypto/rand",
	"github.com/google/uuid", "github.com/gofrs/uuid", "github.com/satori/go.uuid",
	"github.com/oklog/ulid", "github.com/oklog/ulid/v2", "github.com/rs/xid",
	"github.com/segmentio/ksuid", "github.com/teris-io/shortid", "github.com/matoous/go-nanoid/v2",
}

// randomCall reports whether call draws a random value: a call into one
// of randomPkgs, or a function whose name says it does (randomString,
// generateCode, newUUID).
func (c *checker) randomCall(call *ast.CallExpr) bool {
	fn := lint.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	for _, p := range randomPkgs {
		if fn.Pkg().Path() == p {
			return true
		}
	}
	name := strings.ToLower(fn.Name())
	for _, w := range []string{"rand", "uuid", "ulid", "nanoid"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	// generateCode, genSlug: a generated identifier, not generated content.
	if strings.HasPrefix(name, "gen") {
		for _, w := range []string{"id", "key", "code", "slug", "name", "token", "secret", "salt", "suffix"} {
			if strings.Contains(name, w) {
				return true
			}
		}
	}
	return false
}

// drawsKey reports whether an operation is given a value the loop draws
// afresh each time: a random call in its arguments or receiver, or a
// variable assigned in the loop from one, or filled by rand.Read there.
func (c *checker) drawsKey(body *ast.BlockStmt, ops []*ast.CallExpr) bool {
	filled := make(map[types.Object]bool) // buffers rand.Read fills in the loop
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && c.randomCall(call) {
			for _, a := range call.Args {
				if obj := lint.ObjectOf(c.info, a); obj != nil {
					filled[obj] = true
				}
			}
		}
		return true
	})
	// password, err = genRandomPassword(n): a tuple assigned from a
	// random call
	drawnBy := make(map[types.Object]bool)
	for call, lhs := range c.cur.opAssigns {
		if c.randomCall(call) {
			for _, l := range lhs {
				if obj := lint.ObjectOf(c.info, l); obj != nil {
					drawnBy[obj] = true
				}
			}
		}
	}
	// seen records the shallowest depth at which each variable's
	// assignments were followed, so that a variable assigned in many places
	// (generated state machines assign the same few variables thousands of
	// times) is expanded a bounded number of times, not once per path.
	var seen map[*types.Var]int
	var random func(e ast.Expr, depth int) bool
	random = func(e ast.Expr, depth int) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				found = found || c.randomCall(n)
			case *ast.Ident:
				v, ok := c.info.Uses[n].(*types.Var)
				if !ok || depth > 4 {
					break
				}
				if filled[v] || drawnBy[v] {
					found = true
				}
				if d, ok := seen[v]; ok && d <= depth {
					break
				}
				seen[v] = depth
				for _, a := range c.cur.assigns[v] {
					if a.rhs != nil && random(a.rhs, depth+1) {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	for _, call := range ops {
		exprs := call.Args
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			exprs = append([]ast.Expr{sel.X}, exprs...)
		}
		for _, e := range exprs {
			seen = make(map[*types.Var]int)
			if random(e, 0) {
				return true
			}
		}
	}
	return false
}

// checkIterLoop reports an endless loop over an iterator (a reader, a
// decoder, a stream) that leaves on io.EOF and goes round on any other
// error: a reader that keeps failing (a truncated input, a broken
// connection) returns the same error on every call, and the loop spins
// forever. It reports whether it reported.
func (c *checker) checkIterLoop(fs *ast.ForStmt, fl *flow) bool {
	if fs.Cond != nil && !c.trivialCond(fs.Cond) {
		return false
	}
	var errObj types.Object
	eof, skips := false, false
	// The skipped error must be the read's: the same assignment of the
	// error variable must reach the io.EOF test and the skip (a later
	// err = validate(row); if err != nil { continue } skips one item).
	var eofFrom, skipFrom ast.Stmt
	for i, s := range fs.Body.List {
		is, ok := s.(*ast.IfStmt)
		if !ok || is.Init != nil {
			continue
		}
		if obj := c.eofTest(is.Cond); obj != nil && fl.thenOut(is) == exit {
			errObj, eof = obj, true
			eofFrom = c.lastAssigning(fs.Body.List[:i], obj)
			continue
		}
		obj, neq, ok := c.nilCmp(is.Cond)
		if !ok || !neq || is.Else != nil || !c.justContinues(is.Body, fl) {
			continue
		}
		if errObj != nil && obj == errObj && c.lastAssigning(fs.Body.List[:i], obj) != eofFrom {
			continue
		}
		if errObj == nil {
			skipFrom = c.lastAssigning(fs.Body.List[:i], obj)
		}
		if len(is.Body.List) > 0 {
			// if err != nil { if err == io.EOF { break }; continue }
			for _, inner := range is.Body.List {
				if ii, ok := inner.(*ast.IfStmt); ok && c.eofTest(ii.Cond) == obj && fl.thenOut(ii) == exit {
					eof = true
				}
			}
		}
		if errObj == nil || errObj == obj {
			errObj, skips = obj, true
		}
	}
	if !eof || !skips || errObj == nil || eofFrom != nil && skipFrom != nil && skipFrom != eofFrom {
		return false
	}
	ops := c.ops(fs.Body, errObj)
	if len(ops) == 0 {
		return false
	}
	for _, call := range ops {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !c.outsideLoop(c.rootOf(sel.X)) {
			return false // not reading from something that outlives the loop
		}
	}
	c.p.Report(analysis.Diagnostic{Pos: fs.For, End: fs.For + token.Pos(len("for")), Category: "RL605", Message: "loop over a reader skips every error but io.EOF: " +
		"a reader that keeps failing (a truncated input, a broken connection) returns the same error on every call " +
		"and the loop spins forever; return the error, or skip only the errors known to concern one item"})
	return true
}

// lastAssigning returns the last statement of list that assigns obj.
func (c *checker) lastAssigning(list []ast.Stmt, obj types.Object) ast.Stmt {
	for i := len(list) - 1; i >= 0; i-- {
		found := false
		ast.Inspect(list[i], func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if lint.ObjectOf(c.info, l) == obj {
						found = true
					}
				}
			case *ast.ValueSpec:
				for _, name := range n.Names {
					if c.info.Defs[name] == obj {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			return list[i]
		}
	}
	return nil
}

// eofTest returns the error variable a condition compares with io.EOF
// (err == io.EOF, errors.Is(err, io.EOF)), or nil.
func (c *checker) eofTest(cond ast.Expr) types.Object {
	isEOF := func(e ast.Expr) bool { return lint.IsPkgVar(c.info, e, "io", "EOF") }
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.EQL {
			return nil
		}
		switch {
		case isEOF(e.Y):
			return lint.ObjectOf(c.info, e.X)
		case isEOF(e.X):
			return lint.ObjectOf(c.info, e.Y)
		}
	case *ast.CallExpr:
		if lint.IsFunc(lint.Callee(c.info, e), "errors", "Is") && len(e.Args) == 2 && isEOF(e.Args[1]) {
			return lint.ObjectOf(c.info, e.Args[0])
		}
	}
	return nil
}

// justContinues reports whether a block goes round again whatever
// happens, except for an io.EOF test that leaves: it ends in continue, and
// its other statements are plain (logging, counting) with no other exit.
func (c *checker) justContinues(b *ast.BlockStmt, fl *flow) bool {
	n := len(b.List)
	if n == 0 {
		return false
	}
	br, ok := b.List[n-1].(*ast.BranchStmt)
	if !ok || br.Tok != token.CONTINUE || br.Label != nil {
		return false
	}
	for _, s := range b.List[:n-1] {
		switch s := s.(type) {
		case *ast.ExprStmt, *ast.AssignStmt, *ast.IncDecStmt:
		case *ast.IfStmt:
			if c.eofTest(s.Cond) == nil || fl.thenOut(s) != exit {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// checkCollision reports a regenerate-on-collision loop that goes round
// on every error (it does not single out the duplicate-key error) and has
// no bound: an outage of the store it writes to spins it forever.
func (c *checker) checkCollision(loop ast.Stmt, forPos token.Pos, fl *flow, body *ast.BlockStmt, r *retry, sc *scan) {
	if r.weak || r.failure&exit != 0 || c.bounded(loop, fl, body, r, sc) {
		return
	}
	if sel, _ := c.selective(body, r.err); sel {
		return
	}
	c.p.Report(analysis.Diagnostic{Pos: forPos, End: forPos + token.Pos(len("for")), Category: "RL606", Message: "retry loop draws a new random key " +
		"after every error and never gives up: it takes any failure for a collision, so an outage of the store spins it forever; " +
		"retry only on the duplicate-key error, and bound the attempts"})
}
