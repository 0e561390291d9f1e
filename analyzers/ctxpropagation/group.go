package ctxpropagation

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Calls of a function that does its I/O without a context are reported
// once per callee (its root cause), not once per call: a context-less data
// layer called from 90 handlers is 90 functions to give a ctx parameter,
// not 157 findings. The call sites ride along as related locations.
//
// Where the finding sits (see rootAt):
//   - a callee declared in this package (in an analyzed file): at its
//     declaration, the line the fix changes (it gains a ctx parameter) and
//     that no new call site moves, so a baseline fingerprint and a
//     //resilint:ignore there stay put;
//   - a callee of another package of the module: facts flow from a
//     package to its dependents, so the callee's package is finished
//     before its callers are seen, and each dependent package gets one
//     finding per callee at its first call site (file name, then offset).
//
// eachCall (-ctxpropagation.each-call) restores one finding per call.

// A factCall is a call, with a context in scope, of a function that does
// its I/O without one.
type factCall struct {
	pendingCall
	fact *noContextIO
	pos  token.Position
}

// reportFactCalls judges the pending calls once the package's facts are
// known and reports them, grouped by callee unless eachCall is set.
func (c *checker) reportFactCalls() {
	var calls []factCall
	for _, pc := range c.pending {
		f := c.factOf(pc.fn)
		// Only calls in analyzed files count: a _test.go caller without
		// -tests is no reason to report the callee.
		if f == nil || !c.p.Analyzed(pc.call.Pos()) || c.afterDone(pc.cur, pc.a.fn) {
			continue
		}
		calls = append(calls, factCall{pendingCall: pc, fact: f, pos: c.p.Fset.Position(pc.call.Pos())})
	}
	slices.SortStableFunc(calls, func(x, y factCall) int {
		return cmp.Or(cmp.Compare(x.pos.Filename, y.pos.Filename), cmp.Compare(x.pos.Offset, y.pos.Offset))
	})
	if eachCall {
		for _, fc := range calls {
			c.reportRoot(fc.fn, []factCall{fc})
		}
		return
	}
	// A group is the calls of one callee, or the calls whose I/O starts
	// in one context-less layer (fn nil).
	type group struct {
		fn    *types.Func
		layer string
	}
	groups := map[group][]factCall{}
	layers := map[string]*contextlessLayer{}
	var order []group // in the order of their first call
	for _, fc := range calls {
		key := group{fn: c.wrappedRoot(fc.fn.Origin())}
		if path, l := c.layerOf(fc.fact); l != nil {
			key = group{layer: path}
			layers[path] = l
		}
		if groups[key] == nil {
			order = append(order, key)
		}
		groups[key] = append(groups[key], fc)
	}
	for _, g := range order {
		if g.fn == nil {
			c.reportLayer(g.layer, layers[g.layer], groups[g])
		} else {
			c.reportRoot(g.fn, groups[g])
		}
	}
}

// wrappedRoot follows fn's fact through the wrappers of this package
// (getClient calls c.get, which calls http.Get) to the function that drops
// the context itself, as long as each step is declared in an analyzed
// file of this package: giving that function a ctx parameter forces the
// wrappers to take one too, so their callers belong to its finding.
func (c *checker) wrappedRoot(fn *types.Func) *types.Func {
	seen := map[*types.Func]bool{}
	for !seen[fn] {
		seen[fn] = true
		cand := c.cands[fn]
		if cand == nil || cand.via == nil {
			return fn
		}
		next := cand.via.Origin()
		if c.rootAt(next) == token.NoPos || c.cands[next] == nil || c.cands[next].fact == nil {
			return fn
		}
		fn = next
	}
	return fn
}

// rootAt returns where the finding for fn's calls sits: fn's declaration
// when this package declares it in an analyzed file, else token.NoPos (at
// the first call).
func (c *checker) rootAt(fn *types.Func) token.Pos {
	if eachCall || fn.Pkg() != c.p.Pkg || !fn.Pos().IsValid() || !c.p.Analyzed(fn.Pos()) {
		return token.NoPos
	}
	return fn.Pos()
}

// reportRoot reports the calls of fn (sorted, at least one) as one
// finding. This is the only place the analyzer reports a function-call
// fact.
func (c *checker) reportRoot(fn *types.Func, calls []factCall) {
	first := calls[0]
	d := analysis.Diagnostic{Pos: first.call.Pos(), End: first.call.End(), Category: "RL505"}
	rest := calls[1:]
	if at := c.rootAt(fn); at.IsValid() {
		d.Pos, d.End = at, at+token.Pos(len(fn.Name()))
		rest = calls
		fact, wrappers := first.fact, c.wrappers(fn, calls)
		if f := c.factOf(fn); f != nil {
			fact = f
		}
		through, fix := "", "add a ctx parameter to it and pass each caller's context"
		if len(wrappers) > 0 {
			through = fmt.Sprintf(", directly or through %s of this package (%s),", plural(len(wrappers), "wrapper"), strings.Join(wrappers, ", "))
			fix = "add a ctx parameter to it and to the wrappers, and pass each caller's context"
		}
		d.Message = fmt.Sprintf("%s does its I/O without a context (%s) and is called%s from %s that %s a context in scope (%s), whose deadline and cancellation do not reach it; %s",
			funcName(fn), fact.explain(), through, plural(len(calls), "call site"), verb(len(calls), "has", "have"), c.firstCall(calls), fix)
	} else {
		more := ""
		if len(rest) > 0 {
			more = fmt.Sprintf(", here or at %d more %s in this package", len(rest), verb(len(rest), "call site", "call sites"))
		}
		d.Message = fmt.Sprintf("%s does its I/O without a context (%s), so the deadline and cancellation of %s, which is in scope, do not reach it%s; add a ctx parameter to it and pass %s",
			funcName(first.fn), first.fact.explain(), first.a.display(), more, orCtx(first.a))
	}
	for _, fc := range rest {
		called := "called here"
		if fc.fn.Origin() != fn {
			called = "called here through " + funcName(fc.fn)
		}
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos: fc.call.Pos(), End: fc.call.End(),
			Message: fmt.Sprintf("%s, where %s is in scope", called, fc.a.displayCaller()),
		})
	}
	c.p.Report(d)
}

// wrappers names, in the order of their first call, the functions other
// than fn that calls reach fn through.
func (c *checker) wrappers(fn *types.Func, calls []factCall) []string {
	var out []string
	seen := map[*types.Func]bool{fn: true}
	for _, fc := range calls {
		if w := fc.fn.Origin(); !seen[w] {
			seen[w] = true
			out = append(out, funcName(w))
		}
	}
	return out
}

// firstCall names the first call for a message: "first: api.go:88, with
// r.Context()", or without "first" when it is the only one.
func (c *checker) firstCall(calls []factCall) string {
	where := fmt.Sprintf("%s:%d, with %s", filepath.Base(calls[0].pos.Filename), calls[0].pos.Line, calls[0].a.displayCaller())
	if len(calls) == 1 {
		return where
	}
	return "first: " + where
}

// plural writes n and noun, with an s when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// verb picks the singular or plural form for a count.
func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
