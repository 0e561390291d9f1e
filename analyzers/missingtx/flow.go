package missingtx

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/resilint/resilint/internal/lint"
)

// mayReturn reports whether a call may return: panic, os.Exit, log.Fatal
// and the like end the path.
func (c *checker) mayReturn(call *ast.CallExpr) bool {
	return !c.stops(call, true)
}

// What a condition tells about a write's outcome.
const (
	errTest   = iota + 1 // err != nil: the write failed
	zeroTest             // n == 0: the write changed no row
	countTest            // n < batch: some other test of the rows changed
)

type derivation struct {
	w    int // index of the write
	kind int // errTest: an error; zeroTest: a row count; 0: the result
	pos  token.Pos
}

// flow holds what the counting needs about one function.
type flow struct {
	c       *checker
	u       *unit
	writes  []*write
	index   map[*ast.CallExpr]int
	derived map[*types.Var][]derivation
	g       *cfg.CFG
	events  [][]int // per block, the writes in order
	scc     []int   // per block, its strongly connected component
	loopy   []bool  // per component, whether it is a loop
	ranged  []bool  // per component, whether it is a range loop
	// noRepeat marks the writes of a loop that ends on their outcome
	// (a retry until success, a batch delete until no row is left): their
	// repetitions are not separate writes.
	noRepeat map[int]bool
	// perEvent marks the calls of event loops (see eventLoopCalls).
	perEvent map[*ast.CallExpr]bool
	// readFilled are the variables a read fills in (see produced).
	readFilled map[*types.Var]bool
}

// checkWrites reports the first path of u with too many writes outside a
// transaction.
func (c *checker) checkWrites(u *unit) {
	if u.txScope || u.body == nil {
		return
	}
	var ws []*write
	for _, w := range c.writesIn(u, false) {
		if w.org.state == nontxState {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 || minWrites < 1 {
		return
	}
	f := &flow{c: c, u: u, writes: ws, index: make(map[*ast.CallExpr]int), derived: make(map[*types.Var][]derivation), noRepeat: make(map[int]bool),
		perEvent: eventLoopCalls(c.info, u.body)}
	for i, w := range ws {
		f.index[w.call] = i
	}
	var ps []proof
	if !strict {
		ps = f.proofs()
	}
	// A write whose failure the function accepts is bookkeeping, unless
	// it is a delete of a cascade: discarding the error of one delete
	// does not make the rest of the cascade consistent.
	accepted := c.bestEffort(u.body, ws)
	for i, w := range ws {
		if accepted[w.call] && ps != nil && f.inCascade(ps, i) {
			delete(accepted, w.call)
		}
	}
	if len(accepted) == len(ws) {
		return
	}
	f.g = cfg.New(u.body, c.mayReturn)
	f.events = make([][]int, len(f.g.Blocks))
	for _, b := range f.g.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
					// A deferred write is cleanup (release a lock row),
					// one in a goroutine is not on this path.
					return false
				case *ast.CallExpr:
					if i, ok := f.index[n]; ok && !accepted[n] {
						f.events[b.Index] = append(f.events[b.Index], i)
					}
				}
				return true
			})
		}
	}
	f.derive()
	f.components()
	f.loopWrites()

	// Group the writes by database: the writes on one handle, with the
	// helpers and commits of the same family.
	type group struct {
		family, key string
	}
	var groups []group
	seen := make(map[group]bool)
	for _, w := range ws {
		if !w.wildcard && !accepted[w.call] {
			g := group{w.family, w.org.key}
			if !seen[g] {
				seen[g] = true
				groups = append(groups, g)
			}
		}
	}
	for _, w := range ws {
		if w.wildcard && !accepted[w.call] && !slices.ContainsFunc(groups, func(g group) bool { return g.family == w.family }) {
			g := group{w.family, ""}
			if !seen[g] {
				seen[g] = true
				groups = append(groups, g)
			}
		}
	}
	var best []int
	why := ""
	for _, g := range groups {
		in := func(i int) bool {
			w := ws[i]
			return !accepted[w.call] && w.family == g.family && (w.wildcard || w.org.key == g.key)
		}
		path, reason := f.longest(in), ""
		if ps != nil {
			path, reason = f.linkedPath(in, ps, path)
		}
		if len(path) >= minWrites && slices.ContainsFunc(path, func(i int) bool { return !ws[i].atomic }) && (best == nil || ws[path[0]].call.Pos() < ws[best[0]].call.Pos()) {
			best, why = path, reason
		}
	}
	if best != nil {
		f.report(best, why)
	}
}

// longest returns the writes of the path with the most writes among those
// in selects, capped a little above min-writes.
func (f *flow) longest(in func(int) bool) []int {
	limit := minWrites + 2
	n := len(f.g.Blocks)
	state := make([][]int, n)
	reached := make([]bool, n)
	var best []int
	work := []*cfg.Block{f.g.Blocks[0]}
	reached[0] = true
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		st := slices.Clone(state[b.Index])
		for _, i := range f.events[b.Index] {
			if !in(i) || len(st) >= limit || occurrences(st, i) >= f.repeats(i) || f.noRepeat[i] && slices.Contains(st, i) {
				continue
			}
			st = append(st, i)
		}
		if len(st) > len(best) {
			best = slices.Clone(st)
		}
		wi, side := -1, -1
		if len(b.Succs) == 2 && len(b.Nodes) > 0 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				if w, kind, s := f.test(cond); kind == errTest || kind == zeroTest {
					wi, side = w, s
				}
			}
		}
		for k, s := range b.Succs {
			out := st
			if k == side {
				// The write failed or changed nothing on this branch.
				if j := slices.Index(st, wi); j >= 0 {
					out = slices.Delete(slices.Clone(st), j, j+1)
				}
			}
			if !reached[s.Index] || len(out) > len(state[s.Index]) {
				reached[s.Index] = true
				state[s.Index] = out
				work = append(work, s)
			}
		}
	}
	return best
}

// derive finds the variables that hold a write's error, result or row
// count.
func (f *flow) derive() {
	info := f.c.info
	add := func(lhs ast.Expr, w, kind int, pos token.Pos) {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			return
		}
		if v, ok := info.ObjectOf(id).(*types.Var); ok {
			f.derived[v] = append(f.derived[v], derivation{w, kind, pos})
		}
	}
	assign := func(lhs []ast.Expr, rhs []ast.Expr, pos token.Pos) {
		if len(rhs) == 1 && len(lhs) > 1 {
			// res, err := db.Exec(...); n, err := res.RowsAffected()
			r := ast.Unparen(rhs[0])
			if w, kind := f.outcome(r, pos); w >= 0 {
				for _, l := range lhs {
					k := kind
					if t := info.TypeOf(l); t != nil && isErrorType(t) {
						if kind == 0 {
							k = errTest
						} else {
							continue // the error of RowsAffected
						}
					}
					add(l, w, k, pos)
				}
			}
			return
		}
		for i := range min(len(lhs), len(rhs)) {
			if w, kind := f.outcome(ast.Unparen(rhs[i]), pos); w >= 0 {
				if t := info.TypeOf(lhs[i]); kind == 0 && t != nil && isErrorType(t) {
					kind = errTest
				}
				add(lhs[i], w, kind, pos)
			}
		}
	}
	ast.Inspect(f.u.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			assign(n.Lhs, n.Rhs, n.Pos())
		case *ast.ValueSpec:
			var lhs []ast.Expr
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			assign(lhs, n.Values, n.Pos())
		}
		return true
	})
}

var countFields = []string{"RowsAffected", "MatchedCount", "ModifiedCount", "DeletedCount", "UpsertedCount"}

// outcome tells whether e is a write's outcome: the call itself (its
// result), its .Error, or a row count read from its result.
func (f *flow) outcome(e ast.Expr, pos token.Pos) (w, kind int) {
	switch x := e.(type) {
	case *ast.CallExpr:
		if i, ok := f.index[x]; ok {
			return i, 0
		}
		// res.RowsAffected(), tag.RowsAffected()
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "RowsAffected" {
			if w, kind := f.outcome(ast.Unparen(sel.X), pos); w >= 0 && kind == 0 {
				return w, zeroTest
			}
		}
	case *ast.SelectorExpr:
		if w, kind := f.outcome(ast.Unparen(x.X), pos); w >= 0 && kind == 0 {
			switch {
			case x.Sel.Name == "Error":
				return w, errTest
			case slices.Contains(countFields, x.Sel.Name):
				return w, zeroTest
			}
		}
	case *ast.Ident:
		if v, ok := f.c.info.ObjectOf(x).(*types.Var); ok {
			var last *derivation
			for i, d := range f.derived[v] {
				if d.pos < pos && (last == nil || d.pos > last.pos) {
					last = &f.derived[v][i]
				}
			}
			if last != nil {
				return last.w, last.kind
			}
		}
	}
	return -1, 0
}

// test reads a condition on a write's outcome: which write, what kind of
// test, and the successor (0: then, 1: else) on which the write failed or
// changed nothing (-1 for a countTest).
func (f *flow) test(cond ast.Expr) (w, kind, side int) {
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return -1, 0, -1
	}
	x, y, op := ast.Unparen(be.X), ast.Unparen(be.Y), be.Op
	if isNil(f.c.info, x) {
		x, y = y, x
	}
	if isNil(f.c.info, y) && (op == token.NEQ || op == token.EQL) {
		if w, kind := f.outcome(x, cond.Pos()); w >= 0 && kind == errTest {
			if op == token.NEQ {
				return w, errTest, 0
			}
			return w, errTest, 1
		}
		return -1, 0, -1
	}
	v := lint.ConstValue(f.c.info, y)
	if v == nil {
		if v = lint.ConstValue(f.c.info, x); v == nil {
			return -1, 0, -1
		}
		x = y
		op = mirror(op)
	}
	w, kind = f.outcome(x, cond.Pos())
	if w < 0 || kind != zeroTest || v.Kind() != constant.Int {
		return -1, 0, -1
	}
	n, _ := constant.Int64Val(v)
	switch {
	case op == token.EQL && n == 0, op == token.LSS && n == 1, op == token.LEQ && n == 0:
		return w, zeroTest, 0
	case op == token.NEQ && n == 0, op == token.GTR && n == 0, op == token.GEQ && n == 1:
		return w, zeroTest, 1
	}
	return w, countTest, -1
}

func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// components computes the strongly connected components of the graph
// (Tarjan).
func (f *flow) components() {
	n := len(f.g.Blocks)
	f.scc = make([]int, n)
	index := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next, comp := 0, 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		on[v] = true
		for _, s := range f.g.Blocks[v].Succs {
			w := int(s.Index)
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			size := 0
			self := false
			ranged := false
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[w] = false
				f.scc[w] = comp
				size++
				b := f.g.Blocks[w]
				for _, s := range b.Succs {
					if int(s.Index) == w {
						self = true
					}
				}
				if b.Kind == cfg.KindRangeLoop {
					ranged = true
				}
				if w == v {
					break
				}
			}
			f.loopy = append(f.loopy, size > 1 || self)
			f.ranged = append(f.ranged, ranged)
			comp++
		}
	}
	for i := range n {
		if index[i] < 0 {
			visit(i)
		}
	}
}

// loopWrites finds the writes of loops that end on their outcome.
func (f *flow) loopWrites() {
	blockOf := make(map[int]int)
	for b, evs := range f.events {
		for _, i := range evs {
			blockOf[i] = b
		}
	}
	for _, b := range f.g.Blocks {
		if !b.Live || len(b.Succs) != 2 || len(b.Nodes) == 0 || !f.loopy[f.scc[b.Index]] {
			continue
		}
		cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
		if !ok {
			continue
		}
		w, kind, side := f.test(cond)
		if w < 0 {
			continue
		}
		comp := f.scc[b.Index]
		if wb, ok := blockOf[w]; !ok || f.scc[wb] != comp {
			continue
		}
		leaves := func(k int) bool { return f.scc[b.Succs[k].Index] != comp }
		switch kind {
		case errTest:
			// A retry: the loop ends once the write succeeds.
			if leaves(1 - side) {
				f.noRepeat[w] = true
			}
		case zeroTest, countTest:
			// A batch loop: it ends once the write changes few rows.
			if !f.ranged[comp] && (leaves(0) || leaves(1)) {
				f.noRepeat[w] = true
			}
		}
	}
}

func (f *flow) report(path []int, why string) {
	fset := f.c.pass.Fset
	first := f.writes[path[0]]
	var parts []string
	parts = append(parts, first.what+" here")
	seen := map[int]bool{path[0]: true}
	var related []analysis.RelatedInformation
	for _, i := range path[1:] {
		w := f.writes[i]
		if seen[i] {
			parts = append(parts, w.what+" again in a loop")
			continue
		}
		seen[i] = true
		parts = append(parts, fmt.Sprintf("%s at line %d", w.what, fset.Position(w.call.Pos()).Line))
		related = append(related, analysis.RelatedInformation{Pos: w.call.Pos(), End: w.call.End(), Message: w.what})
	}
	n := len(path)
	count := fmt.Sprint(n)
	if n >= minWrites+2 {
		count = fmt.Sprintf("%d or more", n)
	}
	if why != "" {
		why = "; " + why
	}
	f.c.p.Report(analysis.Diagnostic{Pos: first.call.Pos(), End: first.call.End(), Category: "RL301", Related: related, Message: fmt.Sprintf(
		"%s writes on one path run outside a transaction (%s)%s: if one fails or the process stops between them, the data is left half-written; %s",
		count, strings.Join(parts, ", "), why, fixFor(first.family))})
}

func fixFor(family string) string {
	switch family {
	case "sql":
		return "run them in one transaction (db.BeginTx, defer tx.Rollback(), tx.Commit())"
	case "pgx":
		return "run them in one transaction (pgx.BeginFunc, or pool.Begin with defer tx.Rollback(ctx))"
	case "gorm":
		return "run them in one transaction (db.Transaction(func(tx *gorm.DB) error {...}))"
	case "mongo":
		return "run them in one transaction (session.WithTransaction)"
	}
	return "run them in one transaction"
}

// repeats is how many times write i counts on a path that repeats it in a
// loop: two (it runs many times), or one in an event loop, whose
// iterations each handle a job received or a tick (see eventLoopCalls).
func (f *flow) repeats(i int) int {
	if f.perEvent[f.writes[i].call] {
		return 1
	}
	return 2
}

// eventLoopCalls returns the calls in body whose innermost loop is an
// event loop: a for with no condition or a range over a channel (a
// worker's job queue, time.Tick). Each iteration is a separate unit of
// work, started by its own event, so writes of different iterations do not
// make one half-written change.
func eventLoopCalls(info *types.Info, body *ast.BlockStmt) map[*ast.CallExpr]bool {
	out := make(map[*ast.CallExpr]bool)
	var loops []bool // per enclosing loop, whether it is an event loop
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch top.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				loops = loops[:len(loops)-1]
			}
			return true
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.ForStmt:
			loops = append(loops, n.Cond == nil)
		case *ast.RangeStmt:
			isChan := false
			if t := info.TypeOf(n.X); t != nil {
				_, isChan = t.Underlying().(*types.Chan)
			}
			loops = append(loops, isChan)
		case *ast.CallExpr:
			if len(loops) > 0 && loops[len(loops)-1] {
				out[n] = true
			}
		}
		return true
	})
	return out
}

// occurrences counts i in path.
func occurrences(path []int, i int) int {
	n := 0
	for _, x := range path {
		if x == i {
			n++
		}
	}
	return n
}
